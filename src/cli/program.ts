/**
 * The command-line program `retention-metrics`: its commands and their help.
 *
 * @module
 */
import { Command } from 'commander';
import { reportCommand } from './commands/report.ts';
import { scoreCommand } from './commands/score.ts';
import { singleReportCommands } from './commands/single-reports.ts';
import type { CliIo } from './io.ts';

const OVERVIEW = `
Reads an orders file (one row per order: customer, date, amount; CSV, Parquet or NDJSON), guesses
the columns it does not get by flag, and prints retention reports. Nothing is sent anywhere.

Exit codes: 0 done, 1 the data cannot be used (the message names the line), 2 bad usage, 3 unexpected.

Examples:
  $ retention-metrics report orders.csv --html report.html
  $ retention-metrics cohorts orders.csv --period week --csv cohorts.csv
  $ retention-metrics forecast orders.csv --save-model model.json
  $ retention-metrics score --model model.json < customers.csv
  $ retention-metrics help report`;

/**
 * The program, writing through `io` and throwing (never exiting) on usage errors and `--help`.
 *
 * @param io - the program's channels
 * @param version - the version `--version` prints
 * @returns the root command
 * @example
 * ```ts
 * import { buildProgram } from './program.ts';
 * import { nodeIo } from './io.ts';
 * buildProgram(nodeIo(), '1.0.0').commands.map((c) => c.name()); // => ['report', 'rfm', 'cohorts', 'dormancy', 'clv', 'forecast', 'score']
 * ```
 */
export function buildProgram(io: CliIo, version: string): Command {
  const program = new Command('retention-metrics')
    .description('Retention, cohort, RFM, dormancy and CLV reports of an orders file.')
    .version(version)
    .option('--debug', 'show the stack of an unexpected error')
    .addHelpText('after', OVERVIEW);
  const commands = [reportCommand(io), ...singleReportCommands(io), scoreCommand(io)];
  for (const command of commands) program.addCommand(command);
  for (const command of [program, ...commands]) {
    command
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showHelpAfterError('(add --help for usage)')
      .exitOverride();
  }
  return program;
}
