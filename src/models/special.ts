/**
 * Special functions used by the models. `lnΓ`, `ln B` and the general Gauss hypergeometric function
 * come from `@stdlib`; the one written here is the log of `₂F₁(a, b; a+1; z)`, the kernel of the
 * Pareto/NBD likelihood, because it must be evaluated in log space (it multiplies powers that under-
 * and overflow for large x) for every summary row on every likelihood evaluation.
 *
 * @module
 */
import betalnStdlib from '@stdlib/math-base-special-betaln';
import gammalnStdlib from '@stdlib/math-base-special-gammaln';
import hyp2f1Stdlib from '@stdlib/math-base-special-hyp2f1';

/** `ln Γ(x)` (stdlib). @internal */
export const gammaln: (x: number) => number = gammalnStdlib;
/** `ln B(a, b)` (stdlib). @internal */
export const betaln: (a: number, b: number) => number = betalnStdlib;
/** Gauss hypergeometric `₂F₁(a, b; c; z)` (stdlib). @internal */
export const hyp2f1: (a: number, b: number, c: number, z: number) => number = hyp2f1Stdlib;

/**
 * `ln ₂F₁(a, b; a+1; z)` for `a > 0`, any real `b`, `0 ≤ z < 1`.
 *
 * Uses Euler's transformation `₂F₁(a, b; a+1; z) = (1−z)^{1−b} ₂F₁(1, a+1−b; a+1; z)`. The series of
 * the right-hand function, `Σₙ (a+1−b)ₙ / (a+1)ₙ · zⁿ`, has positive terms (for `b < a + 1`) whose
 * ratios `z (a+1−b+n)/(a+1+n)` are below `z`, so after a term `tₙ` the tail is below
 * `tₙ z / (1 − z)`: the sum stops when that bound is below 1e-16 of the sum. For `b ≥ a + 1` the plain
 * series is used (its terms are positive and its ratios tend to z from above). At most 200 000 terms
 * are summed; beyond that (`z` within ~1e-5 of 1) the result is `NaN`.
 *
 * @param a - first parameter (> 0); the third is `a + 1`
 * @param b - second parameter
 * @param z - argument in `[0, 1)`
 * @returns `ln ₂F₁(a, b; a+1; z)`, or `NaN` outside the domain or when the series does not converge
 * @internal
 */
export function log2F1Shifted(a: number, b: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(a > 0)) return Number.NaN;
  if (z === 0) return 0;
  const tailFactor = z / (1 - z);
  if (b < a + 1) {
    const bb = a + 1 - b;
    let term = 1;
    let sum = 1;
    for (let n = 0; n < 200_000; n++) {
      term *= (z * (bb + n)) / (a + 1 + n);
      sum += term;
      if (term * tailFactor <= 1e-16 * sum) return (1 - b) * Math.log1p(-z) + Math.log(sum);
    }
    return Number.NaN;
  }
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 200_000; n++) {
    const ratio = (z * (a + n) * (b + n)) / ((a + 1 + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (ratio < 1 && term * (ratio / (1 - ratio)) <= 1e-16 * sum && n > 2) return Math.log(sum);
  }
  return Number.NaN;
}
