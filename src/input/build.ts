/**
 * The shared back half of every ledger builder: merge order lines, order accounts canonically,
 * group events by account (stable counting sort) and sort each account's events by time.
 *
 * @module
 */
import { CHUNK, prefixSums } from '../chunks.ts';
import { RetentionError } from '../errors.ts';
import { CUSTOMER_COUNT, MAX_TIME, MIN_TIME, NO_TOTALS, ORDER_COUNT, allocateAccountTotals, finishAccounts, ledgerSums } from './account-totals.ts';
import { Scratch, allocateEventColumns } from './event-columns.ts';
import { IDS_IN_ORDER, compareIds, rankAccounts } from './account-order.ts';
import { LedgerObject } from './ledger-object.ts';
import { mergeOrderLines } from './order-lines.ts';
import { MAX_EXACT_MINOR } from './money.ts';
import type { ResolvedLedgerOptions } from './options.ts';
import type { Problems, StagedEvents } from './staged-events.ts';
import type { CustomerId, Ledger } from './types.ts';

/** Events per account and each account's first instant. */
interface AccountStats {
  count: Uint32Array;
  first: Float64Array;
  /** The canonical-order check (see `account-order.ts`) when counting made it (events in time order), else `null`. */
  canonical: Uint8Array | null;
}

/**
 * {@link AccountStats} over the live events — a pass of its own rather than part of the staging pass:
 * its random accesses are addressed by the sequentially read account numbers, so they overlap, where
 * inside the staging pass each would wait on the id look-up's own cache miss (measured slower on
 * millions of events). When the events are in time order (and none was merged away), an account's
 * first instant is that of the event that numbered it: accounts are numbered in order of first
 * appearance, so those instants are written in account order, without reading anything back.
 */
function accountStats(staged: StagedEvents, dead: Uint8Array | null, ordered: boolean, scratch: Scratch): AccountStats {
  const { n, idOf, time, ids } = staged;
  const first = scratch.float64(ids.length).fill(Number.POSITIVE_INFINITY);
  const count = scratch.uint32(ids.length);
  if (ordered && dead === null) {
    // The first instants come in account order, so they never decrease: only ties need their ids checked.
    const state = Uint32Array.of(0, 1);
    for (let i = 0; i < n; i += CHUNK) countInOrder(idOf, time, ids, i, Math.min(n, i + CHUNK), count, first, state);
    return { count, first, canonical: Uint8Array.of(1, state[IDS_IN_ORDER] ?? 0) };
  }
  for (let i = 0; i < n; i += CHUNK) countAny(idOf, time, dead, i, Math.min(n, i + CHUNK), count, first);
  return { count, first, canonical: null };
}

/** Slot of `countInOrder`'s state: the first account not yet seen (slot 1 is `IDS_IN_ORDER`). */
const NEXT = 0;

/**
 * {@link accountStats} of events `lo … hi − 1` (one chunk, see {@link CHUNK}) in time order, none
 * merged away: `state[NEXT]` is the first account not yet seen, and `state[IDS_IN_ORDER]` is cleared
 * at the first account whose first instant equals the one before's and whose id is smaller.
 */
function countInOrder(
  idOf: Uint32Array,
  time: Float64Array,
  ids: readonly CustomerId[],
  lo: number,
  hi: number,
  count: Uint32Array,
  first: Float64Array,
  state: Uint32Array,
): void {
  let seen = state[NEXT] ?? 0;
  let idsInOrder = state[IDS_IN_ORDER] === 1;
  for (let i = lo; i < hi; i++) {
    const a = idOf[i] ?? 0;
    count[a] = (count[a] ?? 0) + 1;
    if (a !== seen) continue;
    const t = time[i] ?? 0;
    if (seen > 0 && t === first[seen - 1] && idsInOrder && compareIds(ids[seen - 1] ?? 0, ids[seen] ?? 0) > 0) idsInOrder = false;
    first[seen++] = t;
  }
  state[NEXT] = seen;
  state[IDS_IN_ORDER] = idsInOrder ? 1 : 0;
}

/** {@link accountStats} of events `lo … hi − 1` (one chunk) in any order, skipping merged ones. */
function countAny(idOf: Uint32Array, time: Float64Array, dead: Uint8Array | null, lo: number, hi: number, count: Uint32Array, first: Float64Array): void {
  for (let i = lo; i < hi; i++) {
    if (dead !== null && dead[i] === 1) continue;
    const a = idOf[i] ?? 0;
    count[a] = (count[a] ?? 0) + 1;
    const t = time[i] ?? 0;
    if (t < (first[a] ?? 0)) first[a] = t;
  }
}

/** Σ |minor| over the events left alive by merging. */
function liveAbsTotal(minor: Float64Array, n: number, dead: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) if (dead[i] !== 1) total += Math.abs(minor[i] ?? 0);
  return total;
}

/** Ids `lo … hi − 1` (one chunk, see {@link CHUNK}) without events: ids whose only records were merged away. */
function emptyAccounts(count: Uint32Array, lo: number, hi: number): number {
  let empty = 0;
  for (let a = lo; a < hi; a++) if ((count[a] ?? 0) === 0) empty++;
  return empty;
}

/** Ids `lo … hi − 1` (one chunk) put in canonical order, with their event counts at `start[rank + 1]`. */
function rankedStarts(
  ids: readonly CustomerId[],
  rank: Uint32Array,
  count: Uint32Array,
  lo: number,
  hi: number,
  sortedIds: CustomerId[],
  start: Uint32Array,
): void {
  const accountCount = sortedIds.length;
  for (let a = lo; a < hi; a++) {
    const r = rank[a] ?? 0;
    if (r >= accountCount) continue;
    sortedIds[r] = ids[a] ?? 0;
    start[r + 1] = count[a] ?? 0;
  }
}

/**
 * The destination of events `lo … hi − 1` (one chunk) in the grouped columns, written over their
 * account numbers in `idOf`; `cursor` is each account's next free place (by rank).
 */
function placeEvents(idOf: Uint32Array, rank: Uint32Array | null, dead: Uint8Array | null, lo: number, hi: number, cursor: Uint32Array): void {
  for (let i = lo; i < hi; i++) {
    if (dead !== null && dead[i] === 1) continue;
    const r = rank === null ? (idOf[i] ?? 0) : (rank[idOf[i] ?? 0] ?? 0);
    const p = cursor[r] ?? 0;
    cursor[r] = p + 1;
    idOf[i] = p;
  }
}

/** Copy events `lo … hi − 1` (one chunk) of one column to their destinations, skipping merged ones. */
function moveEvents(position: Uint32Array, from: Float64Array, dead: Uint8Array | null, lo: number, hi: number, to: Float64Array): void {
  if (dead === null) {
    for (let i = lo; i < hi; i++) to[position[i] ?? 0] = from[i] ?? 0;
  } else {
    for (let i = lo; i < hi; i++) if (dead[i] !== 1) to[position[i] ?? 0] = from[i] ?? 0;
  }
}

/** Turn staged events into a frozen ledger. */
export function buildLedger(
  staged: StagedEvents,
  options: ResolvedLedgerOptions,
  problems: Problems,
  recordCount: number,
): Ledger {
  const dead = mergeOrderLines(staged, problems);
  const { n, idOf, ids, time, minor } = staged;
  // Merging moves an order to its earliest line's instant, so only unmerged input counts as ordered.
  const ordered = dead === null && staged.ordered;
  // The per-account temporaries (counts, first instants, ranks) live in the scratch memory until the
  // events are moved into the ledger's columns, which may be that memory.
  const scratch = staged.scratch ?? new Scratch(new ArrayBuffer(0));
  scratch.reset();
  const { count, first, canonical } = accountStats(staged, dead, ordered, scratch);
  const absTotal = dead === null ? staged.absTotal : liveAbsTotal(minor, n, dead);
  if (absTotal > MAX_EXACT_MINOR) {
    throw new RetentionError(
      `the amounts add up to more than ${MAX_EXACT_MINOR} minor units in absolute value, beyond exact arithmetic`,
    );
  }
  const rank = rankAccounts(ids, first, scratch, canonical);
  // An id whose only record was skipped during merging has no event: it is no account. Such ids have
  // no first instant (+∞), so they rank last and are cut off here. Without merging, every id has an event.
  let accountCount = ids.length;
  if (dead !== null) for (let a = 0; a < ids.length; a += CHUNK) accountCount -= emptyAccounts(count, a, Math.min(ids.length, a + CHUNK));
  const start = new Uint32Array(accountCount + 1);
  let sortedIds: CustomerId[];
  if (rank === null) {
    // The numbering is canonical: ids without events, if any, are the last ones.
    sortedIds = ids.length === accountCount ? ids : ids.slice(0, accountCount);
    start.set(count.subarray(0, accountCount), 1);
  } else {
    sortedIds = new Array<CustomerId>(accountCount);
    for (let a = 0; a < ids.length; a += CHUNK) rankedStarts(ids, rank, count, a, Math.min(ids.length, a + CHUNK), sortedIds, start);
  }
  for (let r = 1; r <= accountCount; r += CHUNK) prefixSums(start, r, Math.min(accountCount + 1, r + CHUNK));
  const events = start[accountCount] ?? 0;
  // The counts have served: their array becomes each account's cursor (by rank), no new allocation.
  const cursor = count;
  cursor.set(start.subarray(0, accountCount));
  // Columns allocated up front are used when they are not much larger than the events (merged order
  // lines or skipped records can leave far fewer): the ledger keeps its buffer alive.
  const reserved = staged.output;
  const out = reserved !== undefined && reserved.time.length <= events + (events >>> 2) ? reserved : allocateEventColumns(events);
  const outTime = out.time.subarray(0, events);
  const outMinor = out.minor.subarray(0, events);
  // Stable counting sort by account (input order kept within an account). When the accounts' numbering
  // is already canonical (time-ordered input), the rank lookup is skipped. Each event's destination is
  // computed first (into idOf, which is not needed afterwards), then each column is moved on its own:
  // a store whose address waits on a missed load of the cursor serializes the memory accesses, while
  // stores to addresses read from an array overlap (about twice as fast on millions of events).
  const position = idOf;
  for (let i = 0; i < n; i += CHUNK) placeEvents(idOf, rank, dead, i, Math.min(n, i + CHUNK), cursor);
  for (let i = 0; i < n; i += CHUNK) moveEvents(position, time, dead, i, Math.min(n, i + CHUNK), outTime);
  for (let i = 0; i < n; i += CHUNK) moveEvents(position, minor, dead, i, Math.min(n, i + CHUNK), outMinor);
  // Per-account finishing, a chunk of accounts per kernel call: order counts, the ledger-wide sums and,
  // when asked for now, the per-account totals — one pass over each chunk's events.
  const orders = new Uint32Array(accountCount);
  const sums = ledgerSums();
  // The staged account numbers (and, when the staging made them, its time and amount columns) are
  // dead now that the events are moved: the totals take that memory where it fits.
  const eager = staged.eagerTotals === true ? allocateAccountTotals(accountCount, idOf.buffer) : null;
  const { firstOrder, lastOrder, grossMinor, netMinor } = eager ?? NO_TOTALS;
  for (let r = 0; r < accountCount; r += CHUNK) {
    finishAccounts(start, outTime, outMinor, r, Math.min(accountCount, r + CHUNK), orders, sums, firstOrder, lastOrder, grossMinor, netMinor);
  }
  const orderCount = sums[ORDER_COUNT] ?? 0;
  const customerCount = sums[CUSTOMER_COUNT] ?? 0;
  const minTime = sums[MIN_TIME] ?? 0;
  const maxTime = sums[MAX_TIME] ?? 0;
  // Totals not summed above are summed on first read (one pass over the events, then kept): a caller
  // who never asks for them does not pay their memory, and their allocation comes after the caller has
  // had the chance to let go of its records (see allocateEventColumns).
  return new LedgerObject(
    {
      timeZone: options.timeZone,
      currency: options.currency,
      currencyDigits: options.currencyDigits,
      ids: Object.freeze(sortedIds),
      start,
      time: outTime,
      minor: outMinor,
      orders,
      recordCount,
      eventCount: events,
      orderCount,
      refundCount: events - orderCount,
      customerCount,
      minTime: events === 0 ? null : minTime,
      maxTime: events === 0 ? null : maxTime,
      skipped: Object.freeze(problems.skipped.slice()),
    },
    eager,
    sums,
  );
}
