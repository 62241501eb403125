/**
 * The rows of a {@link periodActivity} query read into the periods a report covers: each period's
 * tally and the previous period's, from the first order's period (or `from`) to `asOf`'s.
 *
 * @module
 * @internal
 */
import { periodKey } from '../calendar/keys.ts';
import { periodEnd, periodStart } from '../calendar/period.ts';
import { InvalidInputError, InvalidOptionError } from '../errors.ts';
import type { PeriodInfo } from '../metrics/period-scan.ts';
import { MAX_REPORT_PERIODS } from '../metrics/period-settings.ts';
import type { ResolvedPeriodCalendar } from './period-options.ts';
import type { ResultTable } from './result-rows.ts';
import { integerField, nullableIntegerField } from './result-values.ts';

/** @internal One period's counts and sums, as the engine returned them (zeros for a period without a row). */
export interface PeriodTally {
  readonly active: number;
  readonly new: number;
  readonly returning: number;
  readonly newMinor: number;
  readonly returningMinor: number;
  readonly resurrectedMinor: number;
}

const NO_ACTIVITY: PeriodTally = { active: 0, new: 0, returning: 0, newMinor: 0, returningMinor: 0, resurrectedMinor: 0 };

/** @internal The reported periods: each with its identity and its tally and the previous period's. */
export interface ReportedPeriod {
  readonly info: PeriodInfo;
  readonly tally: PeriodTally;
  readonly previous: PeriodTally;
}

/**
 * @internal The rows read into tallies by period, and the reported periods, from the first order's (or
 * `from`) to `asOf`'s.
 *
 * @param rows - the rows of one part of the query
 * @param calendar - the report's calendar
 * @param first - the first period of the whole report, when it is not the rows' own (a segment covers
 *   the total's periods); +∞ when it is
 * @returns the reported periods, none without orders
 * @throws {@link InvalidInputError} for a row the query cannot have made
 * @throws {@link InvalidOptionError} for a report of more than `MAX_REPORT_PERIODS` periods
 */
export function reportedPeriods(rows: ResultTable, calendar: ResolvedPeriodCalendar, first = Number.POSITIVE_INFINITY): ReportedPeriod[] {
  const { tallies, whole } = readTallies(rows, calendar.lastPeriod);
  let firstPeriod = Math.min(whole, first);
  for (const index of tallies.keys()) firstPeriod = Math.min(firstPeriod, index);
  if (firstPeriod === Number.POSITIVE_INFINITY) return [];
  const { period, weekStartsOn, timeZone, asOf, lastPeriod } = calendar;
  if (lastPeriod - firstPeriod + 1 > MAX_REPORT_PERIODS) {
    const what = `${lastPeriod - firstPeriod + 1} ${period} periods from ${periodKey(firstPeriod, period, weekStartsOn)} to ${periodKey(lastPeriod, period, weekStartsOn)}`;
    throw new InvalidOptionError('asOf', new Date(asOf), `the report would cover ${what}, more than ${MAX_REPORT_PERIODS}; choose a longer period or an earlier asOf`);
  }
  const zone = { timeZone, weekStartsOn };
  const reported: ReportedPeriod[] = [];
  for (let index = Math.max(firstPeriod, calendar.fromPeriod); index <= lastPeriod; index++) {
    const endMs = periodEnd(index, period, zone);
    const info = { period: periodKey(index, period, weekStartsOn), start: new Date(periodStart(index, period, zone)), end: new Date(endMs), complete: endMs <= asOf + 1 };
    reported.push({ info, tally: tallies.get(index) ?? NO_ACTIVITY, previous: tallies.get(index - 1) ?? NO_ACTIVITY });
  }
  return reported;
}

/**
 * @internal The engine's rows by period index, checked: integer fields, each period once, none after `asOf`'s;
 * and the whole table's first period, from the row of `NULL` counts a filtered query adds (+∞ without).
 */
export function readTallies(rows: ResultTable, lastPeriod: number): { tallies: Map<number, PeriodTally>; whole: number } {
  const tallies = new Map<number, PeriodTally>();
  let whole = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const index = integerField(rows, i, 'period');
    if (nullableIntegerField(rows, i, 'active') === null) {
      whole = Math.min(whole, index);
      continue;
    }
    if (tallies.has(index)) throw new InvalidInputError(i, 'record', rows.row(i), `period ${index} is given by an earlier row too`, 'rows');
    if (index > lastPeriod) throw new InvalidInputError(i, 'record', rows.row(i), `period ${index} is after the period of asOf (${lastPeriod})`, 'rows');
    const field = (name: keyof PeriodTally): number => integerField(rows, i, name);
    const tally = { active: field('active'), new: field('new'), returning: field('returning'), newMinor: field('newMinor'), returningMinor: field('returningMinor'), resurrectedMinor: field('resurrectedMinor') };
    if (tally.new + tally.returning > tally.active) throw new InvalidInputError(i, 'record', rows.row(i), 'new and returning customers outnumber the active ones', 'rows');
    tallies.set(index, tally);
  }
  return { tallies, whole };
}

/**
 * @internal The first period of a part's rows: its earliest tally's, or the row of the whole table's
 * first period (+∞ without either).
 *
 * @param rows - the rows of one part
 * @param lastPeriod - the period of `asOf`
 * @returns the period index
 * @throws {@link InvalidInputError} for a row the query cannot have made
 */
export function firstPeriodOf(rows: ResultTable, lastPeriod: number): number {
  const { tallies, whole } = readTallies(rows, lastPeriod);
  let first = whole;
  for (const index of tallies.keys()) first = Math.min(first, index);
  return first;
}

/**
 * @internal The customers of a part's rows whose first order is at or before `asOf`: the sum of each
 * period's `firstOrders`.
 *
 * @param rows - the rows of one part
 * @returns the customers
 * @throws {@link InvalidInputError} for a row without an integer `firstOrders`
 */
export function firstOrdersOf(rows: ResultTable): number {
  let customers = 0;
  for (let i = 0; i < rows.length; i++) if (nullableIntegerField(rows, i, 'active') !== null) customers += integerField(rows, i, 'firstOrders');
  return customers;
}
