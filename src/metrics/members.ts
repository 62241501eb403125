/**
 * Who is behind a count of `periodRetention` or `periodLifecycle`: the customers of one group of one
 * period, decided customer by customer from the definitions.
 *
 * @module
 */
import { parsePeriodKey, periodKey } from '../calendar/keys.ts';
import { periodFirstDay, periodOfDay } from '../calendar/units.ts';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { LedgerInput } from '../input/ledger.ts';
import type { CustomerId, Ledger } from '../input/types.ts';
import { type ActivityRule, meetsRule } from './activity-rule.ts';
import { LIFECYCLE_KEYS, type LifecycleOptions, lifecycleSettings } from './lifecycle.ts';
import { PERIOD_RETENTION_KEYS, type PeriodRetentionOptions, periodRetentionSettings } from './period-retention.ts';
import type { PeriodSettings } from './period-settings.ts';
import { reportScope, segmentLedger } from './report-scope.ts';

/** Options of {@link periodRetentionMembers}: those of `periodRetention`, and the value of `by` whose segment is listed. */
export interface PeriodRetentionMembersOptions extends PeriodRetentionOptions {
  /** With `by`: the value whose segment's customers are listed (`null`: those without a value). */
  value?: string | null;
}

/** Options of {@link periodLifecycleMembers}: those of `periodLifecycle`, and the value of `by` whose segment is listed. */
export interface LifecycleMembersOptions extends LifecycleOptions {
  /** With `by`: the value whose segment's customers are listed (`null`: those without a value). */
  value?: string | null;
}

/** A group of a `periodRetention` row: `start` is S, `end` is E, the others the counts of the same names. */
export type RetentionGroup = 'start' | 'end' | 'retained' | 'lost' | 'acquired' | 'reactivated';

/** A group of a `periodLifecycle` row: the customers active in it, or those of one state. */
export type LifecycleGroup = 'active' | 'new' | 'returning' | 'resurrected' | 'dormant';

const RETENTION_GROUPS: readonly RetentionGroup[] = ['start', 'end', 'retained', 'lost', 'acquired', 'reactivated'];
const LIFECYCLE_GROUPS: readonly LifecycleGroup[] = ['active', 'new', 'returning', 'resurrected', 'dormant'];

/**
 * The customers counted in one group of one row of {@link periodRetention}: `period` is the row's key
 * (`row.period`), the group its S (`'start'`), E (`'end'`) or one of its counts; the options are the
 * report's, so that the list is as long as the count (`where`, `activeWhen`, `activeWithin`; `by` with
 * `value` for one segment's row).
 *
 * @param data - a ledger or records
 * @param options - the report's options, and `value` with `by`
 * @param period - the row's period key, e.g. `'2024-02'`
 * @param group - `'start' | 'end' | 'retained' | 'lost' | 'acquired' | 'reactivated'`
 * @returns the customers' ids, in the ledger's account order
 * @throws {@link InvalidOptionError} for a period that is not a row of the report, an unknown group, a
 *   `value` that is not a value of `by` (or given without it, or `by` without it), or bad options
 *
 * @example
 * ```ts
 * import { periodRetention, periodRetentionMembers } from 'retention-metrics';
 * const orders = [
 *   { customerId: 'a', date: '2024-01-10', amount: 10 },
 *   { customerId: 'b', date: '2024-01-12', amount: 10 },
 *   { customerId: 'a', date: '2024-02-03', amount: 10 },
 *   { customerId: 'c', date: '2024-02-04', amount: 10 },
 * ];
 * periodRetention(orders, { period: 'month' })[1]?.lost; // => 1
 * periodRetentionMembers(orders, { period: 'month' }, '2024-02', 'lost'); // => ['b']
 * periodRetentionMembers(orders, { period: 'month' }, '2024-02', 'end'); // => ['a', 'c']
 * ```
 */
export function periodRetentionMembers(data: LedgerInput, options: PeriodRetentionMembersOptions, period: string, group: RetentionGroup): CustomerId[] {
  const wanted = groupOption(group, RETENTION_GROUPS);
  const { value, ...reportOptions } = optionsObject(options, PERIOD_RETENTION_KEYS);
  const settings = periodRetentionSettings(data, reportOptions);
  const p = reportedPeriod(settings, period);
  const part = segmentLedger(settings.book, reportScope(reportOptions), value);
  const { windowDays, activity } = settings;
  // The base at the end of q: the orders of q itself, or of the window's days ending on q's last day.
  const inBase = (orders: CustomerOrders, q: number): boolean => {
    const last = lastDay(settings, q);
    return activeOn(orders, activity, windowDays === 0 ? firstDay(settings, q) : last - windowDays + 1, last);
  };
  return membersOf(settings, part, (orders) => {
    const start = inBase(orders, p - 1);
    const end = inBase(orders, p);
    const fresh = orders.firstPeriod === p;
    const groups: Record<RetentionGroup, boolean> = {
      start,
      end,
      retained: start && end,
      lost: start && !end,
      acquired: end && fresh,
      reactivated: end && !start && !fresh,
    };
    return groups[wanted];
  });
}

/**
 * The customers counted in one group of one row of {@link periodLifecycle}: `period` is the row's key
 * (`row.period`), the group `'active'` or a state; the options are the report's (`where`, `activeWhen`;
 * `by` with `value` for one segment's row), so that the list is as long as the count.
 *
 * @param data - a ledger or records
 * @param options - the report's options, and `value` with `by`
 * @param period - the row's period key, e.g. `'2024-02'`
 * @param state - `'active' | 'new' | 'returning' | 'resurrected' | 'dormant'`
 * @returns the customers' ids, in the ledger's account order
 * @throws {@link InvalidOptionError} for a period that is not a row of the report, an unknown state, a
 *   `value` that is not a value of `by` (or given without it, or `by` without it), or bad options
 *
 * @example
 * ```ts
 * import { periodLifecycleMembers } from 'retention-metrics';
 * const orders = [
 *   { customerId: 'a', date: '2024-01-05', amount: 10 },
 *   { customerId: 'b', date: '2024-01-06', amount: 10 },
 *   { customerId: 'a', date: '2024-02-05', amount: 30 },
 *   { customerId: 'b', date: '2024-03-05', amount: 20 },
 * ];
 * periodLifecycleMembers(orders, { period: 'month' }, '2024-03', 'resurrected'); // => ['b']
 * periodLifecycleMembers(orders, { period: 'month' }, '2024-03', 'dormant'); // => ['a']
 * ```
 */
export function periodLifecycleMembers(data: LedgerInput, options: LifecycleMembersOptions, period: string, state: LifecycleGroup): CustomerId[] {
  const wanted = groupOption(state, LIFECYCLE_GROUPS, 'state');
  const { value, ...reportOptions } = optionsObject(options, LIFECYCLE_KEYS);
  const settings = lifecycleSettings(data, reportOptions);
  const p = reportedPeriod(settings, period);
  const part = segmentLedger(settings.book, reportScope(reportOptions), value);
  const active = (orders: CustomerOrders, q: number): boolean => activeOn(orders, settings.activity, firstDay(settings, q), lastDay(settings, q));
  return membersOf(settings, part, (orders) => {
    const now = active(orders, p);
    const before = active(orders, p - 1);
    const fresh = orders.firstPeriod === p;
    const groups: Record<LifecycleGroup, boolean> = {
      active: now,
      new: now && fresh,
      returning: now && before,
      resurrected: now && !before && !fresh,
      dormant: before && !now,
    };
    return groups[wanted];
  });
}

/** A customer's orders as of `asOf`: their local days and amounts, and the period of the first. */
interface CustomerOrders {
  readonly days: number[];
  readonly amounts: number[];
  readonly firstPeriod: number;
}

/** Whether a customer's orders on days `from … to` meet the rule. */
function activeOn(orders: CustomerOrders, rule: ActivityRule, from: number, to: number): boolean {
  let count = 0;
  let grossMinor = 0;
  orders.days.forEach((day, i) => {
    if (day < from || day > to) return;
    count++;
    grossMinor += orders.amounts[i];
  });
  return meetsRule(rule, count, grossMinor);
}

/**
 * The ids of a part's customers (those with an order as of `asOf`) that are members, in the whole
 * ledger's account order.
 */
function membersOf(settings: PeriodSettings, part: Ledger | null, isMember: (orders: CustomerOrders) => boolean): CustomerId[] {
  if (part === null) return [];
  const { asOf, dayOf, period, weekStartsOn } = settings;
  const members = new Set<CustomerId>();
  for (let a = 0; a < part.ids.length; a++) {
    const days: number[] = [];
    const amounts: number[] = [];
    for (let e = part.start[a]; e < part.start[a + 1]; e++) {
      if (part.minor[e] < 0 || part.time[e] > asOf) continue;
      days.push(dayOf(part.time[e]));
      amounts.push(part.minor[e]);
    }
    if (days.length === 0) continue;
    if (isMember({ days, amounts, firstPeriod: periodOfDay(days[0], period, weekStartsOn) })) members.add(part.ids[a]);
  }
  return settings.book.ids.filter((id) => members.has(id));
}

function firstDay(settings: PeriodSettings, index: number): number {
  return periodFirstDay(index, settings.period, settings.weekStartsOn);
}

function lastDay(settings: PeriodSettings, index: number): number {
  return periodFirstDay(index + 1, settings.period, settings.weekStartsOn) - 1;
}

/** The index of a period key that is a row of the report. */
function reportedPeriod(settings: PeriodSettings, key: unknown): number {
  const { period, weekStartsOn, reportFrom, lastPeriod } = settings;
  let index = Number.NaN;
  if (typeof key === 'string') {
    try {
      index = parsePeriodKey(key, period, weekStartsOn);
    } catch (error) {
      if (!(error instanceof InvalidOptionError)) throw error;
    }
  }
  if (index >= reportFrom && index <= lastPeriod) return index;
  const rows = reportFrom > lastPeriod ? 'the report has no rows' : `the rows are ${periodKey(reportFrom, period, weekStartsOn)} … ${periodKey(lastPeriod, period, weekStartsOn)}`;
  throw new InvalidOptionError('period', key, `${describeValue(key)} is not the key of a ${period} row of the report; ${rows}`);
}

function groupOption<G extends string>(value: unknown, groups: readonly G[], option = 'group'): G {
  const found = groups.find((g) => g === value);
  if (found !== undefined) return found;
  throw new InvalidOptionError(option, value, `must be one of ${groups.map((g) => `'${g}'`).join(', ')}`);
}

const VALUE_KEYS = optionKeys<Pick<PeriodRetentionMembersOptions, 'value'>>({ value: true });

/** The options, checked to be an object of known keys (the report's and `value`) before `value` is taken out of them. */
function optionsObject<T extends object>(options: T, reportKeys: readonly string[]): T {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', options, 'must be an object with a `period`');
  checkOptionKeys(options, [...reportKeys, ...VALUE_KEYS]);
  return options;
}
