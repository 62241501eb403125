/**
 * `summarize`: the headline numbers of a store in one pass.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { LedgerInput } from '../input/ledger.ts';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import { orderTotals, ratio } from './order-totals.ts';
import { type WindowOptions, ledgerAndWindow } from './window.ts';

/** The result of {@link summarize}. Money is `Decimal` in major units; ratios are numbers or `null`. */
export interface Summary {
  /** Customers: ids with at least one order in the window. */
  customers: number;
  /** Orders in the window (zero-value orders included). */
  orders: number;
  /** Of `orders`, those with amount 0. */
  zeroValueOrders: number;
  /** Refunds in the window. */
  refunds: number;
  /** Sum of the refunds in the window, ≤ 0 (so `netRevenue = grossRevenue + refundAmount`). */
  refundAmount: Decimal;
  /** Sum of order amounts in the window. */
  grossRevenue: Decimal;
  /** Gross revenue plus refunds. */
  netRevenue: Decimal;
  /** AOV = gross revenue ÷ orders; `null` without orders. */
  averageOrderValue: Decimal | null;
  /** Orders ÷ customers; `null` without customers. */
  purchaseFrequency: number | null;
  /** Customers of the window with at least two orders in their history up to the window's end. */
  repeatCustomers: number;
  /** Repeat customers ÷ customers; `null` without customers. */
  repeatCustomerRate: number | null;
  /** Gross revenue of orders that are a customer's second or later order. */
  repeatRevenue: Decimal;
  /** Repeat revenue ÷ gross revenue; `null` when gross revenue is 0. */
  repeatRevenueShare: number | null;
  /** First order in the window, or `null`. */
  firstOrder: Date | null;
  /** Last order in the window, or `null`. */
  lastOrder: Date | null;
}

/**
 * The headline numbers of a ledger (or records) over an optional window `[from, to)`, in one pass over
 * the events — or none for the whole history of a ledger, whose build already added up these totals.
 *
 * Definitions (docs/definitions.md, "Order metrics"): an order is a record with amount ≥ 0, a refund one with
 * amount < 0; a customer is an id with an order in the window. AOV = gross ÷ orders; purchase
 * frequency = orders ÷ customers; repeat-customer rate = customers with ≥ 2 orders ÷ customers;
 * repeat-revenue share = revenue of second-and-later orders ÷ gross revenue. History before `from`
 * counts for "second and later": a customer who bought before the window and once inside it is a
 * repeat customer, and that order is repeat revenue. Refunds lower net revenue only.
 *
 * @param data - a ledger, or records (read with the ledger options given here)
 * @param options - `from` (inclusive), `to` (exclusive), and ledger options for raw records
 * @returns counts, money as `Decimal`, ratios as numbers or `null` (empty input: zeros and `null`s)
 * @throws {@link InvalidOptionError} for an unreadable `from`/`to`, or `from` after `to`
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { summarize } from 'retention-metrics';
 * const s = summarize([
 *   { customerId: 'ann', date: '2024-01-05', amount: '30.00' },
 *   { customerId: 'ann', date: '2024-02-05', amount: '10.00' },
 *   { customerId: 'bob', date: '2024-01-20', amount: '20.00' },
 *   { customerId: 'bob', date: '2024-01-25', amount: '-5.00' },
 * ]);
 * s.customers; // => 2
 * s.averageOrderValue?.toFixed(2); // => '20.00'
 * s.netRevenue.toFixed(2); // => '55.00'
 * s.repeatCustomerRate; // => 0.5
 * s.repeatRevenueShare; // => 0.1667
 * ```
 */
export function summarize(data: LedgerInput, options?: WindowOptions): Summary {
  const [book, window] = ledgerAndWindow(data, options);
  const totals = orderTotals(book, window);
  const digits = book.currencyDigits;
  return {
    customers: totals.customers,
    orders: totals.orders,
    zeroValueOrders: totals.zeroValueOrders,
    refunds: totals.refunds,
    refundAmount: fromMinorUnits(totals.refundMinor, digits),
    grossRevenue: fromMinorUnits(totals.grossMinor, digits),
    netRevenue: fromMinorUnits(totals.grossMinor + totals.refundMinor, digits),
    averageOrderValue: minorPer(totals.grossMinor, totals.orders, digits),
    purchaseFrequency: ratio(totals.orders, totals.customers),
    repeatCustomers: totals.repeatCustomers,
    repeatCustomerRate: ratio(totals.repeatCustomers, totals.customers),
    repeatRevenue: fromMinorUnits(totals.repeatMinor, digits),
    repeatRevenueShare: ratio(totals.repeatMinor, totals.grossMinor),
    firstOrder: totals.firstOrder === null ? null : new Date(totals.firstOrder),
    lastOrder: totals.lastOrder === null ? null : new Date(totals.lastOrder),
  };
}
