/**
 * What each account's events add up to (first and last order, gross and net), and what the whole
 * ledger's add up to: one pass over the events grouped by account.
 *
 * @module
 */
import { CHUNK } from '../chunks.ts';

/** Per-account totals of a ledger, index = account number. */
export interface AccountTotals {
  /** Instant of each account's first order; `NaN` for an account without orders. */
  readonly firstOrder: Float64Array;
  /** Instant of each account's last order; `NaN` for an account without orders. */
  readonly lastOrder: Float64Array;
  /** Sum of each account's order amounts, minor units. */
  readonly grossMinor: Float64Array;
  /** Sum of each account's amounts, orders and refunds, minor units. */
  readonly netMinor: Float64Array;
}

// Slots of the ledger-wide sums of `finishAccounts` (a `Float64Array` from `ledgerSums`). Money is in
// minor units; the instants are epoch ms, ±∞ while no event (or order) has been seen.
/** Orders (events with amount ≥ 0). */
export const ORDER_COUNT = 0;
/** Accounts with at least one order. */
export const CUSTOMER_COUNT = 1;
/** Accounts with at least two orders. */
export const REPEAT_CUSTOMERS = 2;
/** Orders with amount 0. */
export const ZERO_VALUE_ORDERS = 3;
/** Σ order amounts. */
export const GROSS = 4;
/** Σ amounts, orders and refunds. */
export const NET = 5;
/** Σ amounts of each account's second and later orders. */
export const REPEAT_GROSS = 6;
/** The first event's instant. */
export const MIN_TIME = 7;
/** The last event's instant. */
export const MAX_TIME = 8;
/** The first order's instant. */
export const FIRST_ORDER = 9;
/** The last order's instant. */
export const LAST_ORDER = 10;
const SUM_SLOTS = 11;

/**
 * Empty ledger-wide sums for {@link finishAccounts} (counts and money 0, instants ±∞).
 *
 * @internal
 */
export function ledgerSums(): Float64Array {
  const sums = new Float64Array(SUM_SLOTS);
  sums[MIN_TIME] = Number.POSITIVE_INFINITY;
  sums[MAX_TIME] = Number.NEGATIVE_INFINITY;
  sums[FIRST_ORDER] = Number.POSITIVE_INFINITY;
  sums[LAST_ORDER] = Number.NEGATIVE_INFINITY;
  return sums;
}

/**
 * Sum every account's events in one pass (events grouped by account, in time order within each).
 *
 * @param events - the ledger's `start`, `time` and `minor` columns
 * @returns the totals of accounts `0 … start.length − 2`
 * @internal
 */
export function accountTotals(events: { readonly start: Uint32Array; readonly time: Float64Array; readonly minor: Float64Array }): AccountTotals {
  const { start, time, minor } = events;
  const accounts = Math.max(0, start.length - 1);
  const totals = allocateAccountTotals(accounts);
  // The order counts and ledger-wide sums are the ledger's already; this pass only needs room for them.
  const orders = new Uint32Array(accounts);
  const sums = ledgerSums();
  const { firstOrder, lastOrder, grossMinor, netMinor } = totals;
  for (let a = 0; a < accounts; a += CHUNK) {
    finishAccounts(start, time, minor, a, Math.min(accounts, a + CHUNK), orders, sums, firstOrder, lastOrder, grossMinor, netMinor);
  }
  return totals;
}

/**
 * Totals columns for `accounts` accounts (32 bytes per account), zero-filled unless `spare` is given.
 *
 * `spare` is memory the caller no longer needs (the build's staged event columns once the events are
 * moved): the leading columns that fit in it are placed there rather than in new memory, whose first
 * touch of every page costs a fault. Only when they fill at least half of it, since the totals keep
 * the whole buffer alive. The columns there hold whatever the memory held: the caller writes every
 * slot (as `finishAccounts` does).
 *
 * @internal
 */
export function allocateAccountTotals(accounts: number, spare?: ArrayBufferLike): AccountTotals {
  const column = accounts * 8;
  const fit = spare === undefined ? 0 : Math.min(TOTALS_COLUMNS, Math.floor(spare.byteLength / Math.max(1, column)));
  const reuse = spare !== undefined && fit > 0 && 2 * fit * column >= spare.byteLength ? spare : null;
  const inSpare = reuse === null ? 0 : fit;
  const fresh = new ArrayBuffer((TOTALS_COLUMNS - inSpare) * column);
  const at = (k: number): Float64Array =>
    reuse !== null && k < inSpare ? new Float64Array(reuse, k * column, accounts) : new Float64Array(fresh, (k - inSpare) * column, accounts);
  return { firstOrder: at(0), lastOrder: at(1), grossMinor: at(2), netMinor: at(3) };
}

/** The columns of {@link AccountTotals}. */
const TOTALS_COLUMNS = 4;

/**
 * Finish accounts `r0 … r1 − 1` (one chunk, see {@link CHUNK}) of events grouped by account: sort each
 * one's events by time, ties by amount (largest first), write its order count into `orders`, add it
 * to the ledger-wide `sums` (see {@link ledgerSums}), and write its totals into the four columns of
 * {@link AccountTotals}.
 *
 * A caller that wants only the counts and sums passes the columns of {@link NO_TOTALS}, which are
 * empty and ignore every write, so the kernel runs the same code either way; and it takes columns
 * rather than the totals object, so its compiled code assumes nothing about that object's fields. A
 * ledger built from records sums its totals later, on first read, with this kernel again: had the
 * build's calls written no totals, or read them from an object, the compiled kernel would be thrown
 * away at that first read's writes and compiled again.
 *
 * @internal
 */
export function finishAccounts(
  start: Uint32Array,
  time: Float64Array,
  minor: Float64Array,
  r0: number,
  r1: number,
  orders: Uint32Array,
  sums: Float64Array,
  firstOrder: Float64Array,
  lastOrder: Float64Array,
  grossMinor: Float64Array,
  netMinor: Float64Array,
): void {
  let orderCount = 0;
  let customers = 0;
  let repeatCustomers = 0;
  let zeroValue = 0;
  let gross = 0;
  let net = 0;
  let repeatGross = 0;
  let minTime = sums[MIN_TIME] ?? 0;
  let maxTime = sums[MAX_TIME] ?? 0;
  let firstOfAll = sums[FIRST_ORDER] ?? 0;
  let lastOfAll = sums[LAST_ORDER] ?? 0;
  for (let r = r0; r < r1; r++) {
    const lo = start[r] ?? 0;
    const hi = start[r + 1] ?? 0;
    // A counting sort by account keeps input order within an account: time-ordered input usually needs
    // only the check, and ties at one instant are put in amount order whatever the input's order.
    sortSegment(time, minor, lo, hi);
    let count = 0;
    let first = Number.NaN;
    let last = Number.NaN;
    let accountGross = 0;
    let accountNet = 0;
    for (let p = lo; p < hi; p++) {
      const amount = minor[p] ?? 0;
      accountNet += amount;
      if (amount < 0) continue;
      const t = time[p] ?? 0;
      if (count++ === 0) first = t;
      else repeatGross += amount;
      if (amount === 0) zeroValue++;
      last = t;
      accountGross += amount;
    }
    orders[r] = count;
    firstOrder[r] = first;
    lastOrder[r] = last;
    grossMinor[r] = accountGross;
    netMinor[r] = accountNet;
    orderCount += count;
    gross += accountGross;
    net += accountNet;
    if (count > 0) {
      customers++;
      if (count > 1) repeatCustomers++;
      if (first < firstOfAll) firstOfAll = first;
      if (last > lastOfAll) lastOfAll = last;
    }
    if (hi > lo) {
      minTime = Math.min(minTime, time[lo] ?? minTime);
      maxTime = Math.max(maxTime, time[hi - 1] ?? maxTime);
    }
  }
  sums[ORDER_COUNT] = (sums[ORDER_COUNT] ?? 0) + orderCount;
  sums[CUSTOMER_COUNT] = (sums[CUSTOMER_COUNT] ?? 0) + customers;
  sums[REPEAT_CUSTOMERS] = (sums[REPEAT_CUSTOMERS] ?? 0) + repeatCustomers;
  sums[ZERO_VALUE_ORDERS] = (sums[ZERO_VALUE_ORDERS] ?? 0) + zeroValue;
  sums[GROSS] = (sums[GROSS] ?? 0) + gross;
  sums[NET] = (sums[NET] ?? 0) + net;
  sums[REPEAT_GROSS] = (sums[REPEAT_GROSS] ?? 0) + repeatGross;
  sums[MIN_TIME] = minTime;
  sums[MAX_TIME] = maxTime;
  sums[FIRST_ORDER] = firstOfAll;
  sums[LAST_ORDER] = lastOfAll;
}

/**
 * Stands in for the totals when only the counts and sums are wanted: empty columns, which ignore every
 * write (see {@link finishAccounts}).
 *
 * @internal
 */
export const NO_TOTALS: AccountTotals = allocateAccountTotals(0);

/**
 * Sort one account's events by time and, at equal instants, by amount, largest first (so an order comes
 * before a refund of the same instant). Events equal in both are indistinguishable in the ledger, so
 * the result never depends on the input's order.
 */
function sortSegment(time: Float64Array, minor: Float64Array, lo: number, hi: number): void {
  let sorted = true;
  for (let p = lo + 1; p < hi; p++) {
    const t = time[p] ?? 0;
    const before = time[p - 1] ?? 0;
    if (t < before || (t === before && (minor[p] ?? 0) > (minor[p - 1] ?? 0))) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  const positions = Array.from({ length: hi - lo }, (_, k) => lo + k);
  positions.sort((x, y) => (time[x] ?? 0) - (time[y] ?? 0) || (minor[y] ?? 0) - (minor[x] ?? 0));
  const t = positions.map((p) => time[p] ?? 0);
  const m = positions.map((p) => minor[p] ?? 0);
  time.set(t, lo);
  minor.set(m, lo);
}
