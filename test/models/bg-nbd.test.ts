import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError, isRetentionError } from '../../src/errors.ts';
import { bgNbdObjective } from '../../src/models/bg-nbd-likelihood.ts';
import { bgNbdModel, fitBgNbd } from '../../src/models/bg-nbd.ts';
import { numericGradient } from '../../src/models/optimizer.ts';
import { compressSummary } from '../../src/models/summary.ts';
import { betaVariate, expectWithinSamplingError, gammaVariate, simulateRepeatBuyers } from './helpers.ts';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Simulate n BG/NBD customers observed for T ∈ [20, 40]. */
const simulate = (seed: number, n: number, p: { r: number; alpha: number; a: number; b: number }) =>
  simulateRepeatBuyers(seed, n, (u) => ({
    lambda: gammaVariate(u, p.r, p.alpha),
    death: Number.POSITIVE_INFINITY,
    dropAfterPurchase: betaVariate(u, p.a, p.b),
  }));

describe('bgNbdModel', () => {
  const m = bgNbdModel(cdnow);

  fcTest.prop([fc.integer({ min: 0, max: 60 }), positive(0, 1), positive(0.01, 100), positive(0, 50)])(
    'P(alive) is in [0, 1] and non-increasing in T',
    (x, share, T, extra) => {
      const tx = x === 0 ? 0 : share * T;
      const p1 = m.pAlive(x, tx, T);
      const p2 = m.pAlive(x, tx, T + extra);
      expect(p1).toBeGreaterThanOrEqual(0);
      expect(p1).toBeLessThanOrEqual(1);
      expect(p2).toBeLessThanOrEqual(p1 + 1e-15);
    },
  );

  fcTest.prop([positive(0.01, 200), positive(0.01, 50)])('E[X(t)] is increasing in t', (t, dt) => {
    expect(m.expectedTransactions(t + dt)).toBeGreaterThan(m.expectedTransactions(t));
  });

  test('a = 1 (0/0 in the formula) is continuous with its neighbours', () => {
    const at = (a: number) => bgNbdModel({ ...cdnow, a });
    expect(at(1).expectedTransactions(30)).toBeCloseTo((at(1 - 1e-3).expectedTransactions(30) + at(1 + 1e-3).expectedTransactions(30)) / 2, 6);
    expect(at(1).conditionalExpectedTransactions(10, 3, 20, 30)).toBeCloseTo(at(1 + 1e-3).conditionalExpectedTransactions(10, 3, 20, 30), 3);
  });

  test('x = 0 customers are alive with certainty (BG/NBD: death only after a purchase)', () => {
    expect(m.pAlive(0, 0, 100)).toBe(1);
    expect(m.conditionalExpectedTransactions(0, 3, 10, 20)).toBe(0);
    expect(m.probabilityOfTransactions(0, 0)).toBe(1);
  });

  test('toJSON round-trips through the loader; bad parameters are rejected', () => {
    const saved = JSON.parse(JSON.stringify(m)) as unknown;
    const again = bgNbdModel(saved as Parameters<typeof bgNbdModel>[0]);
    expect(again.pAlive(4, 20, 30)).toBe(m.pAlive(4, 20, 30));
    expect(() => bgNbdModel({ ...cdnow, r: -1 })).toThrow(InvalidOptionError);
    expect(() => bgNbdModel({ model: 'pareto-nbd', params: cdnow } as never)).toThrow(/expected a saved "bg-nbd"/);
    expect(() => m.pAlive(2, 5, 4)).toThrow(InvalidOptionError);
    expect(() => m.expectedTransactions(-1)).toThrow(InvalidOptionError);
  });
});

describe('fitBgNbd', () => {
  test('recovers simulated parameters within sampling error', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
    const fit = fitBgNbd(simulate(20240607, 8000, truth));
    expectWithinSamplingError(fit, truth);
  });

  test('weights give the same fit as repeated rows', () => {
    const s = simulate(7, 400, cdnow);
    const doubled = fitBgNbd({ x: [...s.x, ...s.x], tx: [...s.tx, ...s.tx], T: [...s.T, ...s.T] });
    const weighted = fitBgNbd({ ...s, weight: s.x.map(() => 2) });
    expect(weighted.params.r).toBeCloseTo(doubled.params.r, 5);
    expect(weighted.logLikelihood).toBeCloseTo(doubled.logLikelihood, 5);
  });

  test('bad input is an InvalidInputError; a fit that cannot converge is a RetentionError', () => {
    expect(() => fitBgNbd({ x: [1, -2], tx: [1, 0], T: [2, 2] })).toThrow(InvalidInputError);
    expect(() => fitBgNbd({ x: [1], tx: [3], T: [2] })).toThrow(InvalidInputError);
    let error: unknown;
    try {
      fitBgNbd(simulate(3, 300, cdnow), { maxIterations: 1 });
    } catch (e) {
      error = e;
    }
    expect(isRetentionError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(InvalidInputError);
  });
});

describe('bgNbdObjective', () => {
  test('the analytic gradient matches central differences', () => {
    const s = simulate(17, 500, cdnow);
    const { negLogLik, gradient } = bgNbdObjective(compressSummary(s));
    for (const point of [
      [0.243, 4.414, 0.793, 2.426],
      [1.5, 0.7, 3, 0.4],
    ]) {
      const lp = Float64Array.from(point.map(Math.log));
      const analytic = new Float64Array(4);
      const numeric = new Float64Array(4);
      gradient(lp, analytic);
      numericGradient(negLogLik, lp, numeric, 1e-6);
      for (let i = 0; i < 4; i++) expect(analytic[i]).toBeCloseTo(numeric[i], 3);
    }
  });
});
