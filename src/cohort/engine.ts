/**
 * The cohort engine: from a ledger and resolved settings to a {@link CohortTable}, in four steps, each in
 * a file of its own:
 *
 * 1. the calendar (`cohort-calendar.ts`): where each instant falls — a first order's cohort period, an
 *    event's offset from the customer's first order;
 * 2. a pass over the customers of each part of the table (`groups.ts`): each one into a group, its
 *    cohort (or its segment's);
 * 3. a pass over their events (`cell-pass.ts`): each counted event of a customer in the table into a
 *    cell of their group's row, as integer sums;
 * 4. the table (`table.ts`): the sums into cells with money and rates, and the average curve.
 *
 * A part is a {@link CohortScope}: the customers and events it counts (everyone and every event, a
 * `where` filter's, or one attribute value's segment). A table has one part, or one per segment.
 *
 * @module
 * @internal
 */
import type { Ledger } from '../input/types.ts';
import { type CellRules, type RowSums, bracketLookup, emptyRow, fillCells } from './cell-pass.ts';
import { cohortCalendar } from './cohort-calendar.ts';
import { groupCustomers } from './groups.ts';
import { assertTableCells } from './limits.ts';
import type { CohortScope } from './scope.ts';
import { buildCohortTable } from './table.ts';
import type { CohortSettings, CohortTable } from './types.ts';

/**
 * @internal Compute a cohort table from a ledger, over one or more parts.
 *
 * A customer's cohort is the `by` period of the order that starts it (their first, or first matching,
 * order; or `cohortKey(customer)`); offsets count `every` periods from that order's period (calendar
 * units), or elapsed `{ days: n }` spans from its instant. Events after `asOf` are ignored, and so are
 * events the part does not count, events at a negative offset (a refund in a period before the first
 * order's) or beyond the last offset. A group's row has a cell for every offset begun as of `asOf` for
 * its earliest member, up to `maxOffset`. The rows of all parts make one table with one average curve.
 *
 * @param book - the ledger
 * @param settings - resolved settings
 * @param scopes - the parts of the table, each one's rows labelled with its segment
 * @returns the table
 * @throws {@link InvalidOptionError} for a table of more than `MAX_TABLE_CELLS` cells (before any cell
 *   is built), or a `segmentBy` / `cohortKey` function that returns something other than a string or
 *   a finite number
 */
export function computeCohorts(book: Ledger, settings: CohortSettings, scopes: readonly CohortScope[]): CohortTable {
  const calendar = cohortCalendar(book, settings);
  const groupings = scopes.map((scope) => groupCustomers(book, settings, calendar, scope));
  const offsets = groupings.map(({ groups }) => groups.map((group) => Math.min(calendar.lastOffset(group.minBase), settings.maxOffset) + 1));
  assertSize(offsets, book, settings);
  const widest = offsets.reduce((most, part) => part.reduce((w, n) => Math.max(w, n), most), 0);
  const bracketOf = settings.brackets === null ? null : bracketLookup(settings.brackets, widest);
  const rules: CellRules = { calendar, bracketOf, minOrders: settings.minOrders, minGrossMinor: settings.minGrossMinor };
  const rows: RowSums[] = [];
  scopes.forEach((scope, part) => {
    const partRows = groupings[part].groups.map((group, g) => emptyRow(group, part, offsets[part][g], settings.brackets));
    fillCells(book, scope, groupings[part].groupOf, partRows, rules);
    for (const row of partRows) rows.push(row);
  });
  const parts = scopes.map((scope, part) => ({ scope, grouping: groupings[part] }));
  return buildCohortTable({ settings, calendar, rows, digits: book.currencyDigits, members: { book, settings, rules, parts } });
}

/**
 * Refuse a table of more than `MAX_TABLE_CELLS` cells, blaming a horizon beyond the data (`asOf`) or
 * else the period (`every`).
 */
function assertSize(offsets: readonly (readonly number[])[], book: Ledger, settings: CohortSettings): void {
  let cells = 0;
  for (const part of offsets) for (const n of part) cells += n;
  const beyond = book.maxTime !== null && settings.asOf > book.maxTime;
  assertTableCells(
    cells,
    beyond ? 'asOf' : 'every',
    beyond ? new Date(settings.asOf) : settings.every,
    'set an earlier asOf, a coarser every (or by), maxOffset, or between',
  );
}
