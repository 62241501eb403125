import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { simulateGrowth } from '../../src/simulate/growth.ts';
import { steadyState } from '../../src/simulate/steady-state.ts';

describe('steadyState', () => {
  test('A ÷ (1 − r) by hand', () => {
    expect(steadyState({ retentionRate: 0.8, acquiredPerPeriod: 200 })).toBe(1000);
    expect(steadyState({ retentionRate: 0.9, acquiredPerPeriod: 200 })).toBe(2000);
    expect(steadyState({ retentionRate: 0.75, acquiredPerPeriod: 30 })).toBe(120);
    // 10 ÷ 0.3, decimal-exact then rounded to the nearest number
    expect(steadyState({ retentionRate: 0.7, acquiredPerPeriod: 10 })).toBe(10 / 0.3);
  });

  test('edges: r = 0 keeps only the newcomers, A = 0 empties the base, r = 1 has no steady state (null)', () => {
    expect(steadyState({ retentionRate: 0, acquiredPerPeriod: 50 })).toBe(50);
    expect(steadyState({ retentionRate: 0.5, acquiredPerPeriod: 0 })).toBe(0);
    expect(steadyState({ retentionRate: 1, acquiredPerPeriod: 200 })).toBeNull();
    expect(steadyState({ retentionRate: 1, acquiredPerPeriod: 0 })).toBeNull();
  });

  test('a simulation started at the steady state stays there', () => {
    const result = simulateGrowth({ customers: 1000, retentionRate: 0.8, acquisition: { count: 200 }, periods: 5 });
    expect(result.periods.map((p) => p.end)).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  test.each([
    ['retentionRate', { retentionRate: 1.5, acquiredPerPeriod: 1 }],
    ['retentionRate', { retentionRate: Number.NaN, acquiredPerPeriod: 1 }],
    ['acquiredPerPeriod', { retentionRate: 0.5, acquiredPerPeriod: -1 }],
    ['acquiredPerPeriod', { retentionRate: 0.5, acquiredPerPeriod: Number.POSITIVE_INFINITY }],
  ] as const)('rejects a bad %s', (option, options) => {
    let caught: unknown;
    try {
      steadyState(options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidOptionError);
    expect((caught as InvalidOptionError).option).toBe(option);
  });

  test.prop([
    fc.integer({ min: 0, max: 95 }).map((n) => n / 100),
    fc.integer({ min: 0, max: 10_000 }),
    fc.integer({ min: 0, max: 100_000 }),
    fc.integer({ min: 1, max: 60 }),
  ])('the simulated base approaches it geometrically: N_t − N* = r^t (N₀ − N*)', (r, a, n0, t) => {
    const star = steadyState({ retentionRate: r, acquiredPerPeriod: a });
    expect(star).not.toBeNull();
    const target = star ?? Number.NaN;
    const end = simulateGrowth({ customers: n0, retentionRate: r, acquisition: { count: a }, periods: t }).endCustomers;
    const expected = target + r ** t * (n0 - target);
    expect(Math.abs(end - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  });
});
