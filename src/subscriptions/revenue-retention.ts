/**
 * `revenueRetention`: net and gross revenue retention, logo and revenue churn, and seat retention of
 * the customers paying at the start of a window of months.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { periodKey } from '../calendar/keys.ts';
import { periodEnd, periodIndex, periodStart } from '../calendar/period.ts';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import { ratio } from '../metrics/order-totals.ts';
import { MAX_REPORT_PERIODS } from '../metrics/period-settings.ts';
import { optionKeys } from '../option-keys.ts';
import type { Breakdown } from '../input/breakdown.ts';
import { breakdownIfAsked } from './plan-breakdown.ts';
import { PLAN_BREAKDOWN_KEYS, type PlanBreakdownOptions, type RevenueReportOptions, revenueSettings } from './revenue-settings.ts';
import type { SubscriptionInterval, SubscriptionRevenue } from './revenue-types.ts';
import { earliestChange, exactMinor, valuesAtBoundaries } from './step-values.ts';

/** Options of {@link revenueRetention}. */
export interface RevenueRetentionOptions extends RevenueReportOptions, PlanBreakdownOptions {
  /** The window's length in calendar months (default 1; 12 for annual retention). */
  months?: number;
}

/** Retention over the window of months that ends with one month. */
export interface RevenueRetentionRow {
  /** The window's last month: `2024-06`. */
  period: string;
  /** First instant of the window. */
  start: Date;
  /** First instant after it. */
  end: Date;
  /** `false` when the window extends past `asOf`: its end is read at `asOf`. */
  complete: boolean;
  /** The cohort: customers paying just before the window starts. */
  startCustomers: number;
  /** Their MRR then. */
  startMrr: Decimal;
  /** Of them, those paying at the window's end. */
  retainedCustomers: number;
  /** Their MRR at the end (expansion included; customers who joined in the window are not in it). */
  endMrr: Decimal;
  /** Net revenue retention: endMrr ÷ startMrr (above 1 when expansion outweighs churn); `null` without a cohort. */
  nrr: number | null;
  /** Gross revenue retention: Σ min(end, start MRR) ÷ startMrr, each customer's expansion left out (at most 1). */
  grr: number | null;
  /** Logo churn: the share of the cohort's customers not paying at the end. */
  logoChurn: number | null;
  /** Gross revenue churn, 1 − grr: the share of the start MRR lost to contraction and churn. */
  revenueChurn: number | null;
  /** Seats (quantities of paid intervals) of the cohort at the start. */
  startSeats: number;
  /** Their seats at the end. */
  endSeats: number;
  /** Seat retention: endSeats ÷ startSeats; `null` without seats. */
  seatRetention: number | null;
}

const KEYS = [...optionKeys<Omit<RevenueRetentionOptions, keyof RevenueReportOptions | keyof PlanBreakdownOptions>>({ months: true }), ...PLAN_BREAKDOWN_KEYS];

/**
 * Revenue retention over windows of `months` calendar months, one row per window ending with each
 * month: of the customers paying just before the window starts (the cohort), the share of their MRR
 * kept at its end with expansion (net, NRR) and without (gross, GRR), the share of them no longer
 * paying (logo churn) beside the share of MRR lost (revenue churn), and their seats kept. Customers
 * who start paying in the window are not in the cohort; a cohort customer who churns and comes back
 * within the window counts with their MRR at its end. Rows run from the first window starting after
 * the first month with revenue to the one ending with the month of `asOf`.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - `months`, `asOf`; for records, the reading options (`timeZone`, `currency`, `currencyDigits`, `onInvalid`, `attributes`)
 * @returns one row per window
 * @throws {@link InvalidOptionError} for a bad or unknown option, a book with reading options, or more
 *   than 100,000 rows
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { revenueRetention } from 'retention-metrics';
 * const rows = revenueRetention(
 *   [
 *     { customerId: 'a', subscriptionId: 'sa', start: '2024-01-01', end: '2024-02-10', amount: '100.00', quantity: 4 },
 *     { customerId: 'a', subscriptionId: 'sa', start: '2024-02-10', amount: '150.00', quantity: 6 },
 *     { customerId: 'b', start: '2024-01-01', end: '2024-02-20', amount: '50.00' },
 *     { customerId: 'c', start: '2024-02-05', amount: '70.00' },
 *   ],
 *   { asOf: '2024-02-29T23:59:59Z' },
 * );
 * rows.map((r) => [r.period, r.startMrr.toFixed(2), r.endMrr.toFixed(2), r.nrr, r.grr, r.logoChurn, r.seatRetention]); // => [['2024-02', '150.00', '150.00', 1, 100 / 150, 0.5, 6 / 5]]
 * ```
 */
export function revenueRetention(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: RevenueRetentionOptions & { by?: undefined }): RevenueRetentionRow[];
/**
 * {@link revenueRetention} broken down by plan: the rows over every customer, and over each plan's
 * customers (`segmentRule: 'customer'`, the default: the plan each first paid for) or intervals
 * (`'same-value'`), all as of the whole book's `asOf`.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - as in the plain form, with `by: 'plan'` and `segmentRule`
 * @returns the breakdown: `total`, and a segment per plan with paying customers by `asOf`
 * @throws {@link InvalidOptionError} for bad options, as in the plain form, or a bad `segmentRule`
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { revenueRetention } from 'retention-metrics';
 * const split = revenueRetention(
 *   [
 *     { customerId: 'a', start: '2024-01-01', amount: '10.00', plan: 'basic' },
 *     { customerId: 'b', start: '2024-01-01', end: '2024-02-10', amount: '30.00', plan: 'pro' },
 *   ],
 *   { by: 'plan', asOf: '2024-02-29T23:59:59.999Z' },
 * );
 * split.segments.map((s) => [s.value, s.result.map((r) => r.nrr)]); // => [['basic', [1]], ['pro', [0]]]
 * ```
 */
export function revenueRetention(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: RevenueRetentionOptions & { by: string }): Breakdown<RevenueRetentionRow[]>;
/**
 * {@link revenueRetention} with options whose `by` is known only when it runs: the rows without `by`,
 * their breakdown by plan with it.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - as in the other forms, `by` optional
 * @returns the rows, or with `by` a {@link Breakdown} of rows
 * @throws {@link InvalidOptionError} for bad options, as in the other forms
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { type RevenueRetentionOptions, revenueRetention } from 'retention-metrics';
 * const options: RevenueRetentionOptions = {};
 * Array.isArray(revenueRetention([{ customerId: 'a', start: '2024-01-01', amount: 10 }], options)); // => true
 * ```
 */
export function revenueRetention(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: RevenueRetentionOptions): RevenueRetentionRow[] | Breakdown<RevenueRetentionRow[]>;
export function revenueRetention(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: RevenueRetentionOptions = {}): RevenueRetentionRow[] | Breakdown<RevenueRetentionRow[]> {
  const { book, asOf, calendar } = revenueSettings(data, options, KEYS);
  const own = options.months === undefined ? {} : { months: options.months };
  const split = breakdownIfAsked(book, asOf, { by: options.by, segmentRule: options.segmentRule }, (part) => revenueRetention(part, { ...own, ...(asOf === null ? {} : { asOf }) }));
  if (split !== null) return split;
  const months = options.months ?? 1;
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 1200) {
    throw new InvalidOptionError('months', months, `${describeValue(months)} is not a whole number of months from 1 to 1200`);
  }
  if (asOf === null) return [];
  const firstChange = earliestChange(book);
  if (!(firstChange <= asOf)) return [];
  const monthOf = (ms: number): number => periodIndex(ms, 'month', calendar);
  // Boundary b is the start of month first + b; a window ending with month p runs from boundary p − months + 1 to p + 1.
  const first = monthOf(firstChange);
  const last = monthOf(asOf);
  const rows = last - first - months + 1;
  if (rows <= 0) return [];
  if (rows > MAX_REPORT_PERIODS) throw new InvalidOptionError(options.asOf === undefined ? 'months' : 'asOf', options.asOf ?? months, `the report would have ${rows} rows, more than ${MAX_REPORT_PERIODS}${options.asOf === undefined ? '' : '; choose an earlier asOf'}`);
  // Instants at which values are read: just before each boundary, and asOf for the month holding it.
  const instants = Array.from({ length: last - first + 2 }, (_, b) => Math.min(periodStart(first + b, 'month', calendar) - 1, asOf));
  const sums = { startCustomers: new Float64Array(rows), startMrr: new Float64Array(rows), retained: new Float64Array(rows), endMrr: new Float64Array(rows), kept: new Float64Array(rows), startSeats: new Float64Array(rows), endSeats: new Float64Array(rows) };
  valuesAtBoundaries(book, instants, (mrr, seats) => {
    for (let r = 0; r < rows; r++) {
      const from = r + 1;
      const to = r + months + 1;
      const before = mrr[from] ?? 0;
      if (before === 0) continue;
      const after = mrr[to] ?? 0;
      sums.startCustomers[r] += 1;
      sums.startMrr[r] += before;
      sums.retained[r] += Number(after > 0);
      sums.endMrr[r] += after;
      sums.kept[r] += Math.min(before, after);
      sums.startSeats[r] += seats[from] ?? 0;
      sums.endSeats[r] += seats[to] ?? 0;
    }
  });
  const digits = book.currencyDigits;
  return Array.from({ length: rows }, (_, r): RevenueRetentionRow => {
    const month = first + r + months;
    const startMrr = exactMinor(sums.startMrr[r] ?? 0, 'the MRR of a cohort');
    exactMinor(sums.endMrr[r] ?? 0, 'the MRR of a cohort');
    const startCustomers = sums.startCustomers[r] ?? 0;
    const grr = ratio(sums.kept[r] ?? 0, startMrr);
    const end = periodEnd(month, 'month', calendar);
    return {
      period: periodKey(month, 'month'),
      start: new Date(periodStart(month - months + 1, 'month', calendar)),
      end: new Date(end),
      complete: end - 1 <= asOf,
      startCustomers,
      startMrr: fromMinorUnits(startMrr, digits),
      retainedCustomers: sums.retained[r] ?? 0,
      endMrr: fromMinorUnits(sums.endMrr[r] ?? 0, digits),
      nrr: ratio(sums.endMrr[r] ?? 0, startMrr),
      grr,
      logoChurn: ratio(startCustomers - (sums.retained[r] ?? 0), startCustomers),
      revenueChurn: grr === null ? null : 1 - grr,
      startSeats: sums.startSeats[r] ?? 0,
      endSeats: sums.endSeats[r] ?? 0,
      seatRetention: ratio(sums.endSeats[r] ?? 0, sums.startSeats[r] ?? 0),
    };
  });
}
