/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
 *
 * While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase
 * they die with probability p ~ Beta(a, b).
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { resolveTransactionFitOptions, type TransactionFitOptions } from './fit-options.ts';
import { fitLogParameters, withFitInfo, type FitInfo } from './mle.ts';
import { checkArg } from './params.ts';
import { checkCustomer, readTransactionModel, type SavedTransactionInput, type SavedTransactionModel, type TransactionModelOptions } from './saved.ts';
import type { ModelTimeUnit } from './time-unit.ts';
import { bgNbdAliveExpectation } from './bg-nbd-expectation.ts';
import { lnRegularizedIncompleteBeta } from './incomplete-beta.ts';
import { gammaln, betaln, softplus } from './special.ts';
import { bgNbdObjective } from './bg-nbd-likelihood.ts';
import { compressSummary, summaryTotals, type FrequencySummary } from './summary.ts';

/** BG/NBD parameters (rates in the summary's time unit). */
export interface BgNbdParams {
  /** Shape of the purchase-rate gamma. */
  readonly r: number;
  /** Scale of the purchase-rate gamma (time unit). */
  readonly alpha: number;
  /** Dropout beta, first shape. */
  readonly a: number;
  /** Dropout beta, second shape. */
  readonly b: number;
}

/** A BG/NBD model: parameters and predictions. */
export interface BgNbdModel {
  /** Model tag. */
  readonly model: 'bg-nbd';
  /** The parameters. */
  readonly params: BgNbdParams;
  /** The time unit the rates are per, or `null` when not known. */
  readonly unit: ModelTimeUnit | null;
  /** P(alive at T | x, tx, T); 1 when x = 0. */
  pAlive(x: number, tx: number, T: number): number;
  /** E[X(t)]: expected transactions of a new customer in (0, t]; exact through a = 1. */
  expectedTransactions(t: number): number;
  /**
   * E[Y(t) | x, tx, T]: expected transactions in (T, T + t] of a customer with that history; finite and
   * accurate for any history and horizon, exact through a = 1 (an expectation beyond the largest double
   * is an `InvalidOptionError`).
   */
  conditionalExpectedTransactions(t: number, x: number, tx: number, T: number): number;
  /** P(X(t) = n) for a new customer, in [0, 1], in time that does not grow with n. */
  probabilityOfTransactions(n: number, t: number): number;
  /** The saved form `{ model, params, unit }`, accepted by {@link bgNbdModel}. */
  toJSON(): SavedTransactionModel<'bg-nbd', BgNbdParams>;
}

/** A fitted BG/NBD model. */
export type BgNbdFit = BgNbdModel & FitInfo<keyof BgNbdParams>;

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * A BG/NBD model from known parameters (e.g. saved with `toJSON()`), to score customers without data.
 *
 * @param params - `{ r, alpha, a, b }`, each in [1e-6, 1e6], or a saved `{ model: 'bg-nbd', params, unit }`
 *   (one saved without `unit` loads with `unit: null`)
 * @param options - `unit`: the time unit of the rates, when the saved form does not say it
 * @returns the model
 * @throws {@link InvalidOptionError} for a missing parameter or one outside [1e-6, 1e6], an unknown key
 *   or option, or a `unit` that contradicts the saved one
 *
 * @example
 * ```ts
 * import { bgNbdModel } from 'retention-metrics';
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * m.pAlive(2, 30.43, 38.86); // => 0.727
 * m.conditionalExpectedTransactions(39, 2, 30.43, 38.86); // => 1.226
 * m.expectedTransactions(78); // => 1.861
 * ```
 */
export function bgNbdModel(params: BgNbdParams | SavedTransactionInput<'bg-nbd', BgNbdParams>, options?: TransactionModelOptions): BgNbdModel {
  const { params: p, unit } = readTransactionModel('bg-nbd', NAMES, params, options);
  return buildBgNbdModel(p, unit);
}

/** The model of checked parameters in a known (or unknown) unit. */
function buildBgNbdModel({ r, alpha, a, b }: BgNbdParams, unit: ModelTimeUnit | null): BgNbdModel {
  const saved = Object.freeze({ model: 'bg-nbd' as const, params: Object.freeze({ r, alpha, a, b }), unit });
  const logOdds = (x: number, tx: number, T: number): number => Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  const finite = (value: number, t: number): number => {
    if (!Number.isFinite(value)) throw new InvalidOptionError('t', t, 'gives an expectation beyond the range of double-precision numbers');
    return value;
  };
  return {
    model: 'bg-nbd',
    params: saved.params,
    unit,
    pAlive(x, tx, T) {
      checkCustomer(x, tx, T);
      if (x === 0) return 1;
      return 1 / (1 + Math.exp(logOdds(x, tx, T)));
    },
    expectedTransactions(t) {
      checkArg('t', t, 0);
      return finite(bgNbdAliveExpectation(saved.params, { x: 0, T: 0 }, t), t);
    },
    conditionalExpectedTransactions(t, x, tx, T) {
      checkArg('t', t, 0);
      checkCustomer(x, tx, T);
      const alive = finite(bgNbdAliveExpectation(saved.params, { x, T }, t), t);
      return x === 0 ? alive : alive / (1 + Math.exp(logOdds(x, tx, T)));
    },
    probabilityOfTransactions(n, t) {
      checkArg('n', n, 0, true);
      checkArg('t', t, 0);
      if (t === 0) return n === 0 ? 1 : 0;
      // FHL 2005 eq. 8: B(a, b+n)/B(a, b) · NB(n) + 1{n>0} · B(a+1, b+n−1)/B(a, b) · P(NB ≥ n),
      // NB with shape r and z = t/(α+t); P(NB ≥ n) = I_z(n, r)
      const lnZ = -softplus(Math.log(alpha) - Math.log(t));
      const ln1mZ = -softplus(Math.log(t) - Math.log(alpha));
      const lnB = betaln(a, b);
      const lnNb = gammaln(r + n) - gammaln(r) - gammaln(n + 1) + r * ln1mZ + n * lnZ;
      const first = Math.exp(betaln(a, b + n) - lnB + lnNb);
      if (n === 0) return Math.min(1, first);
      return Math.min(1, first + Math.exp(betaln(a + 1, b + n - 1) - lnB + lnRegularizedIncompleteBeta(lnZ, ln1mZ, n, r)));
    },
    toJSON() {
      return saved;
    },
  };
}

/**
 * Fit the BG/NBD model by maximum likelihood.
 *
 * The likelihood of a customer is
 * `B(a, b+x)/B(a, b) · Γ(r+x)/Γ(r) · αʳ · [ (α+T)^{−(r+x)} + 1{x>0} · a/(b+x−1) · (α+tx)^{−(r+x)} ]`,
 * evaluated in log space; the terms that depend on x only are computed once per distinct x.
 * The optimisation runs on the log-parameters from three starts (BFGS with the analytic gradient,
 * see `minimizeBfgs`).
 *
 * @param summary - `{ x, tx, T, weight?, unitDays? }` (weights for identical rows; `rfmSummary` and its
 *   `compress()` set `unitDays`, which the model records as its `unit`)
 * @param options - iteration limit, tolerance, and `unit` for a summary that does not carry one
 * @returns parameters, log-likelihood, convergence information, standard errors and predictions
 * @throws {@link InvalidInputError} for an invalid summary row
 * @throws {@link InvalidOptionError} for an unknown or bad option, or a `unit` unlike the summary's
 * @throws {@link RetentionError} when the fit does not converge or a parameter runs to 0 or ∞
 *
 * @example
 * ```ts
 * import { fitBgNbd } from 'retention-metrics';
 * const fit = fitBgNbd({
 *   x: [0, 1, 2, 5, 3, 10, 1, 4],
 *   tx: [0, 5, 20, 35, 8, 37, 30, 12],
 *   T: [38, 38, 38, 38, 38, 38, 38, 38],
 *   weight: [60, 15, 8, 5, 5, 2, 5, 4], // customers per pattern
 * });
 * fit.converged; // => true
 * fit.params.r; // => 0.247
 * fit.pAlive(3, 8, 38); // => 0.059
 * ```
 */
export function fitBgNbd(summary: FrequencySummary, options: TransactionFitOptions = {}): BgNbdFit {
  const settings = resolveTransactionFitOptions(summary, options);
  const s = compressSummary(summary);
  const { negLogLik, gradient } = bgNbdObjective(s);
  const { pooledRate: rate, weight } = summaryTotals(s);
  const starts = [
    [1, 1 / rate, 1, 1],
    [0.3, 0.3 / rate, 0.5, 3],
    [3, 3 / rate, 2, 5],
  ];
  const info = fitLogParameters({ model: 'BG/NBD', names: NAMES, negLogLik, gradient, starts, weight }, settings);
  return withFitInfo(buildBgNbdModel(info.params, settings.unit), info);
}
