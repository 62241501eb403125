/**
 * The period-retention section (`periodRetention`).
 *
 * @module
 */
import type { PeriodRetentionRow } from '../../index.ts';
import { formatCount, formatPercent } from '../format.ts';
import type { Section } from './section.ts';

/**
 * Period-over-period retention: of the customers who bought in the previous period, who bought again.
 *
 * @param rows - `periodRetention(book, { period, asOf })`
 * @param period - the period's name (`month`, …)
 * @returns the section
 * @example
 * ```ts
 * import { ledger, periodRetention } from '../../index.ts';
 * import { retentionSection } from './retention.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }, { customerId: 'a', date: '2024-02-01', amount: '5' }]);
 * retentionSection(periodRetention(book, { period: 'month' }), 'month').table.rows[1]?.[7]; // => '100.0%'
 * ```
 */
export function retentionSection(rows: readonly PeriodRetentionRow[], period: string): Section {
  return {
    id: 'retention',
    title: `Period retention (${period} over ${period}): of the customers who bought in the previous ${period}, who bought again`,
    table: {
      headers: [period, 'start (S)', 'end (E)', 'new', 'back', 'retained', 'lost', 'retention', 'churn', ''],
      rows: rows.map((row) => [
        row.period,
        formatCount(row.startCustomers),
        formatCount(row.endCustomers),
        formatCount(row.acquired),
        formatCount(row.reactivated),
        formatCount(row.retained),
        formatCount(row.lost),
        formatPercent(row.retentionRate),
        formatPercent(row.churnRate),
        row.complete ? '' : 'incomplete',
      ]),
    },
    notes: ['(retention = retained ÷ S; churn = lost ÷ S; "incomplete": the period is not over as of the report date)'],
  };
}
