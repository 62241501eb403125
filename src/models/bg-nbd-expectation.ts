/**
 * The BG/NBD expected number of purchases of a customer known to be alive, over a horizon,
 * evaluated so that it stays finite and accurate for any history and horizon, and through a = 1.
 *
 * Given alive, a customer with x repeat purchases by age T has λ ~ Gamma(r + x, α + T) and
 * p ~ Beta(a, b + x). With `m = r + x`, `β = b + x` and `τ = t / (α + T)`, the expected purchases
 * in the next t are (purchases stop at the first of a geometric number of them)
 *
 *     E(τ) = E_p[(1 − (1 + pτ)^{−m}) / p]
 *          = C/(a−1) · [1 − ₂F₁(m, a−1; C; −τ)],        C = a + b + x − 1,
 *
 * which is Fader, Hardie & Lee (2005) eq. 10 without its P(alive) factor (eq. 10 writes the ₂F₁
 * at z = τ/(1+τ); Pfaff's transformation gives the form above). Its direct evaluation fails in
 * three ways: `(1 + τ)^{−m}` underflows while its ₂F₁ partner overflows (heavy buyers, long
 * horizons), the bracket cancels for small τ, and the `a − 1` division is 0/0 at a = 1. Here:
 *
 * - small τ: the alternating series `Σ_{n≥1} (−1)^{n+1} (m)ₙ (a)ₙ₋₁ / ((C+1)ₙ₋₁ n!) τⁿ`, used only
 *   where every term ratio is at most ½ (no cancellation, no division by a − 1);
 * - otherwise, after Euler's transformation (z = τ/(1+τ), q = 1 − z, A = a + b − 1 − r):
 *   `E = C · (1 − q^{a−1})/(a − 1) − q^{a−1} · Σ_{n≥1} (A)ₙ (a)ₙ₋₁ / ((C+1)ₙ₋₁ n!) zⁿ`, where
 *   `(1 − q^{a−1})/(a − 1)` is `−expm1((a−1) ln q)/(a − 1)` (→ `−ln q` at a = 1, so there is no
 *   0/0), used while it converges within 4,000 terms and its two parts cancel by less than a
 *   factor 256 (so at most about 8 bits are lost);
 * - otherwise (z near 1 with few purchases, or cancellation), the integral over p itself, in the
 *   logit of p, by {@link logIntegral}.
 *
 * @module
 */
import { betaln, softplus } from './special.ts';
import { logIntegral } from './log-quadrature.ts';
import type { BgNbdParams } from './bg-nbd.ts';

const SERIES_TERMS = 4000;
const MAX_CANCELLATION = 256;

/**
 * The posterior of a customer known to be alive, in the terms the three evaluations share: λ ~
 * Gamma(m, α + T) with `m = r + x`, p ~ Beta(a, β) with `β = b + x`; `C = a + b + x − 1` and
 * `A = a + b − 1 − r`.
 */
interface AlivePosterior {
  readonly m: number;
  readonly a: number;
  readonly beta: number;
  readonly C: number;
  readonly A: number;
}

/**
 * `E[Y(t) | alive, x, T]` of the BG/NBD model, as `E(τ)` above with `τ = t / (α + T)`.
 *
 * @param params - the model's parameters
 * @param customer - repeat purchases x (integer ≥ 0) and age T (≥ 0, finite; 0 for a new customer)
 * @param t - horizon (≥ 0, finite)
 * @returns the expectation (≥ 0; +∞ only when it exceeds the largest double)
 * @internal
 */
export function bgNbdAliveExpectation(params: BgNbdParams, customer: { readonly x: number; readonly T: number }, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = customer;
  const posterior = { m: r + x, a, beta: b + x, C: a + b + x - 1, A: a + b - 1 - r };
  const scale = alpha + T;
  const tau = t / scale;
  if (Number.isFinite(tau)) {
    const small = smallHorizonSeries(posterior, tau);
    if (small !== null) return small;
    const euler = eulerSeries(posterior, tau);
    if (euler !== null) return euler;
  }
  return byIntegral(posterior, Math.log(t) - Math.log(scale));
}

/** The alternating series in τ, or `null` when some term ratio could exceed ½. */
function smallHorizonSeries({ m, a, C }: AlivePosterior, tau: number): number | null {
  const bound = tau * Math.max(1, (m + 1) / (C + 1)) * Math.max(1, a / 2);
  if (!(bound <= 0.5)) return null;
  let term = m * tau;
  let sum = term;
  for (let n = 1; n < 64 && Math.abs(term) > 1e-17 * sum; n++) {
    term *= (-(m + n) * (a + n - 1) * tau) / ((C + n) * (n + 1));
    sum += term;
  }
  return sum;
}

/** After Euler's transformation; `null` when it does not converge within the budget or cancels. */
function eulerSeries({ a, C, A }: AlivePosterior, tau: number): number | null {
  const z = tau / (1 + tau);
  const lnQ = -Math.log1p(tau);
  let term = A * z;
  let sum = term;
  let size = Math.abs(term);
  let converged = term === 0;
  for (let n = 1; n < SERIES_TERMS && !converged; n++) {
    const ratio = ((A + n) * (a + n - 1) * z) / ((C + n) * (n + 1));
    term *= ratio;
    sum += term;
    size += Math.abs(term);
    if (term === 0) {
      converged = true; // A is a negative integer: the series is a polynomial
    } else if (n > Math.abs(A) + a && n > 8) {
      // past the largest term the ratios approach z monotonically: the tail is below |term|·ρ/(1−ρ)
      const rho = Math.max(Math.abs(ratio), z);
      if (rho < 1) {
        const tail = (Math.abs(term) * rho) / (1 - rho);
        converged = tail <= 1e-17 * Math.abs(sum);
        // give up early when the terms cannot fall far enough within the budget
        if (!converged && n % 256 === 0 && Math.log((1e-17 * Math.abs(sum)) / tail) / Math.log(rho) > SERIES_TERMS - n) return null;
      }
    }
  }
  if (!converged) return null;
  const e = a - 1;
  const lead = C * (e === 0 ? -lnQ : -Math.expm1(e * lnQ) / e);
  const qe = Math.exp(e * lnQ);
  const value = lead - qe * sum;
  if (!(value > 0) || !Number.isFinite(value) || Math.abs(lead) + qe * size > MAX_CANCELLATION * value) return null;
  return value;
}

/** `E_p[(1 − (1+pτ)^{−m})/p]` over p ~ Beta(a, β), integrated in v = logit p. */
function byIntegral({ m, a, beta }: AlivePosterior, lnTau: number): number {
  const lnB = betaln(a, beta);
  const lnM = Math.log(m);
  const logf = (v: number): number => {
    const lnP = -softplus(-v);
    const lnY = lnP + lnTau; // ln(pτ)
    // ln(1 − (1+pτ)^{−m}); for tiny pτ both m·log1p(pτ) and 1 − e^{−u} are their first-order terms
    const u = lnY < -600 ? 0 : m * Math.log1p(Math.exp(lnY));
    const lnOneMinus = u < 1e-300 ? lnM + lnY : Math.log(-Math.expm1(-u));
    return (a - 1) * lnP - beta * softplus(v) + lnOneMinus - lnB;
  };
  // 1 − (1+pτ)^{−m} turns between pτm ≈ 1 and pτ ≈ 1, with complex singularities π/2 off the axis;
  // the beta density peaks near logit p = ln(a/β), with width √(1/a + 1/β)
  const features = [
    { at: Math.log(a / beta), scale: Math.min(1, Math.sqrt(1 / a + 1 / beta)) },
    { at: -lnTau - Math.log(Math.max(m, 1)) - 1, to: -lnTau + 1, scale: 1 },
    { at: 0, scale: 1 },
  ];
  return Math.exp(logIntegral(logf, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, features));
}
