/**
 * `cohortCells`: the query behind a classic cohort table — the engine reduces the orders to one row
 * per cohort and offset — whose rows {@link cohortTableFromCells} finishes into a `CohortTable`.
 *
 * @module
 */
import { checkOptionKeys } from '../option-keys.ts';
import { periodExpr } from './calendar.ts';
import { COHORT_CALENDAR_KEYS, type SqlCohortCalendar, resolveCohortCalendar } from './cohort-options.ts';
import { type Expr, and, col, countAll, countWhere, int, max, min, op, sumWhere, text, total } from './expression.ts';
import { renderQuery } from './render.ts';
import { Params, SOURCE_KEYS, type SqlQuery, type SqlSourceOptions, eventsTables, resolveSource, sqlQuery } from './source.ts';

/** Options of {@link cohortCells}: the source and the table's calendar. */
export interface SqlCohortOptions extends SqlSourceOptions, SqlCohortCalendar {}

const COHORT_KEYS = [...SOURCE_KEYS, ...COHORT_CALENDAR_KEYS];

/**
 * The SQL of a classic cohort table (`Cohort.from(…).by(by).every(every).timeZone(zone).asOf(asOf)
 * .table()`) over a table of orders and refunds: one row per cohort and offset with counts and sums,
 * which {@link cohortTableFromCells} turns into the same `CohortTable`.
 *
 * The definitions are the library's: a customer's cohort is the `by` period of their first order (an
 * amount ≥ 0), in the local calendar of `timeZone`; offset k of an event is its `every` period less
 * the first order's; events after `asOf` are left out, and so are events at a negative offset (a
 * refund before the first order's period). A cell counts the customers with an order at the offset
 * (classic retention), their orders, order amounts (gross) and all amounts (net, refunds included).
 *
 * Rows: `cohort` and `offset` (period indices), `cohortSize`, `minBase`, `maxBase` (the earliest and
 * latest `every` period of the cohort's first orders), and `customers`, `orders`, `grossMinor`,
 * `netMinor` as text (exact integers in any client; money in minor units).
 *
 * @param options - table, columns, dialect, `currencyDigits`, and `by`, `every`, `timeZone`, `weekStartsOn`, `asOf`
 * @returns the SQL text and its parameters (`asOf` in epoch ms, the time zone)
 * @throws {@link InvalidOptionError} for an unknown option, dialect or column key, a missing name, a bad
 *   unit, zone, week start or `currencyDigits`, or a missing or unreadable `asOf`
 *
 * @example
 * ```ts
 * import { cohortCells } from 'retention-metrics/sql';
 * const query = cohortCells({
 *   table: 'orders',
 *   columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
 *   by: 'month',
 *   timeZone: 'Europe/Berlin',
 *   asOf: '2024-06-30T23:59:59',
 *   dialect: 'duckdb',
 * });
 * query.params; // => [1719784799000, 'Europe/Berlin']
 * ```
 */
export function cohortCells(options: SqlCohortOptions): SqlQuery {
  checkOptionKeys(options, COHORT_KEYS);
  const source = resolveSource(options);
  const calendar = resolveCohortCalendar(options);
  const params = new Params();
  const asOf = params.add(calendar.asOf, 'bigint');
  const zone = params.add(calendar.timeZone, 'text');
  const period = (ms: Expr, unit: 'by' | 'every'): Expr => periodExpr(ms, zone, calendar[unit], calendar.weekStartsOn);
  const e = (name: string): Expr => col(name, 'e');
  const isOrder = op(e('minor'), '>=', int(0));
  const offset = op(period(e('ms'), 'every'), '-', col('base', 'm'));
  const a = (name: string): Expr => col(name, 'a');
  const k = (name: string): Expr => col(name, 'k');
  const sqlText = renderQuery(
    {
      with: [
        ...eventsTables(source),
        {
          // A customer is in the table when their first order is at or before asOf.
          name: 'firsts',
          select: {
            columns: [{ as: 'customer', value: e('customer') }, { as: 'firstMs', value: min(e('ms')) }],
            from: { name: ['events'], as: 'e' },
            where: and(isOrder, op(e('ms'), '<=', asOf)),
            groupBy: [e('customer')],
          },
        },
        {
          name: 'members',
          select: {
            columns: [
              { as: 'customer', value: col('customer', 'f') },
              { as: 'cohort', value: period(col('firstMs', 'f'), 'by') },
              { as: 'base', value: period(col('firstMs', 'f'), 'every') },
            ],
            from: { name: ['firsts'], as: 'f' },
          },
        },
        {
          // Each member's events up to asOf, by offset: orders, order amounts, all amounts.
          name: 'activity',
          select: {
            columns: [
              { as: 'cohort', value: col('cohort', 'm') },
              { as: 'offset', value: offset },
              { as: 'orders', value: countWhere(isOrder) },
              { as: 'gross', value: sumWhere(isOrder, e('minor')) },
              { as: 'net', value: total(e('minor')) },
            ],
            from: { name: ['events'], as: 'e' },
            joins: [{ name: ['members'], as: 'm', on: op(e('customer'), '=', col('customer', 'm')) }],
            where: op(e('ms'), '<=', asOf),
            groupBy: [col('cohort', 'm'), offset, e('customer')],
          },
        },
        {
          name: 'cohorts',
          select: {
            columns: [
              { as: 'cohort', value: col('cohort', 'm') },
              { as: 'size', value: countAll },
              { as: 'minBase', value: min(col('base', 'm')) },
              { as: 'maxBase', value: max(col('base', 'm')) },
            ],
            from: { name: ['members'], as: 'm' },
            groupBy: [col('cohort', 'm')],
          },
        },
      ],
      select: {
        columns: [
          { as: 'cohort', value: a('cohort') },
          { as: 'offset', value: a('offset') },
          { as: 'cohortSize', value: k('size') },
          { as: 'minBase', value: k('minBase') },
          { as: 'maxBase', value: k('maxBase') },
          { as: 'customers', value: text(countWhere(op(a('orders'), '>', int(0)))) },
          { as: 'orders', value: text(total(a('orders'))) },
          { as: 'grossMinor', value: text(total(a('gross'))) },
          { as: 'netMinor', value: text(total(a('net'))) },
        ],
        from: { name: ['activity'], as: 'a' },
        joins: [{ name: ['cohorts'], as: 'k', on: op(a('cohort'), '=', k('cohort')) }],
        where: op(a('offset'), '>=', int(0)),
        groupBy: [a('cohort'), a('offset'), k('size'), k('minBase'), k('maxBase')],
        orderBy: [a('cohort'), a('offset')],
      },
    },
    source.dialect,
  );
  return sqlQuery(sqlText, params, source.dialect);
}
