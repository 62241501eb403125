/**
 * What each account's events add up to (first and last order, gross and net), and what the whole
 * ledger's add up to ({@link LedgerTotals}): passes over the events grouped by account.
 *
 * @module
 */

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

/**
 * @internal Put each account's events in order — by time, ties by amount, largest first — and count
 * its orders.
 *
 * @param events - events grouped by account, in any order within an account (sorted in place)
 * @returns the order count of each account
 */
export function sortAccounts(events: GroupedEvents): Uint32Array {
  const { start, time, minor } = events;
  const accounts = start.length - 1;
  const orders = new Uint32Array(accounts);
  for (let a = 0; a < accounts; a++) {
    // A counting sort by account keeps input order within an account: time-ordered input usually needs
    // only the check, and ties at one instant are put in amount order whatever the input's order.
    sortAccount(time, minor, start[a], start[a + 1]);
    let count = 0;
    for (let p = start[a]; p < start[a + 1]; p++) if (minor[p] >= 0) count++;
    orders[a] = count;
  }
  return orders;
}

/**
 * @internal The totals of a ledger's whole history.
 *
 * @param events - events grouped by account, in order within each account
 * @returns the totals
 */
export function ledgerTotals(events: GroupedEvents): LedgerTotals {
  const { start, time, minor } = events;
  const accounts = start.length - 1;
  let orders = 0;
  let customers = 0;
  let repeatCustomers = 0;
  let zeroValueOrders = 0;
  let grossMinor = 0;
  let refundMinor = 0;
  let repeatMinor = 0;
  let firstOrder = Number.POSITIVE_INFINITY;
  let lastOrder = Number.NEGATIVE_INFINITY;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < accounts; a++) {
    const lo = start[a];
    const hi = start[a + 1];
    if (hi === lo) continue;
    minTime = Math.min(minTime, time[lo]);
    maxTime = Math.max(maxTime, time[hi - 1]);
    let count = 0;
    for (let p = lo; p < hi; p++) {
      const amount = minor[p];
      if (amount < 0) {
        refundMinor += amount;
        continue;
      }
      if (count === 0) firstOrder = Math.min(firstOrder, time[p]);
      else repeatMinor += amount;
      count++;
      if (amount === 0) zeroValueOrders++;
      grossMinor += amount;
      lastOrder = Math.max(lastOrder, time[p]);
    }
    orders += count;
    if (count > 0) customers++;
    if (count > 1) repeatCustomers++;
  }
  const eventCount = time.length;
  return {
    orders,
    refunds: eventCount - orders,
    customers,
    repeatCustomers,
    zeroValueOrders,
    grossMinor,
    refundMinor,
    repeatMinor,
    minTime: eventCount === 0 ? null : minTime,
    maxTime: eventCount === 0 ? null : maxTime,
    firstOrder: orders === 0 ? null : firstOrder,
    lastOrder: orders === 0 ? null : lastOrder,
  };
}

/**
 * Sum every account's events.
 *
 * @param events - events grouped by account, in time order within each account
 * @returns the totals of each account
 * @internal
 */
export function accountTotals(events: GroupedEvents): AccountTotals {
  const { start, time, minor } = events;
  const accounts = start.length - 1;
  const totals: AccountTotals = {
    firstOrder: new Float64Array(accounts),
    lastOrder: new Float64Array(accounts),
    grossMinor: new Float64Array(accounts),
    netMinor: new Float64Array(accounts),
  };
  for (let a = 0; a < accounts; a++) {
    let first = Number.NaN;
    let last = Number.NaN;
    let gross = 0;
    let net = 0;
    for (let p = start[a]; p < start[a + 1]; p++) {
      const amount = minor[p];
      net += amount;
      if (amount < 0) continue;
      if (Number.isNaN(first)) first = time[p];
      last = time[p];
      gross += amount;
    }
    totals.firstOrder[a] = first;
    totals.lastOrder[a] = last;
    totals.grossMinor[a] = gross;
    totals.netMinor[a] = net;
  }
  return totals;
}

/**
 * Sort one account's events by time and, at equal instants, by amount, largest first (so an order comes
 * before a refund of the same instant). Events equal in both are indistinguishable in the ledger, so
 * the result never depends on the input's order.
 */
function sortAccount(time: Float64Array, minor: Float64Array, lo: number, hi: number): void {
  let sorted = true;
  for (let p = lo + 1; p < hi && sorted; p++) {
    sorted = time[p] > time[p - 1] || (time[p] === time[p - 1] && minor[p] <= minor[p - 1]);
  }
  if (sorted) return;
  const positions = Array.from({ length: hi - lo }, (_, k) => lo + k);
  positions.sort((x, y) => time[x] - time[y] || minor[y] - minor[x]);
  const t = positions.map((p) => time[p]);
  const m = positions.map((p) => minor[p]);
  time.set(t, lo);
  minor.set(m, lo);
}
