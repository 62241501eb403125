/**
 * Rank scores of integers in a narrow range, by a counting tally: the number of values below each
 * integer of the range is a running sum of how often each smaller one occurs, so no value is selected
 * and none searched for. Recencies in days and order counts are such integers.
 *
 * Invariant: the scores equal those of the selection in `rank-scores.ts` for the same values
 * (property-tested).
 *
 * @module
 * @internal
 */

/** The widest range tallied: its counts stay a small table, whatever the number of values. */
const MAX_TALLY_RANGE = 2 ** 16;

/** The most values tallied: the counts are 32-bit. */
const MAX_TALLY_VALUES = 2 ** 32 - 1;

/**
 * @internal Whether {@link scoresByTally} takes these values: integers, from one to
 * {@link MAX_TALLY_VALUES} of them, spanning a range narrower than {@link MAX_TALLY_RANGE} and than four
 * times their number (so that the table never outweighs the values).
 *
 * @param n - the number of values
 * @param min - the smallest value
 * @param max - the largest value
 * @param integers - whether every value is an integer
 * @returns whether to tally
 */
export function tallyFits(n: number, min: number, max: number, integers: boolean): boolean {
  return integers && n > 0 && n <= MAX_TALLY_VALUES && max - min < Math.min(4 * n, MAX_TALLY_RANGE);
}

/**
 * @internal Scores 1…`bins` by rank, ties sharing a score: `1 + ⌊bins · L ÷ N⌋` with `L` the number of
 * values below (see `rankScores`), for values {@link tallyFits} takes.
 *
 * `bins · L` is an integer below 2^53, and when `bins · L ÷ N` is no integer it lies at least `1 ÷ N`
 * below the next one, far more than the quotient's rounding error: the floor is exact.
 *
 * @param v - integer values from `min` to `max` (not modified)
 * @param bins - number of scores, 2 … 100
 * @param min - the smallest value
 * @param max - the largest value
 * @returns the score of each value
 */
export function scoresByTally(v: Float64Array, bins: number, min: number, max: number): Uint8Array {
  const n = v.length;
  // below[k]: first the number of values equal to min + k − 1, then, summed, those below min + k.
  const below = new Uint32Array(max - min + 2);
  for (let i = 0; i < n; i++) below[v[i] - min + 1]++;
  for (let k = 1; k < below.length; k++) below[k] += below[k - 1];
  const scoreOf = new Uint8Array(max - min + 1);
  for (let k = 0; k < scoreOf.length; k++) scoreOf[k] = 1 + Math.floor((bins * below[k]) / n);
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[i] = scoreOf[v[i] - min];
  return scores;
}
