/**
 * Special functions used by the models. `lnΓ`, `ln B` and `ψ` come from `@stdlib`; the one written
 * here is the log of `₂F₁(a, b; a+1; z)`, the kernel of the Pareto/NBD likelihood, because it must be evaluated in log space (it multiplies powers that under- and
 * overflow for large x) for every summary row on every likelihood evaluation.
 *
 * @module
 */
import betalnStdlib from '@stdlib/math-base-special-betaln';
import digammaStdlib from '@stdlib/math-base-special-digamma';
import gammalnStdlib from '@stdlib/math-base-special-gammaln';

/** `ln Γ(x)` (stdlib). @internal */
export const gammaln: (x: number) => number = gammalnStdlib;
/** Digamma `ψ(x) = d ln Γ(x)/dx` (stdlib). @internal */
export const digamma: (x: number) => number = digammaStdlib;
/** `ln B(a, b)` (stdlib). @internal */
export const betaln: (a: number, b: number) => number = betalnStdlib;

/**
 * `ln(1 + eᵛ)`, without overflow for large v and without losing digits for very negative v.
 *
 * @param v - any number
 * @returns `ln(1 + eᵛ)`
 * @internal
 */
export function softplus(v: number): number {
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
}

/**
 * `ln(eᵃ + eᵇ)`, without overflow or underflow of either exponential.
 *
 * @param a - a log value
 * @param b - a log value
 * @returns `ln(eᵃ + eᵇ)`
 * @internal
 */
export function logAddExp(a: number, b: number): number {
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * `ln ₂F₁(a, b; a+1; z)` for `a > 0`, `b < a + 1` (always so in the Pareto/NBD likelihood), `0 ≤ z < 1`.
 *
 * Uses Euler's transformation `₂F₁(a, b; a+1; z) = (1−z)^{1−b} ₂F₁(1, a+1−b; a+1; z)`. The series of
 * the right-hand function, `Σₙ (a+1−b)ₙ / (a+1)ₙ · zⁿ`, has positive terms (for `b < a + 1`) whose
 * ratios `z (a+1−b+n)/(a+1+n)` are below `z`, so after a term `tₙ` the tail is below
 * `tₙ z / (1 − z)`: the sum stops when that bound is below 1e-16 of the sum. For `z > 0.9`, where
 * the series needs O(1/(1−z)) terms, `₂F₁(1, a+1−b; a+1; z)` is evaluated instead by the continued
 * fraction of the incomplete beta function (`₂F₁(p+q, 1; p+1; z)` with `p = a`, `q = 1 − b`; modified
 * Lentz), which needs O(1/√(1−z)) terms. Non-convergence gives `NaN`.
 *
 * @param a - first parameter (> 0); the third is `a + 1`
 * @param b - second parameter, `< a + 1`
 * @param z - argument in `[0, 1)`
 * @returns `ln ₂F₁(a, b; a+1; z)`, or `NaN` outside the domain or when the series does not converge
 * @internal
 */
export function log2F1Shifted(a: number, b: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(a > 0)) return Number.NaN;
  if (z === 0) return 0;
  if (!(b < a + 1)) return Number.NaN;
  if (z > 0.9) return (1 - b) * Math.log1p(-z) + Math.log(incompleteBetaFraction(a, 1 - b, z));
  const tailFactor = z / (1 - z);
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

/**
 * `₂F₁(p+q, 1; p+1; z)` by the continued fraction of the incomplete beta function
 * (`B_z(p, q) = zᵖ (1−z)^q / p · ₂F₁(p+q, 1; p+1; z)`), modified Lentz; valid for real `q`.
 *
 * @param p - > 0
 * @param q - any real
 * @param z - in `[0, 1)`
 * @returns the value, or `NaN` when 100 000 steps do not converge
 * @internal
 */
export function incompleteBetaFraction(p: number, q: number, z: number): number {
  const tiny = 1e-300;
  const pq = p + q;
  let c = 1;
  let d = 1 - (pq * z) / (p + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (q - m) * z) / ((p - 1 + m2) * (p + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(p + m) * (pq + m) * z) / ((p + m2) * (p + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) return h;
  }
  return Number.NaN;
}
