/**
 * The errors the command-line program reports, and how each becomes one message and an exit code:
 * a file problem (the reader's `CliInputError`, which also names the line of a record the library
 * refuses) is bad input (1); a usage error from the argument parser is 2; anything else is unexpected (3), shown
 * with its stack only under `--debug`.
 *
 * @module
 */
import { isRetentionError } from '../index.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { CliInputError } from './input/read-orders.ts';

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

/** The flags that set the library's options a command passes on. */
const OPTION_FLAGS: Readonly<Record<string, string>> = { asOf: '--as-of', period: '--period', timeZone: '--time-zone' };

/** For the library's refusal of an option a flag set: which flag that is (its message names the option). */
function flagOf(error: object): string {
  const option = (error as { option?: unknown }).option;
  const flag = typeof option === 'string' ? OPTION_FLAGS[option] : undefined;
  return flag === undefined ? '' : ` (${option} is the ${flag} flag)`;
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
 * import { InvalidOptionError } from '../index.ts';
 * reportError(new CliDataError('The file has no orders.'), false); // => { message: 'error: The file has no orders.', exitCode: 1 }
 * reportError(new InvalidOptionError('asOf', 0, 'too late'), false).message; // => 'error: asOf: too late (asOf is the --as-of flag)'
 * ```
 */
export function reportError(error: unknown, debug: boolean): ErrorReport {
  if (error instanceof CliInputError || error instanceof CliDataError) return { message: `error: ${error.message}`, exitCode: EXIT.badInput };
  if (isRetentionError(error)) return { message: `error: ${error.message}${flagOf(error)}`, exitCode: EXIT.badInput };
  const detail = error instanceof Error ? (debug && error.stack !== undefined ? error.stack : `${error.name}: ${error.message}`) : String(error);
  const hint = debug ? '' : '\n(run again with --debug to see where it happened)';
  return { message: `unexpected error: ${detail}${hint}`, exitCode: EXIT.unexpected };
}
