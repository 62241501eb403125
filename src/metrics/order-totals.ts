/**
 * One scan of a ledger over a window: the integer totals behind every order metric.
 *
 * @module
 */
import type { LedgerTotals } from '../input/account-totals.ts';
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
 * The order totals of a ledger over a window, from one scan of its events — or none for the whole
 * history, whose totals the ledger's build summed (see `Ledger.totals`). An order is a *repeat order*
 * when the customer has an earlier order anywhere in the ledger (before the window too); a customer is
 * a *repeat customer* of the window when they ordered in the window and have at least two orders
 * before the window's end.
 *
 * @param book - the ledger
 * @param window - the window `[from, to)`
 * @returns the totals
 */
export function orderTotals(book: Ledger, window: ResolvedWindow): OrderTotals {
  const { from, to } = window;
  if (from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY) return wholeHistory(book.totals);
  const { start, time, minor } = book;
  const totals: OrderTotals = {
    customers: 0,
    repeatCustomers: 0,
    orders: 0,
    zeroValueOrders: 0,
    refunds: 0,
    grossMinor: 0,
    refundMinor: 0,
    repeatMinor: 0,
    firstOrder: null,
    lastOrder: null,
  };
  let firstOrder = Number.POSITIVE_INFINITY;
  let lastOrder = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < book.ids.length; a++) {
    let lifetimeOrders = 0;
    let inWindow = 0;
    for (let p = start[a]; p < start[a + 1] && time[p] < to; p++) {
      const amount = minor[p];
      const inside = time[p] >= from;
      if (amount < 0) {
        if (inside) {
          totals.refunds++;
          totals.refundMinor += amount;
        }
        continue;
      }
      lifetimeOrders++;
      if (!inside) continue;
      inWindow++;
      totals.grossMinor += amount;
      if (amount === 0) totals.zeroValueOrders++;
      if (lifetimeOrders > 1) totals.repeatMinor += amount;
      firstOrder = Math.min(firstOrder, time[p]);
      lastOrder = Math.max(lastOrder, time[p]);
    }
    if (inWindow > 0) {
      totals.customers++;
      totals.orders += inWindow;
      if (lifetimeOrders > 1) totals.repeatCustomers++;
    }
  }
  if (totals.orders > 0) {
    totals.firstOrder = firstOrder;
    totals.lastOrder = lastOrder;
  }
  return totals;
}

/** The order totals of the whole history, from the ledger's totals. */
function wholeHistory(totals: LedgerTotals): OrderTotals {
  return {
    customers: totals.customers,
    repeatCustomers: totals.repeatCustomers,
    orders: totals.orders,
    zeroValueOrders: totals.zeroValueOrders,
    refunds: totals.refunds,
    grossMinor: totals.grossMinor,
    refundMinor: totals.refundMinor,
    repeatMinor: totals.repeatMinor,
    firstOrder: totals.firstOrder,
    lastOrder: totals.lastOrder,
  };
}

/**
 * `numerator ÷ denominator`, or `null` when the denominator is 0 (never `NaN`).
 *
 * @param numerator - any number
 * @param denominator - any number
 * @returns the ratio, or `null`
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
