/**
 * The exit codes of the command-line program.
 *
 * @module
 */

/**
 * Exit codes: 0 success, 1 unusable input data (a file or standard input), 2 bad usage (an unknown
 * command or flag, a flag value that cannot be read), 3 anything unexpected.
 *
 * @example
 * ```ts
 * import { EXIT } from './exit-codes.ts';
 * EXIT.usage; // => 2
 * ```
 */
export const EXIT = { ok: 0, badInput: 1, usage: 2, unexpected: 3 } as const;

/** One of the program's exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
