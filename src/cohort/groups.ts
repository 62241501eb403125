/**
 * The first pass of the cohort engine: each customer into a group — their cohort, or their segment's
 * cohort.
 *
 * @module
 * @internal
 */
import { periodKey } from '../calendar/keys.ts';
import { periodStart } from '../calendar/period.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import type { Ledger } from '../input/types.ts';
import type { CohortCalendar } from './cohort-calendar.ts';
import { customerKey } from './settings.ts';
import type { CohortSettings, CustomerProfile } from './types.ts';

/** @internal A cohort of the table (with segments: one segment's cohort) and its members' bases. */
export interface CohortGroup {
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

/** @internal The groups of a table, and the group of each account. */
export interface Grouping {
  /** Groups in order of their first customer. */
  readonly groups: CohortGroup[];
  /** Index into `groups` of each account; −1 for an account not in the table. */
  readonly groupOf: Int32Array;
}

/**
 * @internal Put every customer in their group. A customer is in the table when their first order is
 * at or before `asOf` and within `between`; an account without orders is not a customer.
 *
 * Plain calendar cohorts are keyed by period index; segments and custom keys by the strings the
 * caller's functions return, which see each customer's {@link CustomerProfile} once.
 *
 * @param book - the ledger
 * @param settings - the table's settings
 * @param calendar - the table's calendar
 * @returns the groups and each account's group
 * @throws {@link InvalidOptionError} when `segmentBy` or `cohortKey` returns something other than a
 *   string or a finite number
 */
export function groupCustomers(book: Ledger, settings: CohortSettings, calendar: CohortCalendar): Grouping {
  const { segmentBy, cohortKey, by, weekStartsOn, asOf, from, to } = settings;
  const { ids, orders, firstOrder: firstOrderOf } = book;
  const groups: CohortGroup[] = [];
  const groupOf = new Int32Array(ids.length).fill(-1);
  const indexOf = new Map<number | string, number>();
  const calendarOptions = { timeZone: settings.timeZone, weekStartsOn };
  // Accounts come in order of their first record, so runs of them share a group: the group found last
  // is tried before the map.
  let lastId: number | string | null = null;
  let lastIndex = -1;
  for (let account = 0; account < ids.length; account++) {
    if (orders[account] === 0) continue;
    const firstOrder = firstOrderOf[account];
    if (firstOrder > asOf || firstOrder < from || firstOrder >= to) continue;
    const period = calendar.cohortOf(firstOrder);
    const base = calendar.baseOf(firstOrder);
    let segment: string | null = null;
    let custom: string | null = null;
    if (segmentBy !== null || cohortKey !== null) {
      const profile = customerProfile(book, account);
      if (segmentBy !== null) segment = customerKey('segmentBy', segmentBy(profile));
      if (cohortKey !== null) custom = customerKey('cohortKey', cohortKey(profile));
    }
    // Within one table the segment is always or never a string, and so is the custom key.
    const id = segment === null && custom === null ? period : `${segment}\u0000${custom ?? period}`;
    let index = id === lastId ? lastIndex : indexOf.get(id);
    if (index === undefined) {
      index = groups.length;
      indexOf.set(id, index);
      groups.push({
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
    groupOf[account] = index;
  }
  return { groups, groupOf };
}

/** What `segmentBy` and `cohortKey` see of a customer: id, first order and its amount. */
function customerProfile(book: Ledger, account: number): CustomerProfile {
  // The account has an order; refunds come first only when they are earlier.
  let event = book.start[account];
  while (book.minor[event] < 0) event++;
  return Object.freeze({
    customerId: book.ids[account],
    firstOrder: new Date(book.firstOrder[account]),
    firstOrderAmount: fromMinorUnits(book.minor[event], book.currencyDigits),
  });
}
