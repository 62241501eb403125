/**
 * Order statistics of an array of numbers in linear expected time: the values at several given
 * ranks of the sorted order, without sorting.
 *
 * @module
 */

/**
 * Rearrange `a` so that, for every rank `k` in `ranks`, `a[k]` holds the value a full sort would put
 * there, everything before it is ≤ it and everything after it ≥ it (Hoare's selection, applied to the
 * middle rank first and then to each side with the ranks that fall there).
 *
 * Expected O(N log R) for N values and R ranks; a range that keeps partitioning badly is sorted
 * natively instead, so the worst case is O(N log N).
 *
 * @param a - the values, rearranged in place (no `NaN`)
 * @param ranks - 0-based ranks, ascending, each in `0 … a.length − 1`
 * @internal
 */
export function selectRanks(a: Float64Array, ranks: readonly number[]): void {
  // Work list of (lo, hi, first rank index, end rank index): a range of `a` and the ranks inside it.
  const stack: number[] = [0, a.length - 1, 0, ranks.length];
  while (stack.length > 0) {
    const rankEnd = stack.pop() ?? 0;
    const rankStart = stack.pop() ?? 0;
    const hi = stack.pop() ?? 0;
    const lo = stack.pop() ?? 0;
    if (rankStart >= rankEnd || lo >= hi) continue;
    const middle = (rankStart + rankEnd) >>> 1;
    const k = ranks[middle] ?? lo;
    selectOne(a, lo, hi, k);
    stack.push(lo, k - 1, rankStart, middle, k + 1, hi, middle + 1, rankEnd);
  }
}

/** Put the value of rank `k` at `a[k]`, smaller-or-equal values before it and larger-or-equal after, within `lo … hi`. */
function selectOne(a: Float64Array, lo: number, hi: number, k: number): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    // Median of three as the pivot, then Hoare's partition (stops on equal values, so runs of
    // duplicates split evenly).
    const mid = lo + ((hi - lo) >>> 1);
    const x = a[lo] ?? 0;
    const y = a[mid] ?? 0;
    const z = a[hi] ?? 0;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo … j] ≤ pivot ≤ a[i … hi], and j < i; values between j and i equal the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
