/**
 * The headline section: the totals of the orders (`summarize`).
 *
 * @module
 */
import type { Ledger, Summary } from '../../index.ts';
import { formatCount, formatDay, formatMoney, formatNumber, formatPercent } from '../format.ts';
import type { Section } from './section.ts';

/**
 * The headline metrics of a ledger.
 *
 * @param book - the ledger (records read, currency digits)
 * @param summary - `summarize(book, …)`
 * @param timeZone - the report's time zone (the days of the first and last order)
 * @returns the section
 * @example
 * ```ts
 * import { ledger, summarize } from '../../index.ts';
 * import { headlineSection } from './headline.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10.00' }, { customerId: 'a', date: '2024-02-01', amount: '5.00' }]);
 * headlineSection(book, summarize(book), 'UTC').table.rows[1]; // => ['customers', '1']
 * ```
 */
export function headlineSection(book: Ledger, summary: Summary, timeZone: string): Section {
  const digits = book.currencyDigits;
  return {
    id: 'headline',
    title: 'Headline metrics',
    table: {
      headers: ['metric', 'value'],
      rows: [
        ['records read', formatCount(book.recordCount)],
        ['customers', formatCount(summary.customers)],
        ['orders', formatCount(summary.orders)],
        ['  of which zero-value', formatCount(summary.zeroValueOrders)],
        ['refunds', formatCount(summary.refunds)],
        ['gross revenue', formatMoney(summary.grossRevenue, digits)],
        ['net revenue', formatMoney(summary.netRevenue, digits)],
        ['average order value', formatMoney(summary.averageOrderValue, digits)],
        ['purchase frequency (orders per customer)', formatNumber(summary.purchaseFrequency, 3)],
        ['repeat customers', formatCount(summary.repeatCustomers)],
        ['repeat-customer rate', formatPercent(summary.repeatCustomerRate)],
        ['repeat-revenue share', formatPercent(summary.repeatRevenueShare)],
        ['first order', formatDay(summary.firstOrder, timeZone)],
        ['last order', formatDay(summary.lastOrder, timeZone)],
      ],
    },
    notes: [],
  };
}
