/**
 * The lifecycle section (`periodLifecycle`).
 *
 * @module
 */
import type { LifecycleRow } from '../../index.ts';
import { formatCount, formatMoney, formatNumber } from '../format.ts';
import type { Section } from './section.ts';

/**
 * Where each period's active customers came from: new, returning, resurrected, and the dormant.
 *
 * @param rows - `periodLifecycle(book, { period, asOf })`
 * @param period - the period's name
 * @param digits - the currency's decimal places
 * @returns the section
 * @example
 * ```ts
 * import { ledger, periodLifecycle } from '../../index.ts';
 * import { lifecycleSection } from './lifecycle.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }, { customerId: 'a', date: '2024-02-01', amount: '5' }]);
 * lifecycleSection(periodLifecycle(book, { period: 'month' }), 'month', 2).table.rows[1]?.slice(0, 4); // => ['2024-02', '1', '0', '1']
 * ```
 */
export function lifecycleSection(rows: readonly LifecycleRow[], period: string, digits: number): Section {
  return {
    id: 'lifecycle',
    title: `Lifecycle by ${period}: where the active customers came from`,
    table: {
      headers: [period, 'active', 'new', 'returning', 'resurrected', 'dormant', 'quick ratio', 'new revenue', 'returning revenue', 'resurrected revenue'],
      rows: rows.map((row) => [
        row.period,
        formatCount(row.active),
        formatCount(row.new),
        formatCount(row.returning),
        formatCount(row.resurrected),
        formatCount(row.dormant),
        formatNumber(row.quickRatio, 2),
        formatMoney(row.newRevenue, digits),
        formatMoney(row.returningRevenue, digits),
        formatMoney(row.resurrectedRevenue, digits),
      ]),
    },
    notes: ['(quick ratio = (new + resurrected) ÷ dormant)'],
  };
}
