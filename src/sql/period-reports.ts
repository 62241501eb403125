/**
 * `periodRetentionFromRows` and `periodLifecycleFromRows`: the rows of a {@link periodActivity} query
 * into the `PeriodRetentionRow[]` and `LifecycleRow[]` that `periodRetention` and `periodLifecycle`
 * (without `activeWithin`) return for the same events — and, for a query with `by`, into their
 * `Breakdown`.
 *
 * @module
 */
import type { Breakdown } from '../input/breakdown.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import type { LifecycleRow } from '../metrics/lifecycle.ts';
import { ratio } from '../metrics/order-totals.ts';
import type { PeriodRetentionRow } from '../metrics/period-retention.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { breakdownOfParts, rowParts } from './breakdown-rows.ts';
import { PERIOD_CALENDAR_KEYS, type ResolvedPeriodCalendar, type SqlPeriodCalendar, resolvePeriodCalendar } from './period-options.ts';
import { type ReportedPeriod, firstPeriodOf, firstOrdersOf, reportedPeriods } from './period-tallies.ts';
import { type QueryResult, resultTable } from './result-rows.ts';
import { BREAKDOWN_KEYS, type SqlBreakdownOptions, breakdownOption } from './segment-events.ts';
import { SOURCE_KEYS, type SqlSourceOptions } from './source.ts';

/**
 * Options of the period finishers: the query's calendar (the query's other options are accepted and
 * ignored; its `by` and `segmentRule` make the rows a breakdown's).
 */
export type PeriodFromRowsOptions = SqlPeriodCalendar & Partial<SqlSourceOptions>;

const FROM_ROWS_KEYS = [...SOURCE_KEYS, ...PERIOD_CALENDAR_KEYS, ...BREAKDOWN_KEYS];

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
export function periodRetentionFromRows(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions & { by?: undefined }): PeriodRetentionRow[];
/**
 * Finish the rows of a {@link periodActivity} query with `by` into the `Breakdown` that
 * `periodRetention(ledger, { …, by, segmentRule })` returns for the same events: the total's rows and
 * each value's, by value (code-unit order), the missing value last, only values with a customer whose
 * first order is at or before `asOf`. Every segment covers the total's periods.
 *
 * @param result - the query's result rows, in any order, as the client returns them
 * @param options - the options given to the query, with its `by` and `segmentRule`
 * @returns the breakdown
 * @throws {@link InvalidInputError} for a row the query cannot have made (no `part`, a segment's
 *   `segment` that is not text, a field that is not an integer, a period given twice or after `asOf`'s)
 * @throws {@link InvalidOptionError} for bad options (as {@link periodActivity}), or a report of more
 *   than `MAX_REPORT_PERIODS` periods
 *
 * @example
 * ```ts
 * import { periodRetentionFromRows } from 'retention-metrics/sql';
 * const row = { newMinor: '1000', returningMinor: '0', resurrectedMinor: '0' };
 * const split = periodRetentionFromRows(
 *   [
 *     { ...row, part: 0, segment: '', period: 24288, active: '2', new: '2', returning: '0', firstOrders: '2' },
 *     { ...row, part: 0, segment: '', period: 24289, active: '1', new: '0', returning: '1', firstOrders: '0' },
 *     { ...row, part: 2, segment: 'ads', period: 24288, active: '1', new: '1', returning: '0', firstOrders: '1' },
 *     { ...row, part: 2, segment: 'ads', period: 24289, active: '1', new: '0', returning: '1', firstOrders: '0' },
 *     { ...row, part: 2, segment: 'mail', period: 24288, active: '1', new: '1', returning: '0', firstOrders: '1' },
 *   ],
 *   { period: 'month', asOf: '2024-02-29', by: 'channel' },
 * );
 * split.total.map((r) => r.retentionRate); // => [null, 0.5]
 * split.segments.map((s) => [s.value, s.customers, s.result.map((r) => r.endCustomers)]); // => [['ads', 1, [1, 1]], ['mail', 1, [1, 0]]]
 * ```
 */
export function periodRetentionFromRows(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions & { by: string }): Breakdown<PeriodRetentionRow[]>;
/**
 * {@link periodRetentionFromRows} with options whose `by` is known only when it runs: the rows without
 * `by`, their breakdown with it.
 *
 * @param result - the query's result rows, as the client returns them
 * @param options - the options given to the query
 * @returns the rows, or with `by` their breakdown
 * @throws {@link InvalidInputError} for a row the query cannot have made
 * @throws {@link InvalidOptionError} for bad options (as {@link periodActivity})
 *
 * @example
 * ```ts
 * import { type PeriodFromRowsOptions, periodRetentionFromRows } from 'retention-metrics/sql';
 * const options: PeriodFromRowsOptions = { period: 'month', asOf: '2024-02-29' };
 * Array.isArray(periodRetentionFromRows([], options)); // => true
 * ```
 */
export function periodRetentionFromRows(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions): PeriodRetentionRow[] | Breakdown<PeriodRetentionRow[]>;
export function periodRetentionFromRows(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions): PeriodRetentionRow[] | Breakdown<PeriodRetentionRow[]> {
  return finishPeriods(result, options, (periods) =>
    periods.map(({ info, tally, previous }) => ({
      ...info,
      startCustomers: previous.active,
      endCustomers: tally.active,
      acquired: tally.new,
      reactivated: tally.active - tally.new - tally.returning,
      retained: tally.returning,
      lost: previous.active - tally.returning,
      retentionRate: ratio(tally.returning, previous.active),
      churnRate: ratio(previous.active - tally.returning, previous.active),
    })),
  );
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
export function periodLifecycleFromRows(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions & { by?: undefined }): LifecycleRow[];
/**
 * Finish the rows of a {@link periodActivity} query with `by` into the `Breakdown` that
 * `periodLifecycle(ledger, { …, by, segmentRule })` returns for the same events (see
 * {@link periodRetentionFromRows} for its segments).
 *
 * @param result - the query's result rows, in any order, as the client returns them
 * @param options - the options given to the query, with its `by` and `segmentRule`
 * @returns the breakdown
 * @throws {@link InvalidInputError} for a row the query cannot have made
 * @throws {@link InvalidOptionError} for bad options (as {@link periodActivity}), or a report of more
 *   than `MAX_REPORT_PERIODS` periods
 *
 * @example
 * ```ts
 * import { periodLifecycleFromRows } from 'retention-metrics/sql';
 * const row = { period: 24288, active: '1', new: '1', returning: '0', newMinor: '1500', returningMinor: '0', resurrectedMinor: '0', firstOrders: '1' };
 * const split = periodLifecycleFromRows(
 *   [
 *     { ...row, part: 0, segment: '' },
 *     { ...row, part: 1, segment: '' },
 *   ],
 *   { period: 'month', asOf: '2024-01-31', by: 'channel', segmentRule: 'same-value' },
 * );
 * split.rule; // => 'same-value'
 * split.segments.map((s) => [s.value, s.result[0]?.newRevenue.toFixed(2)]); // => [[null, '15.00']]
 * ```
 */
export function periodLifecycleFromRows(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions & { by: string }): Breakdown<LifecycleRow[]>;
/**
 * {@link periodLifecycleFromRows} with options whose `by` is known only when it runs: the rows without
 * `by`, their breakdown with it.
 *
 * @param result - the query's result rows, as the client returns them
 * @param options - the options given to the query
 * @returns the rows, or with `by` their breakdown
 * @throws {@link InvalidInputError} for a row the query cannot have made
 * @throws {@link InvalidOptionError} for bad options (as {@link periodActivity})
 *
 * @example
 * ```ts
 * import { type PeriodFromRowsOptions, type SqlBreakdownOptions, periodLifecycleFromRows } from 'retention-metrics/sql';
 * const options: PeriodFromRowsOptions & SqlBreakdownOptions = { period: 'month', asOf: '2024-02-29', by: 'channel' };
 * 'total' in periodLifecycleFromRows([], options); // => true
 * ```
 */
export function periodLifecycleFromRows(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions): LifecycleRow[] | Breakdown<LifecycleRow[]>;
export function periodLifecycleFromRows(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions): LifecycleRow[] | Breakdown<LifecycleRow[]> {
  return finishPeriods(result, options, (periods, { digits }) =>
    periods.map(({ info, tally, previous }) => {
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
    }),
  );
}

/**
 * The options read once, and the rows finished by `rowsOf`: as they are, or with `by` part by part —
 * every segment over the total's periods, its customers those whose first order is by `asOf`.
 */
function finishPeriods<R>(result: QueryResult, options: PeriodFromRowsOptions & SqlBreakdownOptions, rowsOf: (periods: ReportedPeriod[], calendar: ResolvedPeriodCalendar) => R[]): R[] | Breakdown<R[]> {
  checkOptionKeys(options, FROM_ROWS_KEYS);
  const calendar = resolvePeriodCalendar(options);
  const breakdown = breakdownOption(options.by, options.segmentRule, false);
  const rows = resultTable(result);
  if (breakdown === null) return rowsOf(reportedPeriods(rows, calendar), calendar);
  const parts = rowParts(rows);
  const first = firstPeriodOf(parts.total, calendar.lastPeriod);
  const segments = parts.segments.map(({ value, rows: part }) => ({ value, customers: firstOrdersOf(part), result: rowsOf(reportedPeriods(part, calendar, first), calendar) }));
  return breakdownOfParts(breakdown, rowsOf(reportedPeriods(parts.total, calendar), calendar), segments);
}
