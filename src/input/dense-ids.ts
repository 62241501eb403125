/**
 * Dense integer ids: a direct table from ids in a narrow range to account numbers, no hashing.
 *
 * @module
 * @internal
 */
import { CHUNK } from '../chunks.ts';
import type { Scratch } from './event-columns.ts';
import type { CustomerId } from './types.ts';

/**
 * @internal A direct table from integer ids to account numbers: slot `id − min` holds the id's
 * account, −1 until it has one. Accounts are numbered in order of first sight, and each one's slot is
 * kept, so that the ids can be listed once at the end ({@link denseIds}) instead of growing an array
 * one id at a time (which allocates about three times the final array on millions of accounts).
 */
export interface DenseTable {
  readonly table: Int32Array;
  readonly min: number;
  /** The slot of each account numbered so far. */
  readonly slots: Uint32Array;
  /** How many accounts are numbered so far. */
  accounts: number;
}

/**
 * @internal An empty {@link DenseTable} for integer ids from `min` to `min + size − 1`, of which there
 * are at most `count`, its arrays taken from `room` when there is room.
 *
 * @param min - the least id
 * @param size - the number of slots
 * @param count - the most accounts there can be
 * @param room - free memory to take the arrays from
 * @returns the table
 */
export function denseTable(min: number, size: number, count: number, room: Scratch | undefined): DenseTable {
  const table = (room === undefined ? new Int32Array(size) : room.int32(size)).fill(-1);
  const most = Math.min(count, size);
  return { table, min, slots: room === undefined ? new Uint32Array(most) : room.uint32(most), accounts: 0 };
}

/**
 * Number the ids of events `lo … hi − 1` (one chunk) through the dense table, into `idOf`; an id seen
 * for the first time becomes the next account.
 *
 * Eight look-ups are issued before any of their results is used: the table is far larger than the
 * cache, and a slot met for the first time (a branch no predictor gets right) would otherwise hold
 * back the next look-up's load. A slot found unnumbered is looked up again, since an earlier event of
 * the same eight may have numbered it.
 *
 * @param idColumn - integer ids, each in the table's range
 * @param dense - the table
 * @param lo - the chunk's first event
 * @param hi - one past its last
 * @param idOf - where each event's account number goes
 */
export function numberDense(idColumn: ArrayLike<number>, dense: DenseTable, lo: number, hi: number, idOf: Uint32Array): void {
  const { table, min } = dense;
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const s0 = (idColumn[i] ?? 0) - min;
    const s1 = (idColumn[i + 1] ?? 0) - min;
    const s2 = (idColumn[i + 2] ?? 0) - min;
    const s3 = (idColumn[i + 3] ?? 0) - min;
    const s4 = (idColumn[i + 4] ?? 0) - min;
    const s5 = (idColumn[i + 5] ?? 0) - min;
    const s6 = (idColumn[i + 6] ?? 0) - min;
    const s7 = (idColumn[i + 7] ?? 0) - min;
    const a0 = table[s0] ?? -1;
    const a1 = table[s1] ?? -1;
    const a2 = table[s2] ?? -1;
    const a3 = table[s3] ?? -1;
    const a4 = table[s4] ?? -1;
    const a5 = table[s5] ?? -1;
    const a6 = table[s6] ?? -1;
    const a7 = table[s7] ?? -1;
    idOf[i] = a0 >= 0 ? a0 : denseAccount(dense, s0);
    idOf[i + 1] = a1 >= 0 ? a1 : denseAccount(dense, s1);
    idOf[i + 2] = a2 >= 0 ? a2 : denseAccount(dense, s2);
    idOf[i + 3] = a3 >= 0 ? a3 : denseAccount(dense, s3);
    idOf[i + 4] = a4 >= 0 ? a4 : denseAccount(dense, s4);
    idOf[i + 5] = a5 >= 0 ? a5 : denseAccount(dense, s5);
    idOf[i + 6] = a6 >= 0 ? a6 : denseAccount(dense, s6);
    idOf[i + 7] = a7 >= 0 ? a7 : denseAccount(dense, s7);
  }
  for (; i < hi; i++) idOf[i] = denseAccount(dense, (idColumn[i] ?? 0) - min);
}

/**
 * @internal The account of a dense table slot, numbering it when it has none yet.
 *
 * @param dense - the table
 * @param slot - an id minus the table's least id
 * @returns the account number
 */
export function denseAccount(dense: DenseTable, slot: number): number {
  const { table } = dense;
  let account = table[slot] ?? -1;
  if (account < 0) {
    account = dense.accounts++;
    table[slot] = account;
    dense.slots[account] = slot;
  }
  return account;
}

/**
 * @internal The ids of a dense table's accounts, in account order: one array of exactly their number.
 *
 * @param dense - the table
 * @returns the ids
 */
export function denseIds(dense: DenseTable): CustomerId[] {
  const ids = new Array<CustomerId>(dense.accounts);
  for (let a = 0; a < dense.accounts; a += CHUNK) idsOfSlots(dense, a, Math.min(dense.accounts, a + CHUNK), ids);
  return ids;
}

/** `ids[a] = min + slot of a` for accounts `lo … hi − 1` (one chunk, see {@link CHUNK}). */
function idsOfSlots(dense: DenseTable, lo: number, hi: number, ids: CustomerId[]): void {
  const { slots, min } = dense;
  for (let a = lo; a < hi; a++) ids[a] = (slots[a] ?? 0) + min;
}
