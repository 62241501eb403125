/**
 * The RFM section: customers per segment (`rfm`).
 *
 * @module
 */
import type { RfmReport } from '../../index.ts';
import { formatCount, formatMoney, formatNumber, formatPercent } from '../format.ts';
import type { Section } from './section.ts';

/**
 * Customers, revenue and average recency, frequency and spend per RFM segment.
 *
 * @param report - `rfm(book, { asOf })`
 * @param digits - the currency's decimal places
 * @returns the section
 * @example
 * ```ts
 * import { ledger, rfm } from '../../index.ts';
 * import { rfmSection } from './rfm.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }]);
 * rfmSection(rfm(book, { asOf: '2024-01-31' }), 2).table.rows.at(-1); // => ['Lost', '1', '100.0%', '10.00', '30', '1.00', '10.00']
 * ```
 */
export function rfmSection(report: RfmReport, digits: number): Section {
  return {
    id: 'rfm',
    title: 'RFM segments (recency, frequency and monetary scores 1–5 by quintile)',
    table: {
      headers: ['segment', 'customers', 'share', 'revenue', 'avg days since last order', 'avg orders', 'avg spend'],
      rows: report.segments.map((s) => [
        s.segment,
        formatCount(s.customers),
        formatPercent(s.share),
        formatMoney(s.revenue, digits),
        formatNumber(s.averageRecency, 0),
        formatNumber(s.averageFrequency, 2),
        formatMoney(s.averageMonetary, digits),
      ]),
    },
    notes: ['(segments from R and FM = (F + M) ÷ 2, see docs/rfm.md of retention-metrics)'],
  };
}
