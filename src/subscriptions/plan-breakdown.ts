/**
 * Subscription revenue broken down by plan or by an attribute: a book per value, and any report run on
 * each.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { type Breakdown, type Segment, type SegmentRule, compareSegmentValues, segmentRuleOption } from '../input/breakdown.ts';
import { Problems } from '../input/staged-events.ts';
import { buildRevenue } from './revenue-book.ts';
import { PLAN } from './revenue-attributes.ts';
import { firstChange } from './step-values.ts';
import type { RevenueInterval, SubscriptionRevenue } from './revenue-types.ts';

/**
 * @internal The books of each value of the plan or an attribute:
 * - `'customer'`: each customer in the value of their first paid interval (the earliest; a free trial
 *   before it does not decide), with all their intervals — the values' books add up to the whole;
 * - `'same-value'`: the intervals of each value, so a move from plan A to plan B is a churn in A and a
 *   new (or reactivated) customer in B.
 *
 * @param book - the whole book
 * @param by - `'plan'` or an attribute of the book
 * @param rule - the segment rule
 * @returns a book per value with intervals, by value (code-unit order), the missing value last
 */
export function valueBooks(book: SubscriptionRevenue, by: string, rule: SegmentRule): { value: string | null; book: SubscriptionRevenue }[] {
  const valueOfInterval = (s: RevenueInterval): string | null => (by === PLAN ? s.plan : (s.attributes[by] ?? null));
  const planOf = new Map<number, string | null>();
  if (rule === 'customer') {
    // Intervals are by customer, then start: a customer's first paid one is the first met.
    for (const s of book.intervals) if (s.mrrMinor > 0 && !planOf.has(s.customer)) planOf.set(s.customer, valueOfInterval(s));
  }
  const valueOf = (s: RevenueInterval): string | null | undefined => (rule === 'customer' ? planOf.get(s.customer) : valueOfInterval(s));
  const groups = new Map<string | null, RevenueInterval[]>();
  for (const s of book.intervals) {
    const value = valueOf(s);
    // Under the customer rule a customer who never paid is in no plan.
    if (value === undefined) continue;
    const list = groups.get(value);
    if (list === undefined) groups.set(value, [s]);
    else list.push(s);
  }
  const calendar = { timeZone: book.timeZone, currency: book.currency, currencyDigits: book.currencyDigits, attributeNames: book.attributeNames };
  return [...groups.entries()]
    .sort((a, b) => compareSegmentValues(a[0], b[0]))
    .map(([value, intervals]) => ({
      value,
      book: buildRevenue(
        intervals.map(({ customer, ...s }, index) => ({ ...s, index, customerId: book.ids[customer] ?? '' })),
        new Problems(false, 'subscriptions'),
        calendar,
      ),
    }));
}

/** @internal The breakdown a report was asked for: the option naming it (`by`, or `segmentBy` for cohorts) and the rule. */
export interface BreakdownChoice {
  readonly by: unknown;
  readonly segmentRule: unknown;
  /** The name of the option that holds `by`, for messages (default `'by'`). */
  readonly option?: string;
}

/**
 * @internal A report broken down by plan or an attribute, when one was asked for: the report over the
 * whole book and over each value's, every one as of the whole's `asOf`. A value whose book has no
 * customer paying by then is left out.
 *
 * @param book - the whole book
 * @param asOf - the whole report's instant (`null`: none)
 * @param choice - `by` (`'plan'` or an attribute of the book; `undefined`: no breakdown) and `segmentRule`
 * @param report - the report of one book as of `asOf`
 * @returns the breakdown, or `null` without `by`
 * @throws {@link InvalidOptionError} for a `by` that is neither `'plan'` nor an attribute, a bad
 *   `segmentRule`, or a `segmentRule` without `by`
 */
export function breakdownIfAsked<T>(book: SubscriptionRevenue, asOf: number | null, choice: BreakdownChoice, report: (part: SubscriptionRevenue) => T): Breakdown<T> | null {
  const { by, segmentRule, option = 'by' } = choice;
  if (by === undefined) {
    if (segmentRule !== undefined) throw new InvalidOptionError('segmentRule', segmentRule, `applies to a breakdown: give \`${option}\` too`);
    return null;
  }
  if (typeof by !== 'string' || (by !== PLAN && !book.attributeNames.includes(by))) {
    const known = [PLAN, ...book.attributeNames].map((name) => `'${name}'`).join(', ');
    throw new InvalidOptionError(option, by, `${describeValue(by)} is neither the plan nor an attribute of the book: use one of ${known}`);
  }
  const rule = segmentRuleOption(segmentRule);
  const segments: Segment<T>[] = [];
  for (const { value, book: part } of valueBooks(book, by, rule)) {
    const customers = asOf === null ? 0 : payingBy(part, asOf);
    if (customers > 0) segments.push(Object.freeze({ value, customers, result: report(part) }));
  }
  return Object.freeze({ by, rule, total: report(book), segments: Object.freeze(segments) });
}

/** Customers of a book who paid at or before an instant: their first change takes them from 0 to paying. */
function payingBy(book: SubscriptionRevenue, asOf: number): number {
  let count = 0;
  for (let c = 0; c < book.ids.length; c++) if (firstChange(book, c) <= asOf) count += 1;
  return count;
}
