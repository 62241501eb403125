/**
 * The cohort section: the retention matrix of acquisition cohorts (`Cohort`).
 *
 * @module
 */
import type { CohortTable } from '../../index.ts';
import { formatCount, formatMoney } from '../format.ts';
import type { Section } from './section.ts';

/** Most offsets (columns) a printed matrix shows; the JSON and the CSV carry them all. */
export const MAX_COHORT_COLUMNS = 24;

/**
 * The retention matrix: per cohort its size and the share that ordered k periods after its first.
 *
 * @param table - `Cohort.from(book).by(period).asOf(asOf).table()`
 * @param period - the period's name
 * @param digits - the currency's decimal places
 * @returns the section
 * @example
 * ```ts
 * import { Cohort, ledger } from '../../index.ts';
 * import { cohortSection } from './cohorts.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }, { customerId: 'a', date: '2024-02-03', amount: '5' }]);
 * const section = cohortSection(Cohort.from(book).by('month').asOf('2024-02-29T23:59:59.999').table(), 'month', 2);
 * section.table.rows[0]; // => ['2024-01', '1', '100.0', '100.0']
 * ```
 */
export function cohortSection(table: CohortTable, period: string, digits: number): Section {
  const offsets = table.average.slice(0, MAX_COHORT_COLUMNS);
  const notes = [
    `(percent of the cohort that ordered in the k-th ${period} after its first; * = the ${period} is not over as of the report date;`,
    ` the average is over the cohorts that completed the ${period})`,
  ];
  if (table.average.length > offsets.length) notes.push(`(the first ${offsets.length} of ${table.average.length} ${period}s are shown; --csv writes them all)`);
  return {
    id: 'cohorts',
    title: `Acquisition cohorts by ${period}: share of each cohort that ordered again k ${period}s later`,
    table: {
      headers: ['cohort', 'size', ...offsets.map((a) => `+${a.label}`)],
      rows: [
        ...table.cohorts.map((cohort) => [
          cohort.key,
          formatCount(cohort.size),
          ...offsets.map((_, k) => {
            const cell = cohort.cells[k];
            return cell === undefined ? '' : `${(cell.rate * 100).toFixed(1)}${cell.complete ? '' : '*'}`;
          }),
        ]),
        ['average', '', ...offsets.map((a) => (a.rate === null ? '' : (a.rate * 100).toFixed(1)))],
        ['LTV per customer', '', ...offsets.map((a) => (a.cumulativeRevenuePerCustomer === null ? '' : formatMoney(a.cumulativeRevenuePerCustomer, digits)))],
      ],
    },
    notes: [...notes, '(LTV per customer: net revenue per acquired customer up to that period, cumulative, averaged over the cohorts)'],
  };
}
