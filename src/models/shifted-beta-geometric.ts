/**
 * Shifted-beta-geometric (sBG) model of contract renewals (Fader & Hardie 2007, "How to project
 * customer retention"; DERL from Fader & Hardie 2010, "Customer-base valuation in a contractual
 * setting: the perils of ignoring heterogeneity").
 *
 * Each customer churns at the end of each period with probability θ ~ Beta(α, β). With `S(t)` the
 * share still active at the start of period t (period 0 is the first), `S(t) = B(α, β+t)/B(α, β)`.
 *
 * @module
 */
import { type FitOptions, resolveFitOptions } from './fit-options.ts';
import { fitLogParameters, withFitInfo, type FitInfo } from './mle.ts';
import { readParams, checkArg } from './params.ts';
import type { SavedModel } from './saved.ts';
import { type SurvivalObservations, fitIdentified, readChurnCounts } from './sbg-data.ts';
import { betaln } from './special.ts';
import { InvalidOptionError } from '../errors.ts';

/** sBG parameters. */
export interface ShiftedBetaGeometricParams {
  /** First shape of the churn-probability beta. */
  readonly alpha: number;
  /** Second shape of the churn-probability beta. */
  readonly beta: number;
}

/** An sBG model: parameters and predictions (allocation-free except `survivalCurve`). */
export interface ShiftedBetaGeometricModel {
  /** Model tag. */
  readonly model: 'sbg';
  /** The parameters. */
  readonly params: ShiftedBetaGeometricParams;
  /** `r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1)`: share of those active in period t−1 who renew into t (t ≥ 1). */
  retentionRate(t: number): number;
  /** `S(t) = B(α, β+t)/B(α, β)`: share of the cohort still active at the start of period t (t ≥ 0). */
  survival(t: number): number;
  /** `[S(0), …, S(periods)]`. */
  survivalCurve(periods: number): Float64Array;
  /** `P(T = t) = S(t−1) − S(t)`: share that churns at the end of period t−1 (t ≥ 1). */
  churnProbability(t: number): number;
  /** `E[T] = Σ_{t≥0} S(t) = (α+β−1)/(α−1)` periods paid by a new customer (`Infinity` when α ≤ 1). */
  expectedLifetime(): number;
  /**
   * Discounted expected residual lifetime of a customer who has made `renewals` renewals (is active
   * in period `renewals`), evaluated just before the next renewal decision:
   * `DERL = Σ_{k≥0} S(renewals+1+k)/S(renewals) / (1+d)^k` — the expected number of future
   * payments, the next one (at the coming renewal) undiscounted and each later one discounted by one
   * more period; equals `(β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d))` with `n = renewals + 1`.
   * Multiply by the margin per period for a value.
   */
  discountedExpectedResidualLifetime(discountRate: number, renewals?: number): number;
  /** The saved form, accepted by {@link shiftedBetaGeometricModel}. */
  toJSON(): SavedModel<'sbg', ShiftedBetaGeometricParams>;
}

/** A fitted sBG model. */
export type ShiftedBetaGeometricFit = ShiftedBetaGeometricModel & FitInfo<keyof ShiftedBetaGeometricParams>;

const NAMES = ['alpha', 'beta'] as const;

/**
 * An sBG model from known parameters.
 *
 * @param params - `{ alpha, beta }`, each in [1e-6, 1e6], or a saved `{ model: 'sbg', params }`
 * @returns the model
 * @throws {@link InvalidOptionError} for a missing parameter, one outside [1e-6, 1e6], or an unknown key
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometricModel } from 'retention-metrics';
 * const m = shiftedBetaGeometricModel({ alpha: 0.704, beta: 1.182 });
 * m.retentionRate(1); // => 0.627
 * m.survival(12) * 1000; // => 170.1
 * m.discountedExpectedResidualLifetime(0.1); // => 2.96
 * m.expectedLifetime(); // => Infinity
 * ```
 */
export function shiftedBetaGeometricModel(params: ShiftedBetaGeometricParams | SavedModel<'sbg', ShiftedBetaGeometricParams>): ShiftedBetaGeometricModel {
  return buildShiftedBetaGeometricModel(readParams('sbg', NAMES, params));
}

/** The model of checked parameters. */
function buildShiftedBetaGeometricModel({ alpha, beta }: ShiftedBetaGeometricParams): ShiftedBetaGeometricModel {
  const saved = Object.freeze({ model: 'sbg' as const, params: Object.freeze({ alpha, beta }) });
  const lb = betaln(alpha, beta);
  const survival = (t: number): number => Math.exp(betaln(alpha, beta + t) - lb);
  return {
    model: 'sbg',
    params: saved.params,
    retentionRate(t) {
      checkArg('t', t, 1, true);
      return (beta + t - 1) / (alpha + beta + t - 1);
    },
    survival(t) {
      checkArg('t', t, 0, true);
      return survival(t);
    },
    survivalCurve(periods) {
      checkArg('periods', periods, 0, true);
      const out = new Float64Array(periods + 1);
      let s = 1;
      for (let t = 0; t <= periods; t++) {
        out[t] = s;
        s *= (beta + t) / (alpha + beta + t);
      }
      return out;
    },
    churnProbability(t) {
      checkArg('t', t, 1, true);
      return Math.exp(betaln(alpha + 1, beta + t - 1) - lb);
    },
    expectedLifetime() {
      return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Number.POSITIVE_INFINITY;
    },
    discountedExpectedResidualLifetime(discountRate, renewals = 0) {
      checkArg('renewals', renewals, 0, true);
      if (!(discountRate > 0) || !Number.isFinite(discountRate)) throw new InvalidOptionError('discountRate', discountRate, 'must be a finite number > 0');
      const v = 1 / (1 + discountRate);
      const n = renewals + 1;
      // Σ_k Π_{j<k} v (β+n+j)/(α+β+n+j): positive terms, ratios < v, so the tail after tₖ is < tₖ v/(1−v)
      let term = 1;
      let sum = 1;
      for (let k = 0; k < 10_000_000; k++) {
        term *= (v * (beta + n + k)) / (alpha + beta + n + k);
        sum += term;
        if ((term * v) / (1 - v) <= 1e-16 * sum) break;
      }
      return ((beta + n - 1) / (alpha + beta + n - 1)) * sum;
    },
    toJSON() {
      return saved;
    },
  };
}

export type { SurvivalObservations } from './sbg-data.ts';

/**
 * Fit the sBG model by maximum likelihood, either to survivor counts `n₀ ≥ n₁ ≥ … ≥ n_k` (customers
 * active at the start of periods 0…k): `LL = Σ_{t=1..k} (n_{t−1} − n_t) ln P(T=t) + n_k ln S(k)`, or
 * to a subscription survival table (`Cohort.fromSubscriptions(subs).table()`), where each cohort's
 * subscriptions ended during offset k count as churn at period k + 1 and those censored after offset k
 * as surviving k + 1 periods: `LL = Σ_t lost_t ln P(T=t) + Σ_t censored_t ln S(t)` — the same model
 * over cohorts of different ages. Counts need not be integers (shares work too; the log-likelihood then
 * scales with them, the estimates do not).
 *
 * The data identify α and β only when customers are observed at two renewals or more, someone churned,
 * and the churn rate falls with tenure more than a constant rate explains; otherwise the fit throws
 * before it starts, saying which (see the guide, "Contracts").
 *
 * @param survivors - active customers at the start of each period starting with the cohort size, or a
 *   survival table
 * @param options - iteration limit and tolerance
 * @returns α, β, log-likelihood, convergence information, standard errors and predictions
 * @throws {@link InvalidInputError} (source `survivors`) for something that is neither counts nor a
 *   table, fewer than 2 or more than 10,001 counts, a negative or non-finite count, an increase, or a
 *   first count of 0; (source `survival.cohorts`) for a malformed table, an offset past 9,999 or a
 *   table without a complete period
 * @throws {@link InvalidOptionError} for an unknown or bad option
 * @throws {@link RetentionError} when the data do not identify α and β (one renewal observed, nobody
 *   churned, or no fall of the churn rate with tenure), or the fit does not converge
 *
 * @example
 * ```ts
 * import { Cohort, fitShiftedBetaGeometric } from 'retention-metrics';
 * const fit = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fit.params.alpha; // => 0.704
 * fit.params.beta; // => 1.182
 * // from subscriptions: two yearly cohorts, renewals observed as they happened
 * const survival = Cohort.fromSubscriptions([
 *   { customerId: 1, start: '2020-01-01', end: '2020-06-01' },
 *   { customerId: 2, start: '2020-01-01', end: '2021-06-01' },
 *   { customerId: 3, start: '2020-01-01' },
 *   { customerId: 4, start: '2021-01-01', end: '2021-03-01' },
 *   { customerId: 5, start: '2021-01-01' },
 * ]).by('year').asOf('2022-12-31T23:59:59.999Z').table();
 * fitShiftedBetaGeometric(survival).converged; // => true
 * ```
 */
export function fitShiftedBetaGeometric(survivors: ArrayLike<number> | SurvivalObservations, options: FitOptions = {}): ShiftedBetaGeometricFit {
  const settings = resolveFitOptions(options);
  const counts = readChurnCounts(survivors);
  const { lost, survived } = counts;
  const k = lost.length - 1;
  const negLogLik = (lp: Float64Array): number => {
    const a = Math.exp(lp[0]);
    const b = Math.exp(lp[1]);
    const lb = betaln(a, b);
    let ll = 0;
    for (let t = 1; t <= k; t++) {
      const churned = lost[t];
      if (churned > 0) ll += churned * (betaln(a + 1, b + t - 1) - lb);
      const kept = survived[t];
      if (kept > 0) ll += kept * (betaln(a, b + t) - lb);
    }
    return -ll;
  };
  const starts = [[1, 1], [0.5, 3], [3, 0.5]];
  const info = fitIdentified(counts, (weight) => fitLogParameters({ model: 'sBG', names: NAMES, negLogLik, starts, weight }, settings));
  return withFitInfo(buildShiftedBetaGeometricModel(info.params), info);
}
