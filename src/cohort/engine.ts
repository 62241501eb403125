/**
 * The cohort engine: from a ledger and resolved settings to a {@link CohortTable}, in four steps, each in
 * a file of its own:
 *
 * 1. the calendar (`cohort-calendar.ts`): where each instant falls — a first order's cohort period, an
 *    event's offset from the customer's first order;
 * 2. a pass over the customers (`groups.ts`): each one into a group, its cohort (or its segment's);
 * 3. a pass over the events (`cell-pass.ts`): each event of a customer in the table into a cell of their
 *    group's row, as integer sums;
 * 4. the table (`table.ts`): the sums into cells with money and rates, and the average curve.
 *
 * @module
 * @internal
 */
import type { Ledger } from '../input/types.ts';
import { bracketLookup, emptyRow, fillCells } from './cell-pass.ts';
import { cohortCalendar } from './cohort-calendar.ts';
import { groupCustomers } from './groups.ts';
import { assertTableCells } from './limits.ts';
import { buildCohortTable } from './table.ts';
import type { CohortSettings, CohortTable } from './types.ts';

/**
 * @internal Compute a cohort table from a ledger.
 *
 * A customer's cohort is the `by` period of their first order (or `cohortKey(customer)`); offsets count
 * `every` periods from each customer's own first-order period (calendar units), or elapsed
 * `{ days: n }` spans from the first order's instant. Events after `asOf` are ignored, and so are
 * events at a negative offset (a refund in a period before the first order's) or beyond the last offset.
 * A group's row has a cell for every offset begun as of `asOf` for its earliest member, up to `maxOffset`.
 *
 * @param book - the ledger
 * @param settings - resolved settings
 * @returns the table
 * @throws {@link InvalidOptionError} for a table of more than `MAX_TABLE_CELLS` cells (before any cell
 *   is built), or a `segmentBy` / `cohortKey` function that returns something other than a string or
 *   a finite number
 */
export function computeCohorts(book: Ledger, settings: CohortSettings): CohortTable {
  const calendar = cohortCalendar(book, settings);
  const { groups, groupOf } = groupCustomers(book, settings, calendar);
  const offsets = groups.map((group) => Math.min(calendar.lastOffset(group.minBase), settings.maxOffset) + 1);
  assertSize(offsets, book, settings);
  const rows = groups.map((group, g) => emptyRow(group, offsets[g], settings.brackets));
  const bracketOf = settings.brackets === null ? null : bracketLookup(settings.brackets, offsets.reduce((widest, n) => Math.max(widest, n), 0));
  fillCells(book, { calendar, rowOf: groupOf, rows, bracketOf, minOrders: settings.minOrders, minGrossMinor: settings.minGrossMinor });
  return buildCohortTable({ settings, calendar, rows, digits: book.currencyDigits });
}

/**
 * Refuse a table of more than `MAX_TABLE_CELLS` cells, blaming a horizon beyond the data (`asOf`) or
 * else the period (`every`).
 */
function assertSize(offsets: readonly number[], book: Ledger, settings: CohortSettings): void {
  let cells = 0;
  for (const n of offsets) cells += n;
  const beyond = book.maxTime !== null && settings.asOf > book.maxTime;
  assertTableCells(
    cells,
    beyond ? 'asOf' : 'every',
    beyond ? new Date(settings.asOf) : settings.every,
    'set an earlier asOf, a coarser every (or by), maxOffset, or between',
  );
}
