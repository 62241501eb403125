/**
 * `subscriptionLtv`: customer lifetime value of a subscription business as ARPA ÷ a trailing average
 * of the monthly customer churn rate.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { Exact, toMoney } from '../input/exact.ts';
import { optionKeys } from '../option-keys.ts';
import { mrrOf } from './mrr-report.ts';
import type { Breakdown } from '../input/breakdown.ts';
import { breakdownIfAsked } from './plan-breakdown.ts';
import { PLAN_BREAKDOWN_KEYS, type PlanBreakdownOptions, type RevenueReportOptions, revenueSettings } from './revenue-settings.ts';
import type { SubscriptionInterval, SubscriptionRevenue } from './revenue-types.ts';

/** Options of {@link subscriptionLtv}. */
export interface SubscriptionLtvOptions extends RevenueReportOptions, PlanBreakdownOptions {
  /** Months of churn rates averaged, before the month of each row (default 6). */
  trailingMonths?: number;
}

/** One month's lifetime value. */
export interface SubscriptionLtvRow {
  /** The month: `2024-06`. */
  period: string;
  /** ARPA at the month's end: MRR ÷ paying customers. */
  arpa: Decimal | null;
  /** The month's customer churn rate: customers who churned in it ÷ paying customers at its start. */
  customerChurnRate: number | null;
  /** The mean of the churn rates of the `trailingMonths` months before this one; `null` until there are that many. */
  trailingChurnRate: number | null;
  /** arpa ÷ trailingChurnRate: what an average customer pays over their expected lifetime; `null` without churn. */
  ltv: Decimal | null;
}

const KEYS = [...optionKeys<Omit<SubscriptionLtvOptions, keyof RevenueReportOptions | keyof PlanBreakdownOptions>>({ trailingMonths: true }), ...PLAN_BREAKDOWN_KEYS];

/**
 * Customer lifetime value per month, as subscription analytics states it: ARPA ÷ customer churn rate,
 * the churn rate being the mean of the monthly rates of the `trailingMonths` months before (the month
 * itself excluded, so a row does not judge itself). A month's customer churn rate is the customers with
 * a churn in it ÷ the paying customers at its start. It assumes a constant churn rate — a customer's
 * expected lifetime is 1 ÷ churn months — and constant ARPA; the sBG fit (`fitShiftedBetaGeometric`)
 * lets the churn rate fall as the loyal remain.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - `trailingMonths`, `asOf`; for records, the reading options (`timeZone`, `currency`, `currencyDigits`, `onInvalid`, `attributes`)
 * @returns one row per month of the MRR report
 * @throws {@link InvalidOptionError} for a bad or unknown option, a book with reading options, or a
 *   report of more than 100,000 months
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { subscriptionLtv } from 'retention-metrics';
 * const rows = subscriptionLtv(
 *   [
 *     { customerId: 'a', start: '2024-01-01', amount: '100.00' },
 *     { customerId: 'b', start: '2024-01-01', end: '2024-02-15', amount: '100.00' },
 *     { customerId: 'c', start: '2024-01-01', amount: '100.00' },
 *     { customerId: 'd', start: '2024-01-01', amount: '100.00' },
 *   ],
 *   { asOf: '2024-03-31T23:59:59.999Z', trailingMonths: 1 },
 * );
 * rows.map((r) => [r.period, r.customerChurnRate, r.ltv?.toFixed(2) ?? null]); // => [['2024-01', null, null], ['2024-02', 0.25, null], ['2024-03', 0, '400.00']]
 * ```
 */
export function subscriptionLtv(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: SubscriptionLtvOptions & { by?: undefined }): SubscriptionLtvRow[];
/**
 * {@link subscriptionLtv} broken down by plan or an attribute: the rows over every customer, and over
 * each value's customers (`segmentRule: 'customer'`, the default) or intervals (`'same-value'`), all as of
 * the whole book's `asOf`.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - as in the plain form, with `by` and `segmentRule`
 * @returns the breakdown: `total`, and a segment per value with paying customers by `asOf`
 * @throws {@link InvalidOptionError} for bad options, as in the plain form, a `by` that is neither the
 *   plan nor an attribute, or a bad `segmentRule`
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { subscriptionLtv } from 'retention-metrics';
 * const split = subscriptionLtv([{ customerId: 'a', start: '2024-01-01', amount: '10.00', plan: 'basic' }], { by: 'plan', asOf: '2024-02-29T23:59:59.999Z' });
 * split.segments.map((s) => [s.value, s.result.length]); // => [['basic', 2]]
 * ```
 */
export function subscriptionLtv(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: SubscriptionLtvOptions & { by: string }): Breakdown<SubscriptionLtvRow[]>;
/**
 * {@link subscriptionLtv} with options whose `by` is known only when it runs: the rows without `by`,
 * their breakdown with it.
 *
 * @param data - a book from `subscriptionRevenue`, or priced intervals (read with the options)
 * @param options - as in the other forms, `by` optional
 * @returns the rows, or with `by` a {@link Breakdown} of rows
 * @throws {@link InvalidOptionError} for bad options, as in the other forms
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { type SubscriptionLtvOptions, subscriptionLtv } from 'retention-metrics';
 * const options: SubscriptionLtvOptions = {};
 * Array.isArray(subscriptionLtv([{ customerId: 'a', start: '2024-01-01', amount: 10 }], options)); // => true
 * ```
 */
export function subscriptionLtv(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options?: SubscriptionLtvOptions): SubscriptionLtvRow[] | Breakdown<SubscriptionLtvRow[]>;
export function subscriptionLtv(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: SubscriptionLtvOptions = {}): SubscriptionLtvRow[] | Breakdown<SubscriptionLtvRow[]> {
  const { book, asOf, calendar } = revenueSettings(data, options, KEYS);
  const trailing = options.trailingMonths ?? 6;
  if (typeof trailing !== 'number' || !Number.isInteger(trailing) || trailing < 1 || trailing > 120) {
    throw new InvalidOptionError('trailingMonths', trailing, `${describeValue(trailing)} is not a whole number of months from 1 to 120`);
  }
  const split = breakdownIfAsked(book, asOf, { by: options.by, segmentRule: options.segmentRule }, (part) => subscriptionLtv(part, { trailingMonths: trailing, ...(asOf === null ? {} : { asOf }) }));
  if (split !== null) return split;
  const periods = mrrOf(book, { asOf, given: asOf ?? undefined }, 'month', calendar, false).periods;
  // Each rate in decimal arithmetic too, so that LTV is computed from the exact mean, not a rounded double.
  const rates = periods.map((p, i) => {
    const start = i === 0 ? 0 : (periods[i - 1]?.customers ?? 0);
    return start === 0 ? null : new Exact(p.churnedCustomers).dividedBy(start);
  });
  return periods.map((p, i) => {
    const window = i < trailing ? [] : rates.slice(i - trailing, i);
    const known = window.filter((r): r is Decimal => r !== null);
    const mean = known.length < trailing ? null : known.reduce((a, b) => a.plus(b), new Exact(0)).dividedBy(trailing);
    const ltv = p.arpa === null || mean === null || mean.isZero() ? null : toMoney(new Exact(p.arpa).dividedBy(mean));
    return { period: p.period, arpa: p.arpa, customerChurnRate: rates[i]?.toNumber() ?? null, trailingChurnRate: mean?.toNumber() ?? null, ltv };
  });
}
