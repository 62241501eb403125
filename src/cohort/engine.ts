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
import { fromMinorUnits } from '../input/money.ts';
import type { Ledger } from '../input/types.ts';
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
 */
export function computeCohorts(book: Ledger, settings: CohortSettings): CohortTable {
  const { start, minor } = book;
  const asOf = settings.asOf ?? book.maxTime ?? 0;
  const dayOf = makeDayIndexer(settings.timeZone);
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
    width,
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
    acc = accumulators(periods, widest, settings);
    const pass = cellPass(widest, Int32Array.of(widest), null, stats);
    for (let a = 0; a < accounts; a += CHUNK) fillCells(book, pass, acc, a, Math.min(accounts, a + CHUNK));
    for (let c = 0; c < periods; c++) {
      const size = stats.size[c] ?? 0;
      if (size === 0) continue;
      const cohort = cohortBase + c;
      const group = groups[newGroup(periodKey(cohort, settings.by, settings.weekStartsOn), null, cohort, periodStart(cohort, settings.by, settings), stats.minBase[c] ?? 0, c)];
      if (group === undefined) continue;
      group.size = size;
      group.maxBase = stats.maxBase[c] ?? 0;
    }
    observableOffsets(groups, span, asOf, asOfEvery, settings.maxOffset);
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
          ? newGroup(key, segment, cohort, periodStart(cohort, settings.by, settings), b, groups.length)
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
    acc = accumulators(groups.length, width, settings);
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

/** Customers per calendar period of first order, and the range of their bases (plain calendar cohorts). */
interface PeriodStats {
  readonly size: Float64Array;
  readonly minBase: Float64Array;
  readonly maxBase: Float64Array;
}

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

/** Zeroed accumulators for `rows` rows of `width` cells. */
function accumulators(rows: number, width: number, settings: CohortSettings): CohortAccumulators {
  const cells = rows * width;
  return {
    width,
    active: new Float64Array(cells),
    reach: new Float64Array(cells + rows),
    orders: new Float64Array(cells),
    gross: new Float64Array(cells),
    net: new Float64Array(cells),
    bracketActive: new Float64Array(rows * (settings.brackets?.length ?? 0)),
  };
}

/** What the cell pass of {@link computeCohorts} reads besides the ledger. */
interface CellPass {
  /** Events after it are ignored. */
  readonly asOf: number;
  /** Customers whose first order is before `from` or at or after `to` are left out (plain calendar cohorts). */
  readonly from: number;
  readonly to: number;
  /** Fixed span in ms (`{ days: n }`), or 0 for calendar offsets. */
  readonly span: number;
  /** Day number of `everyOfDay[0]` and `cohortOfDay[0]`. */
  readonly firstDay: number;
  /** Cohort period of each day, and the period of day `firstDay` (period rows count from it). */
  readonly cohortOfDay: Int32Array;
  readonly cohortBase: number;
  /** Offset period of each day (calendar offsets). */
  readonly everyOfDay: Int32Array;
  readonly dayOf: (epochMs: number) => number;
  /** Cells per accumulator row. */
  readonly width: number;
  /** Observable offsets of each group, or (plain calendar cohorts) one cap for all. */
  readonly offsetsOf: Int32Array;
  /** Offset → bracket index, −1 outside every bracket. */
  readonly bracketOf: Int32Array;
  readonly bracketCount: number;
  /** Group (and accumulator row) of each account, −1 when not in the table; `null` for plain calendar cohorts. */
  readonly groupOf: Int32Array | null;
  /** Plain calendar cohorts: the per-period sizes and base ranges, tallied by this pass. */
  readonly periods: PeriodStats | null;
}

/**
 * The cell pass over accounts `lo … hi − 1` (one chunk, see {@link CHUNK}): each event into its cell.
 * For plain calendar cohorts it also finds each customer's cohort period (the row) and tallies the
 * period's size and range of bases; otherwise the row is the group found before.
 *
 * One flat loop over the chunk's events, switching account at each account's end: a loop per account
 * ran about a third slower (its exit, after a handful of events, is a branch no predictor gets right).
 * Whether an order starts a new active offset for its customer is added as 0 or 1 rather than
 * branched on: the offsets of one customer's orders never decrease, and about a third of orders fall in
 * the offset of the one before.
 */
function fillCells(book: Ledger, pass: CellPass, acc: CohortAccumulators, lo: number, hi: number): void {
  const { start, time, minor, firstOrder, orders: orderCounts } = book;
  const { asOf, from, to, span, firstDay, cohortOfDay, cohortBase, everyOfDay, dayOf, width, offsetsOf, bracketOf, bracketCount, groupOf, periods } = pass;
  const { net, orders, gross, active, reach, bracketActive } = acc;
  const stop = start[hi] ?? 0;
  let a = lo - 1;
  let end = start[lo] ?? 0;
  // The current account's group, its row of cells, its base and what it has reached so far.
  let g = -1;
  let row = 0;
  let b = 0;
  let period = 0;
  let offsets = 0;
  let lastK = -1;
  let lastReach = -1;
  let lastBracket = -1;
  // The loop also closes the chunk's last account (at p = stop) rather than leaving that to code after
  // it: code a function reaches only after its first long loop has been compiled has no type
  // feedback, and its first run then throws the loop's optimized code away, chunk after chunk.
  for (let p = end; ; p++) {
    if (p >= end) {
      addReach(reach, g, width, lastReach);
      if (p >= stop) break;
      do {
        a++;
        end = start[a + 1] ?? stop;
      } while (end <= p);
      lastK = -1;
      lastReach = -1;
      lastBracket = -1;
      // The base: the first order's instant, or (calendar offsets) its period, held as an integer so
      // that each event's offset is integer arithmetic.
      const t0 = firstOrder[a] ?? 0;
      if (periods === null) {
        g = groupOf === null ? -1 : (groupOf[a] ?? -1);
        if (g < 0) {
          p = end - 1;
          continue;
        }
        offsets = offsetsOf[g] ?? 0;
        b = span > 0 ? t0 : (everyOfDay[dayOf(t0) - firstDay] ?? 0);
      } else {
        if ((orderCounts[a] ?? 0) === 0 || t0 > asOf || t0 < from || t0 >= to) {
          g = -1;
          p = end - 1;
          continue;
        }
        const day0 = dayOf(t0) - firstDay;
        g = (cohortOfDay[day0] ?? 0) - cohortBase;
        b = span > 0 ? t0 : (everyOfDay[day0] ?? 0);
        offsets = offsetsOf[0] ?? 0;
        // Stored every time rather than when changed: a store first reached after the kernel was
        // compiled (a new period's first customer) would throw the compiled code away.
        periods.size[g] = (periods.size[g] ?? 0) + 1;
        periods.minBase[g] = Math.min(periods.minBase[g] ?? 0, b);
        periods.maxBase[g] = Math.max(periods.maxBase[g] ?? 0, b);
      }
      row = g * width;
      period = b | 0;
    }
    const t = time[p] ?? 0;
    if (t > asOf) {
      // The account's later events are later still: on to its end.
      p = end - 1;
      continue;
    }
    const k = span > 0 ? Math.floor((t - b) / span) : (everyOfDay[dayOf(t) - firstDay] ?? 0) - period;
    if (k < 0) continue;
    const amount = minor[p] ?? 0;
    if (k >= offsets) {
      // Beyond the last reported offset (maxOffset): no cell, but an order still counts as "on or
      // after" every reported offset in unbounded mode.
      if (amount >= 0) lastReach = offsets - 1;
      continue;
    }
    const cell = row + k;
    net[cell] = (net[cell] ?? 0) + amount;
    if (amount < 0) continue;
    orders[cell] = (orders[cell] ?? 0) + 1;
    gross[cell] = (gross[cell] ?? 0) + amount;
    lastReach = k;
    // 1 when k differs from the customer's last active offset (both are small integers), else 0.
    const step = k - lastK;
    const isNew = (step | -step) >>> 31;
    active[cell] = (active[cell] ?? 0) + isNew;
    lastK = k;
    if (bracketCount === 0 || isNew === 0) continue;
    const bracket = bracketOf[k] ?? -1;
    if (bracket >= 0 && bracket !== lastBracket) {
      const slot = g * bracketCount + bracket;
      bracketActive[slot] = (bracketActive[slot] ?? 0) + 1;
      lastBracket = bracket;
    }
  }
}

/**
 * Unbounded mode: a customer whose last active offset is `lastReach` counts at every offset up to it
 * (a difference array, `width + 1` slots per group). Nothing when `lastReach` is −1 (no order seen).
 */
function addReach(reach: Float64Array, g: number, width: number, lastReach: number): void {
  if (lastReach < 0) return;
  const row = g * (width + 1);
  reach[row] = (reach[row] ?? 0) + 1;
  reach[row + lastReach + 1] = (reach[row + lastReach + 1] ?? 0) - 1;
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
