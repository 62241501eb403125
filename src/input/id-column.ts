/**
 * Numbering a column of ids (order ids): each entry gets the number of its id in order of first sight.
 *
 * @module
 * @internal
 */
import { IdInterner, KEY_WORDS } from './ids.ts';
import type { CustomerId } from './types.ts';

/**
 * @internal The number of each entry's id among the distinct ids of `column[0 … n − 1]`, in order of
 * first sight, with `Map`'s notion of the same id (strings and numbers differ, `-0` is `0`).
 *
 * The ids go through an {@link IdInterner}, staged and numbered in one pass: its hash takes a secret
 * random key, where the engine's `Map` may hash keys without one (V8 hashes number keys with a fixed
 * mix), so that ids chosen to share a bucket would make every look-up walk all of them.
 *
 * @param column - ids, `undefined` where an entry has none
 * @param n - the number of entries
 * @returns each entry's number (−1 where it has no id), and the number of distinct ids
 */
export function numberIdColumn(column: readonly (CustomerId | undefined)[], n: number): { numbers: Int32Array; count: number } {
  let present = 0;
  for (let i = 0; i < n; i++) if (column[i] !== undefined) present++;
  const at = new Uint32Array(present);
  const words = new Uint32Array(present);
  const keys = new Int32Array(KEY_WORDS * present);
  const interner = new IdInterner();
  let k = 0;
  for (let i = 0; i < n; i++) {
    const id = column[i];
    if (id === undefined) continue;
    at[k] = i;
    interner.stage(id, k, words, keys);
    k++;
  }
  interner.numberStaged(words, keys, present);
  const numbers = new Int32Array(n).fill(-1);
  for (k = 0; k < present; k++) numbers[at[k] ?? 0] = words[k] ?? 0;
  return { numbers, count: interner.ids.length };
}
