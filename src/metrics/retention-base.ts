/**
 * Who is in the base of `periodRetention` at the end of each period: every customer's runs of periods
 * in the base, added up over period offsets.
 *
 * @module
 * @internal
 */
import { eventsEndAsOf } from '../input/customer-scan.ts';
import type { Ledger } from '../input/types.ts';
import { type ActivityRule, meetsRule } from './activity-rule.ts';

/** @internal Per period offset from the first period: who is in the base at its end, who stays in it, who joins it new. */
export interface BaseChanges {
  /** Difference array: customers in the base at the end of p. */
  readonly inBase: Int32Array;
  /** Difference array: customers in the base at the end of p − 1 and of p. */
  readonly keptDiff: Int32Array;
  /** Customers in the base at the end of their first order's period. */
  readonly acquired: Int32Array;
}

/** @internal What the base is computed from. */
export interface BaseScan {
  readonly book: Ledger;
  readonly asOf: number;
  /** Instant → local day number. */
  readonly dayOf: (epochMs: number) => number;
  /** Day → period index, for days up to `windowDays` after the last day taken into account. */
  readonly periodOfDay: (day: number) => number;
  /** `activeWithin` in days; 0: the period itself. */
  readonly windowDays: number;
  readonly activity: ActivityRule;
  /** The period of offset 0. */
  readonly firstPeriod: number;
  /** Offsets `0 … span − 1` are tallied. */
  readonly span: number;
}

/** A customer's current run of periods in the base, while their orders are read. */
interface Run {
  from: number;
  to: number;
  /** Offset of the period of the customer's first order. */
  first: number;
  /** In the base at the end of that period. */
  acquired: boolean;
}

/**
 * @internal Each customer's runs of periods in the base, from their orders as of `asOf` read in order,
 * added to the difference arrays over period offsets `0 … span − 1`.
 *
 * Without a window a customer is in the base at the end of p when their orders in p meet the rule.
 * With a window of n days they are in it at the end of p when their orders on the n days ending on
 * p's last day meet it: order i is in the windows ending on days `d_i … d_i + n − 1`, so the rule's
 * count and sum change only at those days, and a sweep over them yields the days on which the rule is
 * met; a period is in the base when its last day is one of them.
 *
 * @param scan - the ledger, the period look-ups, the window and the rule
 * @returns the difference arrays
 */
export function baseChanges(scan: BaseScan): BaseChanges {
  const { book, asOf, span } = scan;
  const changes: BaseChanges = { inBase: new Int32Array(span + 1), keptDiff: new Int32Array(span + 1), acquired: new Int32Array(span) };
  let longest = 0;
  for (let a = 0; a < book.ids.length; a++) longest = Math.max(longest, book.start[a + 1] - book.start[a]);
  const days = new Float64Array(longest);
  const amounts = new Float64Array(longest);
  const run: Run = { from: -1, to: -2, first: -1, acquired: false };
  for (let a = 0; a < book.ids.length; a++) {
    let m = 0;
    const end = eventsEndAsOf(book, a, asOf);
    for (let e = book.start[a]; e < end; e++) {
      if (book.minor[e] < 0) continue; // a refund: never an order
      days[m] = scan.dayOf(book.time[e]);
      amounts[m] = book.minor[e];
      m++;
    }
    if (m === 0) continue;
    run.from = -1;
    run.to = -2;
    run.first = scan.periodOfDay(days[0]) - scan.firstPeriod;
    run.acquired = false;
    if (scan.windowDays === 0) periodRuns(scan, days, amounts, m, run, changes);
    else windowRuns(scan, days, amounts, m, run, changes);
    addRun(changes, run.from, run.to);
    // A new customer is acquired in their first period if they are in the base at its end.
    if (run.acquired) changes.acquired[run.first]++;
  }
  return changes;
}

/** The runs of a customer whose base is the period itself: each period whose orders meet the rule. */
function periodRuns(scan: BaseScan, days: Float64Array, amounts: Float64Array, m: number, run: Run, changes: BaseChanges): void {
  let k = run.first; // the period being read
  let orders = 0;
  let gross = 0;
  for (let i = 0; i < m; i++) {
    const at = scan.periodOfDay(days[i]) - scan.firstPeriod;
    if (at !== k) {
      if (meetsRule(scan.activity, orders, gross)) extendRun(scan, run, changes, k, k);
      k = at;
      orders = 0;
      gross = 0;
    }
    orders++;
    gross += amounts[i];
  }
  if (meetsRule(scan.activity, orders, gross)) extendRun(scan, run, changes, k, k);
}

/** The runs of a customer with a window: the sweep over the days their orders enter and leave it. */
function windowRuns(scan: BaseScan, days: Float64Array, amounts: Float64Array, m: number, run: Run, changes: BaseChanges): void {
  const n = scan.windowDays;
  const { firstPeriod } = scan;
  let entered = 0; // orders in [0, entered) have entered the window …
  let left = 0; // … and those in [0, left) have left it again
  let orders = 0;
  let gross = 0;
  let metSince = -1; // the day since which the rule is met, −1 while it is not
  while (left < m) {
    const day = entered < m ? Math.min(days[entered], days[left] + n) : days[left] + n;
    for (; entered < m && days[entered] === day; entered++) {
      orders++;
      gross += amounts[entered];
    }
    for (; left < entered && days[left] + n === day; left++) {
      orders--;
      gross -= amounts[left];
    }
    const met = meetsRule(scan.activity, orders, gross);
    if (met && metSince < 0) metSince = day;
    if (!met && metSince >= 0) {
      // Met on days metSince … day − 1: in the base at the end of the periods whose last day is one of them.
      extendRun(scan, run, changes, scan.periodOfDay(metSince) - firstPeriod, scan.periodOfDay(day) - 1 - firstPeriod);
      metSince = -1;
    }
  }
}

/** Add periods [from, to] (cut at the last offset) to the customer's run, recording the run before when they do not join it. */
function extendRun(scan: BaseScan, run: Run, changes: BaseChanges, from: number, to: number): void {
  const last = Math.min(to, scan.span - 1);
  if (from === run.first && last >= from) run.acquired = true;
  if (from <= run.to + 1) {
    run.to = Math.max(run.to, last);
  } else {
    addRun(changes, run.from, run.to);
    run.from = from;
    run.to = last;
  }
}

/** Record a run [from, to] of periods in the base (and [from + 1, to] kept from one period to the next). */
function addRun(changes: BaseChanges, from: number, to: number): void {
  if (from < 0 || to < from) return;
  changes.inBase[from]++;
  changes.inBase[to + 1]--;
  if (to > from) {
    changes.keptDiff[from + 1]++;
    changes.keptDiff[to + 1]--;
  }
}
