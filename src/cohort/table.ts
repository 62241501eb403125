/**
 * Turn the engine's integer accumulators into a {@link CohortTable}: cells, the average curve, rows, JSON.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import type { Ledger } from '../input/types.ts';
import type { AverageCell, CohortCell, CohortRow, CohortSettings, CohortTable, CohortTableRow } from './types.ts';

/** A cohort (or segment × cohort) while the engine runs. */
export interface CohortGroup {
  key: string;
  segment: string | null;
  /** Calendar cohort index (NaN for custom keys). */
  order: number;
  /** Start instant (ms). */
  start: number;
  size: number;
  /** Earliest and latest member base (first-order period, or first-order instant for fixed spans). */
  minBase: number;
  maxBase: number;
  /** Number of observable offsets (cells) of this group. */
  offsets: number;
  /** The group's row in the accumulators. */
  row: number;
}

/** Per-cell sums, a row of cells per group (its observable offsets), rows laid end to end. */
export interface CohortAccumulators {
  /** Where each row's cells start (`rowStart[g + 1] − rowStart[g]` cells); row g of `reach` starts at `rowStart[g] + g`. */
  rowStart: Float64Array;
  /** Distinct customers with an order at the offset. */
  active: Float64Array;
  /** Difference array (one slot more than the row's cells per group): customers whose last active offset is ≥ k. */
  reach: Float64Array;
  orders: Float64Array;
  gross: Float64Array;
  net: Float64Array;
  /** Distinct customers with an order in the bracket (one slot per group × bracket). */
  bracketActive: Float64Array;
}

interface CellSums {
  offset: number;
  label: string;
  customers: number;
  orders: number;
  gross: number;
  net: number;
  cumulativeNet: number;
  complete: boolean;
}

function compareGroups(x: CohortGroup, y: CohortGroup): number {
  if (x.segment !== y.segment) {
    if (x.segment === null) return -1;
    if (y.segment === null) return 1;
    return x.segment < y.segment ? -1 : 1;
  }
  if (!Number.isNaN(x.order) && !Number.isNaN(y.order)) return x.order - y.order;
  return x.start - y.start || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}

/** Sums of one group's cells, per offset or per bracket. */
function groupCells(
  group: CohortGroup,
  settings: CohortSettings,
  acc: CohortAccumulators,
  isComplete: (maxBase: number, offset: number) => boolean,
): CellSums[] {
  const row = acc.rowStart[group.row] ?? 0;
  const out: CellSums[] = [];
  const brackets = settings.brackets;
  if (settings.mode === 'bracket' && brackets !== null) {
    brackets.forEach((bracket, index) => {
      const from = bracket[0];
      const to = bracket[1] ?? from;
      if (from >= group.offsets) return;
      let orders = 0;
      let gross = 0;
      let net = 0;
      let cumulativeNet = 0;
      const last = Math.min(to, group.offsets - 1);
      for (let k = 0; k <= last; k++) {
        cumulativeNet += acc.net[row + k] ?? 0;
        if (k < from) continue;
        orders += acc.orders[row + k] ?? 0;
        gross += acc.gross[row + k] ?? 0;
        net += acc.net[row + k] ?? 0;
      }
      out.push({
        offset: from,
        label: from === to ? String(from) : `${from}–${to}`,
        customers: acc.bracketActive[group.row * brackets.length + index] ?? 0,
        orders,
        gross,
        net,
        cumulativeNet,
        complete: to < group.offsets && isComplete(group.maxBase, to),
      });
    });
    return out;
  }
  let cumulativeNet = 0;
  let reach = 0;
  const reachRow = row + group.row;
  for (let k = 0; k < group.offsets; k++) {
    reach += acc.reach[reachRow + k] ?? 0;
    cumulativeNet += acc.net[row + k] ?? 0;
    out.push({
      offset: k,
      label: String(k),
      customers: settings.mode === 'unbounded' ? reach : (acc.active[row + k] ?? 0),
      orders: acc.orders[row + k] ?? 0,
      gross: acc.gross[row + k] ?? 0,
      net: acc.net[row + k] ?? 0,
      cumulativeNet,
      complete: isComplete(group.maxBase, k),
    });
  }
  return out;
}

/** Where a cell's per-customer revenue comes from, and the values once computed. */
interface CellRevenue {
  readonly net: number;
  readonly cumulativeNet: number;
  readonly size: number;
  readonly digits: number;
  perCustomer: Decimal | undefined;
  cumulativePerCustomer: Decimal | undefined;
}

/** The hidden slot of a cell that holds its {@link CellRevenue}. */
const REVENUE = Symbol('revenue');

type CellUnderConstruction = Omit<CohortCell, 'revenuePerCustomer' | 'cumulativeRevenuePerCustomer' | 'complete'> & {
  readonly [REVENUE]: CellRevenue;
  complete?: boolean;
};

/** Minor units ÷ customers as money (0 for an empty cohort). */
function perCustomer(minor: number, size: number, digits: number): Decimal {
  return minorPer(minor, size, digits) ?? fromMinorUnits(0, digits);
}

/**
 * The per-customer revenue fields of every cell: enumerable accessors, computed on first read and
 * then kept. A table has hundreds of cells and many callers read only counts and rates; an exact
 * quotient is a long division and a `Decimal` each. One pair of getter functions serves every cell, so
 * all cells keep one shape.
 */
const PER_CUSTOMER_FIELDS: PropertyDescriptorMap = {
  revenuePerCustomer: {
    enumerable: true,
    get(this: CellUnderConstruction): Decimal {
      const r = this[REVENUE];
      return (r.perCustomer ??= perCustomer(r.net, r.size, r.digits));
    },
  },
  cumulativeRevenuePerCustomer: {
    enumerable: true,
    get(this: CellUnderConstruction): Decimal {
      const r = this[REVENUE];
      return (r.cumulativePerCustomer ??= perCustomer(r.cumulativeNet, r.size, r.digits));
    },
  },
};

/** A frozen cell of a group of `size` customers, its fields in the documented order. */
function makeCell(c: CellSums, size: number, digits: number): CohortCell {
  const revenue: CellRevenue = { net: c.net, cumulativeNet: c.cumulativeNet, size, digits, perCustomer: undefined, cumulativePerCustomer: undefined };
  const cell: CellUnderConstruction = {
    offset: c.offset,
    label: c.label,
    customers: c.customers,
    rate: c.customers / size,
    orders: c.orders,
    grossRevenue: fromMinorUnits(c.gross, digits),
    netRevenue: fromMinorUnits(c.net, digits),
    [REVENUE]: revenue,
  };
  Object.defineProperty(cell, REVENUE, { enumerable: false });
  Object.defineProperties(cell, PER_CUSTOMER_FIELDS);
  cell.complete = c.complete;
  return Object.freeze(cell) as unknown as CohortCell;
}

/** Assemble the table. */
export function buildCohortTable(
  book: Ledger,
  settings: CohortSettings,
  asOf: number,
  groups: readonly CohortGroup[],
  acc: CohortAccumulators,
  isComplete: (maxBase: number, offset: number) => boolean,
): CohortTable {
  const digits = book.currencyDigits;
  const order = groups.slice().sort(compareGroups);
  const averages: { offset: number; label: string; cohorts: number; size: number; customers: number; net: number }[] = [];
  const cohorts: CohortRow[] = [];
  for (const group of order) {
    const sums = groupCells(group, settings, acc, isComplete);
    const cells: CohortCell[] = sums.map((c, index) => {
      if (c.complete) {
        const avg = (averages[index] ??= { offset: c.offset, label: c.label, cohorts: 0, size: 0, customers: 0, net: 0 });
        avg.cohorts++;
        avg.size += group.size;
        avg.customers += c.customers;
        avg.net += c.cumulativeNet;
      }
      return makeCell(c, group.size, digits);
    });
    cohorts.push(Object.freeze({ key: group.key, segment: group.segment, start: new Date(group.start), size: group.size, cells: Object.freeze(cells) }));
  }
  // Offsets (or brackets) that no cohort has completed still appear, with null averages.
  const width = Math.max(0, ...cohorts.map((c) => c.cells.length));
  const average: AverageCell[] = [];
  for (let index = 0; index < width; index++) {
    const a = averages[index];
    const label = a?.label ?? cohorts.find((c) => c.cells[index] !== undefined)?.cells[index]?.label ?? String(index);
    const offset = a?.offset ?? cohorts.find((c) => c.cells[index] !== undefined)?.cells[index]?.offset ?? index;
    average.push(
      Object.freeze({
        offset,
        label,
        cohorts: a?.cohorts ?? 0,
        size: a?.size ?? 0,
        customers: a?.customers ?? 0,
        rate: a === undefined ? null : a.customers / a.size,
        cumulativeRevenuePerCustomer: a === undefined ? null : minorPer(a.net, a.size, digits),
      }),
    );
  }
  return makeTable(settings, asOf, Object.freeze(cohorts), Object.freeze(average));
}

function makeTable(settings: CohortSettings, asOf: number, cohorts: readonly CohortRow[], average: readonly AverageCell[]): CohortTable {
  const toRows = (): CohortTableRow[] =>
    cohorts.flatMap((cohort) =>
      cohort.cells.map((cell) => ({
        segment: cohort.segment,
        cohort: cohort.key,
        cohortStart: cohort.start.toISOString(),
        size: cohort.size,
        offset: cell.offset,
        label: cell.label,
        customers: cell.customers,
        rate: cell.rate,
        orders: cell.orders,
        grossRevenue: cell.grossRevenue.toString(),
        netRevenue: cell.netRevenue.toString(),
        revenuePerCustomer: cell.revenuePerCustomer.toString(),
        cumulativeRevenuePerCustomer: cell.cumulativeRevenuePerCustomer.toString(),
        complete: cell.complete,
      })),
    );
  return Object.freeze({
    by: settings.by,
    every: settings.every,
    mode: settings.mode,
    timeZone: settings.timeZone,
    asOf: new Date(asOf),
    cohorts,
    average,
    toRows,
    toJSON: () => ({
      by: settings.by,
      every: settings.every,
      mode: settings.mode,
      timeZone: settings.timeZone,
      asOf: new Date(asOf).toISOString(),
      brackets: settings.brackets,
      cohorts: cohorts.map((cohort) => ({
        key: cohort.key,
        segment: cohort.segment,
        start: cohort.start.toISOString(),
        size: cohort.size,
        cells: cohort.cells.map((cell) => ({
          ...cell,
          grossRevenue: cell.grossRevenue.toString(),
          netRevenue: cell.netRevenue.toString(),
          revenuePerCustomer: cell.revenuePerCustomer.toString(),
          cumulativeRevenuePerCustomer: cell.cumulativeRevenuePerCustomer.toString(),
        })),
      })),
      average: average.map((cell) => ({
        ...cell,
        cumulativeRevenuePerCustomer: cell.cumulativeRevenuePerCustomer?.toString() ?? null,
      })),
    }),
  });
}
