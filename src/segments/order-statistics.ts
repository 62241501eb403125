/**
 * The number of values of a sorted array below a given value: `#{ i : sorted[i] < x }`, the rank − 1
 * of `x` among them, on which rank scores and scores by cut points rest.
 *
 * @module
 * @internal
 */

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
