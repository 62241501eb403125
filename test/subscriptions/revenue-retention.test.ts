// Revenue retention on a hand-computed history, and against a naive oracle on random histories: the
// cohort paying before each window, its MRR and seats at the window's end, read from the intervals.
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { type SubscriptionInterval, InvalidOptionError, revenueRetention } from '../../src/index.ts';
import { asOfArbitrary, intervalsArbitrary } from './histories.ts';

const records: SubscriptionInterval[] = [
  { customerId: 'a', subscriptionId: 'sa', start: '2024-01-01', end: '2024-02-10', amount: '100.00', quantity: 4 },
  { customerId: 'a', subscriptionId: 'sa', start: '2024-02-10', amount: '150.00', quantity: 6 },
  { customerId: 'b', start: '2024-01-01', end: '2024-02-20', amount: '50.00' },
  { customerId: 'b', start: '2024-03-15', amount: '40.00' },
  { customerId: 'c', start: '2024-02-05', end: '2024-04-01', amount: '70.00', quantity: 2 },
  { customerId: 'd', start: '2024-01-20', amount: '30.00', quantity: 0 },
];
const asOf = '2024-04-30T23:59:59.999Z';

describe('revenueRetention', () => {
  test('monthly windows: the cohort paying before each month, its MRR, logos and seats at the end', () => {
    const rows = revenueRetention(records, { asOf });
    expect(rows.map((r) => [r.period, r.startCustomers, r.startMrr.toFixed(2), r.retainedCustomers, r.endMrr.toFixed(2), r.startSeats, r.endSeats])).toEqual([
      ['2024-02', 3, '180.00', 2, '180.00', 5, 6],
      ['2024-03', 3, '250.00', 3, '250.00', 8, 8],
      ['2024-04', 4, '290.00', 3, '220.00', 9, 7],
    ]);
    const april = rows[2];
    expect([april?.nrr, april?.grr, april?.logoChurn, april?.revenueChurn, april?.seatRetention]).toEqual([220 / 290, 220 / 290, 0.25, 1 - 220 / 290, 7 / 9]);
  });

  test('expansion lifts net retention above gross, which stays at most 1', () => {
    const [february] = revenueRetention(records, { asOf });
    expect([february?.nrr, february?.grr]).toEqual([1, 130 / 180]);
  });

  test('a cohort customer who churns and comes back within the window counts with their MRR at its end', () => {
    const [window] = revenueRetention(records, { asOf, months: 2 });
    // b: 50.00 before February, churned 20 February, back at 40.00 on 15 March.
    expect([window?.period, window?.startCustomers, window?.retainedCustomers, window?.endMrr.toFixed(2)]).toEqual(['2024-03', 3, 3, '220.00']);
  });

  test('a window longer than the history gives no rows, and months must be whole', () => {
    expect(revenueRetention(records, { asOf, months: 12 })).toEqual([]);
    expect(() => revenueRetention(records, { months: 1.5 })).toThrow(InvalidOptionError);
  });
});

prop.prop([intervalsArbitrary, asOfArbitrary, fc.constantFrom(1, 3, 12)])('each window equals the naive reading of the intervals at its two instants', (intervals, asOf, months) => {
  const at = (t: number) => {
    const mrr = new Map<string, number>();
    const seats = new Map<string, number>();
    for (const s of intervals) {
      if (s.start <= t && t < (s.end ?? Number.POSITIVE_INFINITY) && s.amount > 0) {
        mrr.set(s.customerId, (mrr.get(s.customerId) ?? 0) + s.amount * 100);
        seats.set(s.customerId, (seats.get(s.customerId) ?? 0) + s.quantity);
      }
    }
    return { mrr, seats };
  };
  for (const row of revenueRetention(intervals, { asOf, months })) {
    const before = at(row.start.getTime() - 1);
    const after = at(Math.min(row.end.getTime() - 1, asOf));
    const cohort = [...before.mrr.keys()];
    const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);
    expect(row.startCustomers).toBe(cohort.length);
    expect(row.startMrr.times(100).toNumber()).toBe(sum(cohort.map((c) => before.mrr.get(c) ?? 0)));
    expect(row.endMrr.times(100).toNumber()).toBe(sum(cohort.map((c) => after.mrr.get(c) ?? 0)));
    expect(row.retainedCustomers).toBe(cohort.filter((c) => after.mrr.has(c)).length);
    expect([row.startSeats, row.endSeats]).toEqual([sum(cohort.map((c) => before.seats.get(c) ?? 0)), sum(cohort.map((c) => after.seats.get(c) ?? 0))]);
    expect(row.grr === null ? null : row.grr * row.startMrr.times(100).toNumber()).toBeCloseTo(sum(cohort.map((c) => Math.min(before.mrr.get(c) ?? 0, after.mrr.get(c) ?? 0))), 6);
  }
});

test('a book of more customers than one call can take as arguments is read in full', () => {
  // 200,000 customers: more than a spread into Math.min takes on V8's stack.
  const many = Array.from({ length: 200_000 }, (_, i) => ({ customerId: i, start: Date.UTC(2024, 0, 1 + (i % 28)), amount: 1 }));
  const rows = revenueRetention(many, { asOf: '2024-02-29T23:59:59.999Z' });
  expect(rows.map((r) => r.startCustomers)).toEqual([200_000]);
});
