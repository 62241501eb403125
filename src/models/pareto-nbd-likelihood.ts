/**
 * The Pareto/NBD likelihood of Fader & Hardie (2005): a customer's two log-terms, and the negative
 * log-likelihood of a compressed summary in the log-parameters `[ln r, ln α, ln s, ln β]`.
 *
 * @module
 * @internal
 */
import type { ParetoNbdParams } from './pareto-nbd.ts';
import { gammaln, log2F1Shifted, logAddExp } from './special.ts';
import { type CompressedSummary, occurringCounts } from './summary.ts';

/** The two log-terms of a Pareto/NBD customer likelihood (see {@link paretoTerms}). @internal */
export interface ParetoLogTerms {
  /** `L1 = −(r+x) ln(α+T) − s ln(β+T)`: alive at T. */
  readonly alive: number;
  /** `L2 = ln(s/(r+s+x)) + ln A₀`: died in (tx, T]. */
  readonly died: number;
}

/**
 * The two log-terms of a customer's likelihood, without the factor `Γ(r+x)/Γ(r) αʳ βˢ`:
 * `L1 = −(r+x) ln(α+T) − s ln(β+T)` (alive at T) and `L2 = ln(s/(r+s+x)) + ln A₀` (died in (tx, T]),
 * with `A₀ = ∫` written through `₂F₁(r+s+x, ·; r+s+x+1; ·)` as in Fader & Hardie (2005).
 *
 * @param params - the parameters
 * @param x - repeat transactions
 * @param tx - recency
 * @param T - age
 * @returns `L1` and `L2`
 * @internal
 */
export function paretoTerms({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): ParetoLogTerms {
  const a = r + s + x;
  const ge = alpha >= beta;
  const c = ge ? alpha - beta : beta - alpha;
  const m = ge ? alpha : beta;
  const b = ge ? s + 1 : r + x;
  const l1 = log2F1Shifted(a, b, c / (m + tx)) - a * Math.log(m + tx);
  const l2 = log2F1Shifted(a, b, c / (m + T)) - a * Math.log(m + T);
  // l2 ≤ l1 (the integral over (tx, T] is non-negative); equality when tx = T
  const diff = l2 - l1;
  const logA0 = diff < 0 ? l1 + Math.log(-Math.expm1(diff)) : Number.NEGATIVE_INFINITY;
  return { alive: -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T), died: Math.log(s / a) + logA0 };
}

/**
 * The negative log-likelihood of the rows, each customer's
 * `Γ(r+x)/Γ(r) αʳ βˢ · (e^{L1} + e^{L2})` (see {@link paretoTerms}) weighted by its row's weight; the
 * factor that depends on x only is computed once per count that occurs.
 *
 * @param sm - validated rows with weights
 * @returns `−ln L` as a function of the log-parameters
 * @internal
 */
export function paretoNbdNegLogLik(sm: CompressedSummary): (lp: Float64Array) => number {
  const n = sm.x.length;
  const present = occurringCounts(sm.x);
  const cx = new Float64Array(present.length); // per-x constant of the log-likelihood
  return (lp: Float64Array): number => {
    const params = { r: Math.exp(lp[0]), alpha: Math.exp(lp[1]), s: Math.exp(lp[2]), beta: Math.exp(lp[3]) };
    const { r, alpha, s, beta } = params;
    const common = -gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (let x = 0; x < present.length; x++) if (present[x] === 1) cx[x] = common + gammaln(r + x);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const x = sm.x[i];
      const { alive, died } = paretoTerms(params, x, sm.tx[i], sm.T[i]);
      ll += sm.weight[i] * (cx[x] + logAddExp(alive, died));
    }
    return -ll;
  };
}
