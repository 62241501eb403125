import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError, RetentionError } from '../../src/errors.ts';
import { fitGammaGamma, gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { expectWithinSamplingError, gammaVariate, prng } from './helpers.ts';

function simulate(seed: number, n: number, p: { p: number; q: number; gamma: number }) {
  const u = prng(seed);
  const x: number[] = [];
  const zbar: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = 1 + Math.floor(8 * u());
    const nu = gammaVariate(u, p.q, p.gamma);
    let total = 0;
    for (let j = 0; j < xi; j++) total += gammaVariate(u, p.p, nu);
    x.push(xi);
    zbar.push(total / xi);
  }
  return { x, zbar };
}

describe('gammaGammaModel', () => {
  const m = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });

  test('E[Z | x, zbar] is a weighted mean of the population mean and zbar', () => {
    const mean = m.expectedSpend();
    expect(mean).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    const w = (6.25 * 3) / (6.25 * 3 + 3.74 - 1);
    expect(m.conditionalExpectedSpend(3, 50)).toBeCloseTo((1 - w) * mean + w * 50, 10);
    expect(m.conditionalExpectedSpend(0, 0)).toBe(mean);
  });

  test('q ≤ 1: the population mean is infinite', () => {
    expect(gammaGammaModel({ p: 1, q: 0.9, gamma: 1 }).expectedSpend()).toBe(Number.POSITIVE_INFINITY);
  });

  test('toJSON round-trips; bad arguments are rejected', () => {
    const again = gammaGammaModel(JSON.parse(JSON.stringify(m)) as Parameters<typeof gammaGammaModel>[0]);
    expect(again.conditionalExpectedSpend(2, 30)).toBe(m.conditionalExpectedSpend(2, 30));
    expect(() => m.conditionalExpectedSpend(1.5, 3)).toThrow(InvalidOptionError);
    expect(() => gammaGammaModel({ p: 0, q: 1, gamma: 1 })).toThrow(InvalidOptionError);
  });
});

describe('fitGammaGamma', () => {
  test('recovers simulated parameters within sampling error', () => {
    const truth = { p: 5, q: 4, gamma: 20 };
    const fit = fitGammaGamma(simulate(99, 3000, truth));
    expectWithinSamplingError(fit, truth);
  });

  test('refuses to fit when |corr(x, zbar)| > 0.3 unless forced', () => {
    const s = simulate(5, 500, { p: 5, q: 4, gamma: 20 });
    const zbar = s.zbar.map((z, i) => z * (1 + s.x[i] / 2));
    expect(() => fitGammaGamma({ x: s.x, zbar })).toThrow(RetentionError);
    expect(() => fitGammaGamma({ x: s.x, zbar })).toThrow(/correlation between x and zbar is 0\.\d+/);
    const forced = fitGammaGamma({ x: s.x, zbar }, { force: true });
    expect(forced.correlation).toBeGreaterThan(0.3);
    expect(() => fitGammaGamma({ x: s.x, zbar }, { maxCorrelation: 0.99 })).not.toThrow();
  });

  test('rows with x = 0 are skipped; bad rows are InvalidInputErrors', () => {
    const s = simulate(11, 300, { p: 5, q: 4, gamma: 20 });
    const fit = fitGammaGamma({ x: [0, ...s.x], zbar: [0, ...s.zbar] });
    expect(fit.customers).toBe(300);
    expect(() => fitGammaGamma({ x: [1, 2], zbar: [3] })).toThrow(InvalidInputError);
    expect(() => fitGammaGamma({ x: [1, 2], zbar: [3, 0] })).toThrow(/zbar = 0 must be a positive number/);
    expect(() => fitGammaGamma({ x: [0, 0], zbar: [0, 0] })).toThrow(/no row has x > 0/);
    expect(() => fitGammaGamma({ x: [-1], zbar: [3] })).toThrow(InvalidInputError);
  });
});
