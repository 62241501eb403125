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
import { InvalidInputError } from '../errors.ts';
import { fitLogParameters, type FitInfo, type FitOptions } from './mle.ts';
import { readParams, checkArg } from './params.ts';
import type { SavedModel } from './saved.ts';
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
 * @param params - `{ alpha, beta }` or a saved `{ model: 'sbg', params }`
 * @returns the model
 * @throws {@link InvalidOptionError} when a parameter is missing or not positive and finite
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometricModel } from 'retention-metrics';
 * const m = shiftedBetaGeometricModel({ alpha: 0.704, beta: 1.182 });
 * m.retentionRate(1); // => 0.627
 * m.survival(12) * 1000; // => 170.1
 * m.discountedExpectedResidualLifetime(0.1); // => 2.96
m.expectedLifetime(); // => Infinity
 * ```
 */
export function shiftedBetaGeometricModel(params: ShiftedBetaGeometricParams | SavedModel<'sbg', ShiftedBetaGeometricParams>): ShiftedBetaGeometricModel {
  const { alpha, beta } = readParams('sbg', NAMES, params);
  const saved = { model: 'sbg' as const, params: { alpha, beta } };
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

/**
 * Per-period churn observations from subscription survival (the shape of `Cohort.fromSubscriptions(…)
 * .table()`): in every cohort, the subscriptions that ended during offset k and those still active
 * (censored) after offset k.
 */
export interface SurvivalObservations {
  readonly cohorts: readonly { readonly cells: readonly { readonly offset: number; readonly ended: number; readonly censored: number }[] }[];
}

/** Lost customers per period t = 1…k and customers known to survive exactly t periods (censored). */
interface ChurnCounts {
  lost: Float64Array;
  survived: Float64Array;
}

function fromSurvivorCounts(survivors: ArrayLike<number>): ChurnCounts {
  const k = survivors.length - 1;
  if (k < 1) throw new InvalidInputError(0, 'record', survivors.length, 'at least 2 survivor counts are needed', 'survivors');
  for (let t = 0; t <= k; t++) {
    const v = (survivors[t] ?? 0);
    if (!Number.isFinite(v) || v < 0) throw new InvalidInputError(t, 'record', v, `count ${v} must be a non-negative finite number`, 'survivors');
    if (t === 0 && v === 0) throw new InvalidInputError(0, 'record', v, 'the cohort size must be > 0', 'survivors');
    if (t > 0 && v > (survivors[t - 1] ?? 0)) throw new InvalidInputError(t, 'record', v, `count ${v} exceeds the previous count ${survivors[t - 1]}`, 'survivors');
  }
  const lost = new Float64Array(k + 1);
  const survived = new Float64Array(k + 1);
  for (let t = 1; t <= k; t++) lost[t] = (survivors[t - 1] ?? 0) - (survivors[t] ?? 0);
  survived[k] = (survivors[k] ?? 0);
  return { lost, survived };
}

function fromSurvival(table: SurvivalObservations): ChurnCounts {
  let horizon = 0;
  for (const cohort of table.cohorts) for (const cell of cohort.cells) horizon = Math.max(horizon, cell.offset + 1);
  const lost = new Float64Array(horizon + 1);
  const survived = new Float64Array(horizon + 1);
  let total = 0;
  for (const cohort of table.cohorts) {
    for (const cell of cohort.cells) {
      // Ending during offset k is churn at renewal k + 1; censored after offset k survived k + 1 periods.
      lost[cell.offset + 1] = (lost[cell.offset + 1] ?? 0) + cell.ended;
      survived[cell.offset + 1] = (survived[cell.offset + 1] ?? 0) + cell.censored;
      total += cell.ended + cell.censored;
    }
  }
  if (total === 0) throw new InvalidInputError(0, 'record', table, 'the survival table has no complete period to fit', 'survival');
  return { lost, survived };
}

/**
 * Fit the sBG model by maximum likelihood, either to survivor counts `n₀ ≥ n₁ ≥ … ≥ n_k` (customers
 * active at the start of periods 0…k): `LL = Σ_{t=1..k} (n_{t−1} − n_t) ln P(T=t) + n_k ln S(k)`, or
 * to a subscription survival table (`Cohort.fromSubscriptions(subs).table()`), where each cohort's
 * subscriptions ended during offset k count as churn at period k + 1 and those censored after offset k
 * as surviving k + 1 periods: `LL = Σ_t lost_t ln P(T=t) + Σ_t censored_t ln S(t)` — the same model
 * over cohorts of different ages. Counts need not be integers (shares work too; the log-likelihood then
 * scales with them).
 *
 * @param survivors - active customers at the start of each period starting with the cohort size, or a
 *   survival table
 * @param options - iteration limit and tolerance
 * @returns α, β, log-likelihood, convergence information, standard errors and predictions
 * @throws {@link InvalidInputError} (source `survivors`) for fewer than 2 counts, a negative or
 *   non-finite count, an increase, or a first count of 0; (source `survival`) for a table without a
 *   complete period
 * @throws {@link RetentionError} when the fit does not converge (e.g. nobody churns)
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
  const { lost, survived } = 'cohorts' in survivors ? fromSurvival(survivors) : fromSurvivorCounts(survivors);
  const k = lost.length - 1;
  const negLogLik = (lp: Float64Array): number => {
    const a = Math.exp(lp[0] ?? 0);
    const b = Math.exp(lp[1] ?? 0);
    const lb = betaln(a, b);
    let ll = 0;
    for (let t = 1; t <= k; t++) {
      const churned = lost[t] ?? 0;
      if (churned > 0) ll += churned * (betaln(a + 1, b + t - 1) - lb);
      const kept = survived[t] ?? 0;
      if (kept > 0) ll += kept * (betaln(a, b + t) - lb);
    }
    return -ll;
  };
  const info = fitLogParameters(NAMES, negLogLik, [[1, 1], [0.5, 3], [3, 0.5]], 'sBG', options);
  const model = shiftedBetaGeometricModel(info.params);
  return { ...model, ...info, params: model.params };
}
