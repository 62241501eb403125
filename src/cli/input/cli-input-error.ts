/**
 * The error the command line's file readers throw: a file that cannot be read as orders.
 *
 * @module
 */
import { basename } from 'node:path';
import { RetentionError, describeValue } from '../../errors.ts';
import { groupDigits } from '../../group-digits.ts';

/** Where in a file a {@link CliInputError} is, and what is wrong there. */
export interface CliInputProblem {
  /** The file as the user named it. */
  file: string;
  /** 1-based line (CSV, NDJSON) or row (Parquet) of the problem, when it is one record's. */
  line?: number;
  /** The column the problem is in, when it is one column's. */
  column?: string;
  /** The offending value, as read. */
  value?: unknown;
  /** What is wrong, without the location, e.g. `column "created_at" holds "2024-13-45", which is not a date`. */
  reason: string;
  /** A sentence saying how to fix it (a flag to pass, the form a value must take). */
  fix: string;
  /** How a position is named: `line` in text files (the default), `row` in Parquet. */
  position?: 'line' | 'row';
}

/**
 * A file that cannot be read as orders: missing, empty, of an unknown format, with a column that is not
 * there, a row of the wrong width or a value that is not a date.
 *
 * The message names the file by its base name, the line (with thousands separators), the problem and
 * the fix: `orders.csv line 1,234: column "created_at" holds "2024-13-45", which is not a date. Dates
 * must be ISO 8601 (2024-06-30 or 2024-06-30T14:05:00Z) or YYYYMMDD.`
 *
 * @example
 * ```ts
 * import { CliInputError } from './cli-input-error.ts';
 * const error = new CliInputError({
 *   file: 'data/orders.csv', line: 1234, column: 'created_at', value: '2024-13-45',
 *   reason: 'column "created_at" holds "2024-13-45", which is not a date',
 *   fix: 'Dates must be ISO 8601 (2024-06-30 or 2024-06-30T14:05:00Z) or YYYYMMDD.',
 * });
 * error.message; // => 'orders.csv line 1,234: column "created_at" holds "2024-13-45", which is not a date. Dates must be ISO 8601 (2024-06-30 or 2024-06-30T14:05:00Z) or YYYYMMDD.'
 * error.line; // => 1234
 * ```
 */
export class CliInputError extends RetentionError {
  /** The file as the user named it. */
  readonly file: string;
  /** 1-based line (or Parquet row) of the problem, when it is one record's. */
  readonly line: number | undefined;
  /** The column the problem is in, when it is one column's. */
  readonly column: string | undefined;
  /** The offending value, as read. */
  readonly value: unknown;
  /** What is wrong, without the location and the fix. */
  readonly reason: string;
  /** A sentence saying how to fix it. */
  readonly fix: string;

  /**
   * @param problem - the file, the position, the column and value, what is wrong and the fix
   * @param options - standard `ErrorOptions` (`cause`: the reader's own error, when there is one)
   */
  constructor(problem: CliInputProblem, options?: ErrorOptions) {
    const where = problem.line === undefined ? '' : ` ${problem.position ?? 'line'} ${groupDigits(String(problem.line))}`;
    super(`${basename(problem.file)}${where}: ${problem.reason}. ${problem.fix}`, options);
    this.name = 'CliInputError';
    this.file = problem.file;
    this.line = problem.line;
    this.column = problem.column;
    this.value = problem.value;
    this.reason = problem.reason;
    this.fix = problem.fix;
  }
}

/**
 * @internal The words for a column holding a value: `column "created_at" holds "2024-13-45"`.
 *
 * @param column - the column's name
 * @param value - the value it holds
 * @returns the words, the value quoted as error messages quote values
 */
export function columnHolds(column: string, value: unknown): string {
  return `column ${JSON.stringify(column)} holds ${describeValue(value)}`;
}
