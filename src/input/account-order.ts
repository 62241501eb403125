/**
 * The canonical order of a ledger's accounts: by the instant of their first record, ties by id
 * (numbers before strings, numbers ascending, strings by UTF-16 code unit), so that shuffling the input
 * never changes a ledger's ids.
 *
 * @module
 * @internal
 */
import { CHUNK } from '../chunks.ts';
import type { Scratch } from './event-columns.ts';
import type { CustomerId } from './types.ts';

/** Compare two ids: numbers before strings, numbers ascending, strings by UTF-16 code unit. */
export function compareIds(a: CustomerId, b: CustomerId): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical account order: by first instant, ties by id. Returns the rank of each provisional account,
 * or `null` when the provisional numbering already is that order (time-ordered input, usually).
 * `known` is that order's check (see {@link checkCanonical}) when the counting pass made it already.
 */
export function rankAccounts(ids: readonly CustomerId[], first: Float64Array, scratch: Scratch, known: Uint8Array | null): Uint32Array | null {
  const count = ids.length;
  let canonical = known;
  if (canonical === null) {
    canonical = Uint8Array.of(1, 1);
    for (let a = 1; a < count && canonical[SORTED] === 1; a += CHUNK) checkCanonical(ids, first, a, Math.min(count, a + CHUNK), canonical);
  }
  const sorted = canonical[SORTED] === 1;
  if (sorted && canonical[IDS_IN_ORDER] === 1) return null;
  const order = scratch.uint32(count);
  for (let a = 0; a < count; a++) order[a] = a;
  const byTimeThenId = (x: number, y: number): number =>
    (first[x] ?? 0) - (first[y] ?? 0) || compareIds(ids[x] ?? 0, ids[y] ?? 0);
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
  const rank = scratch.uint32(count);
  for (let k = 0; k < count; k++) rank[order[k] ?? 0] = k;
  return rank;
}

// Slots of the state of `checkCanonical`: whether the first instants never decrease, and whether the
// ids of equal first instants are in order (1 or 0).
const SORTED = 0;
export const IDS_IN_ORDER = 1;

/**
 * Compare accounts `lo … hi − 1` (one chunk, see {@link CHUNK}) with the account before each: clears
 * `state[SORTED]` at the first whose first instant is earlier, `state[IDS_IN_ORDER]` at the first with
 * the same first instant and a smaller id.
 */
function checkCanonical(ids: readonly CustomerId[], first: Float64Array, lo: number, hi: number, state: Uint8Array): void {
  let idsInOrder = state[IDS_IN_ORDER] === 1;
  for (let a = lo; a < hi; a++) {
    const d = (first[a] ?? 0) - (first[a - 1] ?? 0);
    if (d < 0) {
      state[SORTED] = 0;
      return;
    }
    if (d === 0 && idsInOrder && compareIds(ids[a - 1] ?? 0, ids[a] ?? 0) > 0) idsInOrder = false;
  }
  state[IDS_IN_ORDER] = idsInOrder ? 1 : 0;
}
