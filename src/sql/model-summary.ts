/**
 * `modelSummary`: the query behind `rfmSummary` — the engine reduces the orders to each customer's
 * order days (first day, last day, repeat days, their amounts, holdout days) and the repeat days per
 * day — which `rfmSummaryFromRows` finishes into the `RfmSummary` the model fits take.
 *
 * @module
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { assertTimeZone, localDayStart } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import type { DateInput } from '../input/types.ts';
import { holdoutEndDay } from '../models/rfm-summary-columns.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type Expr, and, col, countAll, countWhere, int, max, min, nullValue, op, sum, sumWhere, exactInt, when } from './expression.ts';
import { renderQuery } from './render.ts';
import { Params, SOURCE_KEYS, type SqlQuery, sqlQuery, type SqlSourceOptions, eventsTables, resolveSource } from './source.ts';

/** The calendar of a model summary: what the query and its finisher share. */
export interface SqlModelCalendar {
  /** The last day of the calibration period (its whole local day is inside), as `rfmSummary`'s; required. */
  calibrationEnd: DateInput;
  /** The last day of the holdout period (whole day inside), after `calibrationEnd`. */
  holdoutEnd?: DateInput;
  /** The zone of the local days (default `'UTC'`), as a ledger's `timeZone`. */
  timeZone?: string;
}

/** Options of {@link modelSummary}: the source and the calendar. */
export interface SqlModelSummaryOptions extends SqlSourceOptions, SqlModelCalendar {}

/** @internal The keys of {@link SqlModelCalendar}. */
export const MODEL_CALENDAR_KEYS = optionKeys<SqlModelCalendar>({ calibrationEnd: true, holdoutEnd: true, timeZone: true });

/** @internal The calendar, read: local day numbers and the last instant of the summary. */
export interface ModelCalendar {
  readonly timeZone: string;
  readonly calEndDay: number;
  /** The holdout end day, or `null` without a holdout. */
  readonly holdEndDay: number | null;
  /** The last instant (epoch ms) of the last day of the summary. */
  readonly endMs: number;
}

/**
 * @internal Read the calendar options.
 *
 * @param options - `calibrationEnd`, `holdoutEnd`, `timeZone`
 * @returns the calendar
 * @throws {@link InvalidOptionError} for an unknown zone, a missing or unreadable `calibrationEnd`, or a `holdoutEnd` not after it
 */
export function resolveModelCalendar(options: Partial<SqlModelCalendar>): ModelCalendar {
  const timeZone = assertTimeZone(options.timeZone ?? 'UTC');
  if (options.calibrationEnd === undefined) throw new InvalidOptionError('calibrationEnd', undefined, 'is required: the last day of the calibration period');
  const dayOf = makeDayIndexer(timeZone);
  const calEndDay = dayOf(dateOption('calibrationEnd', options.calibrationEnd, timeZone));
  const holdEndDay = holdoutEndDay(options.holdoutEnd, calEndDay, timeZone, dayOf);
  return { timeZone, calEndDay, holdEndDay, endMs: localDayStart(timeZone, (holdEndDay ?? calEndDay) + 1) - 1 };
}

/**
 * The SQL of the buy-till-you-die models' summary (`rfmSummary`): transactions are order days in the
 * zone, as there. The rows are of two kinds. A customer row (`customer` set) per customer whose first
 * order day is at or before the calibration end day: the first event's instant, the first and last
 * order day, the repeat order days `x`, the sum of their amounts in minor units and the holdout order
 * days. A day row (`customer` `NULL`) per day with repeat order days: the day and how many. Every value
 * is an integer as text. `rfmSummaryFromRows` finishes them. Each customer row is a `GROUP BY` of
 * one customer's days, so on a table sharded by customer it is computed where the customer's events are.
 *
 * @param options - table, columns, dialect, `currencyDigits`, and `calibrationEnd`, `holdoutEnd`, `timeZone`
 * @returns the SQL text and its parameters (the last instant in epoch ms, the zone, the calibration end day)
 * @throws {@link InvalidOptionError} for an unknown option, dialect or column key, a missing name, bad
 *   `currencyDigits`, an unknown zone, a missing or unreadable `calibrationEnd`, or a `holdoutEnd` not after it
 *
 * @example
 * ```ts
 * import { modelSummary } from 'retention-metrics/sql';
 * const query = modelSummary({
 *   table: 'orders',
 *   columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
 *   dialect: 'postgres',
 *   calibrationEnd: '1997-09-30',
 *   holdoutEnd: '1998-06-30',
 * });
 * query.params; // => [899251199999, 'UTC', 10134]
 * ```
 */
export function modelSummary(options: SqlModelSummaryOptions): SqlQuery {
  checkOptionKeys(options, [...SOURCE_KEYS, ...MODEL_CALENDAR_KEYS]);
  const source = resolveSource(options);
  const calendar = resolveModelCalendar(options);
  const params = new Params();
  const endMs = params.add(calendar.endMs, 'bigint');
  const zone = params.add(calendar.timeZone, 'text');
  const calEnd = params.add(calendar.calEndDay, 'bigint');
  const e = (name: string): Expr => col(name, 'e');
  const d = (name: string): Expr => col(name, 'd');
  const f = (name: string): Expr => col(name, 'f');
  const c = (name: string): Expr => col(name, 'c');
  const day: Expr = { kind: 'day-number', date: { kind: 'local-date', ms: e('ms'), zone } };
  const sameCustomer = (alias: string): Expr => op(d('customer'), '=', col('customer', alias));
  const repeat = and(op(d('day'), '>', f('firstDay')), op(d('day'), '<=', calEnd));
  const customerColumns = (values: Partial<Record<CustomerColumn, Expr>>) => CUSTOMER_COLUMNS.map((as) => ({ as, value: values[as] ?? nullValue }));
  const sqlText = renderQuery(
    {
      with: [
        ...eventsTables(source, params),
        {
          // Order days: each customer's orders on one local day, up to the summary's last instant.
          name: 'days',
          select: {
            columns: [{ as: 'customer', value: e('customer') }, { as: 'day', value: day }, { as: 'minor', value: sum(e('minor')) }],
            from: { name: ['events'], as: 'e' },
            where: and(op(e('minor'), '>=', int(0)), op(e('ms'), '<=', endMs)),
            groupBy: [e('customer'), day],
          },
        },
        { name: 'firsts', select: { columns: [{ as: 'customer', value: d('customer') }, { as: 'firstDay', value: min(d('day')) }], from: { name: ['days'], as: 'd' }, groupBy: [d('customer')] } },
        // The first event, order or refund, orders the rows as a ledger orders its accounts.
        { name: 'starts', select: { columns: [{ as: 'customer', value: e('customer') }, { as: 'firstEvent', value: min(e('ms')) }], from: { name: ['events'], as: 'e' }, groupBy: [e('customer')] } },
        {
          name: 'customers',
          select: {
            columns: [
              { as: 'customer', value: d('customer') },
              { as: 'firstDay', value: f('firstDay') },
              { as: 'lastDay', value: max(when(op(d('day'), '<=', calEnd), d('day'))) },
              { as: 'x', value: countWhere(repeat) },
              { as: 'repeatMinor', value: sumWhere(repeat, d('minor')) },
              { as: 'holdout', value: countWhere(op(d('day'), '>', calEnd)) },
            ],
            from: { name: ['days'], as: 'd' },
            joins: [{ name: ['firsts'], as: 'f', on: sameCustomer('f') }],
            where: op(f('firstDay'), '<=', calEnd),
            groupBy: [d('customer'), f('firstDay')],
          },
        },
        {
          // Repeat order days per day, of the customers observed before the calibration end day.
          name: 'repeats',
          select: {
            columns: [{ as: 'day', value: d('day') }, { as: 'repeatDays', value: countAll }],
            from: { name: ['days'], as: 'd' },
            joins: [{ name: ['firsts'], as: 'f', on: sameCustomer('f') }],
            where: and(op(f('firstDay'), '<', calEnd), op(d('day'), '>', f('firstDay'))),
            groupBy: [d('day')],
          },
        },
        {
          name: 'result',
          select: {
            unionAll: [
              {
                columns: customerColumns({
                  customer: c('customer'),
                  firstEvent: exactInt(col('firstEvent', 's')),
                  ...Object.fromEntries((['firstDay', 'lastDay', 'x', 'repeatMinor', 'holdout'] as const).map((name) => [name, exactInt(c(name))])),
                }),
                from: { name: ['customers'], as: 'c' },
                joins: [{ name: ['starts'], as: 's', on: op(c('customer'), '=', col('customer', 's')) }],
              },
              { columns: customerColumns({ day: exactInt(col('day', 'r')), repeatDays: exactInt(col('repeatDays', 'r')) }), from: { name: ['repeats'], as: 'r' } },
            ],
          },
        },
      ],
      select: { columns: CUSTOMER_COLUMNS.map((as) => ({ as, value: col(as, 'o') })), from: { name: ['result'], as: 'o' } },
    },
    source.dialect,
  );
  return sqlQuery(sqlText, params, source.dialect);
}

/** @internal The columns of the query's rows: the customer rows' first, then the day rows'. */
export const CUSTOMER_COLUMNS = ['customer', 'firstEvent', 'firstDay', 'lastDay', 'x', 'repeatMinor', 'holdout', 'day', 'repeatDays'] as const;
type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];
