/**
 * The rows of a file as read, before any column is chosen: the header's names, one object per row
 * keyed by them, and where each row starts in the file.
 *
 * @module
 */
import { CliInputError } from './cli-input-error.ts';
import { delimiterName, otherDelimiter } from './delimiter.ts';

/** A file's rows as read. */
export interface RawTable {
  /** The column names, in the file's order. */
  columns: string[];
  /** One object per row, keyed by column name. */
  records: Array<Record<string, unknown>>;
  /** The 1-based line (or row) where each record starts. */
  lines: number[];
  /** How positions are named: `line` in text files, `row` in Parquet. */
  position: 'line' | 'row';
}

/** @internal Calls a progress callback every {@link PROGRESS_ROWS} rows and once at the end. */
export class Progress {
  private next = PROGRESS_ROWS;

  /**
   * @param onProgress - the caller's callback, if any
   * @param bytesRead - the bytes read so far
   */
  constructor(
    private readonly onProgress: ((rowsRead: number, bytesRead: number) => void) | undefined,
    private readonly bytesRead: () => number,
  ) {}

  /** Note that `rows` rows are read; calls back when another {@link PROGRESS_ROWS} are done. */
  tick(rows: number): void {
    if (rows < this.next || this.onProgress === undefined) return;
    this.next = rows + PROGRESS_ROWS;
    this.onProgress(rows, this.bytesRead());
  }

  /** The final call, with every row read. */
  done(rows: number): void {
    this.onProgress?.(rows, this.bytesRead());
  }
}

/** Rows between two progress calls. */
export const PROGRESS_ROWS = 65_536;

/**
 * @internal A record keyed by `names`; a column named `__proto__` becomes an own property like any other.
 *
 * @param names - the column names
 * @param values - the row's values, in the same order
 * @returns the record
 */
export function recordOf(names: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let j = 0; j < names.length; j++) {
    const name = names[j] as string;
    if (name === '__proto__') Object.defineProperty(record, name, { value: values[j], enumerable: true, writable: true, configurable: true });
    else record[name] = values[j];
  }
  return record;
}

/** @internal Collects the header and the rows of a delimited text file, checking each row's width. */
export class DelimitedTable {
  private names: string[] | null = null;
  private readonly records: Array<Record<string, unknown>> = [];
  private readonly lines: number[] = [];

  /**
   * @param file - the file, for messages
   * @param delimiter - the delimiter the rows are split with, for messages
   * @param progress - the progress to tick per row
   * @param onHeader - called with the header's names once read, before any row (to check columns early)
   */
  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly progress: Progress,
    private readonly onHeader: (columns: string[]) => void = () => {},
  ) {}

  /**
   * The header (the first line that is not blank): names trimmed, each present and distinct; a single
   * name holding another delimiter is the wrong delimiter.
   */
  header(fields: readonly string[], line: number): void {
    const names = fields.map((name, j) => (j === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
    const other = otherDelimiter(names, this.delimiter);
    if (other !== null) {
      throw new CliInputError({
        file: this.file, line, value: names[0],
        reason: `the header is one column ${JSON.stringify(names[0])} when split at ${delimiterName(this.delimiter)}; the file seems to use ${delimiterName(other)}`,
        fix: `Pass --delimiter with the file's delimiter, or leave it out to have it detected.`,
      });
    }
    const seen = new Set<string>();
    names.forEach((name, j) => {
      if (name === '') {
        throw new CliInputError({ file: this.file, line, reason: `column ${j + 1} of the header has no name`, fix: 'Give every column a name in the first line.' });
      }
      if (seen.has(name)) {
        throw new CliInputError({ file: this.file, line, column: name, reason: `the header names column ${JSON.stringify(name)} twice`, fix: 'Give every column its own name.' });
      }
      seen.add(name);
    });
    this.names = names;
    this.onHeader(names);
  }

  /** A data row starting at `line`; a blank row (one empty field) is passed over. */
  row(fields: readonly string[], line: number): void {
    const names = this.names;
    if (names === null) {
      if (fields.every((field) => field.trim() === '')) return;
      this.header(fields, line);
      return;
    }
    if (fields.length === 1 && (fields[0] as string).trim() === '' && names.length > 1) return;
    if (fields.length !== names.length) {
      throw new CliInputError({
        file: this.file, line,
        reason: `the row has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${names.length} (split at ${delimiterName(this.delimiter)})`,
        fix: fields.length > names.length
          ? 'Quote values that hold the delimiter ("1,5") or pass the right --delimiter.'
          : 'Give the row a value (or an empty one) for every column.',
      });
    }
    this.records.push(recordOf(names, fields));
    this.lines.push(line);
    this.progress.tick(this.records.length);
  }

  /** The table read; a file without a header or without rows is an error. */
  finish(): RawTable {
    const names = this.names;
    if (names === null) {
      throw new CliInputError({ file: this.file, reason: 'the file is empty', fix: 'A file of orders needs a header line and one line per order.' });
    }
    if (this.records.length === 0) {
      throw new CliInputError({ file: this.file, reason: 'the file has a header but no rows', fix: 'A file of orders needs one line per order after the header.' });
    }
    this.progress.done(this.records.length);
    return { columns: names, records: this.records, lines: this.lines, position: 'line' };
  }
}
