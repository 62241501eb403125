/**
 * P(X(t) = n) for the Pareto/NBD model as a sum of two non-negative terms, in log space.
 *
 * A customer's lifetime τ has the Lomax tail P(τ > u) = (β/(β+u))^s (μ ~ Gamma(s, β) mixed out),
 * independent of the purchase rate λ ~ Gamma(r, α); purchases counted by t are those in
 * (0, min(τ, t)]. Mixing λ out of the Poisson count gives the negative binomial, so
 *
 *     P(X(t) = n) = NB(n; r, α/(α+t)) · (β/(β+t))^s
 *                 + Γ(r+n)/(Γ(r) n!) · s αʳ βˢ · ∫₀ᵗ uⁿ (α+u)^{−(r+n)} (β+u)^{−(s+1)} du.
 *
 * This is the quantity of Fader, Hardie & Lee's note on P(X(t) = x) under the Pareto/NBD (2006),
 * whose closed form writes the integral as a difference of Gauss hypergeometric terms and a sum of
 * n + 1 of them: the difference cancels (giving values below 0 or NaN) and the sum costs O(n)
 * ₂F₁ evaluations. Here the integral is taken in v = ln u, where its integrand is log-concave
 * (a linear term minus two log-sum-exp terms), by {@link logIntegral}: bounded work for any n and t.
 *
 * @module
 */
import { logIntegral } from './log-quadrature.ts';
import type { ParetoNbdParams } from './pareto-nbd.ts';
import { gammaln, softplus } from './special.ts';

/**
 * P(X(t) = n) for a new Pareto/NBD customer.
 *
 * @param params - `{ r, alpha, s, beta }`: purchase-rate shape and scale, dropout-rate shape and scale
 * @param n - purchases (integer ≥ 0)
 * @param t - horizon (> 0, finite)
 * @returns the probability, in [0, 1]
 * @internal
 */
export function paretoNbdProbability({ r, alpha, s, beta }: ParetoNbdParams, n: number, t: number): number {
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const lnT = Math.log(t);
  const lnCount = gammaln(r + n) - gammaln(r) - gammaln(n + 1);
  // ln NB(n; r, α/(α+t)) + s ln(β/(β+t)), each log of a ratio written as a softplus
  const lnFirst = lnCount - r * softplus(lnT - lnAlpha) - n * softplus(lnAlpha - lnT) - s * softplus(lnT - lnBeta);
  // ln of uⁿ (α+u)^{−(r+n)} αʳ · (β+u)^{−(s+1)} βˢ · u (the Jacobian of u = eᵛ)
  const logf = (v: number): number => v - n * softplus(lnAlpha - v) - r * softplus(v - lnAlpha) - (s + 1) * softplus(v - lnBeta) - lnBeta;
  const lnIntegral = logIntegral(logf, Number.NEGATIVE_INFINITY, lnT, [
    { at: lnAlpha, scale: 1 },
    { at: lnBeta, scale: 1 },
    { at: lnT, scale: 1 },
  ]);
  const p = Math.exp(lnFirst) + Math.exp(lnCount + Math.log(s) + lnIntegral);
  return Math.min(1, p);
}
