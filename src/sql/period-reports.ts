/**
 * `periodRetentionFromRows` and `periodLifecycleFromRows`: the rows of a {@link periodActivity} query
 * into the `PeriodRetentionRow[]` and `LifecycleRow[]` that `periodRetention` and `periodLifecycle`
 * (without `activeWithin`) return for the same events.
 *
 * @module
 */
import { periodKey } from '../calendar/keys.ts';
import { periodEnd, periodStart } from '../calendar/period.ts';
import { InvalidInputError, InvalidOptionError } from '../errors.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import type { LifecycleRow } from '../metrics/lifecycle.ts';
import { ratio } from '../metrics/order-totals.ts';
import type { PeriodRetentionRow } from '../metrics/period-retention.ts';
import type { PeriodInfo } from '../metrics/period-scan.ts';
import { MAX_REPORT_PERIODS } from '../metrics/period-settings.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { PERIOD_CALENDAR_KEYS, type ResolvedPeriodCalendar, type SqlPeriodCalendar, resolvePeriodCalendar } from './period-options.ts';
import { integerField, nullableIntegerField } from './result-values.ts';
import { type QueryResult, type ResultTable, resultTable } from './result-rows.ts';
import { SOURCE_KEYS, type SqlSourceOptions } from './source.ts';

/** Options of the period finishers: the query's calendar (the query's other options are accepted and ignored). */
export type PeriodFromRowsOptions = SqlPeriodCalendar & Partial<SqlSourceOptions>;

const FROM_ROWS_KEYS = [...SOURCE_KEYS, ...PERIOD_CALENDAR_KEYS];

/** One period's counts and sums, as the engine returned them (zeros for a period without a row). */
interface PeriodTally {
  readonly active: number;
  readonly new: number;
  readonly returning: number;
  readonly newMinor: number;
  readonly returningMinor: number;
  readonly resurrectedMinor: number;
}

const NO_ACTIVITY: PeriodTally = { active: 0, new: 0, returning: 0, newMinor: 0, returningMinor: 0, resurrectedMinor: 0 };

/** The reported periods: each with its identity and its tally and the previous period's. */
interface ReportedPeriod {
  readonly info: PeriodInfo;
  readonly tally: PeriodTally;
  readonly previous: PeriodTally;
}

/**
 * Finish the rows of a {@link periodActivity} query into the rows that `periodRetention(ledger,
 * { period, weekStartsOn, timeZone, asOf, from, activeWhen })` returns for the same events: one per
 * period from the first order's period (or `from`) to the one containing `asOf`, `[]` without orders.
 * The base at the end of a period is the customers active in it: S is the previous period's active
 * customers, retained the returning ones, acquired the new, reactivated the resurrected.
 *
 * @param result - the query's result rows, in any order, as the client returns them (rows, columns or an Arrow table)
 * @param options - the options given to the query (at least `period` and `asOf`, and `weekStartsOn`,
 *   `timeZone`, `from`, `activeWhen` where given)
 * @returns the rows
 * @throws {@link InvalidInputError} for a row that lacks a field or holds a non-integer, a period given
 *   twice or after `asOf`'s
 * @throws {@link InvalidOptionError} for bad options (as {@link periodActivity}), or a report of more
 *   than `MAX_REPORT_PERIODS` periods
 *
 * @example
 * ```ts
 * import { periodRetentionFromRows } from 'retention-metrics/sql';
 * const rows = periodRetentionFromRows(
 *   [
 *     { period: 24288, active: '2', new: '2', returning: '0', newMinor: '2000', returningMinor: '0', resurrectedMinor: '0' },
 *     { period: 24289, active: '2', new: '1', returning: '1', newMinor: '1000', returningMinor: '1000', resurrectedMinor: '0' },
 *   ],
 *   { period: 'month', asOf: '2024-02-29' },
 * );
 * rows.map((r) => r.period); // => ['2024-01', '2024-02']
 * rows[1].retentionRate; // => 0.5
 * rows[1].acquired; // => 1
 * ```
 */
export function periodRetentionFromRows(result: QueryResult, options: PeriodFromRowsOptions): PeriodRetentionRow[] {
  return reportedPeriods(resultTable(result), readOptions(options)).map(({ info, tally, previous }) => ({
    ...info,
    startCustomers: previous.active,
    endCustomers: tally.active,
    acquired: tally.new,
    reactivated: tally.active - tally.new - tally.returning,
    retained: tally.returning,
    lost: previous.active - tally.returning,
    retentionRate: ratio(tally.returning, previous.active),
    churnRate: ratio(previous.active - tally.returning, previous.active),
  }));
}

/**
 * Finish the rows of a {@link periodActivity} query into the rows that `periodLifecycle(ledger,
 * { period, weekStartsOn, timeZone, asOf, from })` returns for the same events: per period the new,
 * returning, resurrected and dormant customers (dormant: active in the previous period, not in this
 * one), the gross revenue of each active group, and the quick ratio.
 *
 * @param result - the query's result rows, in any order, as the client returns them (rows, columns or an Arrow table)
 * @param options - the options given to the query (at least `period` and `asOf`, and `weekStartsOn`,
 *   `timeZone`, `from`, `activeWhen`, `currencyDigits` where given)
 * @returns the rows
 * @throws {@link InvalidInputError} for a row that lacks a field or holds a non-integer, a period given
 *   twice or after `asOf`'s
 * @throws {@link InvalidOptionError} for bad options (as {@link periodActivity}), or a report of more
 *   than `MAX_REPORT_PERIODS` periods
 *
 * @example
 * ```ts
 * import { periodLifecycleFromRows } from 'retention-metrics/sql';
 * const rows = periodLifecycleFromRows(
 *   [
 *     { period: 24288, active: '2', new: '2', returning: '0', newMinor: '2000', returningMinor: '0', resurrectedMinor: '0' },
 *     { period: 24289, active: '1', new: '0', returning: '1', newMinor: '0', returningMinor: '3000', resurrectedMinor: '0' },
 *   ],
 *   { period: 'month', asOf: '2024-02-29' },
 * );
 * rows.map((r) => [r.period, r.new, r.returning, r.resurrected, r.dormant]);
 * // => [['2024-01', 2, 0, 0, 0], ['2024-02', 0, 1, 0, 1]]
 * rows[1].returningRevenue.toFixed(2); // => '30.00'
 * ```
 */
export function periodLifecycleFromRows(result: QueryResult, options: PeriodFromRowsOptions): LifecycleRow[] {
  const calendar = readOptions(options);
  const { digits } = calendar;
  return reportedPeriods(resultTable(result), calendar).map(({ info, tally, previous }) => {
    const resurrected = tally.active - tally.new - tally.returning;
    const dormant = previous.active - tally.returning;
    return {
      ...info,
      active: tally.active,
      new: tally.new,
      returning: tally.returning,
      resurrected,
      dormant,
      newRevenue: fromMinorUnits(tally.newMinor, digits),
      returningRevenue: fromMinorUnits(tally.returningMinor, digits),
      resurrectedRevenue: fromMinorUnits(tally.resurrectedMinor, digits),
      quickRatio: ratio(tally.new + resurrected, dormant),
    };
  });
}

/** The finishers' options, checked and resolved. */
function readOptions(options: PeriodFromRowsOptions): ResolvedPeriodCalendar {
  checkOptionKeys(options, FROM_ROWS_KEYS);
  return resolvePeriodCalendar(options);
}

/** The rows read into tallies by period, and the reported periods, from the first order's (or `from`) to `asOf`'s. */
function reportedPeriods(rows: ResultTable, calendar: ResolvedPeriodCalendar): ReportedPeriod[] {
  const { tallies, whole } = readTallies(rows, calendar.lastPeriod);
  let firstPeriod = whole;
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
 * The engine's rows by period index, checked: integer fields, each period once, none after `asOf`'s;
 * and the whole table's first period, from the row of `NULL` counts a filtered query adds (+∞ without).
 */
function readTallies(rows: ResultTable, lastPeriod: number): { tallies: Map<number, PeriodTally>; whole: number } {
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
