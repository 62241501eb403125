/**
 * The reports of the notebook entry: the root entry's functions, their results with a notebook
 * display (see {@link Displayed}).
 *
 * @module
 */
import type { CustomerState } from '../input/customer-state-type.ts';
import type { Breakdown } from '../input/breakdown.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { type LifecycleOptions, type LifecycleRow, periodLifecycle as coreLifecycle } from '../metrics/lifecycle.ts';
import { type PeriodRetentionOptions, type PeriodRetentionRow, periodRetention as coreRetention } from '../metrics/period-retention.ts';
import { type Summary, type SummarizeOptions, summarize as coreSummarize } from '../metrics/summarize.ts';
import { dormancy as coreDormancy } from '../segments/dormancy.ts';
import type { DormancyOptions, DormancyReport } from '../segments/dormancy-types.ts';
import { rfm as coreRfm } from '../segments/rfm.ts';
import type { RfmOptions, RfmReport } from '../segments/rfm-types.ts';
import { type MrrReport, type MrrReportOptions, mrrReport as coreMrrReport } from '../subscriptions/mrr-report.ts';
import type { SubscriptionInterval, SubscriptionRevenue } from '../subscriptions/revenue-types.ts';
import { SECTIONS, bundleOf, maybeBreakdownBundle } from './bundles.ts';
import { type Displayed, withDisplay } from './displayed.ts';
import { moneyFormatOf } from './money.ts';

/**
 * `summarize` of the root entry, its result displayed in a notebook as a table of the headline numbers
 * (with `by`: one table over everyone, then one per segment).
 *
 * @param data - a ledger or records
 * @param options - as for the root entry's `summarize`
 * @returns the summary (or breakdown), deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `summarize`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, ledger, summarize } from 'retention-metrics/notebook';
 * const book = ledger([
 *   { customerId: 'ann', date: '2024-01-05', amount: '30.00' },
 *   { customerId: 'ann', date: '2024-02-05', amount: '10.00' },
 * ], { currency: 'EUR' });
 * const summary = summarize(book);
 * summary.customers; // => 1
 * summary[JUPYTER_DISPLAY]()['text/html'].includes('EUR 40.00'); // => true
 * ```
 */
export function summarize(data: LedgerInput, options?: SummarizeOptions & { by?: undefined }): Displayed<Summary>;
export function summarize(data: LedgerInput, options: SummarizeOptions & { by: string }): Displayed<Breakdown<Summary>>;
export function summarize(data: LedgerInput, options?: SummarizeOptions): Displayed<Summary | Breakdown<Summary>>;
export function summarize(data: LedgerInput, options?: SummarizeOptions): Displayed<Summary | Breakdown<Summary>> {
  return withDisplay(coreSummarize(data, options), maybeBreakdownBundle(SECTIONS.summary, moneyFormatOf(data, options)));
}

/**
 * `periodRetention` of the root entry, its rows displayed as a table by period (base at start and end,
 * acquired, reactivated, retained, lost, retention and churn rates as percentages).
 *
 * @param data - a ledger or records
 * @param options - as for the root entry's `periodRetention`
 * @returns the rows (or breakdown), deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `periodRetention`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, periodRetention } from 'retention-metrics/notebook';
 * const rows = periodRetention([
 *   { customerId: 'a', date: '2024-01-10', amount: 10 },
 *   { customerId: 'b', date: '2024-01-12', amount: 10 },
 *   { customerId: 'a', date: '2024-02-03', amount: 10 },
 * ], { period: 'month', asOf: '2024-02-29' });
 * rows.map((r) => r.retentionRate); // => [null, 0.5]
 * rows[JUPYTER_DISPLAY]()['text/plain'].includes('50.0%'); // => true
 * ```
 */
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions & { by?: undefined }): Displayed<PeriodRetentionRow[]>;
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions & { by: string }): Displayed<Breakdown<PeriodRetentionRow[]>>;
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions): Displayed<PeriodRetentionRow[] | Breakdown<PeriodRetentionRow[]>>;
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions): Displayed<PeriodRetentionRow[] | Breakdown<PeriodRetentionRow[]>> {
  return withDisplay(coreRetention(data, options), maybeBreakdownBundle(SECTIONS.periodRetention, moneyFormatOf(data, options)));
}

/**
 * `periodLifecycle` of the root entry, its rows displayed as a table by period (new, returning,
 * resurrected, dormant, quick ratio, revenue by state) with the lifecycle chart.
 *
 * @param data - a ledger or records
 * @param options - as for the root entry's `periodLifecycle`
 * @returns the rows (or breakdown), deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `periodLifecycle`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, periodLifecycle } from 'retention-metrics/notebook';
 * const rows = periodLifecycle([
 *   { customerId: 'a', date: '2024-01-05', amount: 10 },
 *   { customerId: 'b', date: '2024-02-06', amount: 10 },
 * ], { period: 'month' });
 * rows.map((r) => [r.new, r.dormant]); // => [[1, 0], [1, 1]]
 * rows[JUPYTER_DISPLAY]()['text/html'].startsWith('<div'); // => true
 * ```
 */
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions & { by?: undefined }): Displayed<LifecycleRow[]>;
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions & { by: string }): Displayed<Breakdown<LifecycleRow[]>>;
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions): Displayed<LifecycleRow[] | Breakdown<LifecycleRow[]>>;
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions): Displayed<LifecycleRow[] | Breakdown<LifecycleRow[]>> {
  return withDisplay(coreLifecycle(data, options), maybeBreakdownBundle(SECTIONS.lifecycle, moneyFormatOf(data, options)));
}

/**
 * `rfm` of the root entry, its report displayed as the table of its segments (customers, share,
 * revenue, mean recency, frequency and monetary value) with the RFM grid.
 *
 * @param data - a ledger, records or a customer state
 * @param options - as for the root entry's `rfm`
 * @returns the report, deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `rfm`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, rfm } from 'retention-metrics/notebook';
 * const report = rfm([
 *   { customerId: 'a', date: '2024-12-30', amount: '50.00' },
 *   { customerId: 'b', date: '2023-12-31', amount: '5.00' },
 * ], { asOf: '2024-12-31' });
 * report.segments.filter((s) => s.customers > 0).map((s) => s.segment); // => ['Need Attention', 'Lost']
 * report[JUPYTER_DISPLAY]()['text/plain'].includes('Need Attention'); // => true
 * ```
 */
export function rfm(data: LedgerInput | CustomerState, options?: RfmOptions): Displayed<RfmReport> {
  return withDisplay(coreRfm(data, options), bundleOf(SECTIONS.rfm, moneyFormatOf(data, options)));
}

/**
 * `dormancy` of the root entry, its report displayed as the table of its segments (customers, share,
 * historical value) with the dormancy chart.
 *
 * @param data - a ledger, records or a customer state
 * @param options - as for the root entry's `dormancy`
 * @returns the report, deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `dormancy`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, dormancy } from 'retention-metrics/notebook';
 * const report = dormancy([
 *   { customerId: 'ann', date: '2024-12-01', amount: '40.00' },
 *   { customerId: 'cy', date: '2023-06-30', amount: '90.00' },
 * ], { asOf: '2024-12-31' });
 * [report.segments.active.customers, report.segments.lost.customers]; // => [1, 1]
 * report[JUPYTER_DISPLAY]()['text/plain'].includes('50.0%'); // => true
 * ```
 */
export function dormancy(data: LedgerInput | CustomerState, options?: DormancyOptions): Displayed<DormancyReport> {
  return withDisplay(coreDormancy(data, options), bundleOf(SECTIONS.dormancy, moneyFormatOf(data, options)));
}

/**
 * `mrrReport` of the root entry, its report displayed as the table of MRR and its movements per period
 * with the MRR movements chart.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals
 * @param options - as for the root entry's `mrrReport`
 * @returns the report (or breakdown), deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `mrrReport`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, mrrReport } from 'retention-metrics/notebook';
 * const report = mrrReport([
 *   { customerId: 'acme', start: '2024-01-01', amount: '50.00' },
 * ], { asOf: '2024-02-15T00:00:00Z', currency: 'USD' });
 * report.periods.map((p) => p.mrr.toFixed(2)); // => ['50.00', '50.00']
 * report[JUPYTER_DISPLAY]()['text/plain'].includes('USD 50.00'); // => true
 * ```
 */
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: MrrReportOptions & { by: string }): Displayed<Breakdown<MrrReport>>;
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: MrrReportOptions & { by?: undefined }): Displayed<MrrReport>;
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: MrrReportOptions): Displayed<MrrReport | Breakdown<MrrReport>>;
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: MrrReportOptions): Displayed<MrrReport | Breakdown<MrrReport>> {
  return withDisplay(coreMrrReport(data, options), maybeBreakdownBundle(SECTIONS.mrr, moneyFormatOf(data, options)));
}
