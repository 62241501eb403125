/**
 * The `score` command: customer histories on standard input, scores on standard output, with the
 * models of a model file.
 *
 * @module
 */
import { Command, Option } from 'commander';
import { isRetentionError, scoreCustomer } from '../../index.ts';
import { toCsv } from '../csv.ts';
import { CliDataError } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { type LoadedModels, readModelFile } from '../model-file.ts';
import { numberIn } from '../model-flags.ts';
import { type HistoryRow, readHistories } from '../score-input.ts';

const EXAMPLES = `
Histories are in the model's time unit (weeks for models written by "forecast --save-model"):
frequency = repeat purchase days, recency = time of the last one since the first, T = time since the
first, monetary = mean spend per repeat purchase day (needed for expected_spend and expected_value).

Examples:
  $ retention-metrics forecast orders.csv --save-model model.json --csv customers.csv
  $ retention-metrics score --model model.json < customers.csv > scores.csv
  $ echo '{"customer_id":"a","frequency":2,"recency":30.4,"T":38.9,"monetary":22.35}' | retention-metrics score --model model.json --output ndjson`;

interface ScoreFlags {
  model: string;
  horizon: number;
  output: 'csv' | 'ndjson';
}

/** The columns of the scores written, in order. */
const SCORE_COLUMNS = ['customer_id', 'p_alive', 'expected_purchase_days', 'expected_spend', 'expected_value'] as const;

function scoreRows(models: LoadedModels, rows: readonly HistoryRow[], horizon: number): (string | number | null)[][] {
  return rows.map((row) => {
    const useSpend = models.spend !== null && row.zbar !== null;
    try {
      const history = { x: row.x, tx: row.tx, T: row.T, ...(useSpend ? { zbar: row.zbar ?? 0 } : {}) };
      const s = scoreCustomer(models.transactions, history, useSpend && models.spend !== null ? { horizon, spendModel: models.spend } : { horizon });
      return [row.customerId, s.pAlive, s.expectedTransactions, s.expectedSpend, s.expectedValue];
    } catch (error) {
      if (isRetentionError(error)) throw new CliDataError(`standard input, line ${row.line}: ${error.message}`);
      throw error;
    }
  });
}

/**
 * The `score` command.
 *
 * @param io - the program's channels
 * @returns the command
 * @example
 * ```ts
 * import { scoreCommand } from './score.ts';
 * import { nodeIo } from '../io.ts';
 * scoreCommand(nodeIo()).options.map((o) => o.long); // => ['--model', '--horizon', '--output']
 * ```
 */
export function scoreCommand(io: CliIo): Command {
  return new Command('score')
    .description('score customer histories read on standard input (CSV or NDJSON) with saved models: P(alive), expected purchase days, spend and value')
    .requiredOption('--model <path>', 'model file written by "forecast --save-model"')
    .option('--horizon <units>', 'time ahead, in the model\'s unit (weeks for the models "forecast --save-model" writes)', numberIn('model time units', 1e-6, 1e6), 52)
    .addOption(new Option('--output <format>', 'format of the scores written').choices(['csv', 'ndjson']).default('csv'))
    .addHelpText('after', EXAMPLES)
    .action(async (_flags: unknown, self: Command) => {
      const flags = self.opts<ScoreFlags>();
      const models = readModelFile(await io.readFile(flags.model).catch((error: unknown) => {
        throw new CliDataError(`${flags.model}: cannot be read (${error instanceof Error ? error.message : String(error)}).`);
      }), flags.model);
      const rows = scoreRows(models, await readHistories(await io.readStdin()), flags.horizon);
      if (flags.output === 'csv') io.stdout(toCsv({ headers: SCORE_COLUMNS, rows }));
      else io.stdout(rows.map((row) => `${JSON.stringify(Object.fromEntries(SCORE_COLUMNS.map((name, i) => [name, row[i] ?? null])))}\n`).join(''));
    });
}
