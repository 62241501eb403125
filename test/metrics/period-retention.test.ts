import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { periodRetention } from '../../src/metrics/period-retention.ts';

const rows = [
  { customerId: 'a', date: '2024-01-10', amount: 10 },
  { customerId: 'b', date: '2024-01-12', amount: 10 },
  { customerId: 'c', date: '2024-01-31', amount: 10 },
  { customerId: 'a', date: '2024-02-03', amount: 10 },
  { customerId: 'b', date: '2024-02-20', amount: -10 }, // a refund never makes b active
  { customerId: 'd', date: '2024-02-04', amount: 0 }, // zero-value orders count
  { customerId: 'b', date: '2024-03-02', amount: 10 }, // b comes back
  { customerId: 'a', date: '2024-03-15', amount: 10 },
];

describe('periodRetention, active = ordered in the period', () => {
  test('hand-computed months', () => {
    const out = periodRetention(rows, { period: 'month', asOf: '2024-03-20' });
    expect(out.map((r) => [r.period, r.startCustomers, r.endCustomers, r.retained, r.lost, r.acquired, r.reactivated, r.complete])).toEqual([
      ['2024-01', 0, 3, 0, 0, 3, 0, true],
      ['2024-02', 3, 2, 1, 2, 1, 0, true],
      ['2024-03', 2, 2, 1, 1, 0, 1, false],
    ]);
    expect(out[0]?.retentionRate).toBeNull();
    expect(out[1]?.retentionRate).toBeCloseTo(1 / 3, 15);
    expect(out[1]?.churnRate).toBeCloseTo(2 / 3, 15);
    expect(out[2]?.retentionRate).toBe(0.5);
    expect(out[0]?.start.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(out[0]?.end.toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });

  test('asOf defaults to the last event; a period ending exactly at asOf is complete', () => {
    const out = periodRetention(rows, { period: 'month' });
    expect(out.at(-1)?.complete).toBe(false);
    const exact = periodRetention(
      [{ customerId: 1, date: '2024-01-05', amount: 1 }],
      { period: 'month', asOf: '2024-01-31T23:59:59.999Z' },
    );
    expect(exact[0]?.complete).toBe(true);
  });

  test('quarters and an order exactly on a period boundary in a non-UTC zone', () => {
    // 2024-04-01 00:00 in New York is 04:00Z: an order then belongs to Q2 there, to Q2 in UTC too;
    // an order at 2024-04-01T03:59Z is still Q1 in New York but Q2 in UTC.
    const data = [
      { customerId: 1, date: '2024-02-01T12:00:00Z', amount: 1 },
      { customerId: 1, date: '2024-04-01T03:59:00Z', amount: 1 },
    ];
    const ny = periodRetention(ledger(data, { timeZone: 'America/New_York' }), { period: 'quarter' });
    expect(ny.map((r) => r.period)).toEqual(['2024-Q1']);
    const utc = periodRetention(data, { period: 'quarter' });
    expect(utc.map((r) => [r.period, r.retained])).toEqual([
      ['2024-Q1', 0],
      ['2024-Q2', 1],
    ]);
    expect(ny[0]?.end.toISOString()).toBe('2024-04-01T04:00:00.000Z');
  });

  test('weeks start on Monday unless weekStartsOn says otherwise', () => {
    const data = [
      { customerId: 1, date: '2024-03-02', amount: 1 }, // Saturday
      { customerId: 1, date: '2024-03-03', amount: 1 }, // Sunday
    ];
    expect(periodRetention(data, { period: 'week' }).map((r) => r.period)).toEqual(['2024-W09']);
    expect(periodRetention(data, { period: 'week', weekStartsOn: 0 }).map((r) => r.period)).toEqual(['2024-02-25', '2024-03-03']);
  });

  test('from limits the rows, not the history', () => {
    const out = periodRetention(rows, { period: 'month', from: '2024-02-15' });
    expect(out.map((r) => [r.period, r.startCustomers])).toEqual([
      ['2024-02', 3],
      ['2024-03', 2],
    ]);
  });

  test('empty, refunds only and one customer', () => {
    expect(periodRetention([], { period: 'month' })).toEqual([]);
    expect(periodRetention([{ customerId: 1, date: 0, amount: -1 }], { period: 'month' })).toEqual([]);
    const one = periodRetention([{ customerId: 1, date: '2024-01-01', amount: 1 }], { period: 'day' });
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ period: '2024-01-01', endCustomers: 1, acquired: 1, retentionRate: null });
  });

  test('options are checked', () => {
    expect(() => periodRetention(rows, { period: { days: 7 } as unknown as 'week' })).toThrow(InvalidOptionError);
    expect(() => periodRetention(rows, { period: 'fortnight' as 'week' })).toThrow(InvalidOptionError);
    expect(() => periodRetention(rows, { period: 'month', activeWithin: { days: 0 } })).toThrow(InvalidOptionError);
    expect(() => periodRetention(rows, undefined as unknown as { period: 'month' })).toThrow(InvalidOptionError);
  });
});

describe('periodRetention with activeWithin', () => {
  test('a customer stays in the base while their last order is within the window', () => {
    const data = [
      { customerId: 'a', date: '2024-01-20', amount: 1 },
      { customerId: 'b', date: '2024-01-02', amount: 1 },
      { customerId: 'b', date: '2024-03-30', amount: 1 },
    ];
    // 45-day window: a's Jan 20 order reaches to Mar 5, b's Jan 2 order to Feb 15, b's Mar 30 order to May 13.
    const out = periodRetention(data, { period: 'month', activeWithin: { days: 45 }, asOf: '2024-04-30' });
    expect(out.map((r) => [r.period, r.startCustomers, r.endCustomers, r.retained, r.acquired, r.reactivated, r.lost])).toEqual([
      ['2024-01', 0, 2, 0, 2, 0, 0], // Jan 31: a and b
      ['2024-02', 2, 1, 1, 0, 0, 1], // Feb 29: a (Jan 20 is within Jan 16…Feb 29), b lapsed
      ['2024-03', 1, 1, 0, 0, 1, 1], // Mar 31: a lapsed, b reactivated (Mar 30)
      ['2024-04', 1, 1, 1, 0, 0, 0], // Apr 30: b (Mar 30 is within Mar 17…Apr 30)
    ]);
  });

  test('a new customer whose order falls out of the window before the period ends is not counted as acquired', () => {
    const out = periodRetention([{ customerId: 'a', date: '2024-01-01', amount: 1 }], {
      period: 'month',
      activeWithin: { days: 7 },
    });
    expect(out[0]).toMatchObject({ endCustomers: 0, acquired: 0 });
  });
});

const rowArb = fc.record({
  customerId: fc.integer({ min: 0, max: 8 }),
  date: fc.integer({ min: 0, max: 200 }).map((d) => d * 86_400_000 + 3_600_000),
  amount: fc.integer({ min: -5, max: 10 }),
});

describe('periodRetention properties', () => {
  fcTest.prop([fc.array(rowArb, { maxLength: 50 }), fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined })], { numRuns: 200 })(
    'counts reconcile, rates in [0, 1], chain S(p) = E(p−1)',
    (rows, days) => {
      const out = periodRetention(rows, { period: 'week', ...(days === undefined ? {} : { activeWithin: { days } }) });
      let previous = 0;
      for (const r of out) {
        expect(r.startCustomers).toBe(previous);
        expect(r.retained + r.lost).toBe(r.startCustomers);
        expect(r.retained + r.acquired + r.reactivated).toBe(r.endCustomers);
        for (const v of [r.retained, r.lost, r.acquired, r.reactivated]) expect(v).toBeGreaterThanOrEqual(0);
        if (r.retentionRate !== null) {
          expect(r.retentionRate).toBeGreaterThanOrEqual(0);
          expect(r.retentionRate).toBeLessThanOrEqual(1);
        }
        previous = r.endCustomers;
      }
    },
  );

  fcTest.prop([fc.array(rowArb, { maxLength: 50 })], { numRuns: 100 })('matches a naive set computation', (rows) => {
    const out = periodRetention(rows, { period: 'week' });
    const week = (t: number) => Math.floor((Math.floor(t / 86_400_000) - 4) / 7); // 1970-01-05 was a Monday
    const active = new Map<number, Set<number>>();
    const firstWeek = new Map<number, number>();
    for (const r of rows) {
      if (r.amount < 0) continue;
      const w = week(r.date);
      if (!active.has(w)) active.set(w, new Set());
      active.get(w)?.add(r.customerId);
      firstWeek.set(r.customerId, Math.min(firstWeek.get(r.customerId) ?? Number.POSITIVE_INFINITY, w));
    }
    for (const r of out) {
      const w = week(r.start.getTime());
      const now = active.get(w) ?? new Set<number>();
      const before = active.get(w - 1) ?? new Set<number>();
      expect(r.endCustomers).toBe(now.size);
      expect(r.retained).toBe([...now].filter((c) => before.has(c)).length);
      expect(r.acquired).toBe([...now].filter((c) => firstWeek.get(c) === w).length);
    }
  });
});

describe('periodRetention with activeWithin: acquisition', () => {
  test('a new customer whose second order keeps them in the base is acquired, not reactivated', () => {
    const out = periodRetention(
      [
        { customerId: 'a', date: '2024-01-10', amount: 1 },
        { customerId: 'a', date: '2024-01-30', amount: 1 },
      ],
      { period: 'month', activeWithin: { days: 7 }, asOf: '2024-02-01' },
    );
    expect(out[0]).toMatchObject({ startCustomers: 0, endCustomers: 1, acquired: 1, reactivated: 0 });
  });
});
