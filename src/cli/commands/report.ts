/**
 * The `report` command: the full report in the terminal, and optionally as an HTML page and as JSON.
 *
 * @module
 */
import { Command } from 'commander';
import { type InputSettings, inputSettings, withInputFlags } from '../input-flags.ts';
import type { CliIo } from '../io.ts';
import { loadOrders } from '../load-orders.ts';
import { type ModelSettings, modelSettings, withModelFlags } from '../model-flags.ts';
import { computeReport, reportSections } from '../report-data.ts';
import { reportCharts } from '../html/report-charts.ts';
import { reportHtml } from '../html/report-page.ts';
import { reportJson } from '../report-json.ts';
import { renderSection } from '../sections/section.ts';
import { reportTitle, writeOutput } from './shared.ts';

const EXAMPLES = `
Examples:
  $ retention-metrics report orders.csv
  $ retention-metrics report orders.csv --html report.html --json report.json
  $ retention-metrics report export.csv --customer email --date created_at --amount total --time-zone Europe/Berlin
  $ retention-metrics report orders.parquet --period quarter --as-of 2024-06-30`;

interface ReportFlags {
  html?: string;
  json?: string;
}

/**
 * Runs the full report.
 *
 * @param input - the input settings
 * @param models - the model settings
 * @param outputs - where to write the HTML page and the JSON, if anywhere
 * @param io - the program's channels
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { dirname, join } from 'node:path';
 * import { runReport } from './report.ts';
 * let out = '';
 * const files = new Map<string, string>();
 * const io = { stdout: (t: string) => { out += t; }, stderr: () => undefined, stderrIsTTY: false, readStdin: async () => '',
 *   readFile: async () => '', writeFile: async (p: string, t: string) => { files.set(p, t); }, now: () => 0 };
 * const path = join(mkdtempSync(join(tmpdir(), 'orders-')), 'orders.csv');
 * writeFileSync(path, 'customer_id,date,total\na,2024-01-05,10\na,2024-02-09,15.50\nb,2024-01-20,7\n');
 * const input = { path, columns: {}, timeZone: 'UTC', period: 'quarter' as const, asOfDay: null, delimiter: null, format: null };
 * await runReport(input, { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 }, { html: 'report.html' }, io);
 * rmSync(dirname(path), { recursive: true });
 * /^customers +2$/m.test(out); // => true
 * files.get('report.html')?.includes('<h2>At a glance</h2>'); // => true
 * ```
 */
export async function runReport(input: InputSettings, models: ModelSettings, outputs: ReportFlags, io: CliIo): Promise<void> {
  const loaded = await loadOrders(input, io);
  const data = computeReport(loaded, models);
  const sections = reportSections(data);
  io.stdout(`${reportTitle(loaded)}\n${sections.map(renderSection).join('\n')}\n`);
  if (outputs.html !== undefined) await writeOutput(io, outputs.html, reportHtml(data, sections, reportCharts(data)), 'the HTML report');
  if (outputs.json !== undefined) await writeOutput(io, outputs.json, `${JSON.stringify(reportJson(data), null, 2)}\n`, 'the JSON report');
}

/**
 * The `report` command.
 *
 * @param io - the program's channels
 * @returns the command
 * @example
 * ```ts
 * import { reportCommand } from './report.ts';
 * import { nodeIo } from '../io.ts';
 * reportCommand(nodeIo()).helpInformation().includes('--html <path>'); // => true
 * ```
 */
export function reportCommand(io: CliIo): Command {
  const command = new Command('report')
    .description('print the retention report of an orders file (headline metrics, retention, cohorts, lifecycle, RFM, dormancy, CLV), and write it as HTML or JSON')
    .argument('<file>', 'orders file: CSV (or TSV, whitespace-separated), Parquet or NDJSON');
  withInputFlags(command);
  withModelFlags(command);
  return command
    .option('--html <path>', 'write the report as a self-contained HTML page with charts')
    .option('--json <path>', 'write the report as JSON (money as decimal strings)')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, _flags: unknown, self: Command) => {
      await runReport(inputSettings(file, self), modelSettings(self), self.opts<ReportFlags>(), io);
    });
}
