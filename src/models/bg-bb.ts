/**
 * BG/BB model for discrete transaction opportunities (Fader, Hardie & Shang 2010, "Customer-base
 * analysis in a discrete-time noncontractual setting").
 *
 * While alive, a customer transacts at each opportunity with probability p ~ Beta(α, β); before each
 * opportunity after the first they die with probability θ ~ Beta(γ, δ).
 *
 * @module
 */
import { InvalidInputError, InvalidOptionError } from '../errors.ts';
import { columnsLength, describeEntry, inputFailure } from './columns.ts';
import { type FitOptions, resolveFitOptions } from './fit-options.ts';
import { fitLogParameters, withFitInfo, type FitInfo } from './mle.ts';
import { readParams, checkArg } from './params.ts';
import type { SavedModel } from './saved.ts';
import { lnGammaStepQuotient } from './log-gamma-ratio.ts';
import { betaln, logAddExp } from './special.ts';

/** BG/BB parameters. */
export interface BgBbParams {
  /** First shape of the transaction-probability beta. */
  readonly alpha: number;
  /** Second shape of the transaction-probability beta. */
  readonly beta: number;
  /** First shape of the dropout-probability beta. */
  readonly gamma: number;
  /** Second shape of the dropout-probability beta. */
  readonly delta: number;
}

/** Input of {@link fitBgBb}: patterns of repeat transactions over `periods` opportunities. */
export interface OpportunitySummary {
  /** Repeat transactions x (0 ≤ x ≤ periods). */
  readonly frequency: ArrayLike<number>;
  /** Opportunity of the last transaction t_x (0 when x = 0, else x ≤ t_x ≤ periods). */
  readonly recency: ArrayLike<number>;
  /** Number of opportunities n (integer ≥ 1). */
  readonly periods: ArrayLike<number>;
  /** Customers with the pattern (default 1). */
  readonly weight?: ArrayLike<number>;
}

/** A BG/BB model: parameters and predictions (allocation-free). */
export interface BgBbModel {
  /** Model tag. */
  readonly model: 'bg-bb';
  /** The parameters. */
  readonly params: BgBbParams;
  /** Likelihood of a pattern: probability of one given sequence with these (x, t_x, n); n ≤ 100,000 opportunities. */
  likelihood(x: number, tx: number, n: number): number;
  /** P(alive at opportunity n+1 | x, t_x, n); n ≤ 100,000 opportunities. */
  pAlive(x: number, tx: number, n: number): number;
  /** E[X(n)]: expected transactions of a new customer in the first n (≤ 100,000) opportunities; exact through γ = 1. */
  expectedTransactions(n: number): number;
  /** E[X(n, n + nStar) | x, t_x, n]: expected transactions in the next `nStar` opportunities (n, nStar ≤ 100,000); exact through γ = 1. */
  conditionalExpectedTransactions(nStar: number, x: number, tx: number, n: number): number;
  /** The saved form, accepted by {@link bgBbModel}. */
  toJSON(): SavedModel<'bg-bb', BgBbParams>;
}

/** A fitted BG/BB model. */
export type BgBbFit = BgBbModel & FitInfo<keyof BgBbParams>;

const NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const;

/**
 * Most opportunities a prediction accepts (`n`, `nStar`): the likelihood of a pattern sums over its
 * silent opportunities, so its cost grows with n.
 */
export const MAX_OPPORTUNITIES = 100_000;

function checkOpportunities(name: string, value: number, min: number): void {
  checkArg(name, value, min, true);
  if (value > MAX_OPPORTUNITIES) throw new InvalidOptionError(name, value, `must be at most ${MAX_OPPORTUNITIES} opportunities`);
}

function checkPattern(x: number, tx: number, n: number): void {
  checkOpportunities('n', n, 1);
  checkArg('x', x, 0, true);
  checkArg('tx', tx, 0, true);
  if (x > n) throw new InvalidOptionError('x', x, `must be ≤ n (${n})`);
  if (x === 0 ? tx !== 0 : tx < x || tx > n) throw new InvalidOptionError('tx', tx, x === 0 ? 'must be 0 when x = 0' : `must be within [x, n] = [${x}, ${n}]`);
}

/**
 * ln L of a pattern (FHS 2010 eq. 5) under these parameters, in log space: alive after opportunity
 * n, or died after opportunity tx + i for i = 0…n−tx−1. The terms of the second kind fall with i, each
 * the previous times `(1 − (α+x)/(α+β+tx+i)) (1 − (γ+1)/(γ+δ+1+tx+i))`; the sum stops once the rest,
 * at most the last term times the count left, is below 1e-17 of it.
 */
function patternLogLikelihood({ alpha: al, beta: be, gamma: ga, delta: de }: BgBbParams): (x: number, tx: number, n: number) => number {
  const lbAB = betaln(al, be);
  const lbGD = betaln(ga, de);
  return (x, tx, n) => {
    const alive = betaln(al + x, be + n - x) - lbAB + betaln(ga, de + n) - lbGD;
    const silent = n - tx;
    if (silent === 0) return alive;
    let logRatio = 0;
    let sum = 1;
    for (let i = 0; i + 1 < silent; i++) {
      logRatio += Math.log1p(-(al + x) / (al + be + tx + i)) + Math.log1p(-(ga + 1) / (ga + de + 1 + tx + i));
      const term = Math.exp(logRatio);
      sum += term;
      if (term * (silent - 1 - i) < 1e-17 * sum) break;
    }
    const died = betaln(al + x, be + tx - x) - lbAB + betaln(ga + 1, de + tx) - lbGD + Math.log(sum);
    return logAddExp(alive, died);
  };
}

/**
 * `ln Σ_{k=n+1}^{m} P(alive at opportunity k)`, the sum `Σ B(γ, δ+k) / B(γ, δ)` of FHS 2010 eqs. 9
 * and 13, there `δ/(γ−1) · Γ(γ+δ)/Γ(1+δ) · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+m)/Γ(γ+δ+m)]`. With
 * `e = γ − 1` and `Q(y, k) = (lnΓ(y+k+e) − lnΓ(y+k) − lnΓ(y+e) + lnΓ(y)) / e` (finite at e = 0, see
 * {@link lnGammaStepQuotient}) the sum is `δ · exp(−e·Q(1+δ, n)) · g · (1 − e^{−eg})/(eg)` with
 * `g = Q(1+δ+n, m−n)`: no 0/0 at γ = 1 and no difference of nearly equal gamma ratios.
 */
function lnAliveOpportunities(gamma: number, delta: number, n: number, m: number): number {
  const e = gamma - 1;
  const g = lnGammaStepQuotient(1 + delta + n, m - n, e);
  const f = e * g;
  return Math.log(delta) - e * lnGammaStepQuotient(1 + delta, n, e) + Math.log(g) + (f === 0 ? 0 : Math.log(-Math.expm1(-f) / f));
}

/**
 * A BG/BB model from known parameters.
 *
 * The predictions take at most {@link MAX_OPPORTUNITIES} (100,000) opportunities in `n` and in
 * `nStar`, and throw an {@link InvalidOptionError} naming the limit beyond it.
 *
 * @param params - `{ alpha, beta, gamma, delta }`, each in [1e-6, 1e6], or a saved `{ model: 'bg-bb', params }`
 * @returns the model
 * @throws {@link InvalidOptionError} for a missing parameter, one outside [1e-6, 1e6], or an unknown key
 *
 * @example
 * ```ts
 * import { bgBbModel } from 'retention-metrics';
 * const m = bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
 * m.pAlive(6, 6, 6); // => 0.930
 * m.conditionalExpectedTransactions(5, 6, 6, 6); // => 3.75
 * ```
 */
export function bgBbModel(params: BgBbParams | SavedModel<'bg-bb', BgBbParams>): BgBbModel {
  return buildBgBbModel(readParams('bg-bb', NAMES, params));
}

/** The model of checked parameters. */
function buildBgBbModel({ alpha, beta, gamma, delta }: BgBbParams): BgBbModel {
  const saved = Object.freeze({ model: 'bg-bb' as const, params: Object.freeze({ alpha, beta, gamma, delta }) });
  const lbAB = betaln(alpha, beta);
  const lbGD = betaln(gamma, delta);
  const logLik = patternLogLikelihood(saved.params);
  return {
    model: 'bg-bb',
    params: saved.params,
    likelihood(x, tx, n) {
      checkPattern(x, tx, n);
      return Math.min(1, Math.exp(logLik(x, tx, n)));
    },
    pAlive(x, tx, n) {
      checkPattern(x, tx, n);
      return Math.min(1, Math.exp(betaln(alpha + x, beta + n - x) - lbAB + betaln(gamma, delta + n + 1) - lbGD - logLik(x, tx, n)));
    },
    expectedTransactions(n) {
      checkOpportunities('n', n, 0);
      return Math.exp(Math.log(alpha / (alpha + beta)) + lnAliveOpportunities(gamma, delta, 0, n));
    },
    conditionalExpectedTransactions(nStar, x, tx, n) {
      checkOpportunities('nStar', nStar, 0);
      checkPattern(x, tx, n);
      const l = logLik(x, tx, n);
      return Math.exp(betaln(alpha + x + 1, beta + n - x) - lbAB - l + lnAliveOpportunities(gamma, delta, n, n + nStar));
    },
    toJSON() {
      return saved;
    },
  };
}

/**
 * Fit the BG/BB model by maximum likelihood on (x, t_x, n) patterns with weights.
 *
 * @param summary - `{ frequency, recency, periods, weight? }`, with at most 100,000 opportunities (`periods`) a row
 * @param options - iteration limit and tolerance
 * @returns parameters, log-likelihood, convergence information, standard errors and predictions
 * @throws {@link InvalidInputError} for a summary that is not an object of array-like columns, columns
 *   of different lengths, an empty summary or an impossible pattern
 * @throws {@link InvalidOptionError} for an unknown or bad option
 * @throws {@link RetentionError} when the fit does not converge
 *
 * @example
 * ```ts
 * import { fitBgBb } from 'retention-metrics';
 * const fit = fitBgBb({
 *   frequency: [0, 1, 1, 2, 3, 6, 4, 2],
 *   recency: [0, 1, 5, 6, 4, 6, 5, 3],
 *   periods: [6, 6, 6, 6, 6, 6, 6, 6],
 *   weight: [40, 10, 6, 8, 3, 12, 7, 5],
 * });
 * fit.converged; // => true
 * fit.params.alpha; // => 0.452
 * ```
 */
export function fitBgBb(summary: OpportunitySummary, options: FitOptions = {}): BgBbFit {
  const settings = resolveFitOptions(options);
  const m = columnsLength(summary, { required: ['frequency', 'recency', 'periods'], optional: ['weight'] }, inputFailure('summary'));
  if (m === 0) throw new InvalidInputError(0, 'record', 0, 'the summary is empty', 'summary');
  const X = new Float64Array(m);
  const TX = new Float64Array(m);
  const N = new Float64Array(m);
  const W = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const x = summary.frequency[i];
    const tx = summary.recency[i];
    const n = summary.periods[i];
    const w = summary.weight === undefined ? 1 : summary.weight[i];
    if (!Number.isInteger(n) || n < 1 || n > MAX_OPPORTUNITIES) {
      throw new InvalidInputError(i, 'record', n, `periods = ${describeEntry(n)} must be an integer from 1 to ${MAX_OPPORTUNITIES}`, 'summary');
    }
    if (!Number.isInteger(x) || x < 0 || x > n) throw new InvalidInputError(i, 'record', x, `frequency = ${describeEntry(x)} must be an integer in [0, periods = ${n}]`, 'summary');
    if (!Number.isInteger(tx) || (x === 0 ? tx !== 0 : tx < x || tx > n)) {
      throw new InvalidInputError(i, 'record', tx, `recency = ${describeEntry(tx)} must be ${x === 0 ? '0 when frequency = 0' : `an integer in [frequency, periods] = [${x}, ${n}]`}`, 'summary');
    }
    if (!Number.isFinite(w) || w < 0) throw new InvalidInputError(i, 'record', w, `weight = ${describeEntry(w)} must be a non-negative finite number`, 'summary');
    X[i] = x;
    TX[i] = tx;
    N[i] = n;
    W[i] = w;
  }
  const negLogLik = (lp: Float64Array): number => {
    const logLik = patternLogLikelihood({ alpha: Math.exp(lp[0]), beta: Math.exp(lp[1]), gamma: Math.exp(lp[2]), delta: Math.exp(lp[3]) });
    let ll = 0;
    for (let i = 0; i < m; i++) {
      const w = W[i];
      if (w > 0) ll += w * logLik(X[i], TX[i], N[i]);
    }
    return -ll;
  };
  const starts = [[1, 1, 1, 1], [0.5, 2, 0.5, 3], [2, 0.5, 2, 1]];
  const info = fitLogParameters({ model: 'BG/BB', names: NAMES, negLogLik, starts, weight: W.reduce((sum, w) => sum + w, 0) }, settings);
  return withFitInfo(buildBgBbModel(info.params), info);
}
