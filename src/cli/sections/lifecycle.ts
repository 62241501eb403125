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
