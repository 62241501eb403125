/**
 * Scores 1…n by rank, ties sharing a score: the RFM scoring rule of DESIGN.md (benchmark W3).
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { selectRanks } from './order-statistics.ts';

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
 * Cost: integers in a range no wider than 4·N are tallied (O(N + range)); anything else needs only
 * the bins − 1 values where the score changes, found by selection rather than a sort (O(N log bins)
 * expected, O(N log N) at worst). Both give the same scores.
 *
 * @param values - finite numbers (any order; not modified)
 * @param bins - number of scores, an integer ≥ 2 (default 5)
 * @returns the score of each value, in input order
 * @throws {@link InvalidOptionError} when `bins` is not an integer from 2 to 100
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
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    if (!Number.isFinite(v)) throw new InvalidOptionError(`values[${i}]`, v, `${String(v)} is not a finite number`);
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  if (integers && n > 0 && max - min <= 4 * n) return countedScores(values, bins, min, max);
  return selectedScores(values, bins);
}

/** Integers in a range no wider than 4·N: tally each value, prefix sums give `#{ vⱼ < v }` directly. O(N + range). */
function countedScores(values: ArrayLike<number>, bins: number, min: number, max: number): Uint8Array {
  const n = values.length;
  const less = new Float64Array(max - min + 2);
  for (let i = 0; i < n; i++) {
    const slot = (values[i] ?? 0) - min + 1;
    less[slot] = (less[slot] ?? 0) + 1;
  }
  for (let k = 1; k < less.length; k++) less[k] = (less[k] ?? 0) + (less[k - 1] ?? 0);
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[i] = 1 + Math.floor((bins * (less[(values[i] ?? 0) - min] ?? 0)) / n);
  return scores;
}

/**
 * Any finite values. A score only changes where `#{ vⱼ < v }` reaches a threshold
 * `Tₛ = ⌈s · N ÷ bins⌉` (s = 1 … bins − 1), and `#{ vⱼ < v } ≥ Tₛ` exactly when `v` is greater than the
 * value of rank `Tₛ − 1` in sorted order. So the bins − 1 values at those ranks are selected (no sort,
 * O(N log bins) expected), and each value's score is 1 + the number of them it exceeds.
 */
function selectedScores(values: ArrayLike<number>, bins: number): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  const ranks: number[] = [];
  for (let s = 1; s < bins; s++) ranks.push(Math.ceil((s * n) / bins) - 1);
  const work = Float64Array.from(values);
  selectRanks(work, ranks);
  const cuts = Float64Array.from(ranks, (rank) => work[rank] ?? 0);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    // The number of cuts below v (cuts ascend): a binary search over at most 99 values.
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cuts[mid] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = 1 + lo;
  }
  return scores;
}
