/**
 * What each account's events add up to (first and last order, gross and net), and what the whole
 * ledger's add up to ({@link LedgerTotals}): one pass over the events grouped by account.
 *
 * @module
 */
import { type AttributeColumn, compareAttributeValues } from './attribute-dictionary.ts';

/** The columns of events grouped by account: account `a` owns events `start[a] … start[a + 1] − 1`. */
export interface GroupedEvents {
  /** Event offsets per account, one more than the accounts. */
  readonly start: Uint32Array;
  /** Epoch ms of each event. */
  readonly time: Float64Array;
  /** Minor units of each event. */
  readonly minor: Float64Array;
}

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

/**
 * The totals of a ledger's whole history, summed when it is built (money in minor units, instants in
 * epoch ms). Integers below 2^53 add up exactly in any order, so they equal a scan of the events.
 */
export interface LedgerTotals {
  /** Orders (events with amount ≥ 0). */
  readonly orders: number;
  /** Refunds (events with amount < 0). */
  readonly refunds: number;
  /** Accounts with at least one order. */
  readonly customers: number;
  /** Accounts with at least two orders. */
  readonly repeatCustomers: number;
  /** Orders with amount 0. */
  readonly zeroValueOrders: number;
  /** Σ order amounts. */
  readonly grossMinor: number;
  /** Σ refund amounts (≤ 0). */
  readonly refundMinor: number;
  /** Σ amounts of each account's second and later orders. */
  readonly repeatMinor: number;
  /** The first event's instant, or `null` without events. */
  readonly minTime: number | null;
  /** The last event's instant, or `null` without events. */
  readonly maxTime: number | null;
  /** The first order's instant, or `null` without orders. */
  readonly firstOrder: number | null;
  /** The last order's instant, or `null` without orders. */
  readonly lastOrder: number | null;
}

/** What {@link finishAccounts} makes of the grouped events. */
export interface FinishedAccounts {
  /** The order count of each account. */
  readonly orders: Uint32Array;
  /** The totals of each account. */
  readonly perAccount: AccountTotals;
  /** The totals of the whole history. */
  readonly totals: LedgerTotals;
}

/**
 * @internal Finish the accounts of grouped events: put each one's events in order — by time, ties by
 * amount, largest first — and sum them, per account and over the whole ledger.
 *
 * @param events - events grouped by account, in any order within an account (sorted in place)
 * @param attributes - the events' attributes (their codes move with the events)
 * @returns the order counts, the per-account totals and the ledger's totals
 */
export function finishAccounts(events: GroupedEvents, attributes: readonly AttributeColumn[] = []): FinishedAccounts {
  const { start, time, minor } = events;
  const accounts = start.length - 1;
  const orders = new Uint32Array(accounts);
  const perAccount: AccountTotals = {
    firstOrder: new Float64Array(accounts),
    lastOrder: new Float64Array(accounts),
    grossMinor: new Float64Array(accounts),
    netMinor: new Float64Array(accounts),
  };
  let orderCount = 0;
  let customers = 0;
  let repeatCustomers = 0;
  let zeroValueOrders = 0;
  let grossMinor = 0;
  let netMinor = 0;
  let repeatMinor = 0;
  let firstOfAll = Number.POSITIVE_INFINITY;
  let lastOfAll = Number.NEGATIVE_INFINITY;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < accounts; a++) {
    const lo = start[a];
    const hi = start[a + 1];
    // A counting sort by account keeps input order within an account: time-ordered input usually needs
    // only the check, and ties at one instant are put in amount order whatever the input's order.
    sortAccount(time, minor, attributes, lo, hi);
    let count = 0;
    let first = Number.NaN;
    let last = Number.NaN;
    let gross = 0;
    let net = 0;
    for (let p = lo; p < hi; p++) {
      const amount = minor[p];
      net += amount;
      if (amount < 0) continue;
      if (count === 0) first = time[p];
      else repeatMinor += amount;
      count++;
      if (amount === 0) zeroValueOrders++;
      last = time[p];
      gross += amount;
    }
    orders[a] = count;
    perAccount.firstOrder[a] = first;
    perAccount.lastOrder[a] = last;
    perAccount.grossMinor[a] = gross;
    perAccount.netMinor[a] = net;
    orderCount += count;
    grossMinor += gross;
    netMinor += net;
    if (count > 0) {
      customers++;
      firstOfAll = Math.min(firstOfAll, first);
      lastOfAll = Math.max(lastOfAll, last);
    }
    if (count > 1) repeatCustomers++;
    if (hi > lo) {
      minTime = Math.min(minTime, time[lo]);
      maxTime = Math.max(maxTime, time[hi - 1]);
    }
  }
  const eventCount = time.length;
  const totals: LedgerTotals = {
    orders: orderCount,
    refunds: eventCount - orderCount,
    customers,
    repeatCustomers,
    zeroValueOrders,
    grossMinor,
    refundMinor: netMinor - grossMinor,
    repeatMinor,
    minTime: eventCount === 0 ? null : minTime,
    maxTime: eventCount === 0 ? null : maxTime,
    firstOrder: orderCount === 0 ? null : firstOfAll,
    lastOrder: orderCount === 0 ? null : lastOfAll,
  };
  return { orders, perAccount, totals };
}

/**
 * Sort one account's events by time and, at equal instants, by amount, largest first (so an order comes
 * before a refund of the same instant), then by their attributes' values (missing first, then in
 * code-unit order, attribute by attribute). Events equal in all of these are indistinguishable in the
 * ledger, so the result never depends on the input's order.
 */
function sortAccount(time: Float64Array, minor: Float64Array, attributes: readonly AttributeColumn[], lo: number, hi: number): void {
  let sorted = true;
  for (let p = lo + 1; p < hi && sorted; p++) {
    sorted = time[p] > time[p - 1] || (time[p] === time[p - 1] && (minor[p] < minor[p - 1] || (minor[p] === minor[p - 1] && compareAttributes(attributes, p - 1, p) <= 0)));
  }
  if (sorted) return;
  const positions = Array.from({ length: hi - lo }, (_, k) => lo + k);
  positions.sort((x, y) => time[x] - time[y] || minor[y] - minor[x] || compareAttributes(attributes, x, y));
  const t = positions.map((p) => time[p]);
  const m = positions.map((p) => minor[p]);
  time.set(t, lo);
  minor.set(m, lo);
  for (const { codes } of attributes) {
    const c = positions.map((p) => codes[p]);
    codes.set(c, lo);
  }
}

/** Two events by their attributes' values: missing first, then in code-unit order. */
function compareAttributes(attributes: readonly AttributeColumn[], x: number, y: number): number {
  for (const { codes, values } of attributes) {
    if (codes[x] !== codes[y]) return compareAttributeValues(values[codes[x]], values[codes[y]]);
  }
  return 0;
}
