/**
 * NDJSON / JSON Lines into a {@link RawTable}: one JSON object per line, read line by line.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { CliInputError } from './cli-input-error.ts';
import { type Progress, type RawTable } from './raw-table.ts';
import { fileError } from './source.ts';
import { utf8Text } from './utf8-text.ts';

/**
 * Read an NDJSON file: each line that is not blank is one JSON object (its keys are columns; the
 * columns are every key any line has, in the order first seen). Values keep their JSON types.
 *
 * @param file - the file, for messages
 * @param stream - its (decompressed) bytes
 * @param progress - called back as rows are read
 * @returns the table; positions are physical lines (blank lines count)
 * @throws {@link CliInputError} for a line that is not JSON or not an object, and for a file without one
 */
export async function readNdjson(file: string, stream: Readable, progress: Progress): Promise<RawTable> {
  const records: Array<Record<string, unknown>> = [];
  const lines: number[] = [];
  const columns = new Set<string>();
  let line = 0;
  try {
    for await (const raw of textLines(utf8Text(file, stream))) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      const record = parseLine(file, text, line);
      for (const key of Object.keys(record)) columns.add(key);
      records.push(record);
      lines.push(line);
      progress.tick(records.length);
    }
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw fileError(file, error);
  } finally {
    stream.destroy();
  }
  if (records.length === 0) {
    throw new CliInputError({ file, reason: 'the file holds no records', fix: 'An NDJSON file of orders holds one JSON object per line.' });
  }
  progress.done(records.length);
  return { columns: [...columns], records, lines, position: 'line' };
}

/** One line as a JSON object, or an error naming the line. */
function parseLine(file: string, text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    throw new CliInputError({
      file, line, value: text,
      reason: `the line is not JSON (${JSON.stringify(shown)})`,
      fix: 'Each line of an NDJSON file must be one JSON object, e.g. {"customer_id": "7", "date": "2024-06-30", "total": "19.99"}.',
    }, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliInputError({
      file, line, value,
      reason: `the line holds ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, not an object`,
      fix: 'Each line of an NDJSON file must be one JSON object, e.g. {"customer_id": "7", "date": "2024-06-30", "total": "19.99"}.',
    });
  }
  return value as Record<string, unknown>;
}

/**
 * The lines of a text: broken at LF, CRLF (also when split between chunks) or a lone CR; a last line
 * without a break is a line, a final break adds none.
 */
async function* textLines(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const text of texts) {
    pending += text;
    let start = 0;
    for (let i = 0; i < pending.length; i++) {
      const c = pending.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // A CR at the end of what has arrived may be the first half of a CRLF: wait for the next chunk.
      if (c === 13 && i === pending.length - 1) break;
      yield pending.slice(start, i);
      if (c === 13 && pending.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    pending = pending.slice(start);
  }
  const last = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
  if (last !== '' || pending.endsWith('\r')) yield last;
}
