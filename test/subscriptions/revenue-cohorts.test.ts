// Revenue cohorts on a hand-computed history, and against a naive oracle on random histories: each
// cohort's paying customers and MRR at the end of every period, read from the intervals.
import { test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { type SubscriptionInterval, InvalidOptionError, revenueCohorts } from '../../src/index.ts';
import { asOfArbitrary, intervalsArbitrary } from './histories.ts';

const records: SubscriptionInterval[] = [
  { customerId: 'a', subscriptionId: 'sa', start: '2024-01-05', end: '2024-02-10', amount: '100.00' },
  { customerId: 'a', subscriptionId: 'sa', start: '2024-02-10', amount: '150.00' },
  { customerId: 'b', start: '2024-01-20', end: '2024-03-01', amount: '50.00' },
  { customerId: 'b', start: '2024-04-10', amount: '60.00' },
  { customerId: 'c', subscriptionId: 'sc', start: '2024-02-01', end: '2024-02-15', amount: 0 },
  { customerId: 'c', subscriptionId: 'sc', start: '2024-02-15', end: '2024-04-01', amount: '30.00' },
];
const asOf = '2024-04-30T23:59:59.999Z';

describe('revenueCohorts', () => {
  test('each cohort is the customers first paying in a period; cells count them paying, and their MRR, at each period\'s end', () => {
    const table = revenueCohorts(records, { asOf });
    expect(table.cohorts.map((c) => [c.key, c.size, c.startMrr.toFixed(2), c.cells.map((cell) => [cell.customers, cell.mrr.toFixed(2)])])).toEqual([
      ['2024-01', 2, '150.00', [[2, '150.00'], [2, '200.00'], [1, '150.00'], [2, '210.00']]],
      ['2024-02', 1, '30.00', [[1, '30.00'], [1, '30.00'], [0, '0.00']]],
    ]);
  });

  test('logo retention divides by the cohort size, MRR retention by its starting MRR', () => {
    const [january] = revenueCohorts(records, { asOf }).cohorts;
    expect(january?.cells.map((c) => [c.logoRetention, c.mrrRetention])).toEqual([[1, 1], [1, 200 / 150], [0.5, 1], [1, 210 / 150]]);
  });

  test('the average weights complete cells by size and starting MRR', () => {
    const table = revenueCohorts(records, { asOf: '2024-04-15T00:00:00Z' });
    expect(table.cohorts[0]?.cells.map((c) => c.complete)).toEqual([true, true, true, false]);
    expect(table.average.map((a) => [a.offset, a.cohorts, a.logoRetention, a.mrrRetention])).toEqual([
      [0, 2, 1, 1],
      [1, 2, 1, 230 / 180],
      [2, 1, 0.5, 1],
    ]);
  });

  test('by quarter, offsets are quarters', () => {
    const table = revenueCohorts(records, { asOf, by: 'quarter' });
    expect(table.cohorts.map((c) => [c.key, c.size, c.cells.map((cell) => cell.mrr.toFixed(2))])).toEqual([['2024-Q1', 3, ['180.00', '210.00']]]);
  });

  test('a table too large is refused', () => {
    expect(() => revenueCohorts([{ customerId: 'a', start: '1900-01-01', amount: 1 }], { by: 'day', asOf: '2024-01-01' })).toThrow(InvalidOptionError);
  });
});

prop.prop([intervalsArbitrary, asOfArbitrary])('each cell equals the naive reading of the cohort\'s intervals at the end of its period', (intervals, asOf) => {
  const mrrAt = (customer: string, t: number) =>
    intervals.filter((s) => s.customerId === customer && s.start <= t && t < (s.end ?? Number.POSITIVE_INFINITY)).reduce((sum, s) => sum + s.amount * 100, 0);
  // A customer's first paid instant: the earliest start of a paid interval at which their MRR becomes positive.
  const firstPaid = (customer: string) => Math.min(...intervals.filter((s) => s.customerId === customer && s.amount > 0 && s.start <= asOf && mrrAt(customer, s.start) > 0).map((s) => s.start));
  const customers = [...new Set(intervals.map((s) => s.customerId))];
  for (const cohort of revenueCohorts(intervals, { asOf }).cohorts) {
    const from = Date.parse(cohort.start.toISOString());
    const members = customers.filter((c) => {
      const t = firstPaid(c);
      return Number.isFinite(t) && new Date(t).toISOString().slice(0, 7) === cohort.key;
    });
    expect(cohort.size).toBe(members.length);
    for (const cell of cohort.cells) {
      const start = new Date(from);
      const end = Math.min(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + cell.offset + 1) - 1, asOf);
      expect(cell.mrr.times(100).toNumber()).toBe(members.reduce((sum, c) => sum + mrrAt(c, end), 0));
      expect(cell.customers).toBe(members.filter((c) => mrrAt(c, end) > 0).length);
    }
  }
});
