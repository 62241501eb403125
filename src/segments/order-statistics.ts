/**
 * Order statistics: the values a sort would put at a few given ranks, found by selection rather than a
 * sort, and the number of values of a sorted array below a given value.
 *
 * @module
 * @internal
 */

/**
 * Rearrange `a` so that, for every rank `k` in `ranks`, `a[k]` holds the value a full sort would put
 * there, with everything before it ≤ it and everything after it ≥ it: Hoare's partition around a
 * median of three, then the same on each side that holds ranks, with those ranks (multiselect).
 *
 * Expected O(N log R) for N values and R ranks. A part still unfinished after `2 · log₂ N + 8`
 * partitions on its path is sorted instead, so adversarial inputs cost O(N log N), not O(N²).
 *
 * @param a - the values, rearranged in place (no `NaN`; `-0` and `0` count as equal)
 * @param ranks - 0-based ranks in ascending order (repeats allowed), each in `0 … a.length − 1`
 * @throws RangeError for a rank outside `0 … a.length − 1` or out of order
 * @internal
 */
export function selectRanks(a: Float64Array, ranks: readonly number[]): void {
  ranks.forEach((k, r) => {
    if (!(Number.isInteger(k) && k >= (r === 0 ? 0 : ranks[r - 1]) && k < a.length)) {
      throw new RangeError(`rank ${k} is not in ascending order within 0 … ${a.length - 1}`);
    }
  });
  // Invariant of each visit: the ranks `ranks[from … to − 1]` all lie in `a[lo … hi]`, and every value
  // of `a[lo … hi]` is ≥ every value before `lo` and ≤ every value after `hi`.
  const visit = (lo: number, hi: number, from: number, to: number, depthLeft: number): void => {
    if (from >= to || lo >= hi) return;
    if (depthLeft === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const { lastBelow, firstAbove } = partition(a, lo, hi);
    // Ranks between lastBelow and firstAbove hold the pivot already.
    let split = from;
    while (split < to && ranks[split] <= lastBelow) split++;
    let rest = split;
    while (rest < to && ranks[rest] < firstAbove) rest++;
    visit(lo, lastBelow, from, split, depthLeft - 1);
    visit(firstAbove, hi, rest, to, depthLeft - 1);
  };
  visit(0, a.length - 1, 0, ranks.length, 2 * Math.ceil(Math.log2(a.length + 1)) + 8);
}

/**
 * Hoare's partition of `a[lo … hi]` (lo < hi) around the median of its first, middle and last values:
 * afterwards `a[lo … lastBelow]` ≤ pivot ≤ `a[firstAbove … hi]`, `lastBelow < firstAbove`, and values in
 * between equal the pivot. Both scans stop on values equal to the pivot, so runs of ties split evenly.
 */
function partition(a: Float64Array, lo: number, hi: number): { lastBelow: number; firstAbove: number } {
  const x = a[lo];
  const y = a[lo + ((hi - lo) >>> 1)];
  const z = a[hi];
  const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
  let i = lo;
  let j = hi;
  while (i <= j) {
    while (a[i] < pivot) i++;
    while (a[j] > pivot) j--;
    if (i <= j) {
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
      i++;
      j--;
    }
  }
  return { lastBelow: j, firstAbove: i };
}

/**
 * The number of values of `sorted` below `x`, by binary search: `#{ i : sorted[i] < x }`.
 *
 * @param sorted - ascending under `<` (a typed-array sort, which puts `-0` before `0`, qualifies;
 *   `-0` and `0` count as equal)
 * @param x - any number but `NaN`
 * @returns the count, `0 … sorted.length`
 * @internal
 */
export function countBelow(sorted: Float64Array, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < x) low = mid + 1;
    else high = mid;
  }
  return low;
}
