/**
 * Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), in the formulation of Fader & Hardie
 * ("A note on deriving the Pareto/NBD model and related expressions", 2005).
 *
 * While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); their lifetime is
 * exponential with rate μ ~ Gamma(s, β).
 *
 * @module
 */
import { fitLogParameters, type FitInfo, type FitOptions } from './mle.ts';
import { readParams, checkArg } from './params.ts';
import { checkCustomer, type SavedModel } from './saved.ts';
import { paretoNbdProbability } from './pareto-nbd-probability.ts';
import { gammaln, log2F1Shifted } from './special.ts';
import { compressSummary, type FrequencySummary } from './summary.ts';

/** Pareto/NBD parameters (rates in the summary's time unit). */
export interface ParetoNbdParams {
  /** Shape of the purchase-rate gamma. */
  readonly r: number;
  /** Scale of the purchase-rate gamma (time unit). */
  readonly alpha: number;
  /** Shape of the dropout-rate gamma. */
  readonly s: number;
  /** Scale of the dropout-rate gamma (time unit). */
  readonly beta: number;
}

/** A Pareto/NBD model: parameters and predictions. */
export interface ParetoNbdModel {
  /** Model tag. */
  readonly model: 'pareto-nbd';
  /** The parameters. */
  readonly params: ParetoNbdParams;
  /** P(alive at T | x, tx, T). Allocation-free. */
  pAlive(x: number, tx: number, T: number): number;
  /** E[X(t)]: expected transactions of a new customer in (0, t]. */
  expectedTransactions(t: number): number;
  /** E[Y(t) | x, tx, T]: expected transactions in (T, T + t]. Allocation-free. */
  conditionalExpectedTransactions(t: number, x: number, tx: number, T: number): number;
  /** P(X(t) = n) for a new customer (Fader & Hardie 2006 note), in [0, 1], in time bounded for any n and t. */
  probabilityOfTransactions(n: number, t: number): number;
  /** The saved form, accepted by {@link paretoNbdModel}. */
  toJSON(): SavedModel<'pareto-nbd', ParetoNbdParams>;
}

/** A fitted Pareto/NBD model. */
export type ParetoNbdFit = ParetoNbdModel & FitInfo<keyof ParetoNbdParams>;

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/**
 * The two log-terms of a customer's likelihood, without the factor `Γ(r+x)/Γ(r) αʳ βˢ`:
 * `L1 = −(r+x) ln(α+T) − s ln(β+T)` (alive at T) and `L2 = ln(s/(r+s+x)) + ln A₀` (died in (tx, T]),
 * with `A₀ = ∫` written through `₂F₁(r+s+x, ·; r+s+x+1; ·)` as in Fader & Hardie (2005).
 * Writes `[L1, L2]` into `out`.
 * @internal
 */
export function paretoTerms(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number, out: Float64Array): void {
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
  out[0] = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  out[1] = Math.log(s / a) + logA0;
}

/** `(1 − q^{k}) / k` for `k ≠ 0`, and its limit `−ln q` at `k = 0`. */
function oneMinusPowOverK(q: number, k: number): number {
  const lq = Math.log(q);
  return Math.abs(k) < 1e-12 ? -lq : -Math.expm1(k * lq) / k;
}

/**
 * A Pareto/NBD model from known parameters (e.g. saved with `toJSON()`).
 *
 * @param params - `{ r, alpha, s, beta }` or a saved `{ model: 'pareto-nbd', params }`
 * @returns the model
 * @throws {@link InvalidOptionError} when a parameter is missing or not a positive finite number
 *
 * @example
 * ```ts
 * import { paretoNbdModel } from 'retention-metrics';
 * const m = paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
 * m.expectedTransactions(39); // => 1.213
 * m.pAlive(0, 0, 38.86); // => 0.295
 * ```
 */
export function paretoNbdModel(params: ParetoNbdParams | SavedModel<'pareto-nbd', ParetoNbdParams>): ParetoNbdModel {
  const { r, alpha, s, beta } = readParams('pareto-nbd', NAMES, params);
  const saved = { model: 'pareto-nbd' as const, params: { r, alpha, s, beta } };
  const terms = new Float64Array(2);
  const pAlive = (x: number, tx: number, T: number): number => {
    paretoTerms(r, alpha, s, beta, x, tx, T, terms);
    return 1 / (1 + Math.exp((terms[1] ?? 0) - (terms[0] ?? 0)));
  };
  return {
    model: 'pareto-nbd',
    params: saved.params,
    pAlive(x, tx, T) {
      checkCustomer(x, tx, T);
      return pAlive(x, tx, T);
    },
    expectedTransactions(t) {
      checkArg('t', t, 0);
      return ((r * beta) / alpha) * oneMinusPowOverK(beta / (beta + t), s - 1);
    },
    conditionalExpectedTransactions(t, x, tx, T) {
      checkArg('t', t, 0);
      checkCustomer(x, tx, T);
      return (((r + x) * (beta + T)) / (alpha + T)) * oneMinusPowOverK((beta + T) / (beta + T + t), s - 1) * pAlive(x, tx, T);
    },
    probabilityOfTransactions(n, t) {
      checkArg('n', n, 0, true);
      checkArg('t', t, 0);
      if (t === 0) return n === 0 ? 1 : 0;
      return paretoNbdProbability(r, alpha, s, beta, n, t);
    },
    toJSON() {
      return saved;
    },
  };
}

/**
 * Fit the Pareto/NBD model by maximum likelihood (Fader–Hardie likelihood, log space, identical rows
 * collapsed). The ₂F₁ kernel is evaluated by a series with a proven truncation bound (see
 * the source of `log2F1Shifted`), so the likelihood stays exact when α ≈ β (argument near 0) and
 * for large x (no powers are formed outside log space).
 *
 * The likelihood is nearly flat along the s–β ridge on CDNOW-like data: s and β are less precisely
 * determined than r and α (see `standardErrors`).
 *
 * @param summary - `{ x, tx, T, weight? }`
 * @param options - iteration limit and tolerance
 * @returns parameters, log-likelihood, convergence information, standard errors and predictions
 * @throws {@link InvalidInputError} for an invalid summary row
 * @throws {@link RetentionError} when the fit does not converge or a parameter runs to 0 or ∞
 *
 * @example
 * ```ts
 * import { fitParetoNbd } from 'retention-metrics';
 * const fit = fitParetoNbd({
 *   x: [0, 1, 2, 5, 3, 10, 1, 4],
 *   tx: [0, 5, 20, 35, 8, 37, 30, 12],
 *   T: [38, 38, 38, 38, 38, 38, 38, 38],
 *   weight: [60, 15, 8, 5, 5, 2, 5, 4],
 * });
 * fit.converged; // => true
 * fit.params.s; // => 3.0
 * fit.pAlive(0, 0, 38); // => 0.118
 * ```
 */
export function fitParetoNbd(summary: FrequencySummary, options: FitOptions = {}): ParetoNbdFit {
  const sm = compressSummary(summary);
  const n = sm.x.length;
  let maxX = 0;
  let sumX = 0;
  let sumT = 0;
  let sumW = 0;
  for (let i = 0; i < n; i++) {
    const w = (sm.weight[i] ?? 0);
    maxX = Math.max(maxX, (sm.x[i] ?? 0));
    sumX += w * (sm.x[i] ?? 0);
    sumT += w * (sm.T[i] ?? 0);
    sumW += w;
  }
  const present = new Uint8Array(maxX + 1);
  for (let i = 0; i < n; i++) present[sm.x[i] ?? 0] = 1;
  const cx = new Float64Array(maxX + 1);
  const terms = new Float64Array(2);
  const negLogLik = (lp: Float64Array): number => {
    const r = Math.exp(lp[0] ?? 0);
    const alpha = Math.exp(lp[1] ?? 0);
    const s = Math.exp(lp[2] ?? 0);
    const beta = Math.exp(lp[3] ?? 0);
    const common = -gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (let x = 0; x <= maxX; x++) if (present[x] === 1) cx[x] = common + gammaln(r + x);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const x = (sm.x[i] ?? 0);
      paretoTerms(r, alpha, s, beta, x, (sm.tx[i] ?? 0), (sm.T[i] ?? 0), terms);
      const A = (terms[0] ?? 0);
      const B = (terms[1] ?? 0);
      const lse = A > B ? A + Math.log1p(Math.exp(B - A)) : B + Math.log1p(Math.exp(A - B));
      ll += (sm.weight[i] ?? 0) * ((cx[x] ?? 0) + lse);
    }
    return -ll;
  };
  const rate = sumX > 0 ? sumX / sumT : 1 / Math.max(sumT, 1);
  const meanT = sumT / sumW;
  const starts = [
    [1, 1 / rate, 1, meanT],
    [0.5, 0.5 / rate, 0.5, meanT / 2],
    [2, 2 / rate, 2, 2 * meanT],
  ];
  const info = fitLogParameters(NAMES, negLogLik, starts, 'Pareto/NBD', options);
  const model = paretoNbdModel(info.params);
  return { ...model, ...info, params: model.params };
}
