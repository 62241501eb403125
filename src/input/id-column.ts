/**
 * Numbering a column of ids (order ids): each entry gets the number of its id in order of first sight.
 *
 * @module
 * @internal
 */
import { IdNumbering } from './ids.ts';
import type { CustomerId } from './types.ts';

/**
 * @internal The number of each entry's id among the distinct ids of `column[0 … n − 1]`, in order of
 * first sight, with `Map`'s notion of the same id (strings and numbers differ, `-0` is `0`). The ids
 * go through an {@link IdNumbering}, which no choice of ids slows down.
 *
 * @param column - ids, `undefined` where an entry has none
 * @param n - the number of entries
 * @returns each entry's number (−1 where it has no id), and the number of distinct ids
 */
export function numberIdColumn(column: readonly (CustomerId | undefined)[], n: number): { numbers: Int32Array; count: number } {
  const numbering = new IdNumbering(n);
  const numbers = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const id = column[i];
    if (id !== undefined) numbers[i] = numbering.accountOf(id);
  }
  return { numbers, count: numbering.ids.length };
}
