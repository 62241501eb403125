/**
 * The packages the command needs besides the library: optional dependencies of the package, which an
 * install with `--omit=optional` leaves out. Loading the program without one of them is a message
 * saying what to install, not Node's stack trace.
 *
 * @module
 */

/** The command's optional dependencies, as package.json names them. */
export const COMMAND_DEPENDENCIES: readonly string[] = ['commander', 'csv-parse', 'hyparquet', '@observablehq/plot', 'linkedom'];

/**
 * The optional dependency whose absence an import error reports, if it is one of them.
 *
 * @param error - what an `import()` of the program rejected with
 * @returns the package's name, or `null` for any other error
 * @example
 * ```ts
 * import { missingDependency } from './missing-dependency.ts';
 * const error = Object.assign(new Error("Cannot find package 'commander' imported from /app/dist/cli.js"), { code: 'ERR_MODULE_NOT_FOUND' });
 * missingDependency(error); // => 'commander'
 * missingDependency(new Error('something else')); // => null
 * ```
 */
export function missingDependency(error: unknown): string | null {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') return null;
  return COMMAND_DEPENDENCIES.find((name) => error.message.includes(`'${name}'`)) ?? null;
}

/**
 * What the command says when one of its dependencies is not installed.
 *
 * @param name - the missing package
 * @returns the message, one line and the command that installs them
 * @example
 * ```ts
 * import { missingDependencyMessage } from './missing-dependency.ts';
 * missingDependencyMessage('commander').split('\n')[0]; // => 'error: the retention-metrics command needs the package commander, which is not installed (an install with --omit=optional leaves it out).'
 * ```
 */
export function missingDependencyMessage(name: string): string {
  return [
    `error: the retention-metrics command needs the package ${name}, which is not installed (an install with --omit=optional leaves it out).`,
    `Install the command's dependencies: npm install ${COMMAND_DEPENDENCIES.join(' ')}`,
    '',
  ].join('\n');
}
