import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { DORMANCY_SEGMENTS } from '../../src/segments/dormancy-windows.ts';
import { dormancy } from '../../src/segments/dormancy.ts';

const asOf = '2024-12-31T12:00:00Z';
const rows = [
  { customerId: 'd90', date: '2024-10-02T08:00:00Z', amount: '40.00' }, // exactly 90 days: active
  { customerId: 'd91', date: '2024-10-01T23:00:00Z', amount: '10.00' }, // 91 days: at risk
  { customerId: 'd91', date: '2024-12-01T10:00:00Z', amount: '-10.00' }, // a refund inside the window: still at risk
  { customerId: 'd180', date: '2024-07-04', amount: '5.00' },
  { customerId: 'd181', date: '2024-07-03', amount: '5.00' },
  { customerId: 'd365', date: '2024-01-01', amount: '7.50' },
  { customerId: 'd366', date: '2023-12-31', amount: '2.50' },
  { customerId: 'zero', date: '2024-12-31T11:59:59Z', amount: '0.00' }, // a free order makes a customer active
  { customerId: 'future', date: '2025-01-01', amount: '99.00' }, // only order after asOf: not a customer
  { customerId: 'refund', date: '2024-12-01', amount: '-3.00' }, // refunds only: never a customer
];

describe('dormancy, fixed windows', () => {
  test('hand-computed boundaries: 90, 91, 180, 181, 365, 366 days', () => {
    const report = dormancy(rows, { asOf });
    const byId = new Map(report.customers.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual(['d180', 'd181', 'd365', 'd366', 'd90', 'd91', 'zero']);
    expect(['d90', 'd91', 'd180', 'd181', 'd365', 'd366', 'zero'].map((id) => [byId.get(id)?.daysSince, byId.get(id)?.segment])).toEqual([
      [90, 'active'],
      [91, 'atRisk'],
      [180, 'atRisk'],
      [181, 'dormant'],
      [365, 'dormant'],
      [366, 'lost'],
      [0, 'active'],
    ]);
    expect(byId.get('d91')?.value.toFixed(2)).toBe('0.00');
    expect(byId.get('d91')?.lastOrder.toISOString()).toBe('2024-10-01T23:00:00.000Z');
    expect(report.segments.active.customers).toBe(2);
    expect(report.segments.active.value.toFixed(2)).toBe('40.00');
    expect(report.segments.dormant.value.toFixed(2)).toBe('12.50');
    expect(report.segments.lost).toMatchObject({ customers: 1 });
    expect(report.windows).toBe('fixed');
    expect(report.asOf?.toISOString()).toBe('2024-12-31T12:00:00.000Z');
    expect(byId.get('d90')?.probabilityAlive).toBeNull();
  });

  test('the default asOf is the last event, refunds included; then the future order counts', () => {
    const report = dormancy(rows);
    expect(report.asOf?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(report.customers.find((c) => c.id === 'future')?.daysSince).toBe(0);
    expect(report.customers.find((c) => c.id === 'd90')?.daysSince).toBe(91);
  });

  test('days are local calendar days of the ledger zone', () => {
    // 23:30 UTC on 2024-10-01 is already 2 October in Berlin: 90 days to 31 December there.
    const data = [{ customerId: 1, date: '2024-10-01T23:30:00Z', amount: 1 }];
    expect(dormancy(data, { asOf }).customers[0]?.daysSince).toBe(91);
    expect(dormancy(ledger(data, { timeZone: 'Europe/Berlin' }), { asOf }).customers[0]?.daysSince).toBe(90);
    expect(dormancy(data, { asOf, timeZone: 'Europe/Berlin' }).customers[0]?.daysSince).toBe(90);
  });

  test('custom fixed windows', () => {
    const report = dormancy(rows, { asOf, windows: { active: 0, atRisk: 90, dormant: 180 } });
    expect(report.customers.filter((c) => c.segment === 'active').map((c) => c.id)).toEqual(['zero']);
    expect(report.segments).toMatchObject({ atRisk: { customers: 1 }, dormant: { customers: 2 }, lost: { customers: 3 } });
  });

  test('empty input and option errors', () => {
    const empty = dormancy([]);
    expect(empty.customers).toEqual([]);
    expect(empty.asOf).toBeNull();
    expect(empty.segments.active.customers).toBe(0);
    expect(empty.segments.lost.value.toFixed(2)).toBe('0.00');
    expect(() => dormancy(rows, { asOf: 'soon' })).toThrow(InvalidOptionError);
    expect(() => dormancy(rows, { windows: { active: 100, atRisk: 50 } })).toThrow(/strictly increasing/);
  });
});

describe('dormancy, adaptive windows', () => {
  const weekly = [
    { customerId: 'w', date: '2024-11-01', amount: 1 },
    { customerId: 'w', date: '2024-11-08', amount: 1 },
    { customerId: 'w', date: '2024-11-08T15:00:00Z', amount: 1 }, // same day: not a gap
    { customerId: 'w', date: '2024-11-18', amount: 1 },
    { customerId: 'o', date: '2024-11-18', amount: 1 }, // one order: fixed windows
  ];
  test('median gap, 2 / 4 / 8 × the gap, one-order customers fall back to fixed windows', () => {
    // Gaps 7 and 10: median 8.5; active ≤ 17, atRisk ≤ 34, dormant ≤ 68 days.
    const at = (date: string) => dormancy(weekly, { asOf: date, windows: 'adaptive' }).customers.map((c) => [c.id, c.daysSince, c.segment]);
    expect(at('2024-12-05')).toEqual([['w', 17, 'active'], ['o', 17, 'active']]);
    expect(at('2024-12-06')).toEqual([['w', 18, 'atRisk'], ['o', 18, 'active']]);
    expect(at('2024-12-22')).toEqual([['w', 34, 'atRisk'], ['o', 34, 'active']]);
    expect(at('2024-12-23')).toEqual([['w', 35, 'dormant'], ['o', 35, 'active']]);
    expect(at('2025-01-25')).toEqual([['w', 68, 'dormant'], ['o', 68, 'active']]);
    expect(at('2025-01-26')).toEqual([['w', 69, 'lost'], ['o', 69, 'active']]);
    const report = dormancy(weekly, { asOf: '2024-12-05', windows: 'adaptive' });
    expect(report.customers.map((c) => c.medianGap)).toEqual([8.5, null]);
    expect(report.windows).toBe('adaptive');
    const fallback = dormancy(weekly, { asOf: '2024-12-05', windows: { adaptive: { active: 1 }, fallback: { active: 10 } } });
    expect(fallback.customers.map((c) => c.segment)).toEqual(['atRisk', 'atRisk']);
  });
});

describe('dormancy median gaps', () => {
  fcTest.prop([
    fc.array(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 8 }),
  ], { numRuns: 200 })('the median of the gaps between distinct order days, for any number of them', (customers) => {
    const records = customers.flatMap((days, c) =>
      days.map((d) => ({ customerId: c, date: Date.UTC(2023, 0, 1) + d * 86_400_000 + (d % 5) * 3_600_000, amount: 1 })),
    );
    const report = dormancy(ledger.fromColumns({
      customerId: records.map((r) => r.customerId),
      date: records.map((r) => r.date),
      amount: records.map((r) => r.amount),
    }), { windows: 'adaptive' });
    const expected = (days: number[]) => {
      const distinct = [...new Set(days)].sort((x, y) => x - y);
      const gaps = distinct.slice(1).map((d, k) => d - (distinct[k] ?? 0)).sort((x, y) => x - y);
      if (gaps.length === 0) return null;
      const mid = gaps.length >> 1;
      return gaps.length % 2 === 1 ? gaps[mid] : ((gaps[mid - 1] ?? 0) + (gaps[mid] ?? 0)) / 2;
    };
    const byId = new Map(report.customers.map((c) => [c.id, c.medianGap]));
    customers.forEach((days, c) => expect(byId.get(c)).toBe(expected(days)));
  });
});

describe('dormancy by probability alive (the model seam)', () => {
  test('the function sees x, tx, T in days and its probability sets the segment', () => {
    const seen: unknown[] = [];
    const data = [
      { customerId: 'a', date: '2024-01-01', amount: 1 },
      { customerId: 'a', date: '2024-01-01T18:00:00Z', amount: 1 },
      { customerId: 'a', date: '2024-01-11', amount: 1 },
      { customerId: 'b', date: '2024-01-05', amount: 1 },
    ];
    const report = dormancy(data, {
      asOf: '2024-01-31',
      windows: {
        probabilityAlive: (c) => {
          seen.push(c);
          return c.x > 0 ? 0.8 : 0.3;
        },
      },
    });
    expect(seen).toEqual([
      { id: 'a', orders: 3, x: 1, tx: 10, T: 30, daysSince: 20 },
      { id: 'b', orders: 1, x: 0, tx: 0, T: 26, daysSince: 26 },
    ]);
    expect(report.customers.map((c) => [c.probabilityAlive, c.segment])).toEqual([[0.8, 'active'], [0.3, 'dormant']]);
    expect(report.windows).toBe('probabilityAlive');
    expect(() => dormancy(data, { windows: { probabilityAlive: () => Number.NaN } })).toThrow(/returned NaN for customer "a"/);
    expect(() => dormancy(data, { windows: { probabilityAlive: () => 1.2 } })).toThrow(InvalidOptionError);
  });
});

const record = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 1, 2),
  date: fc.integer({ min: Date.parse('2022-01-01'), max: Date.parse('2024-12-31') }),
  amount: fc.integer({ min: -500, max: 5000 }).map((c) => (c / 100).toFixed(2)),
});

describe('dormancy properties', () => {
  fcTest.prop([fc.array(record, { maxLength: 40 }), fc.constantFrom('fixed', 'adaptive') as fc.Arbitrary<'fixed' | 'adaptive'>])(
    'segment counts add up to the customers; input order never matters',
    (data, windows) => {
      const report = dormancy(data, { asOf: '2024-06-30', windows });
      const counts = DORMANCY_SEGMENTS.map((s) => report.segments[s].customers);
      expect(counts.reduce((x, y) => x + y, 0)).toBe(report.customers.length);
      expect(report.customers.length).toBe(new Set(data.filter((r) => Number(r.amount) >= 0 && r.date <= Date.parse('2024-06-30')).map((r) => r.customerId)).size);
      const reversed = dormancy([...data].reverse(), { asOf: '2024-06-30', windows });
      const key = (r: typeof report) => r.customers.map((c) => `${String(c.id)}:${c.segment}:${c.value.toFixed(2)}`).sort();
      expect(key(reversed)).toEqual(key(report));
    },
  );

  fcTest.prop([fc.array(record, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 800 }), fc.constantFrom('fixed', 'adaptive') as fc.Arbitrary<'fixed' | 'adaptive'>])(
    'moving asOf later never makes a customer more active',
    (data, later, windows) => {
      const first = Date.parse('2025-01-01');
      const a = dormancy(data, { asOf: first, windows });
      const b = dormancy(data, { asOf: first + later * 86_400_000, windows });
      const rank = new Map(b.customers.map((c) => [c.id, DORMANCY_SEGMENTS.indexOf(c.segment)]));
      for (const c of a.customers) expect(rank.get(c.id)).toBeGreaterThanOrEqual(DORMANCY_SEGMENTS.indexOf(c.segment));
    },
  );
});
