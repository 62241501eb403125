/**
 * The fast path of `ledger.fromColumns` for the common columnar case, and the dense id table it and
 * the general path share: integer ids in a typed array spanning a range not much larger than the
 * column are numbered through a table indexed by the id, without hashing.
 *
 * @module
 * @internal
 */
import { CHUNK } from '../chunks.ts';
import type { StagedEvents } from './staged-events.ts';
import { MAX_DATE_MS, MIN_DATE_MS } from './dates.ts';
import type { Scratch } from './event-columns.ts';
import { type DenseTable, denseIds, denseTable, numberDense } from './ids.ts';
import { MAX_EXACT_MINOR } from './money.ts';

/**
 * A lookup from dense integer ids to account numbers, when the id column is a typed array whose values
 * are integers in a range not much larger than the column; `null` otherwise (the ids are interned then).
 */
export function denseIdTable(ids: ArrayLike<unknown>, n: number, room: Scratch): DenseTable | null {
  if (!ArrayBuffer.isView(ids) || n === 0) return null;
  const range = Float64Array.of(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i += CHUNK) if (!idRange(ids, i, Math.min(n, i + CHUNK), range)) return null;
  return tableForRange(range[0] ?? 0, range[1] ?? 0, n, room);
}

/**
 * An empty dense table (every slot −1) for integer ids from `min` to `max`, or `null` when that range
 * is much larger than the `n` ids.
 */
function tableForRange(min: number, max: number, n: number, room: Scratch): DenseTable | null {
  if (max - min > 2 * n + 1024) return null;
  return denseTable(min, max - min + 1, n, room);
}

/**
 * The smallest and largest of ids `lo … hi − 1` (one chunk, see {@link CHUNK}) added to `range`
 * (`[min, max]`); `false` at the first id that is not an integer.
 */
function idRange(ids: ArrayLike<unknown>, lo: number, hi: number, range: Float64Array): boolean {
  let min = range[0] ?? 0;
  let max = range[1] ?? 0;
  for (let i = lo; i < hi; i++) {
    const v = ids[i];
    if (typeof v !== 'number' || !Number.isInteger(v)) return false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  range[0] = min;
  range[1] = max;
  return true;
}

/**
 * The fast path for the common columnar case — integer ids in a typed array spanning a range not much
 * larger than the column, epoch ms and minor units in `Float64Array`s, no order ids: one pass validates
 * the entries and finds the ids' range, another numbers the accounts through a dense table, and the
 * caller's time and amount arrays are staged without copying them (they are only read). Returns `null`
 * at the first entry that needs the general path (which then reports it, or skips it, with the usual
 * message), or when the ids are too sparse for a table.
 */
export function stageDenseTyped(idColumn: ArrayLike<unknown>, time: Float64Array, minor: Float64Array, room: Scratch): StagedEvents | null {
  const n = time.length;
  if (n === 0) return null;
  const state = Float64Array.of(Number.NEGATIVE_INFINITY, 1, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i += CHUNK) if (!checkTyped(idColumn, time, minor, i, Math.min(n, i + CHUNK), state)) return null;
  // Beyond the exact range the general path names the entry that crosses it.
  if ((state[ABS_TOTAL] ?? 0) > MAX_EXACT_MINOR) return null;
  const dense = tableForRange(state[MIN_ID] ?? 0, state[MAX_ID] ?? 0, n, room);
  if (dense === null) return null;
  const idOf = new Uint32Array(n);
  for (let i = 0; i < n; i += CHUNK) numberDense(idColumn as ArrayLike<number>, dense, i, Math.min(n, i + CHUNK), idOf);
  return { n, idOf, ids: denseIds(dense), time, minor, index: null, orderId: null, ordered: state[ORDERED] === 1, absTotal: state[ABS_TOTAL] ?? 0, eagerTotals: true };
}

// Slots of the running state of `checkTyped`: the last instant, whether the instants never decreased
// (1 or 0), Σ |amount|, and the smallest and largest id.
const LAST_TIME = 0;
const ORDERED = 1;
const ABS_TOTAL = 2;
const MIN_ID = 3;
const MAX_ID = 4;

/**
 * Check entries `lo … hi − 1` (one chunk, see {@link CHUNK}) of a typed id column and typed time and
 * amount columns for the fast path, noting the time order, Σ |amount| and the ids' range in `state`;
 * `false` at the first entry that needs the general path.
 */
function checkTyped(ids: ArrayLike<unknown>, time: Float64Array, minor: Float64Array, lo: number, hi: number, state: Float64Array): boolean {
  let lastTime = state[LAST_TIME] ?? 0;
  let ordered = state[ORDERED] === 1;
  let absTotal = state[ABS_TOTAL] ?? 0;
  let minId = state[MIN_ID] ?? 0;
  let maxId = state[MAX_ID] ?? 0;
  for (let i = lo; i < hi; i++) {
    const id = ids[i];
    const t = time[i] ?? Number.NaN;
    const amount = minor[i] ?? Number.NaN;
    if (typeof id !== 'number' || !Number.isInteger(id)) return false;
    if (!(t >= MIN_DATE_MS && t <= MAX_DATE_MS) || !Number.isInteger(amount) || Math.abs(amount) > MAX_EXACT_MINOR) return false;
    if (amount === 0 && Object.is(amount, -0)) return false; // the general path refuses a negative zero
    if (id < minId) minId = id;
    if (id > maxId) maxId = id;
    if (t < lastTime) ordered = false;
    lastTime = t;
    absTotal += Math.abs(amount);
  }
  state[LAST_TIME] = lastTime;
  state[ORDERED] = ordered ? 1 : 0;
  state[ABS_TOTAL] = absTotal;
  state[MIN_ID] = minId;
  state[MAX_ID] = maxId;
  return true;
}
