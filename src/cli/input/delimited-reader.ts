/**
 * Delimited text files (CSV, TSV, `;`- or `|`-separated, white-space-separated) into a {@link RawTable},
 * streamed: rows are parsed as the file is read.
 *
 * Quoted fields (RFC 4180, with `""` for a quote, delimiters and line breaks inside) are read by
 * csv-parse. Line numbers are counted here rather than taken from the parser: a record starts on the
 * line after the previous one ended (an empty line is a record of one empty field), and spans one more
 * line for each line break inside its fields — so a quoted field with line breaks moves every later
 * number right. Files split by runs of white space have no quoting; they are read line by line.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { CliInputError } from './cli-input-error.ts';
import { type Delimiter, detectDelimiter, headerLine } from './delimiter.ts';
import { DelimitedTable, type Progress, type RawTable } from './raw-table.ts';
import { fileError } from './source.ts';
import { LineCounter, utf8Text } from './utf8-text.ts';

/**
 * @internal How many line breaks (`\r\n`, `\n` or `\r`) a field holds: the lines it spans beyond its first.
 *
 * @param text - a field's value
 * @returns the count of line breaks
 */
export function lineBreaksIn(text: string): number {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return 0;
  const lines = new LineCounter();
  lines.add(text);
  return lines.breaks;
}

/**
 * Read a delimited file into a table.
 *
 * @param file - the file, for messages
 * @param stream - its (decompressed) bytes
 * @param given - the delimiter named by the caller (`'whitespace'` for runs of spaces), else detected
 * @param progress - called back as rows are read
 * @param onHeader - called with the header's names before any row is read
 * @returns the table
 * @throws {@link CliInputError} for an empty file, a wrong delimiter, a row of the wrong width, a quote
 *   left open
 */
export async function readDelimited(
  file: string,
  stream: Readable,
  given: string | undefined,
  progress: Progress,
  onHeader?: (columns: string[]) => void,
): Promise<RawTable> {
  const chunks = utf8Text(file, stream);
  try {
    let head = '';
    // Enough text to hold the header line (the first that is not empty): the delimiter is told from it.
    for (let chunk = await next(file, chunks); chunk !== null; chunk = await next(file, chunks)) {
      head += chunk;
      const body = firstLineOnward(head);
      if (headerLine(body).length < body.length) break;
    }
    const delimiter: Delimiter | string = given ?? detectDelimiter(headerLine(firstLineOnward(head)));
    const table = new DelimitedTable(file, delimiter, progress, onHeader);
    const rest = restOf(file, chunks);
    if (delimiter === 'whitespace') await splitWhitespace(head, rest, table);
    else await parseQuoted(file, head, rest, delimiter, table);
    return table.finish();
  } finally {
    stream.destroy();
  }
}

/** The text from its first line that holds anything, without a byte-order mark. */
function firstLineOnward(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/^[\r\n]+/, '');
}

/** The next chunk, with stream errors as {@link CliInputError}s. */
async function next(file: string, chunks: AsyncGenerator<string>): Promise<string | null> {
  try {
    const result = await chunks.next();
    return result.done === true ? null : result.value;
  } catch (error) {
    throw fileError(file, error);
  }
}

async function* restOf(file: string, chunks: AsyncGenerator<string>): AsyncGenerator<string> {
  for (let chunk = await next(file, chunks); chunk !== null; chunk = await next(file, chunks)) yield chunk;
}

/** Lines split at runs of white space; a line is a record (no quoting). */
async function splitWhitespace(head: string, rest: AsyncGenerator<string>, table: DelimitedTable): Promise<void> {
  let line = 1;
  let pending = head.replace(/^\uFEFF/, '');
  const take = (final: boolean): void => {
    const breaks = /\r\n|\n|\r/g;
    let start = 0;
    for (let match = breaks.exec(pending); match !== null; match = breaks.exec(pending)) {
      // A `\r` at the end of the text may be the first half of a `\r\n` still to come.
      if (!final && match[0] === '\r' && match.index === pending.length - 1) break;
      row(pending.slice(start, match.index));
      start = match.index + match[0].length;
    }
    pending = pending.slice(start);
    if (final && pending !== '') row(pending);
  };
  const row = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed !== '') table.row(trimmed.split(/\s+/), line);
    line++;
  };
  take(false);
  for await (const chunk of rest) {
    pending += chunk;
    take(false);
  }
  take(true);
}

/** Records parsed by csv-parse, with the line each starts on counted here. */
async function parseQuoted(file: string, head: string, rest: AsyncGenerator<string>, delimiter: string, table: DelimitedTable): Promise<void> {
  // Empty lines come through as records of one empty field, passed over by the table but counted
  // here as lines (the parser's own line count is not used: it is not the line a record starts on).
  const parser = parse({
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  let nextLine = 1;
  let failure: unknown = null;
  parser.on('data', (record: string[]) => {
    if (failure !== null) return;
    try {
      const start = nextLine;
      let breaks = 0;
      for (const field of record) breaks += lineBreaksIn(field);
      nextLine = start + breaks + 1;
      table.row(record, start);
    } catch (error) {
      failure = error;
      parser.destroy();
    }
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
    parser.on('error', reject);
  });
  try {
    const feed = async (): Promise<void> => {
      const write = async (text: string): Promise<void> => {
        if (failure !== null || parser.write(text)) return;
        // Resumed when the parser has room again, or has stopped (an error, a bad row).
        await new Promise<void>((resolve) => {
          const go = (): void => {
            parser.off('drain', go);
            parser.off('close', go);
            resolve();
          };
          parser.on('drain', go);
          parser.on('close', go);
        });
      };
      if (head !== '') await write(head);
      for await (const chunk of rest) {
        if (failure !== null || parser.destroyed) break;
        await write(chunk);
      }
      if (!parser.destroyed) parser.end();
    };
    await Promise.all([feed(), finished]);
  } catch (error) {
    if (failure !== null) throw failure;
    if (error instanceof CliInputError) throw error;
    throw csvError(file, error as CsvError, nextLine);
  }
  if (failure !== null) throw failure;
}

/** csv-parse's error about the record starting at `line` as a {@link CliInputError}. */
function csvError(file: string, error: CsvError, line: number): CliInputError {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new CliInputError({ file, line, reason: 'a quoted field that starts here is never closed', fix: 'Close the quote, and write a quote inside a quoted value as two ("").' }, { cause: error });
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return new CliInputError({ file, line, reason: 'a quoted field is followed by text before the delimiter', fix: 'Write a quote inside a quoted value as two ("").' }, { cause: error });
  }
  return new CliInputError({ file, line, reason: `the row cannot be read (${error.message})`, fix: 'Check the quoting of the row.' }, { cause: error });
}
