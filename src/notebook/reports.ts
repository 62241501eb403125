/**
 * The reports of the notebook entry: the root entry's functions, their results with a notebook
 * display (see {@link Displayed}).
 *
 * @module
 */
import type { Breakdown } from '../input/breakdown.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { type LifecycleOptions, type LifecycleRow, periodLifecycle as coreLifecycle } from '../metrics/lifecycle.ts';
import { type PeriodRetentionOptions, type PeriodRetentionRow, periodRetention as coreRetention } from '../metrics/period-retention.ts';
import { type Summary, type SummarizeOptions, summarize as coreSummarize } from '../metrics/summarize.ts';
import { type MrrReport, type MrrReportOptions, mrrReport as coreMrrReport } from '../subscriptions/mrr-report.ts';
import type { SubscriptionInterval, SubscriptionRevenue } from '../subscriptions/revenue-types.ts';
import { SECTIONS, maybeBreakdownBundle } from './bundles.ts';
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
/**
 * `summarize` broken down by an attribute, with a notebook display.
 *
 * @param data - a ledger with the attribute
 * @param options - as for the root entry's `summarize`, with `by`
 * @returns the breakdown, deep-equal to the root entry's, displayed as a table over everyone then one per segment
 * @throws as the root entry's `summarize`
 *
 * @example
 * ```ts
 * import { ledger, summarize } from 'retention-metrics/notebook';
 * const book = ledger([
 *   { customerId: 'a', date: '2024-01-10', amount: 10, channel: 'ads' },
 *   { customerId: 'b', date: '2024-02-12', amount: 10, channel: 'mail' },
 * ], { attributes: { channel: 'channel' } });
 * summarize(book, { by: 'channel' }).segments.map((s) => s.value); // => ['ads', 'mail']
 * ```
 */
export function summarize(data: LedgerInput, options: SummarizeOptions & { by: string }): Displayed<Breakdown<Summary>>;
/**
 * `summarize` with options whose `by` is known only when it runs: the report, or its breakdown with `by`.
 *
 * @param data - as in the other forms
 * @param options - as in the other forms, `by` optional
 * @returns the report or breakdown, with a notebook display
 * @throws as the root entry's `summarize`
 *
 * @example
 * ```ts
 * import { type SummarizeOptions, summarize } from 'retention-metrics/notebook';
 * const options: SummarizeOptions = { };
 * 'total' in summarize([{ customerId: 'a', date: '2024-01-10', amount: 10 }], options); // => false
 * ```
 */
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
/**
 * `periodRetention` broken down by an attribute, with a notebook display.
 *
 * @param data - a ledger with the attribute
 * @param options - as for the root entry's `periodRetention`, with `by`
 * @returns the breakdown, deep-equal to the root entry's, displayed as a table over everyone then one per segment
 * @throws as the root entry's `periodRetention`
 *
 * @example
 * ```ts
 * import { ledger, periodRetention } from 'retention-metrics/notebook';
 * const book = ledger([
 *   { customerId: 'a', date: '2024-01-10', amount: 10, channel: 'ads' },
 *   { customerId: 'b', date: '2024-02-12', amount: 10, channel: 'mail' },
 * ], { attributes: { channel: 'channel' } });
 * periodRetention(book, { period: 'month', by: 'channel' }).total.map((r) => r.acquired); // => [1, 1]
 * ```
 */
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions & { by: string }): Displayed<Breakdown<PeriodRetentionRow[]>>;
/**
 * `periodRetention` with options whose `by` is known only when it runs: the report, or its breakdown with `by`.
 *
 * @param data - as in the other forms
 * @param options - as in the other forms, `by` optional
 * @returns the report or breakdown, with a notebook display
 * @throws as the root entry's `periodRetention`
 *
 * @example
 * ```ts
 * import { type PeriodRetentionOptions, periodRetention } from 'retention-metrics/notebook';
 * const options: PeriodRetentionOptions = { period: 'month' };
 * 'total' in periodRetention([{ customerId: 'a', date: '2024-01-10', amount: 10 }], options); // => false
 * ```
 */
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
/**
 * `periodLifecycle` broken down by an attribute, with a notebook display.
 *
 * @param data - a ledger with the attribute
 * @param options - as for the root entry's `periodLifecycle`, with `by`
 * @returns the breakdown, deep-equal to the root entry's, displayed as a table over everyone then one per segment
 * @throws as the root entry's `periodLifecycle`
 *
 * @example
 * ```ts
 * import { ledger, periodLifecycle } from 'retention-metrics/notebook';
 * const book = ledger([
 *   { customerId: 'a', date: '2024-01-10', amount: 10, channel: 'ads' },
 *   { customerId: 'b', date: '2024-02-12', amount: 10, channel: 'mail' },
 * ], { attributes: { channel: 'channel' } });
 * periodLifecycle(book, { period: 'month', by: 'channel' }).total.map((r) => r.new); // => [1, 1]
 * ```
 */
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions & { by: string }): Displayed<Breakdown<LifecycleRow[]>>;
/**
 * `periodLifecycle` with options whose `by` is known only when it runs: the report, or its breakdown with `by`.
 *
 * @param data - as in the other forms
 * @param options - as in the other forms, `by` optional
 * @returns the report or breakdown, with a notebook display
 * @throws as the root entry's `periodLifecycle`
 *
 * @example
 * ```ts
 * import { type LifecycleOptions, periodLifecycle } from 'retention-metrics/notebook';
 * const options: LifecycleOptions = { period: 'month' };
 * 'total' in periodLifecycle([{ customerId: 'a', date: '2024-01-10', amount: 10 }], options); // => false
 * ```
 */
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions): Displayed<LifecycleRow[] | Breakdown<LifecycleRow[]>>;
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions): Displayed<LifecycleRow[] | Breakdown<LifecycleRow[]>> {
  return withDisplay(coreLifecycle(data, options), maybeBreakdownBundle(SECTIONS.lifecycle, moneyFormatOf(data, options)));
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
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: MrrReportOptions & { by?: undefined }): Displayed<MrrReport>;
/**
 * `mrrReport` broken down by plan (or an attribute), with a notebook display.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals
 * @param options - as for the root entry's `mrrReport`, with `by`
 * @returns the breakdown, deep-equal to the root entry's, displayed as a table over everyone then one per segment
 * @throws as the root entry's `mrrReport`
 *
 * @example
 * ```ts
 * import { mrrReport } from 'retention-metrics/notebook';
 * const split = mrrReport([
 *   { customerId: 'a', start: '2024-01-01', amount: '10.00', plan: 'basic' },
 *   { customerId: 'b', start: '2024-01-15', amount: '30.00', plan: 'pro' },
 * ], { by: 'plan', asOf: '2024-01-31T23:59:59Z' });
 * split.segments.map((s) => s.value); // => ['basic', 'pro']
 * ```
 */
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: MrrReportOptions & { by: string }): Displayed<Breakdown<MrrReport>>;
/**
 * `mrrReport` with options whose `by` is known only when it runs: the report, or its breakdown with `by`.
 *
 * @param data - as in the other forms
 * @param options - as in the other forms, `by` optional
 * @returns the report or breakdown, with a notebook display
 * @throws as the root entry's `mrrReport`
 *
 * @example
 * ```ts
 * import { type MrrReportOptions, mrrReport } from 'retention-metrics/notebook';
 * const options: MrrReportOptions = { };
 * 'total' in mrrReport([{ customerId: 'a', start: '2024-01-01', amount: 10 }], options); // => false
 * ```
 */
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: MrrReportOptions): Displayed<MrrReport | Breakdown<MrrReport>>;
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: MrrReportOptions): Displayed<MrrReport | Breakdown<MrrReport>> {
  return withDisplay(coreMrrReport(data, options), maybeBreakdownBundle(SECTIONS.mrr, moneyFormatOf(data, options)));
}
