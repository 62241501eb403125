/**
 * The observations an sBG fit runs on — churn and survival counts per renewal, read from survivor
 * counts or a subscription survival table — and the rule that says when they identify α and β.
 *
 * @module
 */
import { InvalidInputError, RetentionError, describeValue } from '../errors.ts';
import { describeEntry } from './columns.ts';
import { MAX_SBG_PERIODS } from './limits.ts';

/**
 * Per-period churn observations from subscription survival (the shape of `Cohort.fromSubscriptions(…)
 * .table()`): in every cohort, the subscriptions that ended during offset k and those still active
 * (censored) after offset k.
 */
export interface SurvivalObservations {
  readonly cohorts: readonly { readonly cells: readonly { readonly offset: number; readonly ended: number; readonly censored: number }[] }[];
}

/**
 * Per renewal t = 1…k (index 0 unused): customers lost at renewal t, and customers known to have
 * survived exactly t periods (still active, observed no further).
 *
 * @internal
 */
export interface ChurnCounts {
  readonly lost: Float64Array;
  readonly survived: Float64Array;
}

/**
 * Read survivor counts or a survival table.
 *
 * @param input - `n₀ ≥ n₁ ≥ … ≥ n_k` (customers active at the start of periods 0…k), or a survival table
 * @returns the counts per renewal
 * @throws {@link InvalidInputError} (source `survivors`) for a value that is neither an array of counts
 *   nor a table, fewer than 2 counts, more than 10,001, a count that is negative, not finite or above
 *   the one before, or a first count of 0; (source `survival.cohorts`) for a malformed table, an
 *   offset past 9,999, or a table without a complete period
 * @internal
 */
export function readChurnCounts(input: unknown): ChurnCounts {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidInputError(0, 'record', input, `${describeValue(input)} is neither an array of survivor counts nor a survival table`, 'survivors');
  }
  return 'cohorts' in input ? fromSurvival((input as { cohorts: unknown }).cohorts) : fromSurvivorCounts(input);
}

function fromSurvivorCounts(survivors: object): ChurnCounts {
  const length = (survivors as { length?: unknown }).length;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > MAX_SBG_PERIODS + 1) {
    throw new InvalidInputError(0, 'record', length, `length ${describeValue(length)}: give 2 to ${MAX_SBG_PERIODS + 1} survivor counts`, 'survivors');
  }
  const counts = survivors as ArrayLike<unknown>;
  const k = length - 1;
  if (k < 1) throw new InvalidInputError(0, 'record', length, 'at least 2 survivor counts are needed', 'survivors');
  let previous = Number.POSITIVE_INFINITY;
  const lost = new Float64Array(k + 1);
  const survived = new Float64Array(k + 1);
  for (let t = 0; t <= k; t++) {
    const v = counts[t];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InvalidInputError(t, 'record', v, `count ${describeEntry(v)} must be a non-negative finite number`, 'survivors');
    if (t === 0 && v === 0) throw new InvalidInputError(0, 'record', v, 'the cohort size must be > 0', 'survivors');
    if (v > previous) throw new InvalidInputError(t, 'record', v, `count ${v} exceeds the previous count ${previous}`, 'survivors');
    if (t > 0) lost[t] = previous - v;
    previous = v;
  }
  survived[k] = previous;
  return { lost, survived };
}

function fromSurvival(cohorts: unknown): ChurnCounts {
  const fail = (index: number, value: unknown, reason: string): never => {
    throw new InvalidInputError(index, 'record', value, reason, 'survival.cohorts');
  };
  if (!Array.isArray(cohorts)) return fail(0, cohorts, `${describeValue(cohorts)} is not an array of cohorts`);
  const lost = new Float64Array(MAX_SBG_PERIODS + 1);
  const survived = new Float64Array(MAX_SBG_PERIODS + 1);
  let horizon = 0;
  let total = 0;
  cohorts.forEach((cohort: unknown, i) => {
    const cells = typeof cohort === 'object' && cohort !== null ? (cohort as { cells?: unknown }).cells : undefined;
    if (!Array.isArray(cells)) return fail(i, cells, `cells: ${describeValue(cells)} is not an array of cells`);
    cells.forEach((cell: unknown, j) => {
      const { offset, ended, censored } = (typeof cell === 'object' && cell !== null ? cell : {}) as Record<string, unknown>;
      if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset >= MAX_SBG_PERIODS) {
        return fail(i, offset, `cells[${j}].offset = ${describeEntry(offset)} must be an integer in [0, ${MAX_SBG_PERIODS - 1}]`);
      }
      if (typeof ended !== 'number' || !Number.isFinite(ended) || ended < 0) return fail(i, ended, `cells[${j}].ended = ${describeEntry(ended)} must be a non-negative finite number`);
      if (typeof censored !== 'number' || !Number.isFinite(censored) || censored < 0) {
        return fail(i, censored, `cells[${j}].censored = ${describeEntry(censored)} must be a non-negative finite number`);
      }
      // Ending during offset k is churn at renewal k + 1; censored after offset k survived k + 1 periods.
      lost[offset + 1] = lost[offset + 1] + ended;
      survived[offset + 1] = survived[offset + 1] + censored;
      total += ended + censored;
      horizon = Math.max(horizon, offset + 1);
    });
  });
  if (total === 0) return fail(0, cohorts, 'the survival table has no complete period to fit');
  return { lost: lost.slice(0, horizon + 1), survived: survived.slice(0, horizon + 1) };
}

/**
 * Fit the sBG under the one rule for when the data identify it.
 *
 * The likelihood is a product over renewals t of the churn hazard `h_t = α/(α+β+t−1)` (for those lost
 * at t) and `1 − h_t` (for those at risk at t who renewed), so the data say nothing beyond the hazards
 * at the renewals someone was at risk for. The two parameters are identified, with a maximum inside the
 * parameter space, exactly when
 * 1. someone is at risk at two renewals or more (one renewal only fixes `α/(α+β)`: a ridge of equally
 *    good α, β);
 * 2. someone churned at a renewal after the first (else the maximum is at α, β → 0: customers who
 *    either leave at the first renewal or never);
 * 3. some α, β fit better than the homogeneous limit α, β → ∞ with α/(α+β) = ĥ, the pooled hazard
 *    `Σ lost_t ÷ Σ n_t` (`n_t` at risk at renewal t): the churn rate falls with tenure more than a
 *    constant rate explains. When the derivative of the log-likelihood towards heterogeneity at that
 *    limit, `Σ_t (t−1)(ĥ n_t − lost_t) ÷ (1 − ĥ)`, is positive this holds; otherwise the limit is a
 *    local maximum and the fit decides: its estimate must have a higher likelihood than the limit's.
 * 1 and 2 are checked before fitting; data that fail any of them throw a `RetentionError` saying
 * "not identified" and which condition failed.
 *
 * @param counts - the observations
 * @param fit - runs the fit, given the total number of customers observed (the weight of the data)
 * @returns the fit
 * @throws {@link RetentionError} naming the condition the data fail, or the fit's own error
 * @internal
 */
export function fitIdentified<F extends { readonly logLikelihood: number }>(counts: ChurnCounts, fit: (customers: number) => F): F {
  const k = counts.lost.length - 1;
  // at risk at renewal t: everyone lost at, or censored after, a renewal ≥ t
  const atRisk = new Float64Array(k + 2);
  for (let t = k; t >= 1; t--) atRisk[t] = atRisk[t + 1] + counts.lost[t] + counts.survived[t];
  let lostTotal = 0;
  let atRiskTotal = 0;
  let laterAtRisk = 0; // Σ (t−1) n_t
  let laterLost = 0; // Σ (t−1) lost_t
  for (let t = 1; t <= k; t++) {
    lostTotal += counts.lost[t];
    atRiskTotal += atRisk[t];
    laterAtRisk += (t - 1) * atRisk[t];
    laterLost += (t - 1) * counts.lost[t];
  }
  const notIdentified = 'sBG: α and β are not identified by these data';
  if (!(atRisk[2] > 0)) {
    throw new RetentionError(
      `${notIdentified}: churn is observed at one renewal only, which fixes the churn probability α/(α+β) = ${(lostTotal / atRisk[1]).toPrecision(3)} but not α and β; fit cohorts observed over two renewals or more`,
    );
  }
  if (lostTotal - counts.lost[1] <= 0) {
    throw new RetentionError(`${notIdentified}: nobody churned after the first renewal, so the likelihood is largest as α and β run to 0 (customers who either leave at once or never)`);
  }
  const rate = lostTotal / atRiskTotal;
  const homogeneous = new RetentionError(
    `${notIdentified}: the churn rate does not fall with tenure (pooled rate ${rate.toPrecision(3)} per renewal), so the likelihood is largest as α and β run to infinity — a cohort without heterogeneity, which a constant retention rate describes`,
  );
  // ĥ Σ(t−1)n_t − Σ(t−1)lost_t, multiplied through by Σ n_t so that integer counts give it exactly
  const towardsHeterogeneity = lostTotal * laterAtRisk - atRiskTotal * laterLost;
  if (towardsHeterogeneity > 1e-12 * lostTotal * laterAtRisk) return fit(atRisk[1]);
  const limit = lostTotal * Math.log(rate) + (atRiskTotal - lostTotal) * Math.log1p(-rate);
  let result: F;
  try {
    result = fit(atRisk[1]);
  } catch (error) {
    if (error instanceof Error && error.name === 'RetentionError') throw homogeneous;
    throw error;
  }
  if (!(result.logLikelihood > limit + 1e-9 * Math.abs(limit))) throw homogeneous;
  return result;
}
