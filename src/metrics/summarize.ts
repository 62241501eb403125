/**
 * `summarize`: the headline numbers of a store in one pass.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { Breakdown } from '../input/breakdown.ts';
import { type LedgerInput, calendarZone, toLedger } from '../input/ledger.ts';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import type { Ledger } from '../input/types.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { orderTotals, ratio } from './order-totals.ts';
import { type ReportScopeOptions, SCOPE_KEYS, reportScope, scopedReport } from './report-scope.ts';
import { type ResolvedWindow, WINDOW_KEYS, type WindowOptions, resolveWindow } from './window.ts';

/** Options of {@link summarize}: a window, which orders (`where`) and a breakdown (`by`). */
export interface SummarizeOptions extends WindowOptions, ReportScopeOptions {}

const SUMMARIZE_KEYS = [...WINDOW_KEYS, ...SCOPE_KEYS];

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
 * `where` keeps the matching orders and refunds only (a customer's history, for "second and later",
 * is then their matching orders); `by` breaks the numbers down by an attribute (see {@link Breakdown}),
 * every segment over the same window. A segment's `customers` are its customers of the window (its
 * `result.customers`); a value without any has no segment.
 *
 * @param data - a ledger, or records (read with the ledger options given here; `where` and `by` need a
 *   ledger with attributes)
 * @param options - `from` (inclusive), `to` (exclusive), `where`, `by`, `segmentRule`, and ledger
 *   options for raw records
 * @returns counts, money as `Decimal`, ratios as numbers or `null` (empty input: zeros and `null`s);
 *   with `by`, a {@link Breakdown} of them
 * @throws {@link InvalidOptionError} for an unreadable `from`/`to`, `from` after `to`, or a bad
 *   `where`, `by` or `segmentRule`
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
export function summarize(data: LedgerInput, options?: SummarizeOptions & { by?: undefined }): Summary;
/**
 * {@link summarize} broken down by an attribute: the numbers over everyone (`total`) and over each
 * value's segment, all over the same window.
 *
 * @param data - a ledger with the attribute
 * @param options - as above, with `by` (and `segmentRule`)
 * @returns the breakdown
 * @throws {@link InvalidOptionError} for a `by` that is not an attribute of the ledger, or bad options
 *
 * @example
 * ```ts
 * import { ledger, summarize } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'ann', date: '2024-01-05', amount: '30.00', category: 'books' },
 *     { customerId: 'ann', date: '2024-02-05', amount: '10.00', category: 'toys' },
 *     { customerId: 'bob', date: '2024-01-20', amount: '20.00', category: 'toys' },
 *   ],
 *   { attributes: { category: 'category' } },
 * );
 * const split = summarize(book, { by: 'category' });
 * split.segments.map((s) => [s.value, s.result.customers, s.result.grossRevenue.toFixed(2)]);
 * // => [['books', 1, '40.00'], ['toys', 1, '20.00']]
 * const sameValue = summarize(book, { by: 'category', segmentRule: 'same-value' });
 * sameValue.segments.map((s) => [s.value, s.result.customers, s.result.grossRevenue.toFixed(2)]);
 * // => [['books', 1, '30.00'], ['toys', 2, '30.00']]
 * summarize(book, { where: { category: ['toys'] } }).repeatCustomers; // => 0
 * ```
 */
export function summarize(data: LedgerInput, options: SummarizeOptions & { by: string }): Breakdown<Summary>;
/**
 * {@link summarize} with options whose `by` is known only when it runs (a `string | undefined`): the
 * summary without `by`, its breakdown with it.
 *
 * @param data - a ledger or records (a ledger with the attribute, for `by`)
 * @param options - as in the first form, `by` (and `segmentRule`) optional
 * @returns the summary, or with `by` a {@link Breakdown} of summaries
 * @throws {@link InvalidOptionError} for a `by` that is not an attribute of the ledger, or bad options
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { type SummarizeOptions, summarize } from 'retention-metrics';
 * const options: SummarizeOptions = {};
 * 'total' in summarize([{ customerId: 'a', date: '2024-01-10', amount: 10 }], options); // => false
 * ```
 */
export function summarize(data: LedgerInput, options?: SummarizeOptions): Summary | Breakdown<Summary>;
export function summarize(data: LedgerInput, options?: SummarizeOptions): Summary | Breakdown<Summary> {
  const given = checkOptionKeys(options, SUMMARIZE_KEYS);
  const book = toLedger(data, given);
  const window = resolveWindow(given, calendarZone(book, given));
  return scopedReport(book, reportScope(given), (part) => summaryOf(part, window), (summary) => summary.customers);
}

/** The summary of a ledger over a window. */
function summaryOf(book: Ledger, window: ResolvedWindow): Summary {
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
