/**
 * The canonical order of a ledger's accounts: by the instant of their first record, ties by id
 * (numbers before strings, numbers ascending, strings by UTF-16 code unit), so that shuffling the input
 * never changes a ledger's ids.
 *
 * @module
 * @internal
 */
import type { CustomerId } from './types.ts';

/**
 * Compare two ids: numbers before strings, numbers ascending, strings by UTF-16 code unit.
 *
 * @param a - an id
 * @param b - another id
 * @returns negative when `a` comes first, positive when `b` does, 0 for the same id
 */
export function compareIds(a: CustomerId, b: CustomerId): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical account order: by first instant, ties by id.
 *
 * @param ids - the ids, by provisional account number
 * @param first - each provisional account's first instant
 * @returns the provisional accounts in canonical order, or `null` when the provisional numbering
 *   already is that order (as for time-ordered input)
 */
export function canonicalOrder(ids: readonly CustomerId[], first: Float64Array): Uint32Array | null {
  const count = ids.length;
  let sorted = true;
  let idsInOrder = true;
  for (let a = 1; a < count && sorted; a++) {
    const d = first[a] - first[a - 1];
    if (d < 0) sorted = false;
    else if (d === 0 && compareIds(ids[a - 1], ids[a]) > 0) idsInOrder = false;
  }
  if (sorted && idsInOrder) return null;
  const order = new Uint32Array(count);
  for (let a = 0; a < count; a++) order[a] = a;
  const byTimeThenId = (x: number, y: number): number => first[x] - first[y] || compareIds(ids[x], ids[y]);
  if (!sorted) {
    order.sort(byTimeThenId);
  } else {
    // Already in time order: only runs of equal first instants need their ids ordered.
    let runStart = 0;
    for (let a = 1; a <= count; a++) {
      if (a === count || first[a] !== first[runStart]) {
        if (a - runStart > 1) order.subarray(runStart, a).sort(byTimeThenId);
        runStart = a;
      }
    }
  }
  return order;
}
