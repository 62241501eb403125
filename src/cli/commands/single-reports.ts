/**
 * The single-report commands `rfm`, `cohorts`, `dormancy`, `clv` and `forecast`: each reads an orders
 * file, prints one report and, with `--csv`, writes its table.
 *
 * @module
 */
import { Command } from 'commander';
import { Cohort, dormancy, historicalClv, rfm } from '../../index.ts';
import { cohortsCsv, clvCsv, dormancyCsv, forecastCsv, rfmCsv } from '../csv-tables.ts';
import { type CsvTable, toCsv } from '../csv.ts';
import { inputSettings, withInputFlags } from '../input-flags.ts';
import type { CliIo } from '../io.ts';
import { type LoadedOrders, loadOrders } from '../load-orders.ts';
import { modelFileText } from '../model-file.ts';
import { modelSettings, numberIn, withModelFlags } from '../model-flags.ts';
import { fitModels } from '../models.ts';
import { clvSection } from '../sections/clv.ts';
import { cohortSection } from '../sections/cohorts.ts';
import { dormancySection } from '../sections/dormancy.ts';
import { modelSection, topCustomersSection } from '../sections/forecast.ts';
import { rfmSection } from '../sections/rfm.ts';
import { type Section, renderSection } from '../sections/section.ts';
import { reportTitle, writeOutput } from './shared.ts';

/** What one single-report command prints and writes. */
interface SingleReport {
  readonly sections: readonly Section[];
  readonly csv: CsvTable;
}

/** How one single-report command is defined. */
interface SingleReportSpec {
  readonly name: string;
  readonly description: string;
  /** What its `--csv` file holds. */
  readonly csvHelp: string;
  readonly examples: readonly string[];
  /** Whether it fits the models (then it takes the model flags). */
  readonly models: boolean;
  readonly compute: (loaded: LoadedOrders, command: Command, io: CliIo) => Promise<SingleReport>;
}

const SPECS: readonly SingleReportSpec[] = [
  {
    name: 'rfm',
    description: 'print the RFM segments (recency, frequency and monetary quintile scores) of an orders file',
    csvHelp: 'write every customer\'s R, F, M scores and segment as CSV',
    examples: ['retention-metrics rfm orders.csv', 'retention-metrics rfm orders.csv --as-of 2024-06-30 --csv rfm.csv'],
    models: false,
    compute: async (loaded) => {
      const report = rfm(loaded.book, { asOf: loaded.asOf });
      const digits = loaded.book.currencyDigits;
      return { sections: [rfmSection(report, digits)], csv: rfmCsv(report, digits, loaded.settings.timeZone) };
    },
  },
  {
    name: 'cohorts',
    description: 'print the acquisition-cohort retention matrix of an orders file',
    csvHelp: 'write the matrix as CSV (one row per cohort and period since the first order)',
    examples: ['retention-metrics cohorts orders.csv', 'retention-metrics cohorts orders.csv --period week --csv cohorts.csv'],
    models: false,
    compute: async (loaded) => {
      const period = loaded.settings.period;
      const table = Cohort.from(loaded.book).by(period).asOf(loaded.asOf).table();
      const digits = loaded.book.currencyDigits;
      return { sections: [cohortSection(table, period, digits)], csv: cohortsCsv(table, digits) };
    },
  },
  {
    name: 'dormancy',
    description: 'print the customers by days since their last order (active, at risk, dormant, lost)',
    csvHelp: 'write every customer\'s days since the last order and segment as CSV',
    examples: ['retention-metrics dormancy orders.csv', 'retention-metrics dormancy orders.csv --csv dormancy.csv'],
    models: false,
    compute: async (loaded) => {
      const report = dormancy(loaded.book, { asOf: loaded.asOf });
      const digits = loaded.book.currencyDigits;
      return { sections: [dormancySection(report, digits)], csv: dormancyCsv(report, digits, loaded.settings.timeZone) };
    },
  },
  {
    name: 'clv',
    description: 'print the customer lifetime value: historical value to date and the predictive CLV of BG/NBD and Gamma-Gamma',
    csvHelp: 'write every customer\'s historical value, expected purchase days and predicted CLV as CSV',
    examples: ['retention-metrics clv orders.csv', 'retention-metrics clv orders.csv --horizon 104 --margin 0.3 --csv clv.csv'],
    models: true,
    compute: async (loaded, command) => {
      const history = historicalClv(loaded.book, { asOf: loaded.asOf });
      const models = fitModels(loaded, modelSettings(command));
      const digits = loaded.book.currencyDigits;
      return { sections: [clvSection(history, models, digits)], csv: clvCsv(history, models, digits) };
    },
  },
  {
    name: 'forecast',
    description: 'fit BG/NBD and Gamma-Gamma and print each customer\'s P(alive), expected purchase days and CLV over the horizon (top customers)',
    csvHelp: 'write every customer\'s history in weeks and predictions as CSV (input for "score")',
    examples: [
      'retention-metrics forecast orders.csv --top 20',
      'retention-metrics forecast orders.csv --horizon 26 --csv forecast.csv --save-model model.json',
    ],
    models: true,
    compute: async (loaded, command, io) => {
      const models = fitModels(loaded, modelSettings(command));
      const { top, saveModel } = command.opts<{ top: number; saveModel?: string }>();
      if (saveModel !== undefined) await writeOutput(io, saveModel, modelFileText(models), 'the models');
      const digits = loaded.book.currencyDigits;
      return { sections: [modelSection(models), topCustomersSection(models, top, digits)], csv: forecastCsv(models, digits) };
    },
  },
];

function singleReportCommand(spec: SingleReportSpec, io: CliIo): Command {
  const command = new Command(spec.name).description(spec.description).argument('<file>', 'orders file: CSV (or TSV, whitespace-separated), Parquet or NDJSON');
  withInputFlags(command);
  if (spec.models) withModelFlags(command);
  if (spec.name === 'forecast') {
    command
      .option('--top <n>', 'customers to print', numberIn('customers', 1, 1000, true), 10)
      .option('--save-model <path>', 'write the fitted models as JSON, for "score --model"');
  }
  return command
    .option('--csv <path>', spec.csvHelp)
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}`)
    .action(async (file: string, _flags: unknown, self: Command) => {
      const loaded = await loadOrders(inputSettings(file, self), io);
      const report = await spec.compute(loaded, self, io);
      io.stdout(`${reportTitle(loaded)}\n${report.sections.map(renderSection).join('\n')}\n`);
      const csv = self.opts<{ csv?: string }>().csv;
      if (csv !== undefined) await writeOutput(io, csv, toCsv(report.csv), `the ${spec.name} table`);
    });
}

/**
 * The single-report commands.
 *
 * @param io - the program's channels
 * @returns `rfm`, `cohorts`, `dormancy`, `clv` and `forecast`
 * @example
 * ```ts
 * import { singleReportCommands } from './single-reports.ts';
 * import { nodeIo } from '../io.ts';
 * singleReportCommands(nodeIo()).map((c) => c.name()); // => ['rfm', 'cohorts', 'dormancy', 'clv', 'forecast']
 * ```
 */
export function singleReportCommands(io: CliIo): Command[] {
  return SPECS.map((spec) => singleReportCommand(spec, io));
}
