/**
 * The JSON the `report` command writes with `--json`: the same results as the terminal report, as
 * plain data (money as decimal strings, instants as ISO-8601 strings). Segment reports carry their
 * segment totals, not every customer (the single-report commands' `--csv` lists customers).
 *
 * @module
 */
import { basename } from 'node:path';
import { type PlainValue, toPlain } from './plain-data.ts';
import type { ReportData } from './report-data.ts';

/**
 * The report as plain data.
 *
 * @param data - the report's results
 * @returns an object whose `JSON.stringify` is the report file
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { dirname, join } from 'node:path';
 * import { nodeIo } from './io.ts';
 * import { loadOrders } from './load-orders.ts';
 * import { computeReport } from './report-data.ts';
 * import { reportJson } from './report-json.ts';
 * const path = join(mkdtempSync(join(tmpdir(), 'orders-')), 'orders.csv');
 * writeFileSync(path, 'customer_id,date,total\na,2024-01-05,10\na,2024-02-09,15.50\nb,2024-01-20,7\nc,2024-02-02,20\n');
 * const input = { path, columns: {}, timeZone: 'UTC', period: 'month' as const, asOfDay: null, delimiter: null, format: null };
 * const data = computeReport(await loadOrders(input, { ...nodeIo(), stderr: () => undefined }), { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * rmSync(dirname(path), { recursive: true });
 * const json = JSON.parse(JSON.stringify(reportJson(data))) as { source: string; asOf: string; summary: { netRevenue: string } };
 * [json.source, json.asOf, json.summary.netRevenue]; // => ['orders.csv', '2024-02-09', '52.5']
 * ```
 */
export function reportJson(data: ReportData): PlainValue {
  const { loaded, models } = data;
  const { settings, file } = loaded;
  return toPlain({
    source: basename(settings.path),
    format: file.format,
    columns: file.columns,
    guessedColumns: file.guessed,
    timeZone: settings.timeZone,
    period: settings.period,
    asOf: loaded.asOfDay,
    records: loaded.book.recordCount,
    summary: data.summary,
    periodRetention: data.retention,
    cohorts: {
      by: data.cohorts.by,
      asOf: data.cohorts.asOf,
      cohorts: data.cohorts.cohorts.map((c) => ({ key: c.key, start: c.start, size: c.size, cells: c.cells })),
      average: data.cohorts.average,
    },
    lifecycle: data.lifecycle,
    rfm: { segments: data.rfm.segments },
    dormancy: { windows: data.dormancy.windows, segments: data.dormancy.segments },
    historicalClv: { total: data.history.total, distribution: data.history.distribution },
    models:
      models === null
        ? { problem: data.modelProblem }
        : {
            unit: 'week',
            customers: models.summary.ids.length,
            bgNbd: { ...models.transactions.toJSON(), logLikelihood: models.transactions.logLikelihood, converged: models.transactions.converged },
            gammaGamma: models.spend === null ? null : { ...models.spend.toJSON(), logLikelihood: models.spend.logLikelihood, converged: models.spend.converged },
            spendProblem: models.spendProblem,
            horizonWeeks: models.settings.horizonWeeks,
            monthlyDiscountRate: models.settings.monthlyDiscountRate,
            margin: models.settings.margin,
            expectedPurchaseDays: models.scores.reduce((sum, s) => sum + s.expectedTransactions, 0),
            predictiveClv: models.clv === null ? null : models.clv.total,
          },
  });
}
