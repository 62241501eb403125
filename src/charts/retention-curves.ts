/**
 * `retentionCurves`: each cohort's retention rate by offset, and the average curve.
 *
 * @module
 */
import type { CohortTable } from '../cohort/types.ts';
import { expectCohortTable } from './checks.ts';
import { cohortLines } from './cohort-lines.ts';
import { activePhrase } from './cohort-rows.ts';
import { chartDocument } from './document.ts';
import { percentTick, periodName } from './format.ts';
import { type ChartOptions, resolveChartOptions } from './options.ts';

/**
 * Retention curves: for each cohort, the share of its customers active at each offset since the first
 * order (a line over the complete cells, dashed on to the incomplete ones, whose rates can still rise),
 * and the size-weighted average curve over the complete cells (a thick line). Up to eight cohorts get
 * a colour each and a legend entry; with more, they are drawn in grey behind the average.
 *
 * A table without cohorts gives a chart with its title and the note "No cohorts to show".
 *
 * @param table - a table of `Cohort.from(…).table()`
 * @param options - `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `table` when it is not a cohort table, or an option that is
 *   unknown or out of range
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * import { retentionCurves } from 'retention-metrics/charts';
 * const table = Cohort.from([
 *   { customerId: 'a', date: '2024-01-03', amount: 10 },
 *   { customerId: 'b', date: '2024-01-09', amount: 20 },
 *   { customerId: 'b', date: '2024-02-11', amount: 15 },
 * ]).asOf('2024-03-31T23:59:59Z').table();
 * retentionCurves(table).includes('Average (weighted by cohort size)'); // => true
 * ```
 */
export function retentionCurves(table: CohortTable, options?: ChartOptions): string {
  expectCohortTable(table);
  const settings = resolveChartOptions(options);
  return cohortLines({
    document: chartDocument(),
    table,
    width: settings.width,
    title: settings.title ?? 'Retention curves',
    subtitle: settings.subtitle ?? `Share of each cohort's customers ${activePhrase(table)} each ${periodName(table.every, false)} since their first order, and the average`,
    value: (cell) => cell.rate,
    average: (cell) => cell.rate,
    averageLabel: 'Average (weighted by cohort size)',
    yLabel: 'Retention rate (%)',
    yDomain: [0, 1],
    tickFormat: (rate) => percentTick(Math.round(rate * 1000) / 1000),
    incompleteNote: 'Dashed: incomplete periods (not over for every member as of the table’s date); their rates can still rise.',
  });
}
