/**
 * Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), in the formulation of Fader & Hardie
 * ("A note on deriving the Pareto/NBD model and related expressions", 2005).
 *
 * While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); their lifetime is
 * exponential with rate μ ~ Gamma(s, β).
 *
 * @module
 */
import { resolveTransactionFitOptions, type TransactionFitOptions } from './fit-options.ts';
import { fitLogParameters, withFitInfo, type FitInfo } from './mle.ts';
import { checkArg } from './params.ts';
import { checkCustomer, readTransactionModel, type SavedTransactionInput, type SavedTransactionModel, type TransactionModelOptions } from './saved.ts';
import type { ModelTimeUnit } from './time-unit.ts';
import { paretoNbdProbability } from './pareto-nbd-probability.ts';
import { paretoNbdNegLogLik, paretoTerms } from './pareto-nbd-likelihood.ts';
import { compressSummary, summaryTotals, type FrequencySummary } from './summary.ts';

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
  /** P(alive at T | x, tx, T). */
  pAlive(x: number, tx: number, T: number): number;
  /** E[X(t)]: expected transactions of a new customer in (0, t]. */
  expectedTransactions(t: number): number;
  /** E[Y(t) | x, tx, T]: expected transactions in (T, T + t]. */
  conditionalExpectedTransactions(t: number, x: number, tx: number, T: number): number;
  /** P(X(t) = n) for a new customer (Fader & Hardie 2006 note), in [0, 1], in time bounded for any n and t. */
  probabilityOfTransactions(n: number, t: number): number;
  /** The saved form `{ model, params, unit }`, accepted by {@link paretoNbdModel}. */
  toJSON(): SavedTransactionModel<'pareto-nbd', ParetoNbdParams>;
}

/** A fitted Pareto/NBD model. */
export type ParetoNbdFit = ParetoNbdModel & FitInfo<keyof ParetoNbdParams>;

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

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
  return buildParetoNbdModel(p, unit);
}

/** The model of checked parameters in a known (or unknown) unit. */
function buildParetoNbdModel({ r, alpha, s, beta }: ParetoNbdParams, unit: ModelTimeUnit | null): ParetoNbdModel {
  const saved = Object.freeze({ model: 'pareto-nbd' as const, params: Object.freeze({ r, alpha, s, beta }), unit });
  const pAlive = (x: number, tx: number, T: number): number => {
    const { alive, died } = paretoTerms(saved.params, x, tx, T);
    return 1 / (1 + Math.exp(died - alive));
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
      return paretoNbdProbability(saved.params, n, t);
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
  const settings = resolveTransactionFitOptions(summary, options);
  const sm = compressSummary(summary);
  const negLogLik = paretoNbdNegLogLik(sm);
  const { sumT, weight, pooledRate: rate } = summaryTotals(sm);
  const meanT = sumT / weight;
  const starts = [
    [1, 1 / rate, 1, meanT],
    [0.5, 0.5 / rate, 0.5, meanT / 2],
    [2, 2 / rate, 2, 2 * meanT],
  ];
  const info = fitLogParameters({ model: 'Pareto/NBD', names: NAMES, negLogLik, starts, weight }, settings);
  return withFitInfo(buildParetoNbdModel(info.params, settings.unit), info);
}
