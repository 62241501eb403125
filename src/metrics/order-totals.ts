/**
 * One scan of a ledger over a window: the integer totals behind every order metric.
 *
 * @module
 */
import { CHUNK } from '../chunks.ts';
import * as ledgerSum from '../input/account-totals.ts';
import { LedgerObject } from '../input/ledger-object.ts';
import type { Ledger } from '../input/types.ts';
import type { ResolvedWindow } from './window.ts';

/** Integer totals of a ledger over a window (money in minor units). */
export interface OrderTotals {
  /** Customers with at least one order in the window. */
  customers: number;
  /** Customers in the window whose lifetime order count up to the window's end is at least 2. */
  repeatCustomers: number;
  /** Orders in the window. */
  orders: number;
  /** Orders in the window with amount 0. */
  zeroValueOrders: number;
  /** Refunds in the window. */
  refunds: number;
  /** Sum of order amounts in the window (minor units). */
  grossMinor: number;
  /** Sum of refund amounts in the window (minor units, ≤ 0). */
  refundMinor: number;
  /** Sum of amounts of orders in the window that are a customer's second or later order (minor units). */
  repeatMinor: number;
  /** First order instant in the window, or `null`. */
  firstOrder: number | null;
  /** Last order instant in the window, or `null`. */
  lastOrder: number | null;
}

/**
 * Scan the ledger once. An order is a *repeat order* when the customer has an earlier order anywhere in
 * the ledger (before the window too); a customer is a *repeat customer* of the window when they ordered in
 * the window and have at least two orders before the window's end.
 */
export function orderTotals(book: Ledger, window: ResolvedWindow): OrderTotals {
  if (window.from === Number.NEGATIVE_INFINITY && window.to === Number.POSITIVE_INFINITY) {
    const sums = LedgerObject.sumsOf(book);
    if (sums !== null) return wholeHistory(book, sums);
  }
  const { start, time, minor } = book;
  const sums = new Float64Array(SUMS);
  sums[FIRST] = Number.POSITIVE_INFINITY;
  sums[LAST] = Number.NEGATIVE_INFINITY;
  const accounts = book.ids.length;
  for (let a = 0; a < accounts; a += CHUNK) {
    scanAccounts(start, time, minor, window.from, window.to, a, Math.min(accounts, a + CHUNK), sums);
  }
  const orders = sums[ORDERS] ?? 0;
  return {
    customers: sums[CUSTOMERS] ?? 0,
    repeatCustomers: sums[REPEAT_CUSTOMERS] ?? 0,
    orders,
    zeroValueOrders: sums[ZERO_VALUE] ?? 0,
    refunds: sums[REFUNDS] ?? 0,
    grossMinor: sums[GROSS] ?? 0,
    refundMinor: sums[REFUND_MINOR] ?? 0,
    repeatMinor: sums[REPEAT_MINOR] ?? 0,
    firstOrder: orders === 0 ? null : (sums[FIRST] ?? null),
    lastOrder: orders === 0 ? null : (sums[LAST] ?? null),
  };
}

/**
 * The totals of the whole history, from the sums the ledger's build added up: no pass over the events.
 * They equal the scan's (integers below 2^53 add up exactly in any order).
 */
function wholeHistory(book: Ledger, sums: Float64Array): OrderTotals {
  const orders = book.orderCount;
  const grossMinor = sums[ledgerSum.GROSS] ?? 0;
  return {
    customers: book.customerCount,
    repeatCustomers: sums[ledgerSum.REPEAT_CUSTOMERS] ?? 0,
    orders,
    zeroValueOrders: sums[ledgerSum.ZERO_VALUE_ORDERS] ?? 0,
    refunds: book.refundCount,
    grossMinor,
    refundMinor: (sums[ledgerSum.NET] ?? 0) - grossMinor,
    repeatMinor: sums[ledgerSum.REPEAT_GROSS] ?? 0,
    firstOrder: orders === 0 ? null : (sums[ledgerSum.FIRST_ORDER] ?? null),
    lastOrder: orders === 0 ? null : (sums[ledgerSum.LAST_ORDER] ?? null),
  };
}

// Slots of the running sums of `scanAccounts`.
const CUSTOMERS = 0;
const REPEAT_CUSTOMERS = 1;
const ORDERS = 2;
const ZERO_VALUE = 3;
const REFUNDS = 4;
const GROSS = 5;
const REFUND_MINOR = 6;
const REPEAT_MINOR = 7;
const FIRST = 8;
const LAST = 9;
const SUMS = 10;

/** The scan of accounts `lo … hi − 1` (one chunk, see {@link CHUNK}), added to `sums`. */
function scanAccounts(
  start: Uint32Array,
  time: Float64Array,
  minor: Float64Array,
  from: number,
  to: number,
  lo: number,
  hi: number,
  sums: Float64Array,
): void {
  const whole = from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY;
  let customers = 0;
  let repeatCustomers = 0;
  let orders = 0;
  let zeroValueOrders = 0;
  let refunds = 0;
  let grossMinor = 0;
  let refundMinor = 0;
  let repeatMinor = 0;
  let firstOrder = sums[FIRST] ?? 0;
  let lastOrder = sums[LAST] ?? 0;
  for (let a = lo; a < hi; a++) {
    const end = start[a + 1] ?? 0;
    let rank = 0; // orders of this customer seen so far (lifetime)
    let inWindow = 0;
    for (let p = start[a] ?? 0; p < end; p++) {
      const t = time[p] ?? 0;
      if (!whole && t >= to) break;
      const amount = minor[p] ?? 0;
      const inside = whole || t >= from;
      if (amount < 0) {
        if (inside) {
          refunds++;
          refundMinor += amount;
        }
        continue;
      }
      rank++;
      if (!inside) continue;
      inWindow++;
      grossMinor += amount;
      if (amount === 0) zeroValueOrders++;
      if (rank > 1) repeatMinor += amount;
      if (t < firstOrder) firstOrder = t;
      if (t > lastOrder) lastOrder = t;
    }
    if (inWindow > 0) {
      customers++;
      orders += inWindow;
      if (rank > 1) repeatCustomers++;
    }
  }
  sums[CUSTOMERS] = (sums[CUSTOMERS] ?? 0) + customers;
  sums[REPEAT_CUSTOMERS] = (sums[REPEAT_CUSTOMERS] ?? 0) + repeatCustomers;
  sums[ORDERS] = (sums[ORDERS] ?? 0) + orders;
  sums[ZERO_VALUE] = (sums[ZERO_VALUE] ?? 0) + zeroValueOrders;
  sums[REFUNDS] = (sums[REFUNDS] ?? 0) + refunds;
  sums[GROSS] = (sums[GROSS] ?? 0) + grossMinor;
  sums[REFUND_MINOR] = (sums[REFUND_MINOR] ?? 0) + refundMinor;
  sums[REPEAT_MINOR] = (sums[REPEAT_MINOR] ?? 0) + repeatMinor;
  sums[FIRST] = firstOrder;
  sums[LAST] = lastOrder;
}

/** `numerator ÷ denominator`, or `null` when the denominator is 0 (never `NaN`). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
