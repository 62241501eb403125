/**
 * Scores 1…n by rank, ties sharing a score: the RFM scoring rule of docs/definitions.md.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { countBelow, selectRanks } from './order-statistics.ts';
import { bucketsFit, scoresByBuckets } from './bucket-scores.ts';
import { scoresByTally, tallyFits } from './tally-scores.ts';

/**
 * Check an RFM `bins` option: an integer from 2 to 100.
 *
 * @internal
 */
export function assertBins(value: unknown, option = 'bins'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2 || value > 100) {
    throw new InvalidOptionError(option, value, `${String(value)} is not an integer from 2 to 100`);
  }
  return value;
}

/**
 * Score every value 1…`bins` by its rank among all values, ties sharing a score:
 * `score(vᵢ) = 1 + ⌊bins · (rankᵢ − 1) ÷ N⌋` with `rankᵢ = 1 + #{ j : vⱼ < vᵢ }` (SQL `RANK()`).
 *
 * Higher values get higher scores; to score "smaller is better" (recency) pass the negated values.
 * Equal values always get equal scores (unlike SQL `NTILE`, which splits ties across buckets), so a
 * score can be empty: with half the values tied at the minimum, score 2 of 5 is never given.
 * Only the bins − 1 values where the score changes are needed, and they are selected rather than
 * sorted: O(N log bins) expected, O(N log N) at worst.
 *
 * @param values - finite numbers (any order; not modified)
 * @param bins - number of scores, an integer ≥ 2 (default 5)
 * @returns the score of each value, in input order
 * @throws {@link InvalidOptionError} when `bins` is not an integer from 2 to 100, or a value is not finite
 *
 * @example
 * ```ts
 * import { rankScores } from 'retention-metrics';
 * Array.from(rankScores([10, 20, 20, 30, 40], 5)); // => [1, 2, 2, 4, 5]
 * Array.from(rankScores([1, 1, 1, 2], 4)); // => [1, 1, 1, 4]
 * ```
 */
export function rankScores(values: ArrayLike<number>, bins = 5): Uint8Array {
  assertBins(bins);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) throw new InvalidOptionError(`values[${i}]`, x, `${String(x)} is not a finite number`);
  }
  return scoresBySelection(Float64Array.from(values), bins);
}

/**
 * {@link rankScores} of finite values whose smallest and largest are known already, and whether all
 * are integers (for `rfm`, which finds them while writing the values). Integers in a narrow range are
 * scored by a counting tally (`tally-scores.ts`), many other values by bucket selection
 * (`bucket-scores.ts`), both giving the scores of selection; the rest by selection.
 *
 * @param v - finite values (not modified)
 * @param bins - number of scores, 2 … 100
 * @param min - the smallest value
 * @param max - the largest value
 * @param integers - whether all values are integers
 * @returns the score of each value
 * @internal
 */
export function scoresInRange(v: Float64Array, bins: number, min: number, max: number, integers: boolean): Uint8Array {
  if (tallyFits(v.length, min, max, integers)) return scoresByTally(v, bins, min, max);
  if (bucketsFit(v.length, min, max)) return scoresByBuckets(v, bins, min, max);
  return scoresBySelection(v, bins);
}

/**
 * The score `1 + ⌊bins · L ÷ N⌋`, `L = #{ j : vⱼ < v }`, is at least `s + 1` exactly when
 * `L ≥ Tₛ = ⌈s · N ÷ bins⌉` (s = 1 … bins − 1), that is when `v` exceeds the value of rank `Tₛ − 1`
 * in sorted order, the cut `cₛ`. So only the bins − 1 cuts are needed, found by selection on a copy
 * (no sort), and a value's score is 1 + the number of cuts below it. O(N log bins) expected.
 *
 * @param v - finite values (not modified)
 * @param bins - number of scores, 2 … 100
 * @returns the score of each value
 * @internal
 */
export function scoresBySelection(v: Float64Array, bins: number): Uint8Array {
  const n = v.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  // For s < bins and N ≥ 1, 1 ≤ Tₛ ≤ N: every rank is in range, and the ranks ascend with s.
  const ranks: number[] = [];
  for (let s = 1; s < bins; s++) ranks.push(Math.ceil((s * n) / bins) - 1);
  const copy = v.slice();
  selectRanks(copy, ranks);
  const cuts = Float64Array.from(ranks, (k) => copy[k]);
  for (let i = 0; i < n; i++) scores[i] = 1 + countBelow(cuts, v[i]);
  return scores;
}
