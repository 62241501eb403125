/**
 * The first pass of the cohort engine: each customer of a scope into a group — their cohort, or their
 * segment's cohort.
 *
 * @module
 * @internal
 */
import { periodKey } from '../calendar/keys.ts';
import { periodStart } from '../calendar/period.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import type { Ledger } from '../input/types.ts';
import type { CohortCalendar } from './cohort-calendar.ts';
import type { CohortScope } from './scope.ts';
import { customerKey } from './settings.ts';
import type { CohortSettings, CustomerProfile } from './types.ts';

/** @internal A cohort of the table (with segments: one segment's cohort) and its members' bases. */
export interface CohortGroup {
  /** Its index in its grouping's `groups` (the value `groupOf` holds for its members). */
  readonly index: number;
  /** Cohort key: a period key (`2024-03`) or the caller's `cohortKey` value. */
  readonly key: string;
  readonly segment: string | null;
  /** The cohort's `by` period, or `null` for a caller's cohort key. */
  readonly period: number | null;
  /** Start instant: the period's start, or (a caller's key) the earliest first order of its members. */
  start: number;
  /** Customers in the group. */
  size: number;
  /** The earliest and latest base of its members (see {@link CohortCalendar.baseOf}). */
  minBase: number;
  maxBase: number;
}

/** @internal The groups of a scope, and the group of each of its accounts. */
export interface Grouping {
  /** Groups in order of their first customer. */
  readonly groups: CohortGroup[];
  /** Index into `groups` of each of the scope's accounts (parallel to `scope.accounts`); −1 for one not in the table. */
  readonly groupOf: Int32Array;
}

/**
 * @internal Put every customer of a scope in their group. A customer is in the table when the order
 * that starts their cohort (their first, or first matching, order: see {@link CohortScope.entry}) is
 * at or before `asOf` and within `between`.
 *
 * Plain calendar cohorts are keyed by period index; segments and custom keys by strings (the scope's
 * segment, or what the caller's functions return, which see each customer's {@link CustomerProfile}
 * once).
 *
 * @param book - the ledger
 * @param settings - the table's settings
 * @param calendar - the table's calendar
 * @param scope - the customers and their cohort-starting orders
 * @returns the groups and each of the scope's accounts' group
 * @throws {@link InvalidOptionError} when `segmentBy` or `cohortKey` returns something other than a
 *   string or a finite number
 */
export function groupCustomers(book: Ledger, settings: CohortSettings, calendar: CohortCalendar, scope: CohortScope): Grouping {
  const { segmentBy, cohortKey, by, weekStartsOn, asOf, from, to } = settings;
  const { accounts, entry } = scope;
  const groups: CohortGroup[] = [];
  const groupOf = new Int32Array(accounts.length).fill(-1);
  const indexOf = new Map<number | string, number>();
  const calendarOptions = { timeZone: settings.timeZone, weekStartsOn };
  // Accounts come in order of their first record, so runs of them share a group: the group found last
  // is tried before the map.
  let lastId: number | string | null = null;
  let lastIndex = -1;
  for (let i = 0; i < accounts.length; i++) {
    const firstOrder = book.time[entry[i]];
    if (firstOrder > asOf || firstOrder < from || firstOrder >= to) continue;
    const period = calendar.cohortOf(firstOrder);
    const base = calendar.baseOf(firstOrder);
    let segment = scope.segment;
    let custom: string | null = null;
    if (segmentBy !== null || cohortKey !== null) {
      const profile = customerProfile(book, accounts[i], entry[i]);
      if (segmentBy !== null) segment = customerKey('segmentBy', segmentBy(profile));
      if (cohortKey !== null) custom = customerKey('cohortKey', cohortKey(profile));
    }
    // Within one scope the segment is always or never a string, and so is the custom key.
    const id = segment === null && custom === null ? period : `${segment}\u0000${custom ?? period}`;
    let index = id === lastId ? lastIndex : indexOf.get(id);
    if (index === undefined) {
      index = groups.length;
      indexOf.set(id, index);
      groups.push({
        index,
        key: custom ?? periodKey(period, by, weekStartsOn),
        segment,
        period: custom === null ? period : null,
        start: custom === null ? periodStart(period, by, calendarOptions) : firstOrder,
        size: 0,
        minBase: base,
        maxBase: base,
      });
    }
    lastId = id;
    lastIndex = index;
    const group = groups[index];
    group.size++;
    group.minBase = Math.min(group.minBase, base);
    group.maxBase = Math.max(group.maxBase, base);
    if (custom !== null) group.start = Math.min(group.start, firstOrder);
    groupOf[i] = index;
  }
  return { groups, groupOf };
}

/** What `segmentBy` and `cohortKey` see of a customer: id, the order that starts their cohort and its amount. */
function customerProfile(book: Ledger, account: number, entry: number): CustomerProfile {
  return Object.freeze({
    customerId: book.ids[account],
    firstOrder: new Date(book.time[entry]),
    firstOrderAmount: fromMinorUnits(book.minor[entry], book.currencyDigits),
  });
}
