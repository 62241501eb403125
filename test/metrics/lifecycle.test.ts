import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { periodRetention } from '../../src/metrics/period-retention.ts';

const rows = [
  { customerId: 'a', date: '2024-01-05', amount: 10 },
  { customerId: 'b', date: '2024-01-06', amount: 10 },
  { customerId: 'a', date: '2024-01-25', amount: 5 },
  { customerId: 'a', date: '2024-02-05', amount: 30 },
  { customerId: 'c', date: '2024-02-07', amount: 0 },
  { customerId: 'b', date: '2024-02-10', amount: -10 }, // a refund is not activity
  { customerId: 'b', date: '2024-03-05', amount: 20 },
  { customerId: 'd', date: '2024-03-06', amount: 7 },
];

describe('periodLifecycle', () => {
  test('hand-computed months', () => {
    const out = periodLifecycle(rows, { period: 'month', asOf: '2024-03-31T23:59:59.999Z' });
    expect(out.map((r) => [r.period, r.active, r.new, r.returning, r.resurrected, r.dormant, r.complete])).toEqual([
      ['2024-01', 2, 2, 0, 0, 0, true],
      ['2024-02', 2, 1, 1, 0, 1, true], // a returns, c is new, b dormant
      ['2024-03', 2, 1, 0, 1, 2, true], // b resurrected, d new; a and c dormant
    ]);
    expect(out.map((r) => [r.newRevenue.toFixed(2), r.returningRevenue.toFixed(2), r.resurrectedRevenue.toFixed(2)])).toEqual([
      ['25.00', '0.00', '0.00'],
      ['0.00', '30.00', '0.00'],
      ['7.00', '0.00', '20.00'],
    ]);
    expect(out[1]?.quickRatio).toBe(1);
    expect(out[2]?.quickRatio).toBe(1);
    expect(out[0]?.quickRatio).toBeNull();
  });

  test('a customer who stops is dormant once, in the period after their last order', () => {
    const out = periodLifecycle([{ customerId: 1, date: '2024-01-01', amount: 1 }], { period: 'month', asOf: '2024-04-01' });
    expect(out.map((r) => r.dormant)).toEqual([0, 1, 0, 0]);
  });

  test('empty, refunds only, bad options', () => {
    expect(periodLifecycle([], { period: 'week' })).toEqual([]);
    expect(periodLifecycle([{ customerId: 1, date: 0, amount: -5 }], { period: 'week' })).toEqual([]);
    expect(() => periodLifecycle(rows, { period: { days: 3 } as unknown as 'day' })).toThrow(InvalidOptionError);
  });
});

const rowArb = fc.record({
  customerId: fc.integer({ min: 0, max: 8 }),
  date: fc.integer({ min: 0, max: 120 }).map((d) => d * 86_400_000 + 3_600_000),
  amount: fc.integer({ min: -5, max: 10 }),
});

describe('periodLifecycle properties', () => {
  fcTest.prop([fc.array(rowArb, { maxLength: 60 }), fc.constantFrom('day', 'week', 'month')], { numRuns: 200 })(
    'active(p) = new + returning + resurrected; active(p − 1) = returning + dormant(p); agrees with periodRetention',
    (data, unit) => {
      const life = periodLifecycle(data, { period: unit as 'week' });
      const retention = periodRetention(data, { period: unit as 'week' });
      expect(life.map((r) => r.period)).toEqual(retention.map((r) => r.period));
      let previousActive = 0;
      life.forEach((r, i) => {
        expect(r.active).toBe(r.new + r.returning + r.resurrected);
        expect(previousActive).toBe(r.returning + r.dormant);
        expect(r.returning).toBe(retention[i]?.retained);
        expect(r.new).toBe(retention[i]?.acquired);
        expect(r.resurrected).toBe(retention[i]?.reactivated);
        previousActive = r.active;
      });
    },
  );
});

describe('periodLifecycle over many customers', () => {
  test('thousands of customers: the identities hold and agree with periodRetention', () => {
    const data: { customerId: number; date: number; amount: number }[] = [];
    let state = 12_345;
    for (let i = 0; i < 30_000; i++) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
      const r = state >>> 8;
      data.push({ customerId: r % 5_000, date: (r % 400) * 86_400_000 + 3_600_000, amount: (r % 13) - 2 });
    }
    data.sort((x, y) => x.date - y.date);
    const life = periodLifecycle(data, { period: 'month' });
    const retention = periodRetention(data, { period: 'month' });
    expect(life.length).toBeGreaterThan(12);
    let previousActive = 0;
    let fresh = 0;
    life.forEach((r, i) => {
      expect(r.active).toBe(r.new + r.returning + r.resurrected);
      expect(previousActive).toBe(r.returning + r.dormant);
      expect(r.returning).toBe(retention[i]?.retained);
      expect(r.new).toBe(retention[i]?.acquired);
      fresh += r.new;
      previousActive = r.active;
    });
    // Every customer with an order is new exactly once.
    expect(fresh).toBe(new Set(data.filter((d) => d.amount >= 0).map((d) => d.customerId)).size);
  });
});
