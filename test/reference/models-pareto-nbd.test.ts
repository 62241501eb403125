/**
 * Pareto/NBD on the CDNOW sample (weeks): Fader, Hardie & Lee (2005) report r = 0.553, α = 10.578,
 * s = 0.606, β = 11.669; the likelihood is nearly flat along s–β, so β is checked to ±0.005 and the
 * log-likelihood to −9594.97.
 */
import { describe, expect, test } from 'vitest';
import { fitParetoNbd } from '../../src/models/pareto-nbd.ts';
import { cdnowSummary } from '../models/helpers.ts';

const fit = fitParetoNbd(cdnowSummary());

describe('Pareto/NBD on CDNOW (Fader, Hardie & Lee 2005)', () => {
  test('parameters and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 3);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    expect(Math.abs(fit.params.beta - 11.669)).toBeLessThan(0.005);
    expect(fit.logLikelihood).toBeCloseTo(-9594.97, 2);
  });

  test('the s–β ridge: β is the least precisely determined parameter', () => {
    const se = fit.standardErrors;
    expect(se.beta).not.toBeNull();
    expect((se.beta ?? 0) / fit.params.beta).toBeGreaterThan((se.r ?? 1) / fit.params.r);
  });

  test('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    for (const t of [10, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 120; n++) {
        const p = fit.probabilityOfTransactions(n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 6);
      expect(mean).toBeCloseTo(fit.expectedTransactions(t), 4);
    }
  });
});
