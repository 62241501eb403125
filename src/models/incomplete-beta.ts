/**
 * The regularized incomplete beta function in log space: the upper tail of a negative binomial
 * count, `P(N ≥ n) = I_z(n, r)` for N ~ NB(r, 1 − z), without summing n terms.
 *
 * @module
 */
import { logIntegral } from './log-quadrature.ts';
import { betaln, incompleteBetaFraction, softplus } from './special.ts';

/**
 * `ln I_x(p, q) = ln (∫₀ˣ w^{p−1} (1−w)^{q−1} dw / B(p, q))`, with `x` given as `ln x` and
 * `ln(1 − x)` so that neither end loses digits.
 *
 * Below the mean (`x < (p+1)/(p+q+2)`) the continued fraction of `I_x(p, q)` converges quickly;
 * above it the same fraction gives `1 − I_x(p, q) = I_{1−x}(q, p)`. Where the fraction's argument
 * is within 0.001 of 1, or the fraction does not converge (parameters of order 1e14 and more), the
 * integral itself is taken in the logit of w. The result carries the rounding of its prefactor,
 * about `ε · (p |ln x| + q |ln(1−x)|)` relative: large only when p and q both are.
 *
 * @param lnX - `ln x`, x in (0, 1)
 * @param ln1mX - `ln(1 − x)`
 * @param p - first shape (> 0)
 * @param q - second shape (> 0)
 * @returns `ln I_x(p, q)` (≤ 0)
 * @internal
 */
export function lnRegularizedIncompleteBeta(lnX: number, ln1mX: number, p: number, q: number): number {
  const x = Math.exp(lnX);
  const y = Math.exp(ln1mX);
  // the fraction for I_x(p, q) is evaluated at x, that for I_{1−x}(q, p) at 1 − x: each only where its
  // argument is not within rounding of 1 (where it would lose the digits of the other)
  if (x < 0.5 ? x * (p + q + 2) < p + 1 : y * (p + q + 2) > q + 1) {
    if (x <= 0.999) {
      const fraction = incompleteBetaFraction(p, q, x);
      if (fraction > 0) return Math.min(0, p * lnX + q * ln1mX - Math.log(p) - betaln(p, q) + Math.log(fraction));
    }
  } else if (y <= 0.999) {
    const fraction = incompleteBetaFraction(q, p, y);
    const complement = Math.exp(q * ln1mX + p * lnX - Math.log(q) - betaln(q, p) + Math.log(fraction));
    if (fraction > 0 && complement < 1) return Math.log1p(-complement);
  }
  return byIntegral(lnX - ln1mX, p, q);
}

/** `ln I_x(p, q)` as the integral over v = logit w ∈ (−∞, logit x) of `wᵖ (1−w)^q / B(p, q)`. */
function byIntegral(logitX: number, p: number, q: number): number {
  const lnB = betaln(p, q);
  const logf = (v: number): number => -p * softplus(-v) - q * softplus(v) - lnB;
  const features = [
    { at: Math.log(p / q), scale: Math.min(1, Math.sqrt(1 / p + 1 / q)) },
    { at: 0, scale: 1 },
    { at: logitX, scale: 1 },
  ];
  return Math.min(0, logIntegral(logf, Number.NEGATIVE_INFINITY, logitX, features));
}
