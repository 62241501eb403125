import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { fitShiftedBetaGeometric, shiftedBetaGeometricModel } from '../../src/models/shifted-beta-geometric.ts';
import { betaVariate, expectWithinSamplingError, prng } from './helpers.ts';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('shiftedBetaGeometricModel', () => {
  const m = shiftedBetaGeometricModel({ alpha: 0.704, beta: 1.182 });

  test('retention rates are the ratios of the survival curve, and rise with tenure', () => {
    const curve = m.survivalCurve(10);
    expect(curve[0]).toBe(1);
    for (let t = 1; t <= 10; t++) {
      expect(m.retentionRate(t)).toBeCloseTo(curve[t] / curve[t - 1], 12);
      expect(m.survival(t)).toBeCloseTo(curve[t], 12);
      expect(m.churnProbability(t)).toBeCloseTo(curve[t - 1] - curve[t], 12);
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
        counts[t] = counts[t] + 1;
        if (u() < theta) break;
      }
    }
    const fit = fitShiftedBetaGeometric(counts);
    expectWithinSamplingError(fit, truth);
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
    expect(() => fitShiftedBetaGeometric([100, 100, 100])).toThrow(/not identified by these data: nobody churned/);
  });
});

describe('fitShiftedBetaGeometric from a subscription survival table', () => {
  // The paper's "regular" cohort as subscriptions: 1000 start in 2000, survivors 1000, 631, …, 241 at
  // the start of years 0…7; the table is computed as of the end of year 7.
  const counts = [1000, 631, 468, 382, 326, 289, 262, 241];
  const subscriptions: { customerId: number; start: string; end?: string }[] = [];
  let id = 0;
  for (let year = 1; year < counts.length; year++) {
    const ended = counts[year - 1] - counts[year];
    for (let i = 0; i < ended; i++) subscriptions.push({ customerId: id++, start: '2000-01-01', end: `${1999 + year}-07-01` });
  }
  for (let i = 0; i < (counts.at(-1) ?? 0); i++) subscriptions.push({ customerId: id++, start: '2000-01-01' });

  test('equals the fit on the survivor counts', () => {
    const table = Cohort.fromSubscriptions(subscriptions).by('year').asOf('2006-12-31T23:59:59.999Z').table();
    const fromTable = fitShiftedBetaGeometric(table);
    const fromCounts = fitShiftedBetaGeometric(counts);
    expect(fromTable.params.alpha).toBeCloseTo(fromCounts.params.alpha, 6);
    expect(fromTable.params.beta).toBeCloseTo(fromCounts.params.beta, 6);
    expect(fromTable.logLikelihood).toBeCloseTo(fromCounts.logLikelihood, 6);
  });

  test('a table without a complete period is an InvalidInputError', () => {
    const table = Cohort.fromSubscriptions([{ customerId: 1, start: '2024-01-01' }]).by('year').asOf('2024-06-01').table();
    expect(() => fitShiftedBetaGeometric(table)).toThrow(InvalidInputError);
  });
});
