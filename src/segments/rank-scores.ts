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
 * Cost: integers in a range no wider than 4·N are counted (O(N + range)); other integers below 2^31
 * apart are packed with their position into one sortable double (one native sort, O(N log N));
 * anything else takes a sorted copy and a binary search per value (O(N log N)). All three give the
 * same scores.
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
  if (integers && n > 0 && n <= PACK && max - min < 2 ** 31) return packedScores(values, bins, min);
  return searchedScores(values, bins);
}

/** Positions fit in 22 bits of a packed key; values in 31 more (exact below 2^53). */
const PACK = 2 ** 22;

/** Integers in a small range: count them, prefix sums give "how many are smaller". */
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

/** Integers: sort (value, position) packed into one double, then walk runs of equal values. */
function packedScores(values: ArrayLike<number>, bins: number, min: number): Uint8Array {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ((values[i] ?? 0) - min) * PACK + i;
  keys.sort();
  const scores = new Uint8Array(n);
  let runValue = -1;
  let score = 1;
  for (let k = 0; k < n; k++) {
    const key = keys[k] ?? 0;
    const value = Math.floor(key / PACK);
    if (value !== runValue) {
      runValue = value;
      score = 1 + Math.floor((bins * k) / n);
    }
    scores[key - value * PACK] = score;
  }
  return scores;
}

/** Any finite numbers: a sorted copy and a binary search for "how many are smaller". */
function searchedScores(values: ArrayLike<number>, bins: number): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
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
