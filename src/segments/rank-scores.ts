/**
 * Scores 1…n by rank, ties sharing a score: the RFM scoring rule of docs/definitions.md.
 *
 * @module
 */
import { CHUNK, prefixSums } from '../chunks.ts';
import { InvalidOptionError } from '../errors.ts';
import { countCutsBelow, valuesAtRanks } from './order-statistics.ts';

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
 * Cost: integers whose largest and smallest differ by at most 4·N and at most 65,536 are tallied
 * (O(N + range)); anything else needs only the bins − 1 values where the score changes, found by
 * selection rather than a sort (O(N) expected when the values spread over several powers of two,
 * O(N log bins) when they crowd into one, O(N log N) at worst), and each value's score then comes from
 * a table of value ranges (one look-up for most values). Both give the same scores.
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
  // One element type for every loop below (a copy for arrays and other typed arrays).
  const v = values instanceof Float64Array ? values : Float64Array.from(values);
  const n = v.length;
  const range = new Float64Array(RANGE);
  range[MIN] = Number.POSITIVE_INFINITY;
  range[MAX] = Number.NEGATIVE_INFINITY;
  range[INTEGERS] = 1;
  for (let lo = 0; lo < n; lo += CHUNK) {
    const bad = scanRange(v, lo, Math.min(n, lo + CHUNK), range);
    if (bad >= 0) throw new InvalidOptionError(`values[${bad}]`, values[bad], `${String(values[bad])} is not a finite number`);
  }
  return scoresInRange(v, bins, range[MIN] ?? 0, range[MAX] ?? 0, range[INTEGERS] === 1);
}

/**
 * {@link rankScores} of finite values whose smallest and largest are known already, and whether all
 * are integers (for a caller that found them while writing the values).
 *
 * @internal
 */
export function scoresInRange(v: Float64Array, bins: number, min: number, max: number, integers: boolean): Uint8Array {
  const n = v.length;
  if (integers && n > 0 && n <= MAX_TALLY && max - min <= Math.min(4 * n, MAX_TALLY_RANGE)) return countedScores(v, bins, min, max);
  return selectedScores(v, bins);
}

/** Most values {@link countedScores} takes: its tallies are 32-bit counts (half the memory of doubles). */
const MAX_TALLY = 2 ** 32 - 1;

/**
 * Widest range of integers {@link countedScores} tallies. Beyond it a tally no longer fits the cache and
 * selection is faster; below it the tally is ahead (measured: bench/JOURNAL.md).
 */
const MAX_TALLY_RANGE = 2 ** 16;

// Slots of the running minimum, maximum and "all integers so far" of `scanRange`.
const MIN = 0;
const MAX = 1;
const INTEGERS = 2;
const RANGE = 3;

/** Fold `v[lo … hi − 1]` (one chunk, see {@link CHUNK}) into `range`; returns the first non-finite position, or −1. */
function scanRange(v: Float64Array, lo: number, hi: number, range: Float64Array): number {
  let min = range[MIN] ?? 0;
  let max = range[MAX] ?? 0;
  let integers = range[INTEGERS] === 1;
  for (let i = lo; i < hi; i++) {
    const x = v[i] ?? 0;
    if (!Number.isFinite(x)) return i;
    if (x < min) min = x;
    if (x > max) max = x;
    if (integers && !Number.isInteger(x)) integers = false;
  }
  range[MIN] = min;
  range[MAX] = max;
  range[INTEGERS] = integers ? 1 : 0;
  return -1;
}

/**
 * Integers in a narrow range (see {@link MAX_TALLY_RANGE}): tally each value; prefix sums give
 * `#{ vⱼ < v }` for every value in the range, which is turned into that value's score once, so each
 * value's score is then one look-up. O(N + range).
 */
function countedScores(v: Float64Array, bins: number, min: number, max: number): Uint8Array {
  const n = v.length;
  const less = new Uint32Array(max - min + 2);
  for (let lo = 0; lo < n; lo += CHUNK) tally(v, lo, Math.min(n, lo + CHUNK), min, less);
  for (let lo = 1; lo < less.length; lo += CHUNK) prefixSums(less, lo, Math.min(less.length, lo + CHUNK));
  for (let lo = 0; lo < less.length; lo += CHUNK) scoresOfSlots(less, lo, Math.min(less.length, lo + CHUNK), bins, n);
  const scores = new Uint8Array(n);
  for (let lo = 0; lo < n; lo += CHUNK) scoreByTally(v, lo, Math.min(n, lo + CHUNK), min, less, scores);
  return scores;
}

/** Count `v[lo … hi − 1]` into `less` (slot = value − min + 1). */
function tally(v: Float64Array, lo: number, hi: number, min: number, less: Uint32Array): void {
  for (let i = lo; i < hi; i++) {
    const slot = (v[i] ?? 0) - min + 1;
    less[slot] = (less[slot] ?? 0) + 1;
  }
}

/** Slots `lo … hi − 1` of the prefix-summed tally, `#{ vⱼ < min + slot }`, replaced by the score of the value `min + slot`. */
function scoresOfSlots(less: Uint32Array, lo: number, hi: number, bins: number, n: number): void {
  for (let s = lo; s < hi; s++) less[s] = 1 + Math.floor((bins * (less[s] ?? 0)) / n);
}

/** Scores of `v[lo … hi − 1]`, looked up in the tally of scores. */
function scoreByTally(v: Float64Array, lo: number, hi: number, min: number, scoreOf: Uint32Array, scores: Uint8Array): void {
  for (let i = lo; i < hi; i++) scores[i] = scoreOf[(v[i] ?? 0) - min] ?? 1;
}

/**
 * Any finite values. A score only changes where `#{ vⱼ < v }` reaches a threshold
 * `Tₛ = ⌈s · N ÷ bins⌉` (s = 1 … bins − 1), and `#{ vⱼ < v } ≥ Tₛ` exactly when `v` is greater than the
 * value of rank `Tₛ − 1` in sorted order. So the bins − 1 values at those ranks are selected (no sort,
 * see `valuesAtRanks`), and each value's score is 1 + the number of them it exceeds (mostly one table
 * look-up, see `countCutsBelow`).
 */
function selectedScores(v: Float64Array, bins: number): Uint8Array {
  const n = v.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  const ranks: number[] = [];
  for (let s = 1; s < bins; s++) ranks.push(Math.ceil((s * n) / bins) - 1);
  countCutsBelow(v, valuesAtRanks(v, ranks), 1, scores);
  return scores;
}

