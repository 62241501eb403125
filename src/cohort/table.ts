/**
 * The last step of the cohort engine: the rows' integer sums into a {@link CohortTable} — cells with
 * their money and rates, cohorts in order, the average curve.
 *
 * @module
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import { type CellSums, averageCurve } from './average-curve.ts';
import type { CohortCalendar } from './cohort-calendar.ts';
import type { CohortGroup } from './groups.ts';
import type { RowSums } from './cell-pass.ts';
import { type MemberSource, memberMethods } from './members.ts';
import type { AverageCell, CohortCell, CohortRow, CohortSettings, CohortTable, CohortTableRow } from './types.ts';

/** The methods of a table, none of them enumerable. */
type TableMethods = 'toRows' | 'toJSON' | 'members' | 'cohortMembers';

/** @internal What a table is made of. */
export interface TableParts {
  readonly settings: CohortSettings;
  readonly calendar: CohortCalendar;
  /** One row per group, filled. */
  readonly rows: readonly RowSums[];
  /** The currency's decimal digits. */
  readonly digits: number;
  /** What the table's member methods recount cells from. */
  readonly members: MemberSource;
}

/**
 * @internal Build the table: cohorts by segment (the missing value last) then by start, each cell's
 * values computed here, once.
 *
 * @param parts - settings, calendar, filled rows, currency digits and what the member methods read
 * @returns the table
 */
export function buildCohortTable(parts: TableParts): CohortTable {
  const { settings, calendar, digits } = parts;
  const rows = [...parts.rows].sort((x, y) => compareGroups(x.group, y.group));
  const sums = rows.map((row) => (settings.brackets === null ? offsetCells(row, settings, calendar) : bracketCells(row, settings.brackets, calendar)));
  const cohorts: CohortRow[] = rows.map(({ group }, i) =>
    Object.freeze({
      key: group.key,
      segment: group.segment,
      start: new Date(group.start),
      size: group.size,
      cells: Object.freeze(sums[i].map((cell, k) => makeCell(cell, k === 0 ? null : sums[i][k - 1].customers, group.size, digits))),
    }),
  );
  const average = averageCurve(rows.map((row, i) => ({ size: row.group.size, cells: sums[i] })), digits);
  const table = makeTable(settings, Object.freeze(cohorts), Object.freeze(average));
  const { members, cohortMembers } = memberMethods(table.cohorts, rows, parts.members);
  Object.defineProperties(table, { members: { value: members }, cohortMembers: { value: cohortMembers } });
  return Object.freeze(table);
}

/** Segments by value, the missing value (`null`, in a table split by an attribute) last; then by start. */
function compareGroups(x: CohortGroup, y: CohortGroup): number {
  if (x.segment !== y.segment) {
    if (x.segment === null) return 1;
    if (y.segment === null) return -1;
    return x.segment < y.segment ? -1 : 1;
  }
  if (x.period !== null && y.period !== null) return x.period - y.period;
  return x.start - y.start || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}

/** Classic and unbounded cells: one per offset of the row. */
function offsetCells(row: RowSums, settings: CohortSettings, calendar: CohortCalendar): CellSums[] {
  // Unbounded: customers whose last order is at offset k or later, summed from the last offset down.
  const reached = new Float64Array(row.offsets + 1);
  for (let k = row.offsets - 1; k >= 0; k--) reached[k] = reached[k + 1] + row.lastActive[k];
  const cells: CellSums[] = [];
  let cumulativeNet = 0;
  for (let k = 0; k < row.offsets; k++) {
    cumulativeNet += row.net[k];
    cells.push({
      offset: k,
      label: String(k),
      customers: settings.mode === 'unbounded' ? reached[k] : row.active[k],
      orders: row.orders[k],
      gross: row.gross[k],
      net: row.net[k],
      cumulativeNet,
      complete: calendar.isComplete(row.group.maxBase, k),
    });
  }
  return cells;
}

/** Bracket cells: one per bracket that has begun, its sums over the bracket's offsets. */
function bracketCells(row: RowSums, brackets: NonNullable<CohortSettings['brackets']>, calendar: CohortCalendar): CellSums[] {
  const cells: CellSums[] = [];
  brackets.forEach((bracket, index) => {
    const from = bracket[0];
    const to = bracket[bracket.length - 1];
    if (from >= row.offsets) return;
    let orders = 0;
    let gross = 0;
    let net = 0;
    let cumulativeNet = 0;
    for (let k = 0; k <= Math.min(to, row.offsets - 1); k++) {
      cumulativeNet += row.net[k];
      if (k < from) continue;
      orders += row.orders[k];
      gross += row.gross[k];
      net += row.net[k];
    }
    cells.push({
      offset: from,
      label: from === to ? String(from) : `${from}–${to}`,
      customers: row.bracketActive[index],
      orders,
      gross,
      net,
      cumulativeNet,
      complete: to < row.offsets && calendar.isComplete(row.group.maxBase, to),
    });
  });
  return cells;
}

/**
 * A frozen cell of a cohort of `size` customers, its fields in the documented order; `previous` is the
 * customers of the cohort's cell before it (`null` for its first cell).
 */
function makeCell(cell: CellSums, previous: number | null, size: number, digits: number): CohortCell {
  return Object.freeze({
    offset: cell.offset,
    label: cell.label,
    customers: cell.customers,
    rate: cell.customers / size,
    previousRate: previous === null || previous === 0 ? null : cell.customers / previous,
    orders: cell.orders,
    grossRevenue: fromMinorUnits(cell.gross, digits),
    netRevenue: fromMinorUnits(cell.net, digits),
    revenuePerCustomer: perCustomer(cell.net, size, digits),
    cumulativeRevenuePerCustomer: perCustomer(cell.cumulativeNet, size, digits),
    complete: cell.complete,
  });
}

/** Minor units per customer of a cohort, as money. */
function perCustomer(minor: number, size: number, digits: number): Decimal {
  const quotient = minorPer(minor, size, digits);
  // A group is made for its first customer, so a cohort has at least one and the quotient exists.
  if (quotient === null) throw new Error(`a cohort of ${size} customers`);
  return quotient;
}

/** The table, not yet frozen: its data as enumerable fields, `toRows` and `toJSON` as methods that are not. */
function makeTable(settings: CohortSettings, cohorts: readonly CohortRow[], average: readonly AverageCell[]): CohortTable {
  const table = {
    by: settings.by,
    every: settings.every,
    mode: settings.mode,
    brackets: settings.brackets,
    timeZone: settings.timeZone,
    asOf: new Date(settings.asOf),
    cohorts,
    average,
  };
  Object.defineProperties(table, {
    toRows: { value: () => tableRows(cohorts) },
    toJSON: { value: () => tableJson(table) },
  });
  return table as typeof table & Pick<CohortTable, TableMethods>;
}

/** One flat row per cell, primitives only. */
function tableRows(cohorts: readonly CohortRow[]): CohortTableRow[] {
  return cohorts.flatMap((cohort) =>
    cohort.cells.map((cell) => ({
      segment: cohort.segment,
      cohort: cohort.key,
      cohortStart: cohort.start.toISOString(),
      size: cohort.size,
      offset: cell.offset,
      label: cell.label,
      customers: cell.customers,
      rate: cell.rate,
      previousRate: cell.previousRate,
      orders: cell.orders,
      grossRevenue: cell.grossRevenue.toString(),
      netRevenue: cell.netRevenue.toString(),
      revenuePerCustomer: cell.revenuePerCustomer.toString(),
      cumulativeRevenuePerCustomer: cell.cumulativeRevenuePerCustomer.toString(),
      complete: cell.complete,
    })),
  );
}

/** The table's fields as JSON-safe data: money as exact decimal strings, instants as ISO strings. */
function tableJson(table: Omit<CohortTable, TableMethods>): unknown {
  return {
    ...table,
    asOf: table.asOf.toISOString(),
    cohorts: table.cohorts.map((cohort) => ({
      ...cohort,
      start: cohort.start.toISOString(),
      cells: cohort.cells.map((cell) => ({
        ...cell,
        grossRevenue: cell.grossRevenue.toString(),
        netRevenue: cell.netRevenue.toString(),
        revenuePerCustomer: cell.revenuePerCustomer.toString(),
        cumulativeRevenuePerCustomer: cell.cumulativeRevenuePerCustomer.toString(),
      })),
    })),
    average: table.average.map((cell) => ({
      ...cell,
      cumulativeRevenuePerCustomer: cell.cumulativeRevenuePerCustomer?.toString() ?? null,
    })),
  };
}
