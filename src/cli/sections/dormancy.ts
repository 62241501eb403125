/**
 * The dormancy section: customers by days since their last order (`dormancy`).
 *
 * @module
 */
import { DORMANCY_SEGMENTS, type DormancyReport, type DormancySegment } from '../../index.ts';
import { DORMANCY_SEGMENT_NAMES } from '../../segments/dormancy-windows.ts';
import { formatCount, formatMoney, formatPercent } from '../format.ts';
import type { Section } from './section.ts';

/** The days since the last order of each segment under the default (fixed) windows the command uses. */
const DEFAULT_WINDOWS: Readonly<Record<DormancySegment, string>> = { active: '≤ 90 days', atRisk: '91–180 days', dormant: '181–365 days', lost: '> 365 days' };

/**
 * Customers and their historical value per dormancy segment.
 *
 * @param report - `dormancy(book, { asOf })`
 * @param digits - the currency's decimal places
 * @returns the section
 * @example
 * ```ts
 * import { dormancy, ledger } from '../../index.ts';
 * import { dormancySection } from './dormancy.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }]);
 * dormancySection(dormancy(book, { asOf: '2024-06-30' }), 2).table.rows[2]; // => ['Dormant (181–365 days)', '1', '100.0%', '10.00']
 * ```
 */
export function dormancySection(report: DormancyReport, digits: number): Section {
  const total = report.customers.length;
  return {
    id: 'dormancy',
    title: 'Dormancy: customers by days since their last order',
    table: {
      headers: ['segment', 'customers', 'share', 'historical value'],
      rows: DORMANCY_SEGMENTS.map((segment) => [
        `${DORMANCY_SEGMENT_NAMES[segment]} (${DEFAULT_WINDOWS[segment]})`,
        formatCount(report.segments[segment].customers),
        formatPercent(total === 0 ? null : report.segments[segment].customers / total),
        formatMoney(report.segments[segment].value, digits),
      ]),
    },
    notes: ['(historical value: net revenue to date of the segment\'s customers)'],
  };
}
