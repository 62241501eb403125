import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { simulateGrowth } from '../../src/simulate/growth.ts';
import { type RetentionUpliftOptions, retentionUplift } from '../../src/simulate/uplift.ts';
import { optionError } from '../helpers/option-error.ts';

describe('retentionUplift', () => {
  test('from losing 20 % a year to losing 10 %: the classic example', () => {
    const worth = retentionUplift({
      customers: 1000,
      retentionRate: 0.8,
      acquisition: { rate: 0.2 },
      periods: 7,
      revenuePerCustomer: 100,
      uplift: 0.1,
    });
    expect(worth.retentionRate).toBe(0.8);
    expect(worth.improvedRetentionRate).toBe(0.9);
    expect(worth.endCustomers).toEqual({ base: 1000, improved: 1948.7171, change: 948.7171, relativeChange: 0.9487171 });
    // base: 1000 customers · 100 · 7; improved: 100 000 · (1.1 + 1.1² + … + 1.1⁷) = 1 043 588.81
    expect(worth.cumulativeProfit.base.toString()).toBe('700000');
    expect(worth.cumulativeProfit.improved.toString()).toBe('1043588.81');
    expect(worth.cumulativeProfit.change.toString()).toBe('343588.81');
    expect(worth.cumulativeProfit.relativeChange).toBeCloseTo(343588.81 / 700000, 15);
    expect(worth.presentValue.change.toString()).toBe('343588.81');
    expect(worth.base).toEqual(simulateGrowth({ customers: 1000, retentionRate: 0.8, acquisition: { rate: 0.2 }, periods: 7, revenuePerCustomer: 100 }));
    expect(worth.improved.endCustomers).toBe(1948.7171);
  });

  test('with a fixed acquisition count, a retention cost and discounting, by hand', () => {
    const worth = retentionUplift({
      customers: 100,
      retentionRate: 0.5,
      acquisition: { count: 50 },
      periods: 2,
      revenuePerCustomer: 10,
      retentionCost: 1,
      discountRate: 0.1,
      uplift: 0.1,
    });
    // base: 50 kept + 50 new = 100 → 1000 − 50 = 950 twice
    // improved: 60 + 50 = 110 → 1100 − 60 = 1040; 66 + 50 = 116 → 1160 − 66 = 1094
    expect(worth.cumulativeProfit.base.toString()).toBe('1900');
    expect(worth.cumulativeProfit.improved.toString()).toBe('2134');
    expect(worth.cumulativeProfit.change.toString()).toBe('234');
    expect(worth.cumulativeProfit.relativeChange).toBeCloseTo(234 / 1900, 15);
    // 950/1.1 + 950/1.21 and 1040/1.1 + 1094/1.21
    expect(worth.presentValue.base.toFixed(6)).toBe('1648.760331');
    expect(worth.presentValue.improved.toFixed(6)).toBe('1849.586777');
    expect(worth.presentValue.change.toFixed(6)).toBe('200.826446');
    expect(worth.endCustomers.change).toBe(16);
  });

  test('the raised rate is computed in decimal: 0.9 + 0.05 = 0.95, 0.95 + 0.05 = 1', () => {
    const base = { customers: 100, acquisition: { count: 0 }, periods: 1 };
    expect(retentionUplift({ ...base, retentionRate: 0.9, uplift: 0.05 }).improvedRetentionRate).toBe(0.95);
    expect(retentionUplift({ ...base, retentionRate: 0.95, uplift: 0.05 }).improved.endCustomers).toBe(100);
  });

  test('a zero uplift changes nothing; a negative uplift is a fall', () => {
    const options = { customers: 100, retentionRate: 0.8, acquisition: { count: 10 }, periods: 3, revenuePerCustomer: 5 };
    const same = retentionUplift({ ...options, uplift: 0 });
    expect(same.cumulativeProfit.change.toString()).toBe('0');
    expect(same.cumulativeProfit.relativeChange).toBe(0);
    const fall = retentionUplift({ ...options, uplift: -0.8 });
    expect(fall.improvedRetentionRate).toBe(0);
    expect(fall.endCustomers.improved).toBe(10);
    expect(fall.cumulativeProfit.change.isNegative()).toBe(true);
  });

  test('relative change divides by |base|: a gain from a loss is positive; null from zero', () => {
    // base: 50 kept + 100 new = 150 → 1500 − 100 · 20 = −500; improved: 100 + 100 → 2000 − 2000 = 0
    const fromLoss = retentionUplift({
      customers: 100, retentionRate: 0.5, acquisition: { count: 100 }, periods: 1, revenuePerCustomer: 10, acquisitionCost: 20, uplift: 0.5,
    });
    expect(fromLoss.cumulativeProfit.base.toString()).toBe('-500');
    expect(fromLoss.cumulativeProfit.change.toString()).toBe('500');
    expect(fromLoss.cumulativeProfit.relativeChange).toBe(1);
    const fromZero = retentionUplift({ customers: 0, retentionRate: 0.5, acquisition: { rate: 0.1 }, periods: 2, uplift: 0.1 });
    expect(fromZero.cumulativeProfit.relativeChange).toBeNull();
    expect(fromZero.endCustomers.relativeChange).toBeNull();
  });

  test('errors', () => {
    const options = { customers: 100, retentionRate: 0.9, acquisition: { count: 0 }, periods: 1 };
    expect(optionError(() => retentionUplift({ ...options, uplift: 0.2 })).option).toBe('uplift');
    expect(optionError(() => retentionUplift({ ...options, retentionRate: 0.1, uplift: -0.2 })).option).toBe('uplift');
    expect(optionError(() => retentionUplift({ ...options, uplift: Number.NaN })).option).toBe('uplift');
    expect(optionError(() => retentionUplift(options as unknown as RetentionUpliftOptions)).option).toBe('uplift');
    expect(optionError(() => retentionUplift({ ...options, periods: 0, uplift: 0.05 })).option).toBe('periods');
    const message = optionError(() => retentionUplift({ ...options, uplift: 0.2 })).message;
    expect(message).toContain('1.1');
  });
});

describe('retentionUplift properties', () => {
  const options = fc.record({
    customers: fc.integer({ min: 0, max: 10_000 }),
    retentionRate: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    acquisition: fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((n) => ({ rate: n / 100 })),
      fc.integer({ min: 0, max: 1000 }).map((n) => ({ count: n })),
    ),
    periods: fc.integer({ min: 1, max: 20 }),
    revenuePerCustomer: fc.integer({ min: 0, max: 500 }),
    discountRate: fc.integer({ min: 0, max: 30 }).map((n) => n / 100),
  });

  test.prop([options, fc.integer({ min: 0, max: 100 })])(
    'a non-negative uplift without costs never lowers end customers, profit or present value',
    (o, points) => {
      const uplift = Math.min(points, Math.round((1 - o.retentionRate) * 100)) / 100;
      const worth = retentionUplift({ ...o, uplift });
      expect(worth.endCustomers.change).toBeGreaterThanOrEqual(0);
      expect(worth.cumulativeProfit.change.isNegative() && !worth.cumulativeProfit.change.isZero()).toBe(false);
      expect(worth.presentValue.change.isNegative() && !worth.presentValue.change.isZero()).toBe(false);
    },
  );
});
