// Properties of MRR reports on random billing histories, against naive oracles: the identity on every
// row, each period's MRR and paying customers summed directly from the intervals running at its end,
// each customer's movements adding up to their MRR, input order changing nothing, and events read
// into the very book of the intervals they describe.
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { type BillingInterval, type SubscriptionEvent, type SubscriptionInterval, mrrReport, revenueCohorts, revenueRetention, subscriptionRevenue } from '../../src/index.ts';

/** MRR of a price in minor units, by the definition: cents ÷ months, half to even, in integers. */
function monthlyMinor(cents: number, months: number): number {
  const whole = Math.floor(cents / months);
  const remainder = cents - whole * months;
  if (2 * remainder !== months) return 2 * remainder < months ? whole : whole + 1;
  return whole % 2 === 0 ? whole : whole + 1;
}

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);

/** One subscription: prices one after another, each for some days, with gaps (a restart) between some. */
const subscriptionArbitrary = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd'),
  firstDay: fc.integer({ min: 0, max: 400 }),
  prices: fc.array(
    fc.record({
      days: fc.integer({ min: 1, max: 120 }),
      gap: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 60 })),
      cents: fc.constantFrom(0, 900, 1000, 1500, 2500, 99_990, 120_000),
      interval: fc.constantFrom<BillingInterval>('month', 'year', { months: 3 }),
      quantity: fc.integer({ min: 1, max: 5 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  open: fc.boolean(),
});

/** The subscriptions as priced intervals, ids s0, s1, …; the last price of an `open` one runs on. */
type Subscription = typeof subscriptionArbitrary extends fc.Arbitrary<infer T> ? T : never;

function intervalsOf(subscriptions: readonly Subscription[]): SubscriptionInterval[] {
  return subscriptions.flatMap((s, i) => {
    let day = s.firstDay;
    return s.prices.map((p, k) => {
      day += p.gap;
      const start = START + day * DAY;
      day += p.days;
      const last = k === s.prices.length - 1;
      return { customerId: s.customerId, subscriptionId: `s${i}`, start, ...(last && s.open ? {} : { end: START + day * DAY }), amount: p.cents / 100, interval: p.interval, quantity: p.quantity };
    });
  });
}

const months = (interval: BillingInterval | undefined): number => (interval === 'year' ? 12 : typeof interval === 'object' ? interval.months : 1);
const historyArbitrary = fc.array(subscriptionArbitrary, { maxLength: 8 }).map(intervalsOf);
const asOfArbitrary = fc.integer({ min: 0, max: 700 }).map((day) => new Date(START + day * DAY + 12 * 3_600_000));

test.prop([historyArbitrary, asOfArbitrary])('every row\'s MRR is its opening MRR plus its movements', (records, asOf) => {
  for (const p of mrrReport(records, { asOf }).periods) {
    const moved = p.openingMrr.plus(p.newMrr).plus(p.expansionMrr).minus(p.contractionMrr).minus(p.churnMrr).plus(p.reactivationMrr);
    expect(moved.eq(p.mrr)).toBe(true);
  }
});

test.prop([historyArbitrary, asOfArbitrary, fc.constantFrom('month', 'quarter', 'week')])(
  'each period\'s MRR and paying customers are those of the intervals running at its end (or at asOf)',
  (records, asOf, period) => {
    for (const p of mrrReport(records, { asOf, period }).periods) {
      const at = Math.min(p.end.getTime() - 1, asOf.getTime());
      const byCustomer = new Map<string, number>();
      for (const r of records) {
        const start = r.start as number;
        const end = (r.end ?? Number.POSITIVE_INFINITY) as number;
        if (start <= at && at < end) byCustomer.set(String(r.customerId), (byCustomer.get(String(r.customerId)) ?? 0) + monthlyMinor(Math.round((r.amount as number) * 100), months(r.interval)));
      }
      const mrr = [...byCustomer.values()].reduce((a, b) => a + b, 0);
      expect([p.mrr.times(100).toNumber(), p.customers]).toEqual([mrr, [...byCustomer.values()].filter((v) => v > 0).length]);
    }
  },
);

test.prop([historyArbitrary, asOfArbitrary])('each customer\'s movements add up to their MRR at asOf, and alternate between paying and not', (records, asOf) => {
  const report = mrrReport(records, { asOf });
  // From 0 only new or reactivation, to 0 only churn; new once, before any other.
  const paying = new Map<string, boolean>();
  for (const m of report.movements) {
    const id = String(m.customerId);
    const before = paying.get(id);
    if (m.type === 'new') expect(before).toBeUndefined();
    else if (m.type === 'reactivation') expect(before).toBe(false);
    else expect(before).toBe(true);
    paying.set(id, m.mrrAfter.gt(0));
  }
  const net = new Map<string, number>();
  for (const m of report.movements) {
    const sign = m.type === 'contraction' || m.type === 'churn' ? -1 : 1;
    net.set(String(m.customerId), (net.get(String(m.customerId)) ?? 0) + sign * m.amount.times(100).toNumber());
    expect(m.mrrAfter.minus(m.mrrBefore).abs().eq(m.amount)).toBe(true);
  }
  const last = report.periods[report.periods.length - 1];
  expect([...net.values()].reduce((a, b) => a + b, 0)).toBe(last === undefined ? 0 : last.mrr.times(100).toNumber());
});

test.prop([historyArbitrary.chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length }))), asOfArbitrary])(
  'shuffled records give the same report',
  ([records, shuffled], asOf) => {
    expect(JSON.stringify(mrrReport(shuffled, { asOf }))).toBe(JSON.stringify(mrrReport(records, { asOf })));
  },
);

test.prop([historyArbitrary])('events read into the book of the intervals they describe', (records) => {
  const events: SubscriptionEvent[] = [];
  const bySubscription = new Map<string, SubscriptionInterval[]>();
  for (const r of records) bySubscription.set(String(r.subscriptionId), [...(bySubscription.get(String(r.subscriptionId)) ?? []), r]);
  for (const [subscriptionId, intervals] of bySubscription) {
    let end: number | null = null;
    for (const r of intervals) {
      const { customerId, amount, interval, quantity } = r;
      const start = r.start as number;
      if (end !== null && end < start) events.push({ customerId, subscriptionId, type: 'ended', at: end });
      events.push({ customerId, subscriptionId, type: end === start ? 'changed' : 'started', at: start, amount, interval, quantity });
      end = (r.end ?? null) as number | null;
    }
    if (end !== null) events.push({ customerId: intervals[0]?.customerId ?? '', subscriptionId, type: 'ended', at: end });
  }
  expect(subscriptionRevenue.fromEvents(events.reverse())).toEqual(subscriptionRevenue(records));
});

const planned = historyArbitrary.chain((records) =>
  fc.array(fc.constantFrom('basic', 'pro', null), { minLength: records.length, maxLength: records.length }).map((plans) => records.map((r, i) => ({ ...r, plan: plans[i] ?? null }))),
);

test.prop([planned, asOfArbitrary])('by plan under the customer rule, the plans\' MRR and movements add up to the whole\'s', (records, asOf) => {
  const split = mrrReport(records, { asOf, by: 'plan' });
  expect(JSON.stringify(split.total)).toBe(JSON.stringify(mrrReport(records, { asOf })));
  expect(split.segments.reduce((n, s) => n + s.result.movements.length, 0)).toBe(split.total.movements.length);
  for (const period of split.total.periods) {
    const parts = split.segments.map((s) => s.result.periods.find((p) => p.period === period.period)?.mrr.toNumber() ?? 0);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(period.mrr.toNumber(), 6);
  }
});

test.prop([planned, asOfArbitrary])('by plan under the same-value rule, each plan\'s report is that of its intervals alone', (records, asOf) => {
  for (const segment of mrrReport(records, { asOf, by: 'plan', segmentRule: 'same-value' }).segments) {
    const own = mrrReport(records.filter((r) => (r.plan ?? null) === segment.value), { asOf });
    expect(JSON.stringify(segment.result)).toBe(JSON.stringify(own));
  }
});

test.prop([planned, asOfArbitrary])('by plan under the customer rule, retention rows and cohort tables are those of each plan\'s customers\' intervals', (records, asOf) => {
  const firstPlan = new Map<string, string | null>();
  for (const r of [...records].filter((r) => (r.amount as number) > 0).sort((a, b) => (a.start as number) - (b.start as number) || String(a.subscriptionId).localeCompare(String(b.subscriptionId)))) {
    if (!firstPlan.has(String(r.customerId))) firstPlan.set(String(r.customerId), r.plan ?? null);
  }
  const own = (value: string | null) => records.filter((r) => firstPlan.has(String(r.customerId)) && firstPlan.get(String(r.customerId)) === value);
  for (const segment of revenueRetention(records, { asOf, by: 'plan' }).segments) expect(JSON.stringify(segment.result)).toBe(JSON.stringify(revenueRetention(own(segment.value), { asOf })));
  for (const segment of revenueCohorts(records, { asOf, segmentBy: 'plan' }).segments) expect(JSON.stringify(segment.result)).toBe(JSON.stringify(revenueCohorts(own(segment.value), { asOf })));
});
