/**
 * The display of cohort tables: retention rates by cohort and offset with the average curve, then the
 * cumulative net revenue per customer (the LTV curve); and of subscription survival tables.
 *
 * @module
 * @internal
 */
import type { CohortRow, CohortTable } from '../../cohort/types.ts';
import type { SurvivalTable } from '../../cohort/subscriptions.ts';
import { type MoneyFormat, MISSING, formatCount, formatMoney, formatRate, formatInstant } from '../format.ts';
import { type Cell, type Section, chartsOf, numberCell, textCell } from '../section.ts';

/** Marks a cell whose period has not ended as of the table's `asOf`. */
const INCOMPLETE = '*';

function offsetLabels(table: CohortTable): string[] {
  const labels: string[] = [];
  for (const row of [...table.cohorts, { cells: table.average }]) {
    row.cells.forEach((cell, i) => {
      labels[i] ??= cell.label;
    });
  }
  return labels;
}

function leading(table: CohortTable, row: CohortRow): Cell[] {
  const segmented = table.cohorts.some((c) => c.segment !== null);
  return [...(segmented ? [textCell(row.segment)] : []), textCell(row.key), numberCell(formatCount(row.size))];
}

function leadColumns(table: CohortTable): string[] {
  return [...(table.cohorts.some((c) => c.segment !== null) ? ['Segment'] : []), 'Cohort', 'Customers'];
}

/** What an offset counts: `'months'`, or `'7-day spans'` for a fixed span. */
function offsetUnit(every: CohortTable['every']): string {
  return typeof every === 'string' ? `${every}s` : `${every.days}-day spans`;
}

function cohortNote(table: CohortTable): string {
  const every = offsetUnit(table.every);
  return `${table.mode} retention, cohorts by ${table.by}, offsets in ${every}, as of ${formatInstant(table.asOf)}, periods in ${table.timeZone}; ${INCOMPLETE} period not over yet`;
}

/**
 * @internal The sections of a cohort table.
 *
 * @param table - the table
 * @param money - how revenue is written
 * @param charts - the charts of the two sections (SVG markup), when available
 * @returns retention rates (rows: cohorts, then the size-weighted average of complete cells), and the
 *   cumulative net revenue per customer
 */
export function cohortSections(table: CohortTable, money: MoneyFormat, charts: { retention: readonly string[]; revenue: readonly string[] } = { retention: [], revenue: [] }): Section[] {
  const labels = offsetLabels(table);
  const columns = [...leadColumns(table), ...labels];
  const pad = (cells: Cell[]): Cell[] => [...cells, ...Array.from({ length: columns.length - cells.length }, () => numberCell(''))];
  const rate = (r: number | null, complete: boolean): Cell => numberCell(`${formatRate(r)}${complete ? '' : INCOMPLETE}`);
  const blanks = columns.length - labels.length - 1;
  const averageLead = [textCell('Average'), ...Array.from({ length: blanks }, () => numberCell(''))];
  const retention: Cell[][] = [
    ...table.cohorts.map((row) => pad([...leading(table, row), ...row.cells.map((c) => rate(c.rate, c.complete))])),
    pad([...averageLead, ...table.average.map((a) => numberCell(formatRate(a.rate)))]),
  ];
  const revenue: Cell[][] = [
    ...table.cohorts.map((row) =>
      pad([...leading(table, row), ...row.cells.map((c) => numberCell(`${formatMoney(c.cumulativeRevenuePerCustomer, money)}${c.complete ? '' : INCOMPLETE}`))]),
    ),
    pad([...averageLead, ...table.average.map((a) => numberCell(formatMoney(a.cumulativeRevenuePerCustomer, money)))]),
  ];
  return [
    { title: 'Retention by cohort', note: cohortNote(table), columns, rows: retention, charts: charts.retention },
    {
      title: 'Cumulative net revenue per customer',
      note: `net revenue of offsets 0…k ÷ cohort size; average over complete cells (${MISSING}: none)`,
      columns,
      rows: revenue,
      charts: charts.revenue,
    },
  ];
}

/**
 * @internal The section of a subscription survival table.
 *
 * @param table - the table
 * @param chart - the survival curves (SVG markup), when available
 * @returns Kaplan–Meier survival by start cohort and offset, then the pooled curve
 */
export function survivalSections(table: SurvivalTable, chart?: string): Section[] {
  const width = Math.max(table.overall.length, ...table.cohorts.map((c) => c.cells.length));
  const offsets = Array.from({ length: width }, (_, k) => String(k));
  const cells = (list: SurvivalTable['overall']): Cell[] => offsets.map((_, k) => numberCell(list[k] === undefined ? '' : formatRate(list[k].survival)));
  const rows = [
    ...table.cohorts.map((c) => [textCell(c.key), numberCell(formatCount(c.size)), ...cells(c.cells)]),
    [textCell('All'), numberCell(formatCount(table.cohorts.reduce((n, c) => n + c.size, 0))), ...cells(table.overall)],
  ];
  const every = offsetUnit(table.every);
  const note = `still subscribed at the end of each offset (Kaplan–Meier), cohorts by ${table.by}, offsets in ${every}, as of ${formatInstant(table.asOf)}`;
  return [{ title: 'Subscription survival by start cohort', note, columns: ['Cohort', 'Subscriptions', ...offsets], rows, charts: chartsOf(chart) }];
}
