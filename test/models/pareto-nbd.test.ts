import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { paretoTerms } from '../../src/models/pareto-nbd-likelihood.ts';
import { fitParetoNbd, paretoNbdModel } from '../../src/models/pareto-nbd.ts';
import { expectWithinSamplingError, exponential, gammaVariate, simulateRepeatBuyers } from './helpers.ts';

const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Simulate n Pareto/NBD customers observed for T ∈ [20, 40]. */
const simulate = (seed: number, n: number, p: { r: number; alpha: number; s: number; beta: number }) =>
  simulateRepeatBuyers(seed, n, (u) => ({
    lambda: gammaVariate(u, p.r, p.alpha),
    death: exponential(u, gammaVariate(u, p.s, p.beta)),
    dropAfterPurchase: null,
  }));

describe('paretoNbdModel', () => {
  const m = paretoNbdModel(cdnow);

  fcTest.prop([fc.integer({ min: 0, max: 80 }), positive(0, 1), positive(0.01, 100), positive(0, 50)])(
    'P(alive) is in [0, 1] and non-increasing in T',
    (x, share, T, extra) => {
      const tx = x === 0 ? 0 : share * T;
      const p1 = m.pAlive(x, tx, T);
      const p2 = m.pAlive(x, tx, T + extra);
      expect(p1).toBeGreaterThanOrEqual(0);
      expect(p1).toBeLessThanOrEqual(1);
      expect(p2).toBeLessThanOrEqual(p1 * (1 + 1e-12) + 1e-300);
    },
  );

  fcTest.prop([positive(0.01, 200), positive(0.01, 50), positive(0.2, 3)])('E[X(t)] is increasing in t (s on both sides of 1)', (t, dt, s) => {
    const mm = paretoNbdModel({ ...cdnow, s });
    expect(mm.expectedTransactions(t + dt)).toBeGreaterThan(mm.expectedTransactions(t));
  });

  test('α ≈ β: the likelihood terms are continuous through α = β', () => {
    const at = (alpha: number): number => {
      const { alive, died } = paretoTerms({ r: 0.5, alpha, s: 0.6, beta: 10 }, 3, 12.5, 39);
      return Math.log(Math.exp(alive) + Math.exp(died));
    };
    expect(at(10)).toBeCloseTo(at(10 * (1 + 1e-12)), 10);
    expect(at(10)).toBeCloseTo(at(10 * (1 - 1e-12)), 10);
    expect(Math.abs(at(10 + 1e-6) - at(10 - 1e-6))).toBeLessThan(1e-6);
  });

  test('large x stays finite (log space) and P(alive) falls with a long silence', () => {
    // ~13 purchases a week: one silent week is already telling, ten are conclusive
    const recent = m.pAlive(500, 38.99, 39);
    const silent = m.pAlive(500, 29, 39);
    expect(recent).toBeGreaterThan(0.8);
    expect(silent).toBeGreaterThanOrEqual(0);
    expect(silent).toBeLessThan(1e-10);
    expect(Number.isFinite(m.conditionalExpectedTransactions(10, 500, 38, 39))).toBe(true);
  });

  test('s = 1 (limit of the E[X(t)] formula)', () => {
    const one = paretoNbdModel({ ...cdnow, s: 1 });
    const near = paretoNbdModel({ ...cdnow, s: 1 + 1e-7 });
    expect(one.expectedTransactions(39)).toBeCloseTo(near.expectedTransactions(39), 6);
  });

  test('toJSON round-trips; bad arguments are rejected', () => {
    const again = paretoNbdModel(JSON.parse(JSON.stringify(m)) as Parameters<typeof paretoNbdModel>[0]);
    expect(again.pAlive(3, 10, 30)).toBe(m.pAlive(3, 10, 30));
    expect(() => paretoNbdModel({ ...cdnow, beta: Number.NaN })).toThrow(InvalidOptionError);
    expect(() => m.pAlive(-1, 0, 3)).toThrow(InvalidOptionError);
  });
});

describe('fitParetoNbd', () => {
  test('recovers simulated parameters within sampling error', () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 12 };
    const fit = fitParetoNbd(simulate(42, 6000, truth));
    expectWithinSamplingError(fit, truth);
  });

  test('bad input is an InvalidInputError', () => {
    expect(() => fitParetoNbd({ x: [], tx: [], T: [] })).toThrow(InvalidInputError);
    expect(() => fitParetoNbd({ x: [0, 1], tx: [0, 1], T: [2] })).toThrow(/same length/);
  });

  test('data without heterogeneity: the maximum is on the boundary, and that is an error', () => {
    expect(() => fitParetoNbd({ x: [0, 1, 3, 0, 2, 5, 0, 1, 0, 4], tx: [0, 4, 20, 0, 9, 30, 0, 2, 0, 12], T: [40, 38, 36, 35, 33, 31, 30, 28, 27, 26] })).toThrow(
      /runs to (infinity|0)|did not converge/,
    );
  });
});
