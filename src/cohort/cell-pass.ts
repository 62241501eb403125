/**
 * The second pass of the cohort engine: every counted event of a customer in the table into a cell of
 * their group's row.
 *
 * @module
 * @internal
 */
import type { Ledger } from '../input/types.ts';
import { type ActivityRule, meetsRule } from '../metrics/activity-rule.ts';
import type { CohortCalendar } from './cohort-calendar.ts';
import type { CohortGroup } from './groups.ts';
import type { CohortScope } from './scope.ts';
import type { Bracket } from './types.ts';

/**
 * @internal One group's row of cells while it is filled: sums per offset `0 … offsets − 1`. Money is
 * in integer minor units, exact (the ledger bounds the sum of all its amounts).
 */
export interface RowSums {
  readonly group: CohortGroup;
  /** The part of the table (index of its scope) the row was counted in. */
  readonly part: number;
  /** Cells of the row: the group's offsets begun as of `asOf`, capped by `maxOffset`. */
  readonly offsets: number;
  /** Distinct customers with an order at the offset. */
  readonly active: Float64Array;
  /**
   * Customers whose last order up to `asOf` is at the offset (one after the row's last offset counts at
   * the last): those at or after offset k are the "unbounded" count of cell k.
   */
  readonly lastActive: Float64Array;
  /** Orders at the offset. */
  readonly orders: Float64Array;
  /** Order amounts at the offset. */
  readonly gross: Float64Array;
  /** Order and refund amounts at the offset. */
  readonly net: Float64Array;
  /** Distinct customers with an order in each bracket. */
  readonly bracketActive: Float64Array;
}

/**
 * @internal A zeroed row for a group.
 *
 * @param group - the group
 * @param part - the part of the table it is counted in
 * @param offsets - its cells
 * @param brackets - the table's brackets, or `null`
 * @returns the row
 */
export function emptyRow(group: CohortGroup, part: number, offsets: number, brackets: readonly Bracket[] | null): RowSums {
  return {
    group,
    part,
    offsets,
    active: new Float64Array(offsets),
    lastActive: new Float64Array(offsets),
    orders: new Float64Array(offsets),
    gross: new Float64Array(offsets),
    net: new Float64Array(offsets),
    bracketActive: new Float64Array(brackets === null ? 0 : brackets.length),
  };
}

/**
 * @internal The rules of the cell pass: the calendar, the brackets and when a customer is active (the
 * `activeWhen` rule: the orders a customer needs in a period, and their amounts in minor units).
 */
export interface CellRules extends ActivityRule {
  readonly calendar: CohortCalendar;
  /** Bracket index of each offset, −1 outside every bracket; `null` without brackets. */
  readonly bracketOf: Int32Array | null;
}

/**
 * @internal One customer's activity while their events are read: the offset being tallied, and where
 * they were last active.
 */
export interface Activity {
  /** The offset whose orders are being tallied (−1: none yet). */
  offset: number;
  /** Orders at that offset. */
  orders: number;
  /** Their amounts, minor units. */
  gross: number;
  /** The last offset the customer was active at (capped at the row's last), −1 for none. */
  lastActive: number;
  /** The last bracket the customer was active in, −1 for none. */
  lastBracket: number;
}

/** A customer's activity before their first event. */
function noActivity(): Activity {
  return { offset: -1, orders: 0, gross: 0, lastActive: -1, lastBracket: -1 };
}

/**
 * @internal Add every counted event of every customer of a scope in the table to its cell.
 *
 * @param book - the ledger
 * @param scope - the customers and the events that count
 * @param rowOf - row index of each of the scope's accounts (its group's), −1 for one not in the table
 * @param rows - the rows, filled in place
 * @param rules - the calendar, the brackets and the activity rule
 */
export function fillCells(book: Ledger, scope: CohortScope, rowOf: Int32Array, rows: readonly RowSums[], rules: CellRules): void {
  const activity = noActivity();
  for (let i = 0; i < rowOf.length; i++) {
    if (rowOf[i] >= 0) fillCustomer(book, scope, i, rows[rowOf[i]], rules, activity);
  }
}

/**
 * @internal Add the counted events of the scope's `i`-th customer to their row.
 *
 * An event after `asOf`, at a negative offset (a refund before the first order's period) or past the
 * row's last offset has no cell. A customer's events are in time order, so their offsets never
 * decrease: their orders are tallied one offset at a time, and when the offset moves on, the customer
 * counts as active at the one left behind (and in its bracket) if its orders met the rule.
 *
 * @param book - the ledger
 * @param scope - the customers and the events that count
 * @param i - the customer's position in `scope.accounts`
 * @param row - their group's row, added to in place
 * @param rules - the calendar, the brackets and the activity rule
 * @param activity - scratch space for the customer's activity (its previous content is ignored)
 */
export function fillCustomer(book: Ledger, scope: CohortScope, i: number, row: RowSums, rules: CellRules, activity: Activity = noActivity()): void {
  const { calendar } = rules;
  const { asOf } = calendar;
  const { start, time: timeOf, minor } = book;
  const { kept, sameValue } = scope;
  const sameCodes = sameValue === null ? null : sameValue.codes;
  const sameCode = sameValue === null ? -1 : sameValue.code;
  const account = scope.accounts[i];
  const base = calendar.baseOf(timeOf[scope.entry[i]]);
  const end = start[account + 1];
  activity.offset = -1;
  activity.lastActive = -1;
  activity.lastBracket = -1;
  for (let event = start[account]; event < end; event++) {
    const time = timeOf[event];
    if (time > asOf) break; // the account's later events are later still
    // Events the filter drops, or of another value than a same-value segment's, do not count.
    if ((kept !== null && kept[event] === 0) || (sameCodes !== null && sameCodes[event] !== sameCode)) continue;
    const offset = calendar.offsetOf(time, base);
    if (offset < 0) continue;
    const amount = minor[event];
    if (offset < row.offsets) row.net[offset] += amount;
    if (amount < 0) continue;
    if (offset < row.offsets) {
      row.orders[offset] += 1;
      row.gross[offset] += amount;
    }
    if (offset !== activity.offset) {
      settle(row, rules, activity);
      activity.offset = offset;
      activity.orders = 0;
      activity.gross = 0;
    }
    activity.orders += 1;
    activity.gross += amount;
  }
  settle(row, rules, activity);
  if (activity.lastActive >= 0) row.lastActive[activity.lastActive] += 1;
}

/**
 * Count the customer as active at the offset tallied, if its orders meet the rule. An offset past the
 * row's last has no cell, but activity there is still "on or after" every reported offset.
 */
function settle(row: RowSums, pass: CellRules, activity: Activity): void {
  const k = activity.offset;
  if (k < 0 || !meetsRule(pass, activity.orders, activity.gross)) return;
  if (k >= row.offsets) {
    activity.lastActive = row.offsets - 1;
    return;
  }
  row.active[k] += 1;
  activity.lastActive = k;
  if (pass.bracketOf === null) return;
  const bracket = pass.bracketOf[k];
  if (bracket >= 0 && bracket !== activity.lastBracket) {
    row.bracketActive[bracket] += 1;
    activity.lastBracket = bracket;
  }
}

/**
 * @internal The bracket of each offset `0 … offsets − 1`.
 *
 * @param brackets - ascending, non-overlapping brackets
 * @param offsets - the offsets to cover (the longest row's)
 * @returns bracket index per offset, −1 outside every bracket
 */
export function bracketLookup(brackets: readonly Bracket[], offsets: number): Int32Array {
  const lookup = new Int32Array(offsets).fill(-1);
  brackets.forEach((bracket, index) => {
    const last = bracket[bracket.length - 1];
    for (let k = bracket[0]; k <= last && k < offsets; k++) lookup[k] = index;
  });
  return lookup;
}
