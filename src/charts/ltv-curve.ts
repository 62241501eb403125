/**
 * `ltvCurve`: the cumulative net revenue per customer of each cohort by offset, and the average.
 *
 * @module
 */
import type { CohortTable } from '../cohort/types.ts';
import { expectCohortTable } from './checks.ts';
import { cohortLines } from './cohort-lines.ts';
import { chartDocument } from './document.ts';
import { amount, moneyUnit, periodName } from './format.ts';
import { type MoneyChartOptions, resolveMoneyOptions } from './options.ts';

/**
 * The LTV curve: for each cohort, the cumulative net revenue per customer (orders less refunds of
 * offsets 0…k ÷ cohort size: the cells' `cumulativeRevenuePerCustomer`) at each offset since the first
 * order — solid over complete cells, dashed on to incomplete ones — and the size-weighted average over
 * the complete cells (a thick line). Amounts are in the ledger's currency, named by the `currency`
 * option (a cohort table does not hold it).
 *
 * A table without cohorts gives a chart with its title and the note "No cohorts to show".
 *
 * @param table - a table of `Cohort.from(…).table()`
 * @param options - `title`, `subtitle`, `width`, `currency`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `table` when it is not a cohort table, or an option that is
 *   unknown or out of range
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * import { ltvCurve } from 'retention-metrics/charts';
 * const table = Cohort.from([
 *   { customerId: 'a', date: '2024-01-03', amount: 10 },
 *   { customerId: 'b', date: '2024-01-09', amount: 20 },
 *   { customerId: 'b', date: '2024-02-11', amount: 15 },
 * ]).asOf('2024-03-31T23:59:59Z').table();
 * ltvCurve(table, { currency: 'EUR' }).includes('Cumulative net revenue per customer (EUR)'); // => true
 * ```
 */
export function ltvCurve(table: CohortTable, options?: MoneyChartOptions): string {
  expectCohortTable(table);
  const settings = resolveMoneyOptions(options);
  return cohortLines({
    document: chartDocument(),
    table,
    width: settings.width,
    title: settings.title ?? 'Cumulative revenue per customer (LTV curve)',
    subtitle: settings.subtitle ?? `Net revenue of each cohort up to each ${periodName(table.every, false)} since the first order, divided by the cohort's size`,
    value: (cell) => cell.cumulativeRevenuePerCustomer.toNumber(),
    average: (cell) => (cell.cumulativeRevenuePerCustomer === null ? null : cell.cumulativeRevenuePerCustomer.toNumber()),
    averageLabel: 'Average (weighted by cohort size)',
    yLabel: `Cumulative net revenue per customer${moneyUnit(settings.currency)}`,
    yDomain: null,
    tickFormat: amount,
    incompleteNote: 'Dashed: incomplete periods (not over for every member as of the table’s date); their revenue can still grow.',
  });
}
