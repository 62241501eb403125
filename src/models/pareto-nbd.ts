/**
 * Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), in the formulation of Fader & Hardie
 * ("A note on deriving the Pareto/NBD model and related expressions", 2005).
 *
 * While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); their lifetime is
 * exponential with rate μ ~ Gamma(s, β).
 *
 * @module
 */
import { fitLogParameters, type FitInfo } from './mle.ts';
import { checkArg } from './params.ts';
import { checkCustomer, readTransactionModel, transactionFitUnit, type SavedTransactionInput, type SavedTransactionModel, type TransactionFitOptions, type TransactionModelOptions } from './saved.ts';
import type { ModelTimeUnit } from './time-unit.ts';
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
  /** The time unit the rates are per, or `null` when not known. */
  readonly unit: ModelTimeUnit | null;
  /** P(alive at T | x, tx, T). Allocation-free. */
  pAlive(x: number, tx: number, T: number): number;
  /** E[X(t)]: expected transactions of a new customer in (0, t]. */
  expectedTransactions(t: number): number;
  /** E[Y(t) | x, tx, T]: expected transactions in (T, T + t]. Allocation-free. */
  conditionalExpectedTransactions(t: number, x: number, tx: number, T: number): number;
  /** P(X(t) = n) for a new customer (Fader & Hardie 2006 note), in [0, 1], in time bounded for any n and t. */
  probabilityOfTransactions(n: number, t: number): number;
  /** The saved form `{ model, params, unit }`, accepted by {@link paretoNbdModel}. */
  toJSON(): SavedTransactionModel<'pareto-nbd', ParetoNbdParams>;
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
 * @param params - `{ r, alpha, s, beta }`, each in [1e-6, 1e6], or a saved
 *   `{ model: 'pareto-nbd', params, unit }` (one saved without `unit` loads with `unit: null`)
 * @param options - `unit`: the time unit of the rates, when the saved form does not say it
 * @returns the model
 * @throws {@link InvalidOptionError} for a missing parameter or one outside [1e-6, 1e6], an unknown key
 *   or option, or a `unit` that contradicts the saved one
 *
 * @example
 * ```ts
 * import { paretoNbdModel } from 'retention-metrics';
 * const m = paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
 * m.expectedTransactions(39); // => 1.213
 * m.pAlive(0, 0, 38.86); // => 0.295
 * ```
 */
export function paretoNbdModel(params: ParetoNbdParams | SavedTransactionInput<'pareto-nbd', ParetoNbdParams>, options?: TransactionModelOptions): ParetoNbdModel {
  const { params: p, unit } = readTransactionModel('pareto-nbd', NAMES, params, options);
  const { r, alpha, s, beta } = p;
  const saved = Object.freeze({ model: 'pareto-nbd' as const, params: Object.freeze({ r, alpha, s, beta }), unit });
  const terms = new Float64Array(2);
  const pAlive = (x: number, tx: number, T: number): number => {
    paretoTerms(r, alpha, s, beta, x, tx, T, terms);
    return 1 / (1 + Math.exp(terms[1] - terms[0]));
  };
  return {
    model: 'pareto-nbd',
    params: saved.params,
    unit,
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
 * @param summary - `{ x, tx, T, weight?, unitDays? }` (`unitDays`, set by `rfmSummary`, becomes the model's `unit`)
 * @param options - iteration limit, tolerance, and `unit` for a summary that does not carry one
 * @returns parameters, log-likelihood, convergence information, standard errors and predictions
 * @throws {@link InvalidInputError} for an invalid summary row
 * @throws {@link InvalidOptionError} for an unknown or bad option, or a `unit` unlike the summary's
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
export function fitParetoNbd(summary: FrequencySummary, options: TransactionFitOptions = {}): ParetoNbdFit {
  const unit = transactionFitUnit(summary, options);
  const sm = compressSummary(summary);
  const n = sm.x.length;
  let maxX = 0;
  let sumX = 0;
  let sumT = 0;
  let sumW = 0;
  for (let i = 0; i < n; i++) {
    const w = sm.weight[i];
    maxX = Math.max(maxX, sm.x[i]);
    sumX += w * sm.x[i];
    sumT += w * sm.T[i];
    sumW += w;
  }
  const present = new Uint8Array(maxX + 1);
  for (let i = 0; i < n; i++) present[sm.x[i]] = 1;
  const cx = new Float64Array(maxX + 1);
  const terms = new Float64Array(2);
  const negLogLik = (lp: Float64Array): number => {
    const r = Math.exp(lp[0]);
    const alpha = Math.exp(lp[1]);
    const s = Math.exp(lp[2]);
    const beta = Math.exp(lp[3]);
    const common = -gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (let x = 0; x <= maxX; x++) if (present[x] === 1) cx[x] = common + gammaln(r + x);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const x = sm.x[i];
      paretoTerms(r, alpha, s, beta, x, sm.tx[i], sm.T[i], terms);
      const A = terms[0];
      const B = terms[1];
      const lse = A > B ? A + Math.log1p(Math.exp(B - A)) : B + Math.log1p(Math.exp(A - B));
      ll += sm.weight[i] * (cx[x] + lse);
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
  const info = fitLogParameters(NAMES, negLogLik, starts, 'Pareto/NBD', sumW, options);
  const model = paretoNbdModel(info.params, unit);
  return { ...model, ...info, params: model.params };
}
