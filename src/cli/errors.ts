/**
 * The errors the command-line program reports, and how each becomes one message and an exit code:
 * a file problem (the reader's `CliInputError`, a record the library refuses — mapped to its line by
 * {@link recordErrorMessage}) is bad input (1); a usage error from the argument parser is 2; anything else is unexpected (3), shown
 * with its stack only under `--debug`.
 *
 * @module
 */
import { basename } from 'node:path';
import { type InvalidInputError, isRetentionError } from '../index.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { CliInputError, type ColumnChoice, type OrdersFile } from './input/read-orders.ts';

/**
 * A problem with the data the program found itself (an empty ledger, an unreadable model file, a bad
 * row on standard input): exit code 1.
 *
 * @example
 * ```ts
 * import { CliDataError } from './errors.ts';
 * new CliDataError('The file has no orders.').name; // => 'CliDataError'
 * ```
 */
export class CliDataError extends Error {
  /**
   * @param message - what is wrong and how to fix it, as one or two sentences
   */
  constructor(message: string) {
    super(message);
    this.name = 'CliDataError';
  }
}

/** The ledger's field names, by the reader's column roles. */
const ROLE_OF_FIELD: Readonly<Partial<Record<string, keyof ColumnChoice>>> = { customerId: 'customer', date: 'date', amount: 'amount', orderId: 'orderId' };

/** The part of a read file a record's error needs. */
export type RecordPositions = Pick<OrdersFile, 'columns' | 'lineOf'> & { readonly position?: 'line' | 'row' };

/**
 * The message of a record the library's `ledger` refused, with the file's line and column instead of
 * the record index, e.g. `orders.csv line 1,234, column "total": "12,50" is not a number (use "12.50")`.
 *
 * @param error - the library's error (its `index` is the record's position)
 * @param file - the file the records came from
 * @param source - the file's path as given (its base name is shown)
 * @returns the message
 * @example
 * ```ts
 * import { InvalidInputError } from '../index.ts';
 * import { recordErrorMessage } from './errors.ts';
 * const error = new InvalidInputError(2, 'amount', '12,50', '"12,50" is not a number (use "12.50")');
 * const file = { columns: { customer: 'id', date: 'day', amount: 'total', orderId: null }, lineOf: (i: number) => i + 2 };
 * recordErrorMessage(error, file, 'data/orders.csv'); // => 'orders.csv line 4, column "total": "12,50" is not a number (use "12.50")'
 * ```
 */
export function recordErrorMessage(error: InvalidInputError, file: RecordPositions, source: string): string {
  const role = ROLE_OF_FIELD[error.field];
  const column = role === undefined ? null : file.columns[role];
  const line = file.lineOf(error.index).toLocaleString('en-US');
  return `${basename(source)} ${file.position ?? 'line'} ${line}${column === null ? '' : `, column "${column}"`}: ${error.reason}`;
}

/** What the program prints for an error, and the exit code. */
export interface ErrorReport {
  readonly message: string;
  readonly exitCode: ExitCode;
}

/**
 * The message and exit code of an error thrown while a command ran.
 *
 * @param error - what was thrown
 * @param debug - whether to show the stack of an unexpected error (`--debug`)
 * @returns the message (without a trailing newline) and the exit code
 * @example
 * ```ts
 * import { CliDataError, reportError } from './errors.ts';
 * reportError(new CliDataError('The file has no orders.'), false); // => { message: 'error: The file has no orders.', exitCode: 1 }
 * ```
 */
export function reportError(error: unknown, debug: boolean): ErrorReport {
  if (error instanceof CliInputError || error instanceof CliDataError) return { message: `error: ${error.message}`, exitCode: EXIT.badInput };
  if (isRetentionError(error)) return { message: `error: ${error.message}`, exitCode: EXIT.badInput };
  const detail = error instanceof Error ? (debug && error.stack !== undefined ? error.stack : `${error.name}: ${error.message}`) : String(error);
  const hint = debug ? '' : '\n(run again with --debug to see where it happened)';
  return { message: `unexpected error: ${detail}${hint}`, exitCode: EXIT.unexpected };
}
