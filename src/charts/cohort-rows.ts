/**
 * What the cohort charts share: the name of a cohort row and the axis of offsets.
 *
 * @module
 * @internal
 */
import type { CohortRow, CohortTable } from '../cohort/types.ts';
import { capitalize, periodName } from './format.ts';

/**
 * @internal A cohort's name: its key, after its segment in a segmented table (`"pro · 2024-01"`).
 *
 * @param row - the cohort
 * @returns the name
 */
export function cohortName(row: CohortRow): string {
  return row.segment === null ? row.key : `${row.segment} · ${row.key}`;
}

/**
 * @internal The offsets' labels in order of offset, over every cohort (a bracket's label is its range).
 *
 * @param table - the table
 * @returns the labels, the first offset first
 */
export function offsetLabels(table: CohortTable): string[] {
  const byOffset = new Map<number, string>();
  for (const row of table.cohorts) for (const cell of row.cells) byOffset.set(cell.offset, cell.label);
  return [...byOffset.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
}

/**
 * @internal The label of the offset axis: `"Months since first order"`.
 *
 * @param table - the table
 * @returns the label
 */
export function offsetAxisLabel(table: CohortTable): string {
  return `${capitalize(periodName(table.every, true))} since first order`;
}

/**
 * @internal How a cell counts customers, as a phrase: `"with an order in"` (classic), `"with an order
 * in or after"` (unbounded), `"with an order in"` a bracket's periods.
 *
 * @param table - the table
 * @returns the phrase
 */
export function activePhrase(table: CohortTable): string {
  return table.mode === 'unbounded' ? 'with an order in or after' : 'with an order in';
}
