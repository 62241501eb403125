/**
 * The book of recurring revenue from priced intervals read from records or events: subscriptions
 * checked (one customer each, no overlapping prices), customers ordered, and each customer's MRR over
 * time.
 *
 * @module
 * @internal
 */
import { compareIds } from '../input/account-order.ts';
import { describeValue } from '../errors.ts';
import type { Problems } from '../input/staged-events.ts';
import type { CustomerId } from '../input/types.ts';
import type { RevenueInterval, SubscriptionRevenue } from './revenue-types.ts';
import { exactMinor } from './step-values.ts';

/** @internal A priced interval as read, before it is checked against its subscription's others. */
export interface StagedInterval extends Omit<RevenueInterval, 'customer'> {
  /** The record it was read from (for messages). */
  readonly index: number;
  readonly customerId: CustomerId;
}

/**
 * @internal Build the book.
 *
 * @param staged - the intervals read
 * @param problems - where a subscription of two customers or overlapping prices are reported
 * @param calendar - the zone, currency and digits the records were read with
 * @returns the book, frozen
 * @throws {@link InvalidInputError} for a subscription id of two customers, or overlapping intervals of
 *   one subscription (unless skipping, which leaves out the later record)
 */
export function buildRevenue(staged: readonly StagedInterval[], problems: Problems, calendar: { timeZone: string; currency: string | null; currencyDigits: number; attributeNames: readonly string[] }): SubscriptionRevenue {
  const kept = checkSubscriptions(staged, problems);
  const first = new Map<CustomerId, number>();
  for (const s of kept) first.set(s.customerId, Math.min(first.get(s.customerId) ?? Number.POSITIVE_INFINITY, s.start));
  const ids = [...first.keys()].sort((a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0) || compareIds(a, b));
  const indexOf = new Map(ids.map((id, c) => [id, c]));
  const intervals: RevenueInterval[] = kept
    .map((s) => Object.freeze({ customer: indexOf.get(s.customerId) ?? 0, subscriptionId: s.subscriptionId, start: s.start, end: s.end, mrrMinor: s.mrrMinor, quantity: s.quantity, plan: s.plan, attributes: s.attributes }))
    .sort(byCustomerThenStart);
  let lastInstant: number | null = null;
  for (const s of intervals) lastInstant = Math.max(lastInstant ?? Number.NEGATIVE_INFINITY, s.start, Number.isFinite(s.end) ? s.end : s.start);
  const { attributeNames, ...rest } = calendar;
  return Object.freeze({ kind: 'subscription-revenue', ...rest, attributeNames: Object.freeze([...attributeNames]), ids: Object.freeze(ids), intervals: Object.freeze(intervals), ...customerChanges(ids, intervals), lastInstant, skipped: problems.skipped() });
}

/** Intervals by customer, then start; ties by subscription (none last), end and price, so that input order never shows. */
function byCustomerThenStart(a: RevenueInterval, b: RevenueInterval): number {
  const subscription = a.subscriptionId === null || b.subscriptionId === null ? Number(a.subscriptionId === null) - Number(b.subscriptionId === null) : compareIds(a.subscriptionId, b.subscriptionId);
  return a.customer - b.customer || a.start - b.start || subscription || a.end - b.end || a.mrrMinor - b.mrrMinor || a.quantity - b.quantity || comparePlans(a.plan, b.plan);
}

function comparePlans(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? 1 : -1;
  return a < b ? -1 : 1;
}

/** The intervals whose subscription is one customer's and whose prices do not overlap; the others reported. */
function checkSubscriptions(staged: readonly StagedInterval[], problems: Problems): StagedInterval[] {
  const bySubscription = new Map<string | number, StagedInterval[]>();
  const kept: StagedInterval[] = [];
  for (const s of staged) {
    if (s.subscriptionId === null) {
      kept.push(s);
      continue;
    }
    const list = bySubscription.get(s.subscriptionId);
    if (list === undefined) bySubscription.set(s.subscriptionId, [s]);
    else list.push(s);
  }
  for (const [id, list] of bySubscription) {
    const owner = list[0]?.customerId;
    let end = Number.NEGATIVE_INFINITY;
    let endsAt = -1;
    for (const s of [...list].sort((a, b) => a.start - b.start || a.index - b.index)) {
      if (s.customerId !== owner) {
        problems.report(s.index, 'subscriptionId', id, `subscription ${describeValue(id)} is customer ${describeValue(owner)}'s in an earlier record, not ${describeValue(s.customerId)}'s`);
      } else if (s.start < end) {
        problems.report(s.index, 'start', new Date(s.start), `overlaps records[${endsAt}] of subscription ${describeValue(id)}, which runs ${Number.isFinite(end) ? `until ${new Date(end).toISOString()}` : 'on'}`);
      } else {
        kept.push(s);
        end = s.end;
        endsAt = s.index;
      }
    }
  }
  return kept;
}

/** Each customer's MRR changes: interval starts add, ends subtract, and one instant's changes are one. */
function customerChanges(ids: readonly CustomerId[], intervals: readonly RevenueInterval[]): Pick<SubscriptionRevenue, 'changeStart' | 'changeTime' | 'changeMrr'> {
  const customers = ids.length;
  const changeStart = new Uint32Array(customers + 1);
  const times: number[] = [];
  const values: number[] = [];
  let i = 0;
  for (let c = 0; c < customers; c++) {
    changeStart[c] = times.length;
    const steps: [number, number][] = [];
    for (; i < intervals.length && intervals[i]?.customer === c; i++) {
      const s = intervals[i] as RevenueInterval;
      if (s.mrrMinor === 0) continue;
      steps.push([s.start, s.mrrMinor]);
      if (Number.isFinite(s.end)) steps.push([s.end, -s.mrrMinor]);
    }
    steps.sort((a, b) => a[0] - b[0]);
    let mrr = 0;
    for (let k = 0; k < steps.length; ) {
      const at = steps[k]?.[0] ?? 0;
      const before = mrr;
      for (; k < steps.length && steps[k]?.[0] === at; k++) mrr = exactMinor(mrr + (steps[k]?.[1] ?? 0), `the MRR of customer ${describeValue(ids[c])}`);
      if (mrr !== before) {
        times.push(at);
        values.push(mrr);
      }
    }
  }
  changeStart[customers] = times.length;
  return { changeStart, changeTime: Float64Array.from(times), changeMrr: Float64Array.from(values) };
}
