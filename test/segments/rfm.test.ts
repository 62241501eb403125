import { fc, test as fcTest } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { RFM_SEGMENTS_PYMC } from '../../src/segments/rfm-presets.ts';
import { rfmSegmentMap } from '../../src/segments/rfm-segments.ts';
import { rfm, rfmGrid } from '../../src/segments/rfm.ts';

const rows = [
  { customerId: 'a', date: '2024-12-30', amount: '50.00' },
  { customerId: 'a', date: '2024-12-31', amount: '70.00' },
  { customerId: 'a', date: '2024-12-31T06:00:00Z', amount: '-70.00' }, // refunds never count in RFM
  { customerId: 'b', date: '2024-11-01', amount: '20.00' },
  { customerId: 'c', date: '2024-03-01', amount: '500.00' },
  { customerId: 'd', date: '2024-12-01', amount: '5.00' },
  { customerId: 'e', date: '2023-12-31', amount: '5.00' },
  { customerId: 'f', date: '2025-01-02', amount: '900.00' }, // after asOf: not a customer
];
const asOf = '2024-12-31T23:59:59.999Z';

describe('rfm', () => {
  test('hand-computed values, scores and segments', () => {
    const report = rfm(rows, { asOf });
    expect(report.customers.map((c) => [c.id, c.recency, c.frequency, c.monetary.toFixed(2), c.r, c.f, c.m, c.fm, c.segment])).toEqual([
      ['e', 366, 1, '5.00', 1, 1, 1, 1, 'Lost'],
      ['c', 305, 1, '500.00', 2, 1, 5, 3, 'At Risk'],
      ['b', 60, 1, '20.00', 3, 1, 3, 2, 'Need Attention'],
      ['d', 30, 1, '5.00', 4, 1, 1, 1, 'Promising'],
      ['a', 0, 2, '120.00', 5, 5, 4, 4.5, 'Champions'],
    ]);
    expect(report.customers[4]?.lastOrder.toISOString()).toBe('2024-12-31T00:00:00.000Z');
    expect(report).toMatchObject({ bins: 5, monetary: 'total', segmentMap: 'default' });
  });

  test('segment summary: count, share, revenue and mean R, F, M, every segment of the map', () => {
    const report = rfm(rows, { asOf });
    expect(report.segments).toHaveLength(11);
    expect(report.segments.find((s) => s.segment === 'Champions')).toMatchObject({
      customers: 1,
      share: 0.2,
      averageRecency: 0,
      averageFrequency: 2,
    });
    expect(report.segments.find((s) => s.segment === 'Champions')?.revenue.toFixed(2)).toBe('120.00');
    const empty = report.segments.find((s) => s.segment === 'Hibernating');
    expect(empty).toMatchObject({ customers: 0, share: 0, averageRecency: null, averageFrequency: null, averageMonetary: null });
    expect(report.segments.reduce((n, s) => n + s.customers, 0)).toBe(5);

    const halves = rfm(rows, { asOf, segments: rfmSegmentMap('halves', [{ name: 'Recent', r: [4, 5] }], { fallback: 'Older' }) });
    const [recent, older] = halves.segments;
    expect(recent).toMatchObject({ segment: 'Recent', customers: 2, share: 0.4, averageRecency: 15, averageFrequency: 1.5 });
    expect(recent?.revenue.toFixed(2)).toBe('125.00');
    expect(recent?.averageMonetary?.toFixed(2)).toBe('62.50');
    expect(older).toMatchObject({ segment: 'Older', customers: 3, averageFrequency: 1 });
    expect(older?.averageRecency).toBeCloseTo(731 / 3, 12);
    expect(older?.averageMonetary?.toFixed(2)).toBe('175.00');
    expect(halves.segmentMap).toBe('halves');
  });

  test("monetary: 'mean' ranks by mean order value; revenue stays gross", () => {
    const report = rfm(rows, { asOf, monetary: 'mean', segments: null });
    expect(report.customers.map((c) => [c.id, c.monetary.toFixed(2), c.m, c.segment])).toEqual([
      ['e', '5.00', 1, null],
      ['c', '500.00', 5, null],
      ['b', '20.00', 3, null],
      ['d', '5.00', 1, null],
      ['a', '60.00', 4, null],
    ]);
    expect(report.segments).toEqual([]);
    expect([...report.columns.segment]).toEqual([255, 255, 255, 255, 255]);
    const withMap = rfm(rows, { asOf, monetary: 'mean' });
    const champions = withMap.segments.find((s) => s.segment === 'Champions');
    expect(champions?.revenue.toFixed(2)).toBe('120.00');
    expect(champions?.averageMonetary?.toFixed(2)).toBe('60.00');
  });

  test('other bins: no default map; a preset for its bins; the grid', () => {
    const four = rfm(rows, { asOf, bins: 4 });
    expect(four.segmentMap).toBeNull();
    expect(four.customers.every((c) => c.segment === null)).toBe(true);
    const pymc = rfm(rows, { asOf, bins: 4, segments: RFM_SEGMENTS_PYMC });
    expect(pymc.customers.map((c) => `${c.r}${c.f}${c.m} ${c.segment ?? ''}`)).toEqual([
      '111 Inactive Customer',
      '114 Inactive Customer',
      '212 At Risk Customer',
      '311 Inactive Customer',
      '443 Premium Customer',
    ]);
    const grid = rfmGrid(four);
    expect(grid).toHaveLength(4);
    expect(grid.flat(2).reduce((x, y) => x + y, 0)).toBe(5);
    expect(grid[3]?.[3]?.[2]).toBe(1);
    expect(() => rfm(rows, { segments: RFM_SEGMENTS_PYMC })).toThrow(/written for 4 bins, not 5/);
  });

  test('days are local days of the ledger zone; empty input; option errors', () => {
    const data = [{ customerId: 1, date: '2024-12-30T23:30:00Z', amount: 1 }];
    expect(rfm(data, { asOf: '2024-12-31T12:00:00Z' }).customers[0]?.recency).toBe(1);
    expect(rfm(ledger(data, { timeZone: 'Europe/Berlin' }), { asOf: '2024-12-31T12:00:00Z' }).customers[0]?.recency).toBe(0);
    const empty = rfm([]);
    expect(empty.customers).toEqual([]);
    expect(empty.segments.every((s) => s.customers === 0 && s.share === null)).toBe(true);
    expect(() => rfm(rows, { bins: 1 })).toThrow(InvalidOptionError);
    expect(() => rfm(rows, { monetary: 'median' as never })).toThrow(InvalidOptionError);
    expect(() => rfm(rows, { segments: {} as never })).toThrow(InvalidOptionError);
  });
});

const record = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 7, 8),
  date: fc.integer({ min: Date.parse('2023-01-01'), max: Date.parse('2024-12-31') }),
  amount: fc.integer({ min: -500, max: 5000 }).map((c) => (c / 100).toFixed(2)),
});

describe("rfm monetary: 'mean', segment averages", () => {
  // Customers with 1 to 300 orders (order counts of 256 and more are summed apart from the rest).
  const data: { customerId: string; date: string; amount: number }[] = [];
  let seed = 99;
  const next = (n: number) => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed % n;
  };
  for (let c = 0; c < 60; c++) {
    const orders = c % 7 === 0 ? 250 + next(51) : 1 + next(12);
    for (let o = 0; o < orders; o++) {
      data.push({ customerId: `c${c}`, date: new Date(Date.UTC(2024, 0, 1) + next(360) * 86_400_000).toISOString(), amount: (1 + next(90_000)) / 100 });
    }
  }

  test('equal the mean of the customers’ mean order values, computed at 80 digits and rounded once to 20', () => {
    const report = rfm(data, { monetary: 'mean' });
    const Wide = Decimal.clone({ precision: 80 });
    let checked = 0;
    for (const [k, segment] of report.segments.entries()) {
      const members = report.customers.filter((c) => c.segment === segment.segment);
      expect(members.length).toBe(segment.customers);
      if (members.length === 0) continue;
      const sum = members.reduce((total, c) => {
        const gross = data.filter((r) => r.customerId === c.id).reduce((g, r) => g + Math.round(r.amount * 100), 0);
        return total.plus(new Wide(gross).dividedBy(c.frequency));
      }, new Wide(0));
      const expected = sum.dividedBy(members.length).dividedBy(100).toSignificantDigits(20, Decimal.ROUND_HALF_EVEN);
      expect(segment.averageMonetary?.toString(), `segment ${k}`).toBe(expected.toString());
      checked++;
    }
    expect(checked).toBeGreaterThan(2);
    expect(report.customers.some((c) => c.frequency >= 256)).toBe(true);
  });
});

describe('rfm properties', () => {
  fcTest.prop([fc.array(record, { maxLength: 50 }), fc.integer({ min: 2, max: 7 }), fc.constantFrom('total', 'mean') as fc.Arbitrary<'total' | 'mean'>])(
    'scores within 1…bins; equal inputs equal scores; input order never matters',
    (data, bins, monetary) => {
      const report = rfm(data, { asOf: '2024-12-31', bins, monetary });
      for (const c of report.customers) {
        for (const s of [c.r, c.f, c.m]) expect(s >= 1 && s <= bins).toBe(true);
      }
      for (const x of report.customers) {
        for (const y of report.customers) {
          if (x.recency === y.recency) expect(x.r).toBe(y.r);
          if (x.recency < y.recency) expect(x.r).toBeGreaterThanOrEqual(y.r);
          if (x.frequency === y.frequency) expect(x.f).toBe(y.f);
          if (x.monetary.equals(y.monetary)) expect(x.m).toBe(y.m);
        }
      }
      const shuffled = rfm([...data].reverse(), { asOf: '2024-12-31', bins, monetary });
      const key = (r: typeof report) => r.customers.map((c) => `${String(c.id)} ${c.recency} ${c.frequency} ${c.monetary.toFixed(2)} ${c.r}${c.f}${c.m}`).sort();
      expect(key(shuffled)).toEqual(key(report));
    },
  );

  fcTest.prop([fc.array(record, { maxLength: 50 })])('segment counts add up to the customer count', (data) => {
    const report = rfm(data, { asOf: '2024-12-31' });
    expect(report.segments.reduce((n, s) => n + s.customers, 0)).toBe(report.customers.length);
    expect(rfmGrid(report).flat(2).reduce((x, y) => x + y, 0)).toBe(report.customers.length);
  });
});
