import { fc, test as fcTest } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { rfm } from '../../src/segments/rfm.ts';
import { optionError } from '../helpers/option-error.ts';

const asOf = '2024-12-31';
/** One customer per recency, each with one order of 10.00 on the day `days` before 2024-12-31. */
const byRecency = (days: readonly number[]) =>
  days.map((d, i) => ({ customerId: `r${i}`, date: new Date(Date.UTC(2024, 11, 31) - d * 86_400_000), amount: '10.00' }));

describe('rfm cuts: each cut is the last value of its score', () => {
  test('recency: up to the first cut is the most recent score', () => {
    const days = [0, 30, 31, 90, 91, 180, 181, 365, 366, 1000];
    const report = rfm(byRecency(days), { asOf, cuts: { recency: [30, 90, 180, 365] } });
    const r = new Map(report.customers.map((c) => [c.recency, c.r]));
    expect(days.map((d) => r.get(d))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  test('frequency: up to the first cut is score 1', () => {
    const counts = [1, 2, 3, 4, 5, 8, 9, 20];
    const records = counts.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ customerId: `f${i}`, date: new Date(Date.UTC(2024, 0, 1 + k)), amount: '1.00' })),
    );
    const report = rfm(records, { asOf, cuts: { frequency: [1, 2, 4, 8] } });
    const f = new Map(report.customers.map((c) => [c.frequency, c.f]));
    expect(counts.map((n) => f.get(n))).toEqual([1, 2, 3, 3, 4, 4, 5, 5]);
  });

  test('monetary: money in major units, against the total or the mean order value', () => {
    const records = [
      { customerId: 'a', date: '2024-06-01', amount: '25.00' },
      { customerId: 'b', date: '2024-06-01', amount: '25.01' },
      { customerId: 'c', date: '2024-06-01', amount: '30.00' },
      { customerId: 'c', date: '2024-06-02', amount: '30.00' },
      { customerId: 'd', date: '2024-06-01', amount: '250.01' },
    ];
    const cuts = { monetary: ['25.00', 50, new Decimal('100'), '250.00'] };
    expect(rfm(records, { asOf, cuts }).customers.map((c) => [c.id, c.m])).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 5]]);
    expect(rfm(records, { asOf, cuts, monetary: 'mean' }).customers.map((c) => [c.id, c.m])).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', 5]]);
  });

  test('a dimension without cuts is still scored by rank', () => {
    const report = rfm(byRecency([0, 10, 20, 30, 40]), { asOf, cuts: { recency: [100, 200, 300, 400] } });
    expect(report.customers.map((c) => c.r)).toEqual([5, 5, 5, 5, 5]);
    expect(report.customers.map((c) => c.f)).toEqual([1, 1, 1, 1, 1]);
  });

  test('the report says which cuts it used, and its JSON writes money cuts as strings', () => {
    const report = rfm(byRecency([5]), { asOf, cuts: { recency: [30, 90, 180, 365], monetary: ['10', '20', '30.5', '40'] } });
    expect(report.cuts.recency).toEqual([30, 90, 180, 365]);
    expect(report.cuts.frequency).toBeNull();
    expect(report.cuts.monetary?.map((c) => c.toFixed(2))).toEqual(['10.00', '20.00', '30.50', '40.00']);
    expect(JSON.parse(JSON.stringify(report)).cuts).toEqual({ recency: [30, 90, 180, 365], frequency: null, monetary: ['10', '20', '30.5', '40'] });
  });

  test('cuts are written for the report’s bins', () => {
    const report = rfm(byRecency([0, 50, 500]), { asOf, bins: 3, cuts: { recency: [30, 365] } });
    expect(report.customers.map((c) => [c.recency, c.r])).toEqual([[500, 1], [50, 2], [0, 3]]);
  });
});

describe('rfm cuts: validation', () => {
  const rows = byRecency([1, 2]);
  const cases: [string, unknown, string][] = [
    ['too few', { recency: [30, 90, 180] }, 'cuts.recency'],
    ['too many', { recency: [30, 90, 180, 365, 730] }, 'cuts.recency'],
    ['not ascending', { recency: [30, 180, 90, 365] }, 'cuts.recency[2]'],
    ['a repeated cut', { frequency: [1, 2, 2, 3] }, 'cuts.frequency[2]'],
    ['negative', { recency: [-1, 90, 180, 365] }, 'cuts.recency[0]'],
    ['not finite', { frequency: [1, 2, 3, Infinity] }, 'cuts.frequency[3]'],
    ['NaN', { frequency: [1, Number.NaN, 3, 4] }, 'cuts.frequency[1]'],
    ['a string for days', { recency: ['30', 90, 180, 365] }, 'cuts.recency[0]'],
    ['more decimals than the currency has', { monetary: ['1.005', 2, 3, 4] }, 'cuts.monetary[0]'],
    ['not an array', { monetary: '10,20,30,40' }, 'cuts.monetary'],
    ['not an object', [30, 90, 180, 365], 'cuts'],
  ];
  for (const [what, cuts, option] of cases) {
    test(`refuses ${what}`, () => {
      expect(optionError(() => rfm(rows, { asOf, cuts: cuts as never })).option).toBe(option);
    });
  }

  test('the count follows bins (at most 99 cuts, as bins are at most 100)', () => {
    const error = optionError(() => rfm(rows, { asOf, bins: 4, cuts: { recency: [30, 90, 180, 365] } }));
    expect(error.message).toBe('cuts.recency: has 4 cut points; 4 scores take 3 (the last value of every score but the last)');
    const ninetyNine = Array.from({ length: 99 }, (_, i) => i);
    expect(rfm(rows, { asOf, bins: 100, cuts: { recency: ninetyNine } }).customers.map((c) => [c.recency, c.r])).toEqual([[2, 98], [1, 99]]);
  });
});

describe('rfm cuts: against a naive count', () => {
  const customer = fc.record({
    days: fc.integer({ min: 0, max: 800 }),
    orders: fc.integer({ min: 1, max: 12 }),
    cents: fc.integer({ min: 0, max: 50_000 }),
  });
  const ascending = (count: number, max: number) =>
    fc.uniqueArray(fc.integer({ min: 0, max }), { minLength: count, maxLength: count }).map((xs) => xs.sort((a, b) => a - b));

  fcTest.prop([fc.array(customer, { minLength: 1, maxLength: 40 }), ascending(4, 800), ascending(4, 12), ascending(4, 60_000), fc.boolean()])(
    'R = 5 − #{cuts below the recency}, F and M = 1 + #{cuts below}',
    (customers, recencyCuts, frequencyCuts, centCuts, mean) => {
      const records = customers.flatMap((c, i) =>
        Array.from({ length: c.orders }, (_, k) => ({
          customerId: i,
          date: new Date(Date.UTC(2024, 11, 31) - (c.days + k) * 86_400_000),
          amount: k === 0 ? (c.cents / 100).toFixed(2) : '0.00',
        })),
      );
      const report = rfm(records, {
        asOf,
        monetary: mean ? 'mean' : 'total',
        cuts: { recency: recencyCuts, frequency: frequencyCuts, monetary: centCuts.map((c) => (c / 100).toFixed(2)) },
      });
      const below = (cuts: number[], v: number) => cuts.filter((c) => c < v).length;
      for (const row of report.customers) {
        const c = customers[row.id as number];
        if (c === undefined) throw new Error('unknown customer');
        const money = mean ? c.cents / c.orders : c.cents;
        expect([row.r, row.f, row.m]).toEqual([5 - below(recencyCuts, c.days), 1 + below(frequencyCuts, c.orders), 1 + below(centCuts, money)]);
      }
    },
  );
});
