/**
 * Pareto/NBD on the CDNOW sample (weeks): Fader, Hardie & Lee (2005) report r = 0.553, α = 10.578,
 * s = 0.606, β = 11.669; the likelihood is nearly flat along s–β, so β is checked to ±0.005 and the
 * log-likelihood to −9594.97.
 */
import { describe, expect, test } from 'vitest';
import { fitParetoNbd } from '../../src/models/pareto-nbd.ts';
import { gammaln } from '../../src/models/special.ts';
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

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton on the Legendre polynomial). */
function gaussLegendre(n: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * dp * dp));
  }
  return { nodes, weights };
}

/**
 * The Pareto/NBD log-likelihood without any hypergeometric function: the "died in (tx, T]" term as the
 * integral s ∫ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ over (tx, T], by composite 20-point Gauss–Legendre.
 */
function logLikelihoodByQuadrature(p: { r: number; alpha: number; s: number; beta: number }, rows: { x: number[]; tx: number[]; T: number[] }): number {
  const { nodes, weights } = gaussLegendre(20);
  const { r, alpha, s, beta } = p;
  let ll = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const x = rows.x[i] ?? 0;
    const tx = rows.tx[i] ?? 0;
    const T = rows.T[i] ?? 0;
    // scale by the integrand at tx so that large x does not underflow
    const logScale = -(r + x) * Math.log(alpha + tx) - (s + 1) * Math.log(beta + tx);
    let integral = 0;
    const panels = 40;
    const h = (T - tx) / panels;
    for (let k = 0; k < panels; k++) {
      const mid = tx + (k + 0.5) * h;
      for (let j = 0; j < nodes.length; j++) {
        const tau = mid + 0.5 * h * (nodes[j] ?? 0);
        integral += 0.5 * h * (weights[j] ?? 0) * Math.exp(-(r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau) - logScale);
      }
    }
    const alive = Math.exp(-(r + x) * Math.log(alpha + T) - s * Math.log(beta + T) - logScale);
    ll += gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta) + logScale + Math.log(alive + s * integral);
  }
  return ll;
}

describe('Pareto/NBD likelihood checked without ₂F₁', () => {
  const rows = cdnowSummary();

  test('quadrature of the integral form agrees with the fitted log-likelihood', () => {
    expect(logLikelihoodByQuadrature(fit.params, rows)).toBeCloseTo(fit.logLikelihood, 7);
  });

  test('the published estimates have a log-likelihood within 1e-3 of the maximum, not above it', () => {
    const published = logLikelihoodByQuadrature({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, rows);
    expect(published).toBeLessThanOrEqual(fit.logLikelihood + 1e-9);
    expect(fit.logLikelihood - published).toBeLessThan(1e-3);
  });
});
