import { describe, expect, test } from 'vitest';
import { compareGrowth } from '../../src/simulate/compare.ts';
import { type GrowthOptions, simulateGrowth } from '../../src/simulate/growth.ts';
import { optionError } from '../helpers/option-error.ts';

const shared = { customers: 1000, acquisition: { rate: 0.2 }, periods: 3, revenuePerCustomer: 10 } as const;

describe('compareGrowth', () => {
  test('losing 20 % vs 10 % a year, side by side with ratios to the first', () => {
    const comparison = compareGrowth(
      [
        { name: 'loses 20 %', retentionRate: 0.8 },
        { name: 'loses 10 %', retentionRate: 0.9 },
      ],
      shared,
    );
    expect(comparison.names).toEqual(['loses 20 %', 'loses 10 %']);
    expect(comparison.periods.map((p) => p.period)).toEqual([1, 2, 3]);
    expect(comparison.periods.map((p) => p.customers)).toEqual([
      [1000, 1100],
      [1000, 1210],
      [1000, 1331],
    ]);
    expect(comparison.periods.map((p) => p.customersRatio)).toEqual([
      [1, 1.1],
      [1, 1.21],
      [1, 1.331],
    ]);
    // revenue 10 per customer, no costs: 10 000 a period vs 11 000, 12 100, 13 310
    expect(comparison.periods.map((p) => p.cumulativeProfit.map(String))).toEqual([
      ['10000', '11000'],
      ['20000', '23100'],
      ['30000', '36410'],
    ]);
    expect(comparison.periods[2]?.cumulativeProfitRatio[1]).toBeCloseTo(36410 / 30000, 15);
    expect(comparison.periods[1]?.cumulativeProfitRatio).toEqual([1, 1.155]);
    // d = 0: present value = profit
    expect(comparison.periods[2]?.cumulativePresentValueRatio).toEqual(comparison.periods[2]?.cumulativeProfitRatio);
  });

  test('each result equals its own simulateGrowth run', () => {
    const scenarios = [{ retentionRate: 0.8 }, { retentionRate: 0.85, discountRate: 0.1 }, { retentionRate: 0.9, acquisition: { count: 50 } }];
    const comparison = compareGrowth(scenarios, shared);
    scenarios.forEach((scenario, i) => {
      expect(comparison.results[i]).toEqual(simulateGrowth({ ...shared, ...scenario } as GrowthOptions));
    });
    expect(comparison.periods[0]?.cumulativePresentValue[1]?.toFixed(4)).toBe('9545.4545'); // 1050 customers · 10 ÷ 1.1
  });

  test('default names by position; options may be omitted', () => {
    const comparison = compareGrowth([
      { customers: 10, retentionRate: 0.5, acquisition: { count: 0 }, periods: 1 },
      { customers: 10, retentionRate: 1, acquisition: { count: 0 }, periods: 1 },
    ]);
    expect(comparison.names).toEqual(['scenario 1', 'scenario 2']);
    expect(comparison.periods[0]?.customersRatio).toEqual([1, 2]);
  });

  test('a single scenario compares with itself', () => {
    const comparison = compareGrowth([{ retentionRate: 0.8 }], shared);
    expect(comparison.periods.every((p) => p.customersRatio[0] === 1)).toBe(true);
  });

  test('ratios are null where the first scenario is 0', () => {
    const comparison = compareGrowth([{ customers: 0 }, { customers: 100 }], { retentionRate: 0.9, acquisition: { rate: 0.2 }, periods: 2 });
    expect(comparison.periods[0]?.customers).toEqual([0, 110]);
    expect(comparison.periods[0]?.customersRatio).toEqual([null, null]);
    expect(comparison.periods[0]?.cumulativeProfitRatio).toEqual([null, null]);
  });

  test('inputs are not mutated', () => {
    const scenarios = Object.freeze([Object.freeze({ name: 'a', retentionRate: 0.8 })]);
    const options = Object.freeze({ ...shared });
    compareGrowth(scenarios, options);
    expect(scenarios[0]).toEqual({ name: 'a', retentionRate: 0.8 });
  });

  test('errors name the scenario', () => {
    expect(optionError(() => compareGrowth([], shared)).option).toBe('scenarios');
    expect(optionError(() => compareGrowth([{ retentionRate: 0.8 }, { retentionRate: 1.5 }], shared)).option).toBe(
      'scenarios[1].retentionRate',
    );
    expect(optionError(() => compareGrowth([{ retentionRate: 0.8 }], { customers: 1, periods: 1 })).option).toBe('scenarios[0].acquisition');
    const horizon = optionError(() => compareGrowth([{ retentionRate: 0.8 }, { retentionRate: 0.9, periods: 4 }], shared));
    expect(horizon.option).toBe('scenarios[1].periods');
    expect(horizon.message).toContain('same horizon');
    expect(
      optionError(() => compareGrowth([{ name: 5, retentionRate: 0.8 } as unknown as { retentionRate: number }], shared)).option,
    ).toBe('scenarios[0].name');
  });
});
