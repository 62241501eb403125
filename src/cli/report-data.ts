/**
 * Everything the `report` command shows, computed once from an orders file: the terminal report, the
 * HTML page and the JSON all read this.
 *
 * @module
 */
import {
  Cohort,
  type CohortTable,
  type DormancyReport,
  type HistoricalClv,
  type LifecycleRow,
  type PeriodRetentionRow,
  type RfmReport,
  type Summary,
  dormancy,
  historicalClv,
  isRetentionError,
  periodLifecycle,
  periodRetention,
  rfm,
  summarize,
} from '../index.ts';
import type { LoadedOrders } from './load-orders.ts';
import { nextDay } from './local-day.ts';
import type { ModelSettings } from './model-flags.ts';
import { type FittedModels, fitModels } from './models.ts';
import { clvSection } from './sections/clv.ts';
import { cohortSection } from './sections/cohorts.ts';
import { dormancySection } from './sections/dormancy.ts';
import { modelSection, topCustomersSection } from './sections/forecast.ts';
import { headlineSection } from './sections/headline.ts';
import { lifecycleSection } from './sections/lifecycle.ts';
import { retentionSection } from './sections/retention.ts';
import { rfmSection } from './sections/rfm.ts';
import type { Section } from './sections/section.ts';

/** The customers the full report lists by expected purchase days. */
export const REPORT_TOP_CUSTOMERS = 10;

/** The results of the full report. */
export interface ReportData {
  readonly loaded: LoadedOrders;
  readonly summary: Summary;
  readonly retention: PeriodRetentionRow[];
  readonly cohorts: CohortTable;
  readonly lifecycle: LifecycleRow[];
  readonly rfm: RfmReport;
  readonly dormancy: DormancyReport;
  readonly history: HistoricalClv;
  /** The fitted models, or `null` when BG/NBD could not be fitted (see `modelProblem`). */
  readonly models: FittedModels | null;
  /** Why there are no models, or `null`. */
  readonly modelProblem: string | null;
}

/**
 * Computes every result of the full report as of the loaded file's last day.
 *
 * @param loaded - the orders read
 * @param settings - the model flags
 * @returns the results
 * @throws the library's `RetentionError` when a report refuses the data
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { dirname, join } from 'node:path';
 * import { nodeIo } from './io.ts';
 * import { loadOrders } from './load-orders.ts';
 * import { computeReport } from './report-data.ts';
 * const path = join(mkdtempSync(join(tmpdir(), 'orders-')), 'orders.csv');
 * writeFileSync(path, 'customer_id,date,total\na,2024-01-05,10\na,2024-02-09,15.50\nb,2024-01-20,7\nc,2024-02-02,20\n');
 * const input = { path, columns: {}, timeZone: 'UTC', period: 'month' as const, asOfDay: null, delimiter: null, format: null };
 * const data = computeReport(await loadOrders(input, { ...nodeIo(), stderr: () => undefined }), { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * rmSync(dirname(path), { recursive: true });
 * [data.summary.customers, data.summary.orders, data.summary.netRevenue.toString()]; // => [3, 4, '52.5']
 * data.cohorts.cohorts.map((c) => c.size); // => [2, 1]
 * ```
 */
export function computeReport(loaded: LoadedOrders, settings: ModelSettings): ReportData {
  const { book, asOf } = loaded;
  const period = loaded.settings.period;
  let models: FittedModels | null = null;
  let modelProblem: string | null = null;
  try {
    models = fitModels(loaded, settings);
  } catch (error) {
    // A model that cannot be fitted leaves the rest of the report standing.
    if (!isRetentionError(error)) throw error;
    modelProblem = error.message;
  }
  return {
    loaded,
    // The window [first order, the day after the as-of day) in the ledger's time zone: the orders counted.
    summary: summarize(book, { to: nextDay(loaded.asOfDay) }),
    retention: periodRetention(book, { period, asOf }),
    cohorts: Cohort.from(book).by(period).asOf(asOf).table(),
    lifecycle: periodLifecycle(book, { period, asOf }),
    rfm: rfm(book, { asOf }),
    dormancy: dormancy(book, { asOf }),
    history: historicalClv(book, { asOf }),
    models,
    modelProblem,
  };
}

/**
 * The sections of the full report, in the order they are shown.
 *
 * @param data - the results
 * @returns the sections
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { dirname, join } from 'node:path';
 * import { nodeIo } from './io.ts';
 * import { loadOrders } from './load-orders.ts';
 * import { computeReport, reportSections } from './report-data.ts';
 * const path = join(mkdtempSync(join(tmpdir(), 'orders-')), 'orders.csv');
 * writeFileSync(path, 'customer_id,date,total\na,2024-01-05,10\na,2024-02-09,15.50\nb,2024-01-20,7\nc,2024-02-02,20\n');
 * const input = { path, columns: {}, timeZone: 'UTC', period: 'month' as const, asOfDay: null, delimiter: null, format: null };
 * const data = computeReport(await loadOrders(input, { ...nodeIo(), stderr: () => undefined }), { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * rmSync(dirname(path), { recursive: true });
 * reportSections(data).map((s) => s.id); // => ['headline', 'retention', 'cohorts', 'lifecycle', 'rfm', 'dormancy', 'clv']
 * ```
 */
export function reportSections(data: ReportData): Section[] {
  const { book } = data.loaded;
  const period = data.loaded.settings.period;
  const digits = book.currencyDigits;
  const sections = [
    headlineSection(book, data.summary, data.loaded.settings.timeZone),
    retentionSection(data.retention, period),
    cohortSection(data.cohorts, period, digits),
    lifecycleSection(data.lifecycle, period, digits),
    rfmSection(data.rfm, digits),
    dormancySection(data.dormancy, digits),
    clvSection(data.history, data.models, digits, data.modelProblem),
  ];
  if (data.models !== null) sections.push(modelSection(data.models), topCustomersSection(data.models, REPORT_TOP_CUSTOMERS, digits));
  return sections;
}
