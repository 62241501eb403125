import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { marginClv } from '../../src/metrics/clv-formulas.ts';
import { type GrowthOptions, type GrowthResult, simulateGrowth } from '../../src/simulate/growth.ts';
import { optionError } from '../helpers/option-error.ts';

const ends = (result: GrowthResult): number[] => result.periods.map((p) => p.end);

/** Equal up to binary rounding: relative 1e-12 (counts are decimal-exact, then converted to numbers). */
function expectNear(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('simulateGrowth: the classic example', () => {
  test('r = 0.90 and a = 0.20 grow 10 % a period: 1.1^7 ≈ 1.9487 after 7 periods', () => {
    const result = simulateGrowth({ customers: 1000, retentionRate: 0.9, acquisition: { rate: 0.2 }, periods: 7 });
    expect(ends(result)).toEqual([1100, 1210, 1331, 1464.1, 1610.51, 1771.561, 1948.7171]);
    expect(result.growthFactor).toBe(1.9487171);
    expect(result.startCustomers).toBe(1000);
    expect(result.endCustomers).toBe(1948.7171);
    const first = result.periods[0];
    expect(first).toMatchObject({ period: 1, start: 1000, retained: 900, lost: 100, acquired: 200, end: 1100 });
    expect(result.periods[6]).toMatchObject({ period: 7, start: 1771.561, retained: 1594.4049, acquired: 354.3122 });
  });

  test('r = 0.80 and a = 0.20 stay flat (a business losing 20 % a year)', () => {
    const result = simulateGrowth({ customers: 1000, retentionRate: 0.8, acquisition: { rate: 0.2 }, periods: 7 });
    for (const p of result.periods) expect(p).toMatchObject({ start: 1000, retained: 800, lost: 200, acquired: 200, end: 1000 });
    expect(result.growthFactor).toBe(1);
  });

  test('a business losing 80 % a year shrinks by the factor 0.4', () => {
    const result = simulateGrowth({ customers: 1000, retentionRate: 0.2, acquisition: { rate: 0.2 }, periods: 7 });
    expect(ends(result)).toEqual([400, 160, 64, 25.6, 10.24, 4.096, 1.6384]);
    expect(result.periods[0]).toMatchObject({ retained: 200, lost: 800, acquired: 200 });
  });
});

describe('simulateGrowth: money', () => {
  const shop: GrowthOptions = {
    customers: 100,
    retentionRate: 0.8,
    acquisition: { count: 30 },
    periods: 3,
    revenuePerCustomer: 50,
    margin: 0.4,
    acquisitionCost: 35,
    retentionCost: '2',
    discountRate: 0.1,
  };

  test('revenue, costs, profit, present value by hand', () => {
    const result = simulateGrowth(shop);
    const [p1, p2, p3] = result.periods;
    // period 1: 80 kept + 30 new = 110 paying 50 → 5500; 0.4 · 5500 − 30 · 35 − 80 · 2 = 990; ÷ 1.1
    expect(p1).toMatchObject({ start: 100, retained: 80, lost: 20, acquired: 30, end: 110 });
    expect(p1?.revenue.toString()).toBe('5500');
    expect(p1?.acquisitionCost.toString()).toBe('1050');
    expect(p1?.retentionCost.toString()).toBe('160');
    expect(p1?.profit.toString()).toBe('990');
    expect(p1?.presentValue.toString()).toBe('900');
    // period 2: 88 + 30 = 118 → 5900; 2360 − 1050 − 176 = 1134; ÷ 1.21
    expect(p2?.profit.toString()).toBe('1134');
    expect(p2?.presentValue.toString()).toBe('937.19008264462809917');
    expect(p2?.cumulativeProfit.toString()).toBe('2124');
    expect(p2?.cumulativePresentValue.toString()).toBe('1837.1900826446280992');
    // period 3: 94.4 + 30 = 124.4 → 6220; 2488 − 1050 − 188.8 = 1249.2; ÷ 1.331
    expect(p3).toMatchObject({ start: 118, retained: 94.4, end: 124.4 });
    expect(p3?.retentionCost.toString()).toBe('188.8');
    expect(p3?.profit.toString()).toBe('1249.2');
    expect(p3?.presentValue.toFixed(6)).toBe('938.542449');
    expect(result.totalRevenue.toString()).toBe('17620');
    expect(result.totalProfit.toString()).toBe('3373.2');
    expect(result.presentValue.toFixed(6)).toBe('2775.732532');
  });

  test('every money value is a Decimal', () => {
    const result = simulateGrowth(shop);
    for (const value of [result.totalProfit, result.presentValue, result.totalRevenue, result.periods[0]?.profit]) {
      expect(value).toBeInstanceOf(Decimal);
    }
  });

  test('defaults: no money, so every amount is 0; with d = 0 present value equals profit', () => {
    const bare = simulateGrowth({ customers: 10, retentionRate: 0.5, acquisition: { count: 1 }, periods: 2 });
    expect(bare.totalProfit.toString()).toBe('0');
    expect(bare.periods[1]?.presentValue.toString()).toBe('0');
    const undiscounted = simulateGrowth({ ...shop, discountRate: 0 });
    for (const p of undiscounted.periods) expect(p.presentValue.toString()).toBe(p.profit.toString());
  });

  test('profit can be negative when costs exceed the margin', () => {
    const result = simulateGrowth({ customers: 10, retentionRate: 1, acquisition: { count: 10 }, periods: 1, revenuePerCustomer: 1, acquisitionCost: 5 });
    // 20 · 1 − 10 · 5
    expect(result.totalProfit.toString()).toBe('-30');
  });

  test("with no acquisition or costs, present value = N₀ × marginClv ('end')", () => {
    const result = simulateGrowth({ customers: 1000, retentionRate: 0.8, acquisition: { count: 0 }, periods: 10, revenuePerCustomer: 100, margin: 0.3, discountRate: 0.1 });
    const clv = marginClv({ margin: 30, retentionRate: 0.8, discountRate: 0.1, periods: 10 });
    expect(result.presentValue.toFixed(8)).toBe(clv.times(1000).toFixed(8));
  });
});

describe('simulateGrowth: acquisition forms, rounding, edges', () => {
  test('an array gives the count of each period', () => {
    const result = simulateGrowth({ customers: 20, retentionRate: 0.5, acquisition: [10, 0, 5], periods: 3 });
    expect(result.periods.map((p) => [p.start, p.retained, p.acquired, p.end])).toEqual([
      [20, 10, 10, 20],
      [20, 10, 0, 10],
      [10, 5, 5, 10],
    ]);
  });

  test('fractional customers by default; rounding of retained and acquired by option', () => {
    const base = { customers: 15, retentionRate: 0.7, acquisition: { count: 2.5 }, periods: 1 };
    // 0.7 · 15 = 10.5 exactly (decimal arithmetic, not 10.499999999999998)
    expect(simulateGrowth(base).periods[0]).toMatchObject({ retained: 10.5, lost: 4.5, acquired: 2.5, end: 13 });
    expect(simulateGrowth({ ...base, rounding: 'none' }).periods[0]).toMatchObject({ retained: 10.5, end: 13 });
    expect(simulateGrowth({ ...base, rounding: 'halfUp' }).periods[0]).toMatchObject({ retained: 11, lost: 4, acquired: 3, end: 14 });
    expect(simulateGrowth({ ...base, rounding: 'halfEven' }).periods[0]).toMatchObject({ retained: 10, lost: 5, acquired: 2, end: 12 });
    expect(simulateGrowth({ ...base, rounding: 'down' }).periods[0]).toMatchObject({ retained: 10, lost: 5, acquired: 2, end: 12 });
  });

  test('rounding applies every period', () => {
    const result = simulateGrowth({ customers: 10, retentionRate: 0.9, acquisition: { rate: 0.2 }, periods: 3, rounding: 'halfUp' });
    // 9 + 2 = 11; 9.9 → 10 and 2.2 → 2 = 12; 10.8 → 11 and 2.4 → 2 = 13
    expect(ends(result)).toEqual([11, 12, 13]);
  });

  test('r = 0: the whole base leaves every period', () => {
    const result = simulateGrowth({ customers: 100, retentionRate: 0, acquisition: { count: 10 }, periods: 2 });
    expect(result.periods.map((p) => [p.retained, p.lost, p.end])).toEqual([
      [0, 100, 10],
      [0, 10, 10],
    ]);
  });

  test('r = 1 and no acquisition: nothing changes', () => {
    const result = simulateGrowth({ customers: 7, retentionRate: 1, acquisition: { rate: 0 }, periods: 3 });
    expect(ends(result)).toEqual([7, 7, 7]);
    expect(result.periods[2]?.lost).toBe(0);
  });

  test('periods = 1 and an empty start', () => {
    const one = simulateGrowth({ customers: 0, retentionRate: 0.9, acquisition: { count: 5 }, periods: 1 });
    expect(one.periods).toHaveLength(1);
    expect(one.endCustomers).toBe(5);
    expect(one.growthFactor).toBeNull();
    const none = simulateGrowth({ customers: 0, retentionRate: 0.9, acquisition: { rate: 0.5 }, periods: 2 });
    expect(ends(none)).toEqual([0, 0]);
  });

  test('inputs are not mutated (frozen options work)', () => {
    const options = Object.freeze({ customers: 20, retentionRate: 0.5, acquisition: Object.freeze([1, 2]), periods: 2 });
    const result = simulateGrowth(options);
    expect(ends(result)).toEqual([11, 7.5]);
    expect(options.acquisition).toEqual([1, 2]);
  });
});

describe('simulateGrowth: errors', () => {
  const good: GrowthOptions = { customers: 10, retentionRate: 0.5, acquisition: { count: 1 }, periods: 2 };
  test.each([
    ['customers', { customers: -1 }],
    ['customers', { customers: Number.NaN }],
    ['customers', { customers: 10.5, rounding: 'halfUp' }],
    ['retentionRate', { retentionRate: 1.2 }],
    ['retentionRate', { retentionRate: -0.1 }],
    ['periods', { periods: 0 }],
    ['periods', { periods: 2.5 }],
    ['acquisition', { acquisition: { rate: 0.1, count: 2 } }],
    ['acquisition', { acquisition: {} }],
    ['acquisition', { acquisition: 5 }],
    ['acquisition', { acquisition: [1, 2, 3] }],
    ['acquisition[1]', { acquisition: [1, -2] }],
    ['acquisition.rate', { acquisition: { rate: -0.1 } }],
    ['acquisition.count', { acquisition: { count: Number.POSITIVE_INFINITY } }],
    ['revenuePerCustomer', { revenuePerCustomer: -5 }],
    ['revenuePerCustomer', { revenuePerCustomer: '12,50' }],
    ['acquisitionCost', { acquisitionCost: Number.NaN }],
    ['retentionCost', { retentionCost: 'x' }],
    ['margin', { margin: 2 }],
    ['discountRate', { discountRate: -1 }],
    ['rounding', { rounding: 'up' }],
  ] as const)('rejects a bad %s', (option, change) => {
    const error = optionError(() => simulateGrowth({ ...good, ...change } as unknown as GrowthOptions));
    expect(error.option).toBe(option);
  });
});

describe('simulateGrowth properties', () => {
  const acquisition = fc.oneof(
    fc.integer({ min: 0, max: 100 }).map((n) => ({ rate: n / 100 })),
    fc.integer({ min: 0, max: 10_000 }).map((n) => ({ count: n / 10 })),
  );
  const rounding = fc.constantFrom('none' as const, 'halfUp' as const, 'halfEven' as const, 'down' as const);
  const options = fc.record({
    customers: fc.integer({ min: 0, max: 100_000 }),
    retentionRate: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    acquisition,
    periods: fc.integer({ min: 1, max: 40 }),
    rounding,
  });

  test.prop([options])('counts are non-negative and add up; money accumulates', (o) => {
    const result = simulateGrowth(o);
    let previous = o.customers;
    let sum = new Decimal(0);
    for (const p of result.periods) {
      expect(p.start).toBe(previous);
      for (const count of [p.start, p.retained, p.lost, p.acquired, p.end]) expect(count).toBeGreaterThanOrEqual(0);
      expectNear(p.end, p.retained + p.acquired);
      expectNear(p.start, p.retained + p.lost);
      if (o.rounding !== 'none') expect(Number.isInteger(p.end)).toBe(true);
      sum = sum.plus(p.profit);
      expect(p.cumulativeProfit.toString()).toBe(sum.toString());
      previous = p.end;
    }
  });

  test.prop([options, fc.integer({ min: 0, max: 100 })])('higher retention never lowers end customers', (o, higher) => {
    const better = Math.max(o.retentionRate, higher / 100);
    const low = simulateGrowth(o);
    const high = simulateGrowth({ ...o, retentionRate: better });
    low.periods.forEach((p, i) => {
      expect(high.periods[i]?.end ?? Number.NaN).toBeGreaterThanOrEqual(p.end);
    });
  });

  test.prop([
    fc.integer({ min: 1, max: 100_000 }),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 1, max: 30 }),
  ])('with a rate, N_t = N₀ · (r + a)^t', (n0, r, a, t) => {
    const result = simulateGrowth({ customers: n0, retentionRate: r / 100, acquisition: { rate: a / 100 }, periods: t });
    const expected = new Decimal(r + a).dividedBy(100).pow(t).times(n0).toNumber();
    expectNear(result.endCustomers, expected);
  });
});
