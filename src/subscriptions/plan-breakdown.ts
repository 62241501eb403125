/**
 * Subscription revenue broken down by plan: a book per plan, and any report run on each.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { type Breakdown, type Segment, type SegmentRule, compareSegmentValues, segmentRuleOption } from '../input/breakdown.ts';
import { Problems } from '../input/staged-events.ts';
import { buildRevenue } from './revenue-book.ts';
import type { RevenueInterval, SubscriptionRevenue } from './revenue-types.ts';

/**
 * @internal The books of each plan:
 * - `'customer'`: each customer in the plan of their first paid interval (the earliest; a free trial
 *   before it does not decide), with all their intervals — the plans' books add up to the whole;
 * - `'same-value'`: the intervals of each plan, so a move from plan A to plan B is a churn in A and a
 *   new (or reactivated) customer in B.
 *
 * @param book - the whole book
 * @param rule - the segment rule
 * @returns a book per plan with intervals, by plan (code-unit order), the intervals without a plan last
 */
export function planBooks(book: SubscriptionRevenue, rule: SegmentRule): { value: string | null; book: SubscriptionRevenue }[] {
  const planOf = new Map<number, string | null>();
  if (rule === 'customer') {
    // Intervals are by customer, then start: a customer's first paid one is the first met.
    for (const s of book.intervals) if (s.mrrMinor > 0 && !planOf.has(s.customer)) planOf.set(s.customer, s.plan);
  }
  const valueOf = (s: RevenueInterval): string | null | undefined => (rule === 'customer' ? planOf.get(s.customer) : s.plan);
  const groups = new Map<string | null, RevenueInterval[]>();
  for (const s of book.intervals) {
    const value = valueOf(s);
    // Under the customer rule a customer who never paid is in no plan.
    if (value === undefined) continue;
    const list = groups.get(value);
    if (list === undefined) groups.set(value, [s]);
    else list.push(s);
  }
  const calendar = { timeZone: book.timeZone, currency: book.currency, currencyDigits: book.currencyDigits };
  return [...groups.entries()]
    .sort((a, b) => compareSegmentValues(a[0], b[0]))
    .map(([value, intervals]) => ({
      value,
      book: buildRevenue(
        intervals.map((s, index) => ({ index, customerId: book.ids[s.customer] ?? '', subscriptionId: s.subscriptionId, start: s.start, end: s.end, mrrMinor: s.mrrMinor, quantity: s.quantity, plan: s.plan })),
        new Problems(false, 'subscriptions'),
        calendar,
      ),
    }));
}

/**
 * @internal A report broken down by plan: the report over the whole book and over each plan's, every
 * one as of the whole's `asOf`. A plan whose book has no customer paying by then is left out.
 *
 * @param book - the whole book
 * @param asOf - the whole report's instant (`null`: none)
 * @param options - `by` (must be `'plan'`) and `segmentRule`
 * @param report - the report of one book as of `asOf`
 * @param option - the name of the option that holds `by`, for messages
 * @returns the breakdown
 * @throws {@link InvalidOptionError} for a `by` other than `'plan'` or a bad `segmentRule`
 */
export function planBreakdown<T>(book: SubscriptionRevenue, asOf: number | null, options: { by?: unknown; segmentRule?: unknown }, report: (part: SubscriptionRevenue) => T, option = 'by'): Breakdown<T> {
  if (options.by !== 'plan') throw new InvalidOptionError(option, options.by, `${describeValue(options.by)} is not a breakdown of subscription revenue: use 'plan'`);
  const rule = segmentRuleOption(options.segmentRule);
  const segments: Segment<T>[] = [];
  for (const { value, book: part } of planBooks(book, rule)) {
    const customers = asOf === null ? 0 : payingBy(part, asOf);
    if (customers > 0) segments.push(Object.freeze({ value, customers, result: report(part) }));
  }
  return Object.freeze({ by: 'plan', rule, total: report(book), segments: Object.freeze(segments) });
}

/** Customers of a book who paid at or before an instant: their first change takes them from 0 to paying. */
function payingBy(book: SubscriptionRevenue, asOf: number): number {
  let count = 0;
  for (let c = 0; c < book.ids.length; c++) {
    const k = book.changeStart[c] ?? 0;
    if (k < (book.changeStart[c + 1] ?? 0) && (book.changeTime[k] ?? Number.POSITIVE_INFINITY) <= asOf) count += 1;
  }
  return count;
}
