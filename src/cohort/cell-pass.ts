/**
 * The cell pass of the cohort engine: every event of a range of accounts into its cell.
 *
 * @module
 * @internal
 */
import type { Ledger } from '../input/types.ts';
import type { CohortAccumulators } from './table.ts';

/** @internal Customers per calendar period of first order, and the range of their bases (plain calendar cohorts). */
export interface PeriodStats {
  readonly size: Float64Array;
  readonly minBase: Float64Array;
  readonly maxBase: Float64Array;
}

/** @internal What the cell pass of `computeCohorts` reads besides the ledger. */
export interface CellPass {
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
 * @internal The cell pass over accounts `lo … hi − 1` (one chunk, see {@link CHUNK}): each event into its cell.
 * For plain calendar cohorts it also finds each customer's cohort period (the row) and tallies the
 * period's size and range of bases; otherwise the row is the group found before.
 *
 * One flat loop over the chunk's events, switching account at each account's end: a loop per account
 * runs slower, its exit (after a handful of events) being a branch no predictor gets right.
 * Whether an order starts a new active offset for its customer is added as 0 or 1 rather than
 * branched on: the offsets of one customer's orders never decrease, and about a third of orders fall in
 * the offset of the one before.
 */
export function fillCells(book: Ledger, pass: CellPass, acc: CohortAccumulators, lo: number, hi: number): void {
  const { start, time, minor, firstOrder, orders: orderCounts } = book;
  const { asOf, from, to, span, firstDay, cohortOfDay, cohortBase, everyOfDay, dayOf, offsetsOf, bracketOf, bracketCount, groupOf, periods } = pass;
  const { net, orders, gross, active, reach, bracketActive, rowStart } = acc;
  const stop = start[hi] ?? 0;
  let a = lo - 1;
  let end = start[lo] ?? 0;
  // The current account's group, its row of cells (and of reach), its base and what it has reached so far.
  let g = -1;
  let row = 0;
  let reachRow = 0;
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
      addReach(reach, reachRow, lastReach);
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
      row = rowStart[g] ?? 0;
      reachRow = row + g;
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
 * (a difference array, one slot more than the group's cells, from `row`). Nothing when `lastReach` is
 * −1 (no order seen).
 */
function addReach(reach: Float64Array, row: number, lastReach: number): void {
  if (lastReach < 0) return;
  reach[row] = (reach[row] ?? 0) + 1;
  reach[row + lastReach + 1] = (reach[row + lastReach + 1] ?? 0) - 1;
}
