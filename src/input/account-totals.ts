/**
 * What each account's events add up to: first and last order, gross and net.
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
  for (let a = 0; a < accounts; a += CHUNK) sumAccounts(start, time, minor, a, Math.min(accounts, a + CHUNK), totals);
  return totals;
}

/**
 * Zero-filled totals columns for `accounts` accounts in one buffer (32 bytes per account).
 *
 * @internal
 */
export function allocateAccountTotals(accounts: number): AccountTotals {
  const buffer = new ArrayBuffer(accounts * 32);
  return {
    firstOrder: new Float64Array(buffer, 0, accounts),
    lastOrder: new Float64Array(buffer, accounts * 8, accounts),
    grossMinor: new Float64Array(buffer, accounts * 16, accounts),
    netMinor: new Float64Array(buffer, accounts * 24, accounts),
  };
}

/**
 * The totals of accounts `lo … hi − 1` (one chunk, see {@link CHUNK}), written into `totals`.
 *
 * @internal
 */
export function sumAccounts(start: Uint32Array, time: Float64Array, minor: Float64Array, lo: number, hi: number, totals: AccountTotals): void {
  const { firstOrder, lastOrder, grossMinor, netMinor } = totals;
  for (let a = lo; a < hi; a++) {
    const end = start[a + 1] ?? 0;
    let orders = 0;
    let first = Number.NaN;
    let last = Number.NaN;
    let gross = 0;
    let net = 0;
    for (let p = start[a] ?? 0; p < end; p++) {
      const amount = minor[p] ?? 0;
      net += amount;
      if (amount < 0) continue;
      const t = time[p] ?? 0;
      if (orders++ === 0) first = t;
      last = t;
      gross += amount;
    }
    firstOrder[a] = first;
    lastOrder[a] = last;
    grossMinor[a] = gross;
    netMinor[a] = net;
  }
}
