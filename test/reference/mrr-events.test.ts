// The shipped billing history read as subscription events — each subscription's prices as 'started',
// 'changed' and 'ended' — gives the very book, and MRR report, of its priced intervals.
import { expect, test } from 'vitest';
import { type SubscriptionEvent, mrrReport, subscriptionRevenue } from '../../src/index.ts';
import { readSubscriptionIntervals } from '../../example/subscriptions-data.ts';

test('the shipped history as events gives the book and the MRR report of its intervals', () => {
  const intervals = readSubscriptionIntervals();
  const events: SubscriptionEvent[] = [];
  // The file is sorted by customer, subscription, then start: each subscription's prices in order.
  for (let i = 0; i < intervals.length; i++) {
    const r = intervals[i];
    if (r === undefined) continue;
    const previous = intervals[i - 1];
    const continues = previous !== undefined && previous.subscriptionId === r.subscriptionId && previous.end === r.start;
    const { customerId, amount, interval, quantity, plan } = r;
    const subscriptionId = String(r.subscriptionId);
    events.push({ customerId, subscriptionId, type: continues ? 'changed' : 'started', at: r.start, amount, ...(interval === undefined ? {} : { interval }), ...(quantity === undefined ? {} : { quantity }), plan: plan ?? null });
    const next = intervals[i + 1];
    const changes = next !== undefined && next.subscriptionId === r.subscriptionId && next.start === r.end;
    if (r.end !== null && r.end !== undefined && !changes) events.push({ customerId, subscriptionId, type: 'ended', at: r.end });
  }
  const fromEvents = subscriptionRevenue.fromEvents(events);
  const fromIntervals = subscriptionRevenue(intervals);
  expect(fromEvents.intervals).toEqual(fromIntervals.intervals);
  const asOf = '2024-12-31T23:59:59.999Z';
  expect(JSON.stringify(mrrReport(fromEvents, { asOf }))).toBe(JSON.stringify(mrrReport(fromIntervals, { asOf })));
});
