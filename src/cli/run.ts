/**
 * Runs the command-line program on arguments and channels and returns its exit code: what the bin
 * calls with `process.argv` and the process's channels, and what tests call with strings.
 *
 * @module
 */
import { CommanderError } from 'commander';
import { reportError } from './errors.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { buildProgram } from './program.ts';

/** Options of {@link run}. */
export interface RunOptions {
  /** The version `--version` prints (default `'0.0.0'`). */
  readonly version?: string;
}

/**
 * Runs the program.
 *
 * @param argv - the arguments after the program name, e.g. `['report', 'orders.csv']`
 * @param io - the channels (see `nodeIo` for the process's)
 * @param options - the version to print
 * @returns the exit code: 0 done, 1 unusable data, 2 bad usage, 3 unexpected
 * @example
 * ```ts
 * import { run } from './run.ts';
 * let out = '';
 * const io = { stdout: (t: string) => { out += t; }, stderr: () => undefined, stderrIsTTY: false,
 *   readStdin: async () => '', readFile: async () => '', writeFile: async () => undefined, now: () => 0 };
 * await run(['--version'], io, { version: '1.2.3' }); // => 0
 * out; // => '1.2.3\n'
 * ```
 */
export async function run(argv: readonly string[], io: CliIo, options: RunOptions = {}): Promise<ExitCode> {
  const program = buildProgram(io, options.version ?? '0.0.0');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    // The argument parser has printed its own message (usage errors) or the help.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const report = reportError(error, argv.includes('--debug'));
    io.stderr(`${report.message}\n`);
    return report.exitCode;
  }
}
