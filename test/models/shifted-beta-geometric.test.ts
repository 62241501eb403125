import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { hyp2f1 } from '../../src/models/special.ts';
import { fitShiftedBetaGeometric, shiftedBetaGeometricModel } from '../../src/models/shifted-beta-geometric.ts';
import { betaVariate, prng } from './helpers.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('shiftedBetaGeometricModel', () => {
  const m = shiftedBetaGeometricModel({ alpha: 0.704, beta: 1.182 });

  test('retention rates are the ratios of the survival curve, and rise with tenure', () => {
    const curve = m.survivalCurve(10);
    expect(curve[0]).toBe(1);
    for (let t = 1; t <= 10; t++) {
      expect(m.retentionRate(t)).toBeCloseTo((curve[t] ?? 0) / (curve[t - 1] ?? 1), 12);
      expect(m.survival(t)).toBeCloseTo(curve[t] ?? 0, 12);
      expect(m.churnProbability(t)).toBeCloseTo((curve[t - 1] ?? 0) - (curve[t] ?? 0), 12);
      if (t > 1) expect(m.retentionRate(t)).toBeGreaterThan(m.retentionRate(t - 1));
    }
  });

  fcTest.prop([positive(2.5, 10), positive(0.1, 10)])('E[T] = (α+β−1)/(α−1) equals Σ S(t)', (alpha, beta) => {
    const mm = shiftedBetaGeometricModel({ alpha, beta });
    // S(t) ~ t^(−α): with α ≥ 2.5 the tail after 200 000 terms is negligible
    let sum = 0;
    let s = 1;
    for (let t = 0; t < 200_000; t++) {
      sum += s;
      s *= (beta + t) / (alpha + beta + t);
    }
    const expected = mm.expectedLifetime();
    expect(sum).toBeCloseTo(expected, 4);
  });

  fcTest.prop([positive(0.1, 5), positive(0.1, 5), positive(0.01, 1), fc.integer({ min: 0, max: 20 })])(
    'DERL equals the closed form (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d))',
    (alpha, beta, d, renewals) => {
      const n = renewals + 1;
      const closed = ((beta + n - 1) / (alpha + beta + n - 1)) * hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + d));
      const mine = shiftedBetaGeometricModel({ alpha, beta }).discountedExpectedResidualLifetime(d, renewals);
      expect(Math.abs(mine - closed)).toBeLessThan(1e-9 * closed);
    },
  );

  test('α ≤ 1: infinite expected lifetime; bad arguments are rejected', () => {
    expect(m.expectedLifetime()).toBe(Number.POSITIVE_INFINITY);
    expect(() => m.discountedExpectedResidualLifetime(0)).toThrow(InvalidOptionError);
    expect(() => m.retentionRate(0)).toThrow(InvalidOptionError);
    expect(() => m.survival(1.5)).toThrow(InvalidOptionError);
    const again = shiftedBetaGeometricModel(JSON.parse(JSON.stringify(m)) as Parameters<typeof shiftedBetaGeometricModel>[0]);
    expect(again.survival(5)).toBe(m.survival(5));
  });
});

describe('fitShiftedBetaGeometric', () => {
  test('recovers simulated parameters within sampling error', () => {
    const u = prng(2007);
    const truth = { alpha: 1.5, beta: 4 };
    const periods = 10;
    const counts = new Array<number>(periods + 1).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const theta = betaVariate(u, truth.alpha, truth.beta);
      for (let t = 0; t <= periods; t++) {
        counts[t] = (counts[t] ?? 0) + 1;
        if (u() < theta) break;
      }
    }
    const fit = fitShiftedBetaGeometric(counts);
    expect(Math.abs(fit.params.alpha - truth.alpha)).toBeLessThan(4 * (fit.standardErrors.alpha ?? 0));
    expect(Math.abs(fit.params.beta - truth.beta)).toBeLessThan(4 * (fit.standardErrors.beta ?? 0));
  });

  test('invalid counts are InvalidInputErrors naming the period', () => {
    expect(() => fitShiftedBetaGeometric([1000])).toThrow(InvalidInputError);
    expect(() => fitShiftedBetaGeometric([0, 0])).toThrow(/cohort size/);
    let error: unknown;
    try {
      fitShiftedBetaGeometric([100, 80, 90]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).index).toBe(2);
    expect((error as InvalidInputError).message).toMatch(/^survivors\[2\]: count 90 exceeds/);
    expect(() => fitShiftedBetaGeometric([100, -1])).toThrow(InvalidInputError);
  });

  test('nobody churns: the maximum is on the boundary, a RetentionError', () => {
    expect(() => fitShiftedBetaGeometric([100, 100, 100])).toThrow(/runs to|did not converge/);
  });
});
