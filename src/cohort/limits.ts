/**
 * The size limit of cohort and survival tables.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import { groupDigits } from '../group-digits.ts';

/**
 * @internal Most cells a cohort or survival table holds (cells of every cohort, and of the overall
 * curve for survival). A cell is an object of its own, with its money, and the number of cells grows
 * with the horizon: daily cohorts as of `'9999-12-31'` would hold
 * 2.9 million cells for a single cohort. A million covers daily cohorts with daily offsets over
 * about four years, weekly ones over a quarter of a century.
 */
export const MAX_TABLE_CELLS = 1_000_000;

/**
 * @internal Refuse a table of more than {@link MAX_TABLE_CELLS} cells, before it is built.
 *
 * @param cells - the cells the table would hold (or a lower bound of them)
 * @param option - the option to name: `asOf` when the horizon lies beyond the data, else `every`
 * @param value - that option's value
 * @param remedies - the builder's ways to stay under the limit, for the message
 * @throws {@link InvalidOptionError} naming the limit and the ways to stay under it
 */
export function assertTableCells(cells: number, option: string, value: unknown, remedies: string): void {
  if (cells <= MAX_TABLE_CELLS) return;
  throw new InvalidOptionError(
    option,
    value,
    `the table would hold ${groupDigits(String(cells))} cells (cohorts × offsets); at most ${groupDigits(String(MAX_TABLE_CELLS))} are supported — ${remedies}`,
  );
}
