/**
 * Convergence does not depend on the scale of the weights: a fit on weights × k gives the estimates of
 * the fit on the weights themselves, standard errors × 1/√k, and a fit that never leaves its starting
 * point does not claim convergence.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { isRetentionError } from '../../src/errors.ts';
import { fitBgNbd } from '../../src/models/bg-nbd.ts';
import { fitGammaGamma } from '../../src/models/gamma-gamma.ts';
import { resolveFitOptions } from '../../src/models/fit-options.ts';
import { fitLogParameters } from '../../src/models/mle.ts';
import { minimizeBfgs } from '../../src/models/optimizer.ts';
import { fitParetoNbd } from '../../src/models/pareto-nbd.ts';
import { fitShiftedBetaGeometric } from '../../src/models/shifted-beta-geometric.ts';

const summary = { x: [0, 1, 2, 5, 3, 10, 1, 4], tx: [0, 5, 20, 35, 8, 37, 30, 12], T: [38, 38, 38, 38, 38, 38, 38, 38], weight: [60, 15, 8, 5, 5, 2, 5, 4] };
const scaled = (k: number) => ({ ...summary, weight: summary.weight.map((w) => w * k) });
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('fits are invariant to the scale of the weights', () => {
  const reference = fitBgNbd(summary);

  fcTest.prop([fc.double({ min: -12, max: 6, noNaN: true })], { numRuns: 25 })('BG/NBD on weights × 10^e: same estimates, log-likelihood × k, SE × 1/√k', (e) => {
    const k = 10 ** e;
    const fit = fitBgNbd(scaled(k));
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeGreaterThan(0);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expect(relative(fit.params[name], reference.params[name])).toBeLessThan(1e-5);
      expect(relative((fit.standardErrors[name] ?? 0) * Math.sqrt(k), reference.standardErrors[name] ?? 0)).toBeLessThan(1e-3);
    }
    expect(relative(fit.logLikelihood, k * reference.logLikelihood)).toBeLessThan(1e-9);
  });

  test('weights of 1e-12 customers: every model moves from its start to the same optimum as with whole customers', () => {
    // Before the gradient test was taken per unit of weight, these fits stopped at a starting point
    // (0 iterations) and reported converged: true.
    const tiny = 1e-12;
    const pareto = fitParetoNbd(summary);
    const paretoTiny = fitParetoNbd(scaled(tiny));
    expect(relative(paretoTiny.params.r, pareto.params.r)).toBeLessThan(1e-4);
    expect(relative(paretoTiny.params.alpha, pareto.params.alpha)).toBeLessThan(1e-4);
    const counts = [1000, 631, 468, 382, 326, 289, 262, 241];
    const sbg = fitShiftedBetaGeometric(counts.map((c) => c * tiny));
    expect(sbg.params.alpha).toBeCloseTo(0.704, 3);
    expect(sbg.params.beta).toBeCloseTo(1.182, 3);
    const spend = { x: [1, 3, 2, 5, 1, 2, 4, 1, 6, 2], zbar: [30, 12, 45, 22, 9, 70, 15, 25, 40, 18] };
    const gg = fitGammaGamma(spend);
    const ggTiny = fitGammaGamma({ ...spend, weight: spend.x.map(() => tiny) });
    expect(relative(ggTiny.params.p, gg.params.p)).toBeLessThan(1e-4);
  });
});

describe('a fit that never moves does not claim convergence', () => {
  test('a flat likelihood throws instead of returning the starting point', () => {
    let error: unknown;
    try {
      fitLogParameters({ model: 'flat', names: ['a', 'b'], negLogLik: () => 5, starts: [[1, 1], [2, 3]], weight: 10 }, resolveFitOptions({}));
    } catch (e) {
      error = e;
    }
    expect(isRetentionError(error)).toBe(true);
    expect(String(error)).toMatch(/flat: the fit did not move from its starting point .*not identified/);
  });

  test('weights summing to 0 are nothing to fit', () => {
    expect(() => fitLogParameters({ model: 'm', names: ['a'], negLogLik: (lp) => lp[0] ** 2, starts: [[1]], weight: 0 }, resolveFitOptions({}))).toThrow(/the weights sum to 0/);
  });
});

describe('minimizeBfgs: the scale of f', () => {
  const bowl = (p: Float64Array) => (p[0] - 1) ** 2 + 10 * (p[1] + 2) ** 2;

  fcTest.prop([fc.double({ min: -15, max: 15, noNaN: true })], { numRuns: 30 })('k · f with valueScale k reaches the minimum of f', (e) => {
    const k = 10 ** e;
    const r = minimizeBfgs((p) => k * bowl(p), [0, 0], { valueScale: k });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(-2, 4);
  });

  test('valueScale must be a positive number', () => {
    expect(() => minimizeBfgs(bowl, [0, 0], { valueScale: 0 })).toThrow(/valueScale: 0 is not a positive finite number/);
  });
});
