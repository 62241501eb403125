/**
 * The headline tiles at the top of the HTML report: the few totals an analyst reads first, each a
 * label over a large number, formatted as in the headline section's table.
 *
 * @module
 */
import type { Summary } from '../../index.ts';
import { formatCount, formatMoney, formatNumber, formatPercent } from '../format.ts';
import { escapeHtml } from '../../escape-html.ts';

/**
 * The tiles' labels and values, in the order shown.
 *
 * @param summary - `summarize(book, …)` of the report
 * @param digits - the currency's decimal places
 * @returns `[label, value]` pairs
 * @example
 * ```ts
 * import { ledger, summarize } from '../../index.ts';
 * import { headlineTiles } from './headline-tiles.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }, { customerId: 'a', date: '2024-02-01', amount: '5' }, { customerId: 'b', date: '2024-02-01', amount: '1200' }]);
 * headlineTiles(summarize(book), 2).map(([, value]) => value); // => ['2', '3', '1,215.00', '405.00', '50.0%', '1.50']
 * ```
 */
export function headlineTiles(summary: Summary, digits: number): Array<[string, string]> {
  return [
    ['Customers', formatCount(summary.customers)],
    ['Orders', formatCount(summary.orders)],
    ['Net revenue', formatMoney(summary.netRevenue, digits)],
    ['Average order value', formatMoney(summary.averageOrderValue, digits)],
    ['Repeat-customer rate', formatPercent(summary.repeatCustomerRate)],
    ['Orders per customer', formatNumber(summary.purchaseFrequency, 2)],
  ];
}

/**
 * The tiles as HTML: a description list whose groups are laid out as a row of tiles.
 *
 * @param tiles - `[label, value]` pairs (see {@link headlineTiles})
 * @returns the markup, every label and value escaped
 * @example
 * ```ts
 * import { tilesHtml } from './headline-tiles.ts';
 * tilesHtml([['Customers', '<3>']]); // => '<dl class="tiles">\n<div class="tile"><dt>Customers</dt><dd>&lt;3&gt;</dd></div>\n</dl>'
 * ```
 */
export function tilesHtml(tiles: ReadonlyArray<readonly [string, string]>): string {
  const items = tiles.map(([label, value]) => `<div class="tile"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  return `<dl class="tiles">\n${items.join('\n')}\n</dl>`;
}
