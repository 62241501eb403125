/**
 * Scores 1…n by rank, ties sharing a score: the RFM scoring rule of DESIGN.md (benchmark W3).
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';

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
 * Cost: one sorted copy and a binary search per value, O(N log N) time and 8·N bytes extra.
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
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    // Number of values strictly less than v: the first index whose value is ≥ v.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = 1 + Math.floor((bins * lo) / n);
  }
  return scores;
}
