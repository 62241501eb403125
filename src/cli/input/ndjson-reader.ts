/**
 * NDJSON / JSON Lines into a {@link RawTable}: one JSON object per line, read line by line.
 *
 * @module
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CliInputError } from './cli-input-error.ts';
import { type Progress, type RawTable } from './raw-table.ts';
import { fileError } from './source.ts';

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
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of reader) {
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
    reader.close();
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
