/**
 * `readOrders(path)`: an orders file (CSV and other delimited text, Parquet, NDJSON; optionally
 * gzipped) into records for the core `ledger`, with the columns to read them by.
 *
 * The reader checks what only it can name by line — the file, its header and the width of its rows,
 * the columns, and the dates — and leaves the rest to the ledger: ids and amounts pass as read
 * (amounts as strings, which the ledger reads exactly), and an `InvalidInputError` of the ledger names a
 * record index that {@link OrdersFile.lineOf} turns into a line.
 *
 * @module
 */
import { CliInputError, columnHolds } from './cli-input-error.ts';
import { type ChosenColumns, type ColumnChoice, chooseColumns } from './column-choice.ts';
import { DATE_FIX, normalizeDateText } from './date-text.ts';
import { readDelimited } from './delimited-reader.ts';
import { resolveDelimiter } from './delimiter.ts';
import { type OrdersFormat, formatOf } from './format.ts';
import { readNdjson } from './ndjson-reader.ts';
import { Progress, type RawTable } from './raw-table.ts';
import { openFile } from './source.ts';

export type { ColumnChoice } from './column-choice.ts';
export type { OrdersFormat } from './format.ts';
export { CliInputError } from './cli-input-error.ts';
export { fromLedgerError } from './ledger-error.ts';

/** Options of {@link readOrders}. */
export interface ReadOrdersOptions {
  /** Column names given by flags; the others are guessed from common names. */
  columns?: Partial<ColumnChoice>;
  /** The format; else told from the extension (`.csv`/`.tsv`/`.txt`, `.parquet`, `.ndjson`/`.jsonl`). */
  format?: OrdersFormat;
  /**
   * The delimiter of a text file (`,`, `;`, `\t`, `|`, another character, or `'whitespace'` for runs of
   * spaces); else told from the header line.
   */
  delimiter?: string;
  /** Called every 65,536 rows and once at the end with the rows and the bytes read so far. */
  onProgress?: (rowsRead: number, bytesRead: number) => void;
}

/** An orders file as read. */
export interface OrdersFile {
  /** One object per data row, keyed by column name; dates rewritten to forms the ledger reads. */
  records: Array<Record<string, unknown>>;
  /** The columns used. */
  columns: ColumnChoice;
  /** Which of them were guessed (to say so). */
  guessed: Array<keyof ColumnChoice>;
  /** The format read. */
  format: OrdersFormat;
  /** Every column of the file, in order. */
  fileColumns: string[];
  /** How {@link OrdersFile.lineOf} positions are named: `line` in text files, `row` in Parquet. */
  position: 'line' | 'row';
  /**
   * The 1-based line where a record starts (the header is line 1; blank lines and line breaks inside
   * quoted fields count), or its 1-based row in a Parquet file. A `RangeError` for an index that is
   * not a record's.
   */
  lineOf(recordIndex: number): number;
}

/**
 * Read an orders file into records for `ledger(records, { fields })`.
 *
 * Delimited text is streamed; its delimiter is told from the header (`,`, tab, `;`, `|`, or runs of
 * white space as in the CDNOW file) unless given; a byte-order mark, CRLF line ends and quoted fields
 * holding delimiters, quotes and line breaks are read. The customer, date, amount and order-id columns
 * are taken from `columns` or guessed from common names (`customer_id`, `created_at`, `total`, …,
 * ignoring case and separators). Dates are checked: ISO 8601 dates and date-times pass as they are,
 * `YYYYMMDD` becomes `YYYY-MM-DD`, and anything else is an error naming its line; so is an empty
 * customer. Ids and amounts pass as read, for the ledger to check: {@link fromLedgerError} names the
 * line and column of a record it refuses.
 *
 * @param path - the file
 * @param options - `columns`, `format`, `delimiter`, `onProgress`
 * @returns the records, the columns used and which were guessed, the format, and `lineOf`
 * @throws {@link CliInputError} for a missing or unreadable file, an unknown extension, an empty file or
 *   one with a header only, a wrong delimiter, a row of the wrong width, a named column the file lacks,
 *   no customer or date column to be found, and a value that is not a date
 *
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { dirname, join } from 'node:path';
 * import { readOrders } from './read-orders.ts';
 * const path = join(mkdtempSync(join(tmpdir(), 'orders-')), 'orders.csv');
 * writeFileSync(path, 'Customer ID;Order Date;Total\n7;20240301;"19,99"\n7;2024-04-02;5.00\n');
 * const orders = await readOrders(path);
 * orders.columns; // => { customer: 'Customer ID', date: 'Order Date', amount: 'Total', orderId: null }
 * orders.records[0]; // => { 'Customer ID': '7', 'Order Date': '2024-03-01', Total: '19,99' }
 * orders.lineOf(1); // => 3
 * rmSync(dirname(path), { recursive: true });
 * ```
 */
export async function readOrders(path: string, options: ReadOrdersOptions = {}): Promise<OrdersFile> {
  const format = formatOf(path, options.format);
  let chosen: ChosenColumns | undefined;
  // A delimited file's columns are chosen from its header, so a wrong name stops the read at once.
  const choose = (names: readonly string[]): ChosenColumns => chooseColumns(path, names, options.columns ?? {});
  const table = await readTable(path, format, options, (names) => {
    chosen = choose(names);
  });
  const { columns, guessed } = chosen ?? choose(table.columns);
  checkCustomers(path, table, columns.customer);
  normalizeDates(path, table, columns.date);
  const lines = table.lines;
  return {
    records: table.records,
    columns,
    guessed,
    format,
    fileColumns: table.columns,
    position: table.position,
    lineOf(recordIndex: number): number {
      const line = lines[recordIndex];
      if (line === undefined) throw new RangeError(`record ${recordIndex} is not in the file (it has ${lines.length})`);
      return line;
    },
  };
}

async function readTable(
  path: string,
  format: OrdersFormat,
  options: ReadOrdersOptions,
  onHeader: (columns: string[]) => void,
): Promise<RawTable> {
  if (format === 'parquet') {
    // Loaded only for Parquet files (the reader imports the decoder when it runs).
    const { readParquet } = await import('./parquet-reader.ts');
    return readParquet(path, options.onProgress);
  }
  const delimiter = options.delimiter === undefined ? undefined : resolveDelimiter(options.delimiter);
  if (delimiter === null) {
    throw new CliInputError({
      file: path, value: options.delimiter,
      reason: `${JSON.stringify(options.delimiter)} is not a delimiter that can be read`,
      fix: 'Pass --delimiter with one character (",", ";", "|"), tab, or whitespace for runs of spaces; or leave it out to have it detected.',
    });
  }
  const opened = await openFile(path);
  const progress = new Progress(options.onProgress, opened.bytesRead);
  if (format === 'ndjson') return readNdjson(path, opened.stream, progress);
  return readDelimited(path, opened.stream, delimiter, progress, onHeader);
}

/**
 * Every row names its customer: an empty or blank cell is an error naming its line (the ledger would
 * read an empty string as one more customer).
 */
function checkCustomers(file: string, table: RawTable, column: string): void {
  const { records, lines, position } = table;
  for (let i = 0; i < records.length; i++) {
    const value = (records[i] as Record<string, unknown>)[column];
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      throw new CliInputError({
        file, line: lines[i] as number, column, value,
        reason: `column ${JSON.stringify(column)} is empty, where each order needs its customer`,
        fix: 'Fill in the customer of every row, or leave out the rows without one.',
        position,
      });
    }
  }
}

/**
 * The date column's strings rewritten to forms the ledger reads; a string that is not a date, or an
 * empty cell, is an error naming its line. Non-strings (a Parquet timestamp, an NDJSON number) pass to
 * the ledger as they are.
 */
function normalizeDates(file: string, table: RawTable, column: string): void {
  const { records, lines, position } = table;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as Record<string, unknown>;
    const value = record[column];
    if (typeof value !== 'string' && value !== null && value !== undefined) continue;
    const date = typeof value === 'string' ? normalizeDateText(value) : undefined;
    if (date === undefined) {
      const line = lines[i] as number;
      const reason = value === null || value === undefined || value === ''
        ? `column ${JSON.stringify(column)} is empty, where each order needs its date`
        : `${columnHolds(column, value)}, which is not a date`;
      throw new CliInputError({ file, line, column, value, reason, fix: DATE_FIX, position });
    }
    if (date !== value) record[column] = date;
  }
}
