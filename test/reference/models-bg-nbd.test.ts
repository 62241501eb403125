/**
 * BG/NBD on the CDNOW sample (2,357 customers, weeks): Fader, Hardie & Lee (2005), "Counting your
 * customers the easy way", report r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { fitBgNbd } from '../../src/models/bg-nbd.ts';
import { cdnowSummary } from '../models/helpers.ts';

const fit = fitBgNbd(cdnowSummary());

/** ₂F₁(a, b; c; z) by its series in 50-digit decimal arithmetic (independent of the library's path). */
function hyp2f1Decimal(a: number, b: number, c: number, z: number): Decimal {
  const D = Decimal.clone({ precision: 50 });
  let term = new D(1);
  let sum = new D(1);
  const zz = new D(z);
  for (let n = 0; n < 20_000; n++) {
    term = term.times(new D(a).plus(n)).times(new D(b).plus(n)).div(new D(c).plus(n).times(n + 1)).times(zz);
    sum = sum.plus(term);
    if (term.abs().lt(sum.abs().times('1e-40'))) break;
  }
  return sum;
}

describe('BG/NBD on CDNOW (Fader, Hardie & Lee 2005)', () => {
  test('parameters and log-likelihood to the printed precision', () => {
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    for (const se of Object.values(fit.standardErrors)) expect(se).toBeGreaterThan(0);
  });

  test('E[X(78)] = 1.85797 by the exact formula, confirmed by a 50-digit series', () => {
    expect(fit.expectedTransactions(78)).toBeCloseTo(1.85797, 5);
    const { r, alpha, a, b } = fit.params;
    for (const t of [1, 3, 32, 78]) {
      const D = Decimal.clone({ precision: 50 });
      const f = hyp2f1Decimal(r, b, a + b - 1, t / (alpha + t));
      const exact = new D(a + b - 1)
        .div(a - 1)
        .times(new D(1).minus(new D(alpha / (alpha + t)).pow(r).times(f)))
        .toNumber();
      expect(Math.abs(fit.expectedTransactions(t) - exact)).toBeLessThan(1e-12 * exact);
    }
  });

  test('E[X(t)] agrees with Σ n·P(X(t) = n) (a second, hypergeometric-free route)', () => {
    for (const t of [1, 3, 32, 78]) {
      let mean = 0;
      let total = 0;
      for (let n = 0; n < 3000; n++) {
        const p = fit.probabilityOfTransactions(n, t);
        mean += n * p;
        total += p;
      }
      expect(total).toBeCloseTo(1, 9);
      expect(mean).toBeCloseTo(fit.expectedTransactions(t), 7);
    }
  });

  test('customer x = 2, tx = 30.43, T = 38.86: E[Y(39)] ≈ 1.226', () => {
    expect(fit.conditionalExpectedTransactions(39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });
});
