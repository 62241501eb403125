/**
 * `revenueCohorts`: customers grouped by the period they first paid in, followed period by period —
 * how many still pay (logo retention) and how much MRR they bring (MRR retention, expansion included).
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { periodKey } from '../calendar/keys.ts';
import { periodEnd, periodIndex, periodStart } from '../calendar/period.ts';
import { type CalendarUnit, type WeekStartsOn, assertCalendarUnit } from '../calendar/units.ts';
import { InvalidOptionError } from '../errors.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import { ratio } from '../metrics/order-totals.ts';
import { MAX_REPORT_PERIODS } from '../metrics/period-settings.ts';
import { optionKeys } from '../option-keys.ts';
import type { Breakdown, SegmentRule } from '../input/breakdown.ts';
import { breakdownIfAsked } from './plan-breakdown.ts';
import { type PlanBreakdownOptions, type RevenueReportOptions, revenueSettings } from './revenue-settings.ts';
import type { SubscriptionInterval, SubscriptionRevenue } from './revenue-types.ts';
import { exactMinor, firstChange, valuesAtBoundaries } from './step-values.ts';

/** Options of {@link revenueCohorts}. */
export interface RevenueCohortOptions extends RevenueReportOptions {
  /** The cohorts' and offsets' periods: `'day'`, `'week'`, `'month'` (default), `'quarter'` or `'year'`, in the book's zone. */
  by?: CalendarUnit;
  /** First day of a week, 0 (Sunday) to 6 (default 1, Monday). */
  weekStartsOn?: WeekStartsOn;
  /** `'plan'` or an attribute: the table over every customer and over each value's, as a {@link Breakdown} (`by` names the cohort period here). */
  segmentBy?: string;
  /** With `segmentBy`, as {@link PlanBreakdownOptions.segmentRule}. */
  segmentRule?: SegmentRule;
}

/** A cohort at one offset: its customers and MRR at the end of the offset's period. */
export interface RevenueCohortCell {
  /** Periods after the cohort's own (0: the cohort period). */
  offset: number;
  /** The cohort's customers paying at the end of the period (at `asOf` for the period holding it). */
  customers: number;
  /** customers ÷ the cohort's size. */
  logoRetention: number;
  /** The cohort's MRR then. */
  mrr: Decimal;
  /** mrr ÷ the cohort's starting MRR: net of contraction and churn, expansion included (can exceed 1). */
  mrrRetention: number | null;
  /** `false` while the period has not ended as of `asOf`. */
  complete: boolean;
}

/** The customers who first paid in one period. */
export interface RevenueCohortRow {
  /** The period's key: `2024-03`. */
  key: string;
  /** Its first instant. */
  start: Date;
  /** Customers whose first paid MRR began in the period. */
  size: number;
  /** Their MRR when each first paid (the sum of their new-business movements). */
  startMrr: Decimal;
  /** From offset 0 to the period holding `asOf`. */
  cells: RevenueCohortCell[];
}

/** The cohorts' average at one offset, over the cohorts whose cell there is complete. */
export interface RevenueCohortAverage {
  offset: number;
  /** Cohorts averaged. */
  cohorts: number;
  /** Σ customers ÷ Σ size. */
  logoRetention: number | null;
  /** Σ mrr ÷ Σ startMrr. */
  mrrRetention: number | null;
}

/** The result of {@link revenueCohorts}: the logo and MRR retention matrices side by side, cell by cell. */
export interface RevenueCohortTable {
  by: CalendarUnit;
  /** The table's instant; `null` for a book without intervals and no `asOf` given. */
  asOf: Date | null;
  cohorts: RevenueCohortRow[];
  average: RevenueCohortAverage[];
}

const KEYS = optionKeys<Omit<RevenueCohortOptions, keyof RevenueReportOptions>>({ by: true, weekStartsOn: true, segmentBy: true, segmentRule: true });
/** Most cells of one table, as `Cohort`'s. */
const MAX_CELLS = 1_000_000;

/**
 * Revenue cohorts: each paying customer in the cohort of the period of their first paid MRR (a free
 * trial before it does not count), followed at the end of every later period: the cohort's customers
 * still paying (logo retention) and its MRR (MRR retention, relative to the MRR each customer first paid;
 * expansion included). A customer who churns and comes back counts again when paying.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - `by`, `weekStartsOn`, `asOf`; for records, the reading options (`timeZone`, `currency`, `currencyDigits`, `onInvalid`, `attributes`)
 * @returns the cohorts and their average curve
 * @throws {@link InvalidOptionError} for a bad or unknown option, a book with reading options, or a table
 *   of more than 1,000,000 cells
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { revenueCohorts } from 'retention-metrics';
 * const table = revenueCohorts(
 *   [
 *     { customerId: 'a', subscriptionId: 'sa', start: '2024-01-05', end: '2024-02-10', amount: '100.00' },
 *     { customerId: 'a', subscriptionId: 'sa', start: '2024-02-10', amount: '150.00' },
 *     { customerId: 'b', start: '2024-01-20', end: '2024-03-01', amount: '50.00' },
 *   ],
 *   { asOf: '2024-03-31T23:59:59.999Z' },
 * );
 * table.cohorts[0]?.cells.map((c) => [c.customers, c.mrr.toFixed(2), c.mrrRetention]); // => [[2, '150.00', 1], [2, '200.00', 200 / 150], [1, '150.00', 1]]
 * ```
 */
export function revenueCohorts(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: RevenueCohortOptions & { segmentBy?: undefined }): RevenueCohortTable;
/**
 * {@link revenueCohorts} broken down by plan: the table over every customer, and over each plan's
 * customers (`segmentRule: 'customer'`, the default: the plan each first paid for) or intervals
 * (`'same-value'`), all as of the whole book's `asOf`.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - as in the plain form, with `segmentBy: 'plan'` and `segmentRule`
 * @returns the breakdown: `total`, and a segment per plan with paying customers by `asOf`
 * @throws {@link InvalidOptionError} for bad options, as in the plain form, or a bad `segmentRule`
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { revenueCohorts } from 'retention-metrics';
 * const split = revenueCohorts(
 *   [
 *     { customerId: 'a', start: '2024-01-01', amount: '10.00', plan: 'basic' },
 *     { customerId: 'b', start: '2024-01-01', end: '2024-02-10', amount: '30.00', plan: 'pro' },
 *   ],
 *   { segmentBy: 'plan', asOf: '2024-02-29T23:59:59.999Z' },
 * );
 * split.segments.map((s) => [s.value, s.result.cohorts[0]?.cells.map((c) => c.logoRetention)]); // => [['basic', [1, 1]], ['pro', [1, 0]]]
 * ```
 */
export function revenueCohorts(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: RevenueCohortOptions & { segmentBy: string }): Breakdown<RevenueCohortTable>;
/**
 * {@link revenueCohorts} with options whose `segmentBy` is known only when it runs: the table without
 * it, its breakdown by plan with it.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - as in the other forms, `segmentBy` optional
 * @returns the table, or with `segmentBy` a {@link Breakdown} of tables
 * @throws {@link InvalidOptionError} for bad options, as in the other forms
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { type RevenueCohortOptions, revenueCohorts } from 'retention-metrics';
 * const options: RevenueCohortOptions = {};
 * 'total' in revenueCohorts([{ customerId: 'a', start: '2024-01-01', amount: 10 }], options); // => false
 * ```
 */
export function revenueCohorts(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: RevenueCohortOptions): RevenueCohortTable | Breakdown<RevenueCohortTable>;
export function revenueCohorts(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: RevenueCohortOptions = {}): RevenueCohortTable | Breakdown<RevenueCohortTable> {
  const { book, asOf, calendar } = revenueSettings(data, options, KEYS);
  const own = { ...(options.by === undefined ? {} : { by: options.by }), ...(options.weekStartsOn === undefined ? {} : { weekStartsOn: options.weekStartsOn }) };
  const choice = { by: options.segmentBy, segmentRule: options.segmentRule, option: 'segmentBy' };
  const split = breakdownIfAsked(book, asOf, choice, (part) => revenueCohorts(part, { ...own, ...(asOf === null ? {} : { asOf }) }));
  if (split !== null) return split;
  const by = options.by === undefined ? 'month' : assertCalendarUnit(options.by, 'by');
  if (asOf === null) return { by, asOf: null, cohorts: [], average: [] };
  const periodOf = (ms: number): number => periodIndex(ms, by, calendar);
  // Each customer's cohort: the period of their first change, which takes them from 0 to paying.
  const cohortOf = new Float64Array(book.ids.length).fill(Number.NaN);
  let first = Number.POSITIVE_INFINITY;
  for (let c = 0; c < book.ids.length; c++) {
    const at = firstChange(book, c);
    if (at > asOf) continue;
    cohortOf[c] = periodOf(at);
    first = Math.min(first, cohortOf[c] ?? first);
  }
  if (!Number.isFinite(first)) return { by, asOf: new Date(asOf), cohorts: [], average: [] };
  const span = periodOf(asOf) - first + 1;
  if (span > MAX_REPORT_PERIODS || (span * (span + 1)) / 2 > MAX_CELLS) {
    throw new InvalidOptionError(options.asOf === undefined ? 'by' : 'asOf', options.asOf ?? by, `the table would have ${span} cohorts and up to ${(span * (span + 1)) / 2} cells, more than ${MAX_CELLS}; choose a longer period or an earlier asOf`);
  }
  const size = new Float64Array(span);
  const startMrr = new Float64Array(span);
  // Cell (cohort i, offset k) at i · span + k.
  const paying = new Float64Array(span * span);
  const mrrSum = new Float64Array(span * span);
  const ends = Array.from({ length: span }, (_, b) => Math.min(periodEnd(first + b, by, calendar) - 1, asOf));
  valuesAtBoundaries(book, ends, (mrr, _seats, c) => {
    const cohort = cohortOf[c] ?? Number.NaN;
    if (Number.isNaN(cohort)) return;
    const i = cohort - first;
    size[i] += 1;
    startMrr[i] += book.changeMrr[book.changeStart[c] ?? 0] ?? 0;
    for (let b = i; b < span; b++) {
      const value = mrr[b] ?? 0;
      paying[i * span + b - i] += Number(value > 0);
      mrrSum[i * span + b - i] += value;
    }
  });
  const digits = book.currencyDigits;
  const cohorts: RevenueCohortRow[] = [];
  const averages = Array.from({ length: span }, () => ({ cohorts: 0, size: 0, paying: 0, startMrr: 0, mrr: 0 }));
  for (let i = 0; i < span; i++) {
    const n = size[i] ?? 0;
    if (n === 0) continue;
    const start = exactMinor(startMrr[i] ?? 0, 'the MRR of a cohort');
    const cells = Array.from({ length: span - i }, (_, k): RevenueCohortCell => {
      const customers = paying[i * span + k] ?? 0;
      const mrr = exactMinor(mrrSum[i * span + k] ?? 0, 'the MRR of a cohort');
      const complete = periodEnd(first + i + k, by, calendar) - 1 <= asOf;
      const average = averages[k];
      if (complete && average !== undefined) {
        average.cohorts += 1;
        average.size += n;
        average.paying += customers;
        average.startMrr += start;
        average.mrr += mrr;
      }
      return { offset: k, customers, logoRetention: customers / n, mrr: fromMinorUnits(mrr, digits), mrrRetention: ratio(mrr, start), complete };
    });
    cohorts.push({ key: periodKey(first + i, by, calendar.weekStartsOn), start: new Date(periodStart(first + i, by, calendar)), size: n, startMrr: fromMinorUnits(start, digits), cells });
  }
  const average = averages
    .map((a, offset) => ({ offset, cohorts: a.cohorts, logoRetention: ratio(a.paying, a.size), mrrRetention: ratio(a.mrr, a.startMrr) }))
    .filter((a) => a.cohorts > 0);
  return { by, asOf: new Date(asOf), cohorts, average };
}
