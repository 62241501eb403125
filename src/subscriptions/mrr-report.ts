/**
 * `mrrReport`: monthly recurring revenue per calendar period, and the movements that changed it.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { periodKey } from '../calendar/keys.ts';
import { periodEnd, periodIndex, periodStart } from '../calendar/period.ts';
import { type CalendarUnit, type WeekStartsOn, assertCalendarUnit } from '../calendar/units.ts';
import { InvalidOptionError } from '../errors.ts';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import { ratio } from '../metrics/order-totals.ts';
import { MAX_REPORT_PERIODS } from '../metrics/period-settings.ts';
import { optionKeys } from '../option-keys.ts';
import { MOVEMENT_TYPES, type MrrMovement, movementType } from './mrr-movement.ts';
import type { Breakdown } from '../input/breakdown.ts';
import { breakdownIfAsked } from './plan-breakdown.ts';
import { PLAN_BREAKDOWN_KEYS, type PlanBreakdownOptions, type RevenueReportOptions, revenueSettings } from './revenue-settings.ts';
import type { SubscriptionInterval, SubscriptionRevenue } from './revenue-types.ts';
import { earliestChange, exactMinor } from './step-values.ts';

/** Options of {@link mrrReport}. */
export interface MrrReportOptions extends RevenueReportOptions, PlanBreakdownOptions {
  /** The report's periods: `'day'`, `'week'`, `'month'` (default), `'quarter'` or `'year'`, in the book's zone. */
  period?: CalendarUnit;
  /** First day of a week, 0 (Sunday) to 6 (default 1, Monday). */
  weekStartsOn?: WeekStartsOn;
}

/** One period of an {@link MrrReport}: MRR at its end, and the movements within it. */
export interface MrrPeriod {
  /** Period key: `2024-03` by month. */
  period: string;
  /** First instant of the period. */
  start: Date;
  /** First instant after it. */
  end: Date;
  /** `false` when the period extends past `asOf`: its MRR is as of `asOf`. */
  complete: boolean;
  /** MRR just before the period's first instant (the previous period's `mrr`). */
  openingMrr: Decimal;
  /** MRR at its end (or at `asOf`): `openingMrr + newMrr + expansionMrr − contractionMrr − churnMrr + reactivationMrr`. */
  mrr: Decimal;
  /** Annual run rate: `mrr × 12`. */
  arr: Decimal;
  /** Paying customers at the end (MRR above 0; a free trial is no paying customer). */
  customers: number;
  /** Average revenue per account: `mrr ÷ customers`; `null` without customers. */
  arpa: Decimal | null;
  /** Average sale price: `newMrr ÷ newCustomers`; `null` without new customers. */
  asp: Decimal | null;
  /** MRR of the period's new customers. */
  newMrr: Decimal;
  /** MRR added by paying customers. */
  expansionMrr: Decimal;
  /** MRR lost by customers who still pay. */
  contractionMrr: Decimal;
  /** MRR of the customers who stopped paying. */
  churnMrr: Decimal;
  /** MRR of the customers who paid again after a churn. */
  reactivationMrr: Decimal;
  /** `mrr − openingMrr`. */
  netNewMrr: Decimal;
  /** The SaaS quick ratio: (new + expansion + reactivation) ÷ (contraction + churn); `null` when nothing was lost. */
  quickRatio: number | null;
  /** Customers with a `'new'` movement in the period (each counted once). */
  newCustomers: number;
  /** Customers with an expansion. */
  expandedCustomers: number;
  /** Customers with a contraction. */
  contractedCustomers: number;
  /** Customers with a churn. */
  churnedCustomers: number;
  /** Customers with a reactivation. */
  reactivatedCustomers: number;
}

/** The result of {@link mrrReport}. */
export interface MrrReport {
  /** The report's instant; `null` for a book without intervals and no `asOf` given. */
  asOf: Date | null;
  /** The periods' unit. */
  period: CalendarUnit;
  /** From the period of the first movement to the one holding `asOf`. */
  periods: MrrPeriod[];
  /** Every movement at or before `asOf`, by customer (the book's order), then instant. */
  movements: MrrMovement[];
}

const KEYS = [...optionKeys<Omit<MrrReportOptions, keyof RevenueReportOptions | keyof PlanBreakdownOptions>>({ period: true, weekStartsOn: true }), ...PLAN_BREAKDOWN_KEYS];

/**
 * {@link mrrReport} broken down by plan: the report over every customer, and over each plan's customers
 * (`segmentRule: 'customer'`, the default: the plan each first paid for) or intervals
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
 * import { mrrReport } from 'retention-metrics';
 * const records = [
 *   { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-02-01', amount: '10.00', plan: 'basic' },
 *   { customerId: 'a', subscriptionId: 's', start: '2024-02-01', amount: '30.00', plan: 'pro' },
 *   { customerId: 'b', start: '2024-01-15', amount: '30.00', plan: 'pro' },
 * ];
 * const byFirstPlan = mrrReport(records, { by: 'plan' });
 * byFirstPlan.segments.map((s) => [s.value, s.customers, s.result.movements.map((m) => m.type)]); // => [['basic', 1, ['new', 'expansion']], ['pro', 1, ['new']]]
 * const byPlan = mrrReport(records, { by: 'plan', segmentRule: 'same-value' });
 * byPlan.segments.map((s) => [s.value, s.result.movements.map((m) => m.type)]); // => [['basic', ['new', 'churn']], ['pro', ['new', 'new']]]
 * ```
 */
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: MrrReportOptions & { by: string }): Breakdown<MrrReport>;
/**
 * Monthly recurring revenue per calendar period and its movements. A customer's MRR is the sum of
 * their subscriptions' prices running at an instant; every instant it changes is one movement, of
 * the size of the change, classified as new, expansion, contraction, churn or reactivation (see
 * {@link MrrMovementType}). Each period holds the movements at its instants and the MRR at its end,
 * so that every row satisfies MRR(end) = MRR(start) + new + expansion − contraction − churn +
 * reactivation exactly. A downgrade and an upgrade in one period are a contraction and an expansion;
 * a churn and a reactivation in one period are both counted.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - `period`, `weekStartsOn`, `asOf`; for records, the reading options (`timeZone`, `currency`, `currencyDigits`, `onInvalid`, `attributes`)
 * @returns the periods and the movements
 * @throws {@link InvalidOptionError} for a bad or unknown option, a book with reading options, or more
 *   than 100,000 periods
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { mrrReport } from 'retention-metrics';
 * const report = mrrReport(
 *   [
 *     { customerId: 'acme', subscriptionId: 's1', start: '2024-01-05', end: '2024-02-20', amount: '50.00' },
 *     { customerId: 'acme', subscriptionId: 's1', start: '2024-02-20', end: '2024-03-10', amount: '80.00' },
 *     { customerId: 'globex', start: '2024-02-01', amount: '1200.00', interval: 'year' },
 *   ],
 *   { asOf: '2024-03-31T23:59:59Z' },
 * );
 * report.periods.map((p) => [p.period, p.mrr.toFixed(2), p.customers]); // => [['2024-01', '50.00', 1], ['2024-02', '180.00', 2], ['2024-03', '100.00', 1]]
 * report.movements.map((m) => [m.customerId, m.type, m.amount.toFixed(2)]); // => [['acme', 'new', '50.00'], ['acme', 'expansion', '30.00'], ['acme', 'churn', '80.00'], ['globex', 'new', '100.00']]
 * ```
 */
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: MrrReportOptions & { by?: undefined }): MrrReport;
/**
 * {@link mrrReport} with options whose `by` is known only when it runs: the report without `by`, its
 * breakdown by plan with it.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - as in the other forms, `by` optional
 * @returns the report, or with `by` a {@link Breakdown} of reports
 * @throws {@link InvalidOptionError} for bad options, as in the other forms
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { type MrrReportOptions, mrrReport } from 'retention-metrics';
 * const options: MrrReportOptions = {};
 * 'total' in mrrReport([{ customerId: 'a', start: '2024-01-01', amount: 10 }], options); // => false
 * ```
 */
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: MrrReportOptions): MrrReport | Breakdown<MrrReport>;
export function mrrReport(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: MrrReportOptions = {}): MrrReport | Breakdown<MrrReport> {
  const { book, asOf, calendar } = revenueSettings(data, options, KEYS);
  const own = { ...(options.period === undefined ? {} : { period: options.period }), ...(options.weekStartsOn === undefined ? {} : { weekStartsOn: options.weekStartsOn }) };
  const split = breakdownIfAsked(book, asOf, { by: options.by, segmentRule: options.segmentRule }, (part) => mrrReport(part, { ...own, ...(asOf === null ? {} : { asOf }) }));
  if (split !== null) return split;
  const unit = options.period === undefined ? 'month' : assertCalendarUnit(options.period);
  return mrrOf(book, { asOf, given: options.asOf }, unit, calendar, true);
}

/**
 * @internal The MRR report of a book, its options read: with every movement, or (`keepMovements`
 * false) with the periods alone, for a report that reads only them.
 *
 * @param book - the book
 * @param instant - the report's instant (`asOf`: `null` for none) and the `asOf` option as given
 * @param unit - the periods' unit
 * @param calendar - the zone and week start
 * @param keepMovements - whether to list the movements
 * @returns the report (`movements` empty without `keepMovements`)
 * @throws {@link InvalidOptionError} for more than 100,000 periods
 */
export function mrrOf(
  book: SubscriptionRevenue,
  instant: { readonly asOf: number | null; readonly given: unknown },
  unit: CalendarUnit,
  calendar: { readonly timeZone: string; readonly weekStartsOn: WeekStartsOn },
  keepMovements: boolean,
): MrrReport {
  const { asOf } = instant;
  if (asOf === null) return { asOf: null, period: unit, periods: [], movements: [] };
  const periodOf = (ms: number): number => periodIndex(ms, unit, calendar);
  const firstChange = earliestChange(book);
  if (!(firstChange <= asOf)) return { asOf: new Date(asOf), period: unit, periods: [], movements: [] };
  const first = periodOf(firstChange);
  const span = periodOf(asOf) - first + 1;
  if (span > MAX_REPORT_PERIODS) {
    throw new InvalidOptionError(instant.given === undefined ? 'period' : 'asOf', instant.given ?? unit, `the report would cover ${span} periods, more than ${MAX_REPORT_PERIODS}; choose a longer period or an earlier asOf`);
  }
  const types = MOVEMENT_TYPES.length;
  const sums = new Float64Array(span * types);
  const counts = new Float64Array(span * types);
  const mrrChange = new Float64Array(span);
  const payingChange = new Float64Array(span);
  const movements: MrrMovement[] = [];
  const digits = book.currencyDigits;
  const lastCounted = new Int32Array(types);
  for (let c = 0; c < book.ids.length; c++) {
    let before = 0;
    let paid = false;
    lastCounted.fill(-1);
    for (let k = book.changeStart[c] ?? 0; k < (book.changeStart[c + 1] ?? 0); k++) {
      const at = book.changeTime[k] ?? 0;
      if (at > asOf) break;
      const after = book.changeMrr[k] ?? 0;
      const type = movementType(before, after, paid);
      const p = periodOf(at) - first;
      const size = Math.abs(after - before);
      sums[p * types + type] += size;
      if (lastCounted[type] !== p) counts[p * types + type] += 1;
      lastCounted[type] = p;
      mrrChange[p] += after - before;
      payingChange[p] += Number(after > 0) - Number(before > 0);
      if (keepMovements) {
        movements.push({
          customerId: book.ids[c] ?? '',
          at: new Date(at),
          period: periodKey(first + p, unit, calendar.weekStartsOn),
          type: MOVEMENT_TYPES[type] ?? 'new',
          amount: fromMinorUnits(size, digits),
          mrrBefore: fromMinorUnits(before, digits),
          mrrAfter: fromMinorUnits(after, digits),
        });
      }
      paid ||= after > 0;
      before = after;
    }
  }
  const periods: MrrPeriod[] = [];
  let mrr = 0;
  let customers = 0;
  for (let p = 0; p < span; p++) {
    const opening = mrr;
    mrr = exactMinor(mrr + (mrrChange[p] ?? 0), 'the MRR of a period');
    customers += payingChange[p] ?? 0;
    const sum = (type: number): number => exactMinor(sums[p * types + type] ?? 0, 'a movement sum of a period');
    const count = (type: number): number => counts[p * types + type] ?? 0;
    const start = periodStart(first + p, unit, calendar);
    const end = periodEnd(first + p, unit, calendar);
    periods.push({
      period: periodKey(first + p, unit, calendar.weekStartsOn),
      start: new Date(start),
      end: new Date(end),
      complete: end - 1 <= asOf,
      openingMrr: fromMinorUnits(opening, digits),
      mrr: fromMinorUnits(mrr, digits),
      arr: fromMinorUnits(mrr, digits).times(12),
      customers,
      arpa: minorPer(mrr, customers, digits),
      asp: minorPer(sum(0), count(0), digits),
      newMrr: fromMinorUnits(sum(0), digits),
      expansionMrr: fromMinorUnits(sum(1), digits),
      contractionMrr: fromMinorUnits(sum(2), digits),
      churnMrr: fromMinorUnits(sum(3), digits),
      reactivationMrr: fromMinorUnits(sum(4), digits),
      netNewMrr: fromMinorUnits(mrr - opening, digits),
      quickRatio: ratio(sum(0) + sum(1) + sum(4), sum(2) + sum(3)),
      newCustomers: count(0),
      expandedCustomers: count(1),
      contractedCustomers: count(2),
      churnedCustomers: count(3),
      reactivatedCustomers: count(4),
    });
  }
  return { asOf: new Date(asOf), period: unit, periods, movements };
}
