/**
 * The cohort engine: one pass over a ledger fills integer cell accumulators for every cohort × offset.
 *
 * @module
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { dayPeriodTable } from '../calendar/day-table.ts';
import { DAY_MS } from '../calendar/offset.ts';
import { periodKey, periodStart } from '../calendar/period.ts';
import { isFixedSpan, periodOfDay } from '../calendar/units.ts';
import { CHUNK } from '../chunks.ts';
import { InvalidOptionError } from '../errors.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import type { Ledger } from '../input/types.ts';
import { type CellPass, type PeriodStats, fillCells } from './cell-pass.ts';
import { assertTableCells } from './limits.ts';
import { buildCohortTable, type CohortAccumulators, type CohortGroup } from './table.ts';
import type { CohortSettings, CohortTable, CustomerProfile } from './types.ts';

/**
 * Compute a cohort table from a ledger.
 *
 * A customer's cohort is the `by` period of their first order (or `cohortKey(customer)`); offsets count
 * `every` periods from each customer's own first-order period (calendar units), or elapsed
 * `{ days: n }` spans from the first order's instant. Events after `asOf` are ignored, and so are
 * events at a negative offset (a refund in a period before the first order's) or beyond the last offset;
 * a refund earlier than the first order but in the same period lands at offset 0.
 * A table of more than `MAX_TABLE_CELLS` cells is refused before it is built.
 */
export function computeCohorts(book: Ledger, settings: CohortSettings): CohortTable {
  const { start, minor } = book;
  const asOf = settings.asOf ?? book.maxTime ?? 0;
  const dayOf = makeDayIndexer(settings.timeZone);
  const calendar = { timeZone: settings.timeZone, weekStartsOn: settings.weekStartsOn };
  const span = isFixedSpan(settings.every) ? settings.every.days * DAY_MS : 0;
  const everyUnit = isFixedSpan(settings.every) ? settings.by : settings.every;
  const lastDay = book.maxTime === null ? 0 : dayOf(Math.min(book.maxTime, asOf));
  const firstDay = book.minTime === null ? 0 : Math.min(dayOf(book.minTime), lastDay);
  const cohortOfDay = dayPeriodTable(firstDay, lastDay, settings.by, settings.weekStartsOn).periods;
  // Offsets counted in the cohorts' own unit (monthly cohorts, monthly offsets) read the same table.
  const everyOfDay = span > 0 || everyUnit === settings.by ? cohortOfDay : dayPeriodTable(firstDay, lastDay, everyUnit, settings.weekStartsOn).periods;
  const asOfEvery = span > 0 ? 0 : periodOfDay(dayOf(asOf), everyUnit, settings.weekStartsOn);
  const firstIncompleteEvery = span > 0 ? 0 : periodOfDay(dayOf(asOf + 1), everyUnit, settings.weekStartsOn);

  const accounts = book.ids.length;
  // Period rows count from the first day's cohort period; no history is longer than `widest` offsets.
  const cohortBase = cohortOfDay[0] ?? 0;
  const periods = cohortOfDay.length === 0 ? 0 : (cohortOfDay[cohortOfDay.length - 1] ?? 0) - cohortBase + 1;
  const longest = periods === 0 ? 0 : span > 0 ? Math.floor((asOf - (book.minTime ?? asOf)) / span) : asOfEvery - (everyOfDay[0] ?? 0);
  const widest = Math.min(Math.max(0, longest), settings.maxOffset) + 1;
  // The option to blame for a table too large (checked once the groups are known, before any cell is
  // built; the one-pass accumulators below are bounded by the data): a horizon beyond the data, or
  // else the period.
  const beyond = settings.asOf !== null && settings.asOf > (book.maxTime ?? settings.asOf);
  const assertCells = (cells: number) =>
    assertTableCells(cells, beyond ? 'asOf' : 'every', beyond ? new Date(asOf) : settings.every, 'set an earlier asOf, a coarser every (or by), maxOffset, or between');
  const groups: CohortGroup[] = [];
  const newGroup = (key: string, segment: string | null, order: number, startMs: number, b: number, row: number): number => {
    groups.push({ key, segment, order, start: startMs, size: 0, minBase: b, maxBase: b, offsets: 0, row });
    return groups.length - 1;
  };
  const cellPass = (width: number, offsetsOf: Int32Array, groupOf: Int32Array | null, periods: PeriodStats | null): CellPass => ({
    asOf,
    from: settings.from,
    to: settings.to,
    span,
    firstDay,
    cohortOfDay,
    cohortBase,
    everyOfDay,
    dayOf,
    offsetsOf,
    bracketOf: bracketLookup(settings, width),
    bracketCount: settings.brackets?.length ?? 0,
    groupOf,
    periods,
  });
  let acc: CohortAccumulators;
  // Plain calendar cohorts take one pass when a row for every period of the data costs little (see
  // MOST_CELLS_PER_ACCOUNT); otherwise, and for segments or custom keys, a first pass finds each
  // customer's group and a second fills the cells.
  const plain = settings.segmentBy === null && settings.cohortKey === null;
  if (plain && periods * widest <= MOST_CELLS_PER_ACCOUNT * accounts + FEW_CELLS) {
    // One pass. Each customer's cohort is the period of the first order, and the accumulators have a
    // row for every period of the data (the empty ones stay unused), wide enough for the longest
    // history any customer can have; a group is then made for every period that has customers. No
    // customer's events reach past the offsets its group observes (its base is at or after the
    // group's earliest), so the only cap an event meets is maxOffset.
    const stats: PeriodStats = {
      size: new Float64Array(periods),
      minBase: new Float64Array(periods).fill(Number.POSITIVE_INFINITY),
      maxBase: new Float64Array(periods).fill(Number.NEGATIVE_INFINITY),
    };
    acc = accumulators(new Int32Array(periods).fill(widest), settings);
    const pass = cellPass(widest, Int32Array.of(widest), null, stats);
    for (let a = 0; a < accounts; a += CHUNK) fillCells(book, pass, acc, a, Math.min(accounts, a + CHUNK));
    for (let c = 0; c < periods; c++) {
      const size = stats.size[c] ?? 0;
      if (size === 0) continue;
      const cohort = cohortBase + c;
      const group = groups[newGroup(periodKey(cohort, settings.by, settings.weekStartsOn), null, cohort, periodStart(cohort, settings.by, calendar), stats.minBase[c] ?? 0, c)];
      if (group === undefined) continue;
      group.size = size;
      group.maxBase = stats.maxBase[c] ?? 0;
    }
    observableOffsets(groups, span, asOf, asOfEvery, settings.maxOffset);
    assertCells(cellCount(groups));
  } else {
    const groupOf = new Int32Array(accounts).fill(-1);
    const byKey = new Map<string, number>();
    const firstOrders = book.firstOrder;
    for (let a = 0; a < accounts; a++) {
      if ((book.orders[a] ?? 0) === 0) continue;
      const t0 = firstOrders[a] ?? 0;
      if (t0 > asOf || t0 < settings.from || t0 >= settings.to) continue;
      const day0 = dayOf(t0) - firstDay;
      const cohort = cohortOfDay[day0] ?? 0;
      const b = span > 0 ? t0 : (everyOfDay[day0] ?? 0);
      let p = start[a] ?? 0;
      while ((minor[p] ?? 0) < 0) p++;
      const profile: CustomerProfile = Object.freeze({
        customerId: book.ids[a] ?? '',
        firstOrder: new Date(t0),
        firstOrderAmount: fromMinorUnits(minor[p] ?? 0, book.currencyDigits),
      });
      const segment = settings.segmentBy === null ? null : userKey(settings.segmentBy(profile), 'segmentBy');
      const custom = settings.cohortKey === null ? null : userKey(settings.cohortKey(profile), 'cohortKey');
      const key = custom ?? periodKey(cohort, settings.by, settings.weekStartsOn);
      const id = segment === null ? key : `${segment}\u0000${key}`;
      let g = byKey.get(id);
      if (g === undefined) {
        g = custom === null
          ? newGroup(key, segment, cohort, periodStart(cohort, settings.by, calendar), b, groups.length)
          : newGroup(key, segment, Number.NaN, t0, b, groups.length);
        byKey.set(id, g);
      }
      const group = groups[g];
      if (group === undefined) continue;
      group.size++;
      group.minBase = Math.min(group.minBase, b);
      group.maxBase = Math.max(group.maxBase, b);
      if (settings.cohortKey !== null) group.start = Math.min(group.start, t0);
      groupOf[a] = g;
    }
    const width = observableOffsets(groups, span, asOf, asOfEvery, settings.maxOffset);
    assertCells(cellCount(groups));
    acc = accumulators(Int32Array.from(groups, (group) => group.offsets), settings);
    const pass = cellPass(width, Int32Array.from(groups, (group) => group.offsets), groupOf, null);
    for (let a = 0; a < accounts; a += CHUNK) fillCells(book, pass, acc, a, Math.min(accounts, a + CHUNK));
  }

  const isComplete = (groupMaxBase: number, lastOffset: number): boolean =>
    span > 0 ? groupMaxBase + (lastOffset + 1) * span <= asOf + 1 : groupMaxBase + lastOffset < firstIncompleteEvery;
  return buildCohortTable(book, settings, asOf, groups, acc, isComplete);
}

/**
 * Bound on the one-pass plain calendar cohorts: cells (periods × offsets) per account, plus a few
 * cells whatever the accounts. Beyond it most periods would be empty (say a handful of customers
 * years apart, in daily cohorts), and rows for them all would cost more than finding the groups first.
 */
const MOST_CELLS_PER_ACCOUNT = 8;
const FEW_CELLS = 1 << 16;

/** Set each group's observable offsets (capped by `maxOffset`); returns the most of any group. */
function observableOffsets(groups: CohortGroup[], span: number, asOf: number, asOfEvery: number, maxOffset: number): number {
  let width = 0;
  for (const group of groups) {
    const last = span > 0 ? Math.floor((asOf - group.minBase) / span) : asOfEvery - group.minBase;
    group.offsets = Math.min(last, maxOffset) + 1;
    width = Math.max(width, group.offsets);
  }
  return width;
}

/** The cells of the groups' rows: the table's size. */
function cellCount(groups: readonly CohortGroup[]): number {
  let cells = 0;
  for (const group of groups) cells += group.offsets;
  return cells;
}

/**
 * Zeroed accumulators with a row of `widths[g]` cells for each row g (rows laid end to end, so memory
 * follows the cells the table reports, not the rows times the widest row).
 */
function accumulators(widths: Int32Array, settings: CohortSettings): CohortAccumulators {
  const rows = widths.length;
  const rowStart = new Float64Array(rows + 1);
  for (let g = 0; g < rows; g++) rowStart[g + 1] = (rowStart[g] ?? 0) + (widths[g] ?? 0);
  const cells = rowStart[rows] ?? 0;
  return {
    rowStart,
    active: new Float64Array(cells),
    reach: new Float64Array(cells + rows),
    orders: new Float64Array(cells),
    gross: new Float64Array(cells),
    net: new Float64Array(cells),
    bracketActive: new Float64Array(rows * (settings.brackets?.length ?? 0)),
  };
}

/** Offset → bracket index (−1 outside every bracket). */
function bracketLookup(settings: CohortSettings, width: number): Int32Array {
  const lookup = new Int32Array(width).fill(-1);
  settings.brackets?.forEach((bracket, index) => {
    const from = bracket[0];
    const to = bracket[1] ?? from;
    for (let k = from; k <= to && k < width; k++) lookup[k] = index;
  });
  return lookup;
}

function userKey(value: unknown, option: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InvalidOptionError(option, value, 'must return a string (or a finite number) for every customer');
}
