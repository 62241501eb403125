/**
 * `periodActivity`: the query behind `periodRetention` and `periodLifecycle` (default rules) — the
 * engine reduces the orders to one row per calendar period — whose rows `periodRetentionFromRows` and
 * `periodLifecycleFromRows` finish.
 *
 * @module
 */
import { checkOptionKeys } from '../option-keys.ts';
import { periodExpr } from './calendar.ts';
import { type Expr, type Select, type TableExpression, and, col, countAll, countWhere, exactInt, int, min, nullValue, op, sumWhere, total } from './expression.ts';
import { PERIOD_CALENDAR_KEYS, type SqlPeriodCalendar, resolvePeriodCalendar } from './period-options.ts';
import { renderQuery } from './render.ts';
import { BREAKDOWN_KEYS, PART, type SqlBreakdownOptions, breakdownOption, keyColumns, sameKey, segmentKey } from './segment-events.ts';
import { Params, type ResolvedSource, SOURCE_KEYS, type SqlQuery, type SqlSourceOptions, eventsTables, resolveSource, sqlQuery } from './source.ts';

/** Options of {@link periodActivity}: the source and the report's calendar (and a breakdown: {@link SqlBreakdownOptions}). */
export interface SqlPeriodOptions extends SqlSourceOptions, SqlPeriodCalendar {}

const PERIOD_ACTIVITY_KEYS = [...SOURCE_KEYS, ...PERIOD_CALENDAR_KEYS, ...BREAKDOWN_KEYS];

/**
 * The SQL of the period reports `periodRetention` and `periodLifecycle` (a customer is active in a
 * period with an order there, or with orders meeting `activeWhen`) over a table of orders and refunds:
 * one row per period with an order, which `periodRetentionFromRows` and `periodLifecycleFromRows` turn
 * into the same rows.
 *
 * The definitions are the library's: an order is a row with amount ≥ 0 (zero-value orders make a
 * customer active, refunds never do); periods are read in the local calendar of `timeZone`; events
 * after `asOf` are left out. Per period the engine counts the customers active in it (`active`), those
 * whose first order is in it (`new`), those active in the previous period too (`returning`) — the
 * others are resurrected — and the gross order revenue of each group (orders of customers who fall
 * short of the rule in a period count in no group).
 *
 * Rows: `period` (the period index), and `active`, `new`, `returning`, `newMinor`, `returningMinor`,
 * `resurrectedMinor` as text (exact integers in any client; money in minor units). Every period is
 * queried, also those before `from`: the first reported period needs the previous one. `firstOrders`
 * counts the customers whose first order is in the period (a breakdown's segment counts its customers
 * with it).
 *
 * With `by: column` (and `segmentRule`) the rows are the total's and every segment's, told apart by
 * `part` (0 the total, 1 the missing value's segment, 2 a value's) and `segment` (the value, `''` for
 * parts 0 and 1): the finishers given the same `by` return the `Breakdown` of `periodRetention(…, { by })`
 * and `periodLifecycle(…, { by })`.
 *
 * @param options - table, columns, dialect, `currencyDigits`, and `period`, `weekStartsOn`, `timeZone`,
 *   `asOf`, `from`, `activeWhen`, `by`, `segmentRule`
 * @returns the SQL text and its parameters (`asOf` in epoch ms, the time zone)
 * @throws {@link InvalidOptionError} for an unknown option, dialect or column key, a missing name, a bad
 *   period, zone, week start, `currencyDigits` or `activeWhen`, an unreadable `from`, a missing or
 *   unreadable `asOf`, a `by` that is not a name, a bad `segmentRule` or one without `by`, or `by` with
 *   an `orderId` column
 *
 * @example
 * ```ts
 * import { periodActivity } from 'retention-metrics/sql';
 * const query = periodActivity({
 *   table: 'orders',
 *   columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
 *   period: 'month',
 *   timeZone: 'Europe/Berlin',
 *   asOf: '2024-06-30T23:59:59',
 *   dialect: 'postgres',
 * });
 * query.params; // => [1719784799000, 'Europe/Berlin']
 * periodActivity({ table: 'orders', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, period: 'month',
 *   asOf: '2024-06-30', dialect: 'postgres', by: 'channel', segmentRule: 'same-value' }).text.includes('"segment"'); // => true
 * ```
 */
export function periodActivity(options: SqlPeriodOptions & SqlBreakdownOptions): SqlQuery {
  checkOptionKeys(options, PERIOD_ACTIVITY_KEYS);
  const source = resolveSource(options);
  const calendar = resolvePeriodCalendar(options);
  const breakdown = breakdownOption(options.by, options.segmentRule, source.orderId !== null);
  const keys = segmentKey(breakdown);
  const params = new Params();
  const asOf = params.add(calendar.asOf, 'bigint');
  const zone = params.add(calendar.timeZone, 'text');
  const e = (name: string): Expr => col(name, 'e');
  const p = (name: string): Expr => col(name, 'p');
  const periodOfEvent = periodExpr(e('ms'), zone, calendar.period, calendar.weekStartsOn);
  // The rule's minimums are checked whole numbers: written as literals.
  const meets = (alias: string): Expr => and(op(col('orders', alias), '>=', int(calendar.rule.minOrders)), op(col('gross', alias), '>=', int(calendar.rule.minGrossMinor)));
  const isNew = and(meets('p'), op(p('period'), '=', col('first', 'f')));
  const isReturning = and(meets('p'), { kind: 'not-null', value: col('customer', 'q') });
  const isResurrected = and(meets('p'), { kind: 'is-null', value: col('customer', 'q') }, op(p('period'), '>', col('first', 'f')));
  const tally: Select = {
    columns: [
      ...keyColumns(keys, 'p'),
      { as: 'period', value: p('period') },
      { as: 'active', value: exactInt(countWhere(meets('p'))) },
      { as: 'new', value: exactInt(countWhere(isNew)) },
      { as: 'returning', value: exactInt(countWhere(isReturning)) },
      { as: 'newMinor', value: exactInt(sumWhere(isNew, p('gross'))) },
      { as: 'returningMinor', value: exactInt(sumWhere(isReturning, p('gross'))) },
      { as: 'resurrectedMinor', value: exactInt(sumWhere(isResurrected, p('gross'))) },
      // Customers whose first order is in the period, whether or not they are active by the rule.
      { as: 'firstOrders', value: exactInt(countWhere(op(p('period'), '=', col('first', 'f')))) },
    ],
    from: { name: ['periods'], as: 'p' },
    joins: [
      { name: ['firsts'], as: 'f', on: and(op(p('customer'), '=', col('customer', 'f')), ...sameKey(keys, 'p', 'f')) },
      // The same customer's previous period, when they were active in it.
      {
        name: ['activePeriods'],
        as: 'q',
        on: and(op(p('customer'), '=', col('customer', 'q')), ...sameKey(keys, 'p', 'q'), op(col('period', 'q'), '=', op(p('period'), '-', int(1)))),
        left: true,
      },
    ],
    groupBy: [...keys.map(p), p('period')],
  };
  const marked = wholeFirstPeriod(source, asOf, (ms) => periodExpr(ms, zone, calendar.period, calendar.weekStartsOn));
  const columns = [...keys, ...TALLY_COLUMNS];
  const tallyOrMarked: Select =
    marked === null
      ? { ...tally, orderBy: [p('period')] }
      : { columns: columns.map((as) => ({ as, value: col(as, 'o') })), from: { name: ['result'], as: 'o' }, orderBy: [col('period', 'o')] };
  const sqlText = renderQuery(
    {
      with: [
        ...eventsTables(source, params, breakdown),
        {
          // Each customer's periods with an order at or before asOf, and the orders' gross amount there.
          name: 'periods',
          select: {
            columns: [
              { as: 'customer', value: e('customer') },
              ...keyColumns(keys, 'e'),
              { as: 'period', value: periodOfEvent },
              { as: 'orders', value: countAll },
              { as: 'gross', value: total(e('minor')) },
            ],
            from: { name: ['events'], as: 'e' },
            where: and(op(e('minor'), '>=', int(0)), op(e('ms'), '<=', asOf)),
            groupBy: [e('customer'), ...keys.map(e), periodOfEvent],
          },
        },
        {
          // The periods in which each customer is active: a join's condition is equalities alone.
          name: 'activePeriods',
          select: { columns: [{ as: 'customer', value: p('customer') }, ...keyColumns(keys, 'p'), { as: 'period', value: p('period') }], from: { name: ['periods'], as: 'p' }, where: meets('p') },
        },
        {
          // The period of each customer's first order.
          name: 'firsts',
          select: {
            columns: [{ as: 'customer', value: p('customer') }, ...keyColumns(keys, 'p'), { as: 'first', value: min(p('period')) }],
            from: { name: ['periods'], as: 'p' },
            groupBy: [p('customer'), ...keys.map(p)],
          },
        },
        ...(marked === null
          ? []
          : [
              { name: 'tallies', select: tally },
              marked,
              {
                name: 'result',
                select: {
                  unionAll: [
                    { columns: columns.map((as) => ({ as, value: col(as, 't') })), from: { name: ['tallies'], as: 't' } },
                    // The whole table's first period, a row of NULL counts (of the total's part): a filtered report
                    // covers the whole's periods. Only with an order: over none, an engine may give a minimum of 0, not NULL.
                    { columns: columns.map((as) => ({ as, value: wholeFirstColumn(as) })), from: { name: ['wholeFirst'], as: 'w' }, where: op(col('orders', 'w'), '>', int(0)) },
                  ],
                },
              },
            ]),
      ],
      select: tallyOrMarked,
    },
    source.dialect,
  );
  return sqlQuery(sqlText, params, source.dialect);
}

/** The columns of the query's rows (after `part` and `segment`, with a breakdown). */
const TALLY_COLUMNS = ['period', 'active', 'new', 'returning', 'newMinor', 'returningMinor', 'resurrectedMinor', 'firstOrders'] as const;

/** A column of the row of the whole table's first period: the period, the total's part, NULL counts. */
function wholeFirstColumn(column: string): Expr {
  if (column === 'period') return col('period', 'w');
  if (column === 'part') return int(PART.total);
  if (column === 'segment') return { kind: 'text', value: '' };
  return nullValue;
}

/**
 * With a `where` or `customerWhere` filter, the period of the whole table's first order at or before
 * `asOf` (read from the table itself, unfiltered), as the table expression `wholeFirst`; `null` without
 * a filter.
 */
function wholeFirstPeriod(source: ResolvedSource, asOf: Expr, periodOf: (ms: Expr) => Expr): TableExpression | null {
  if (source.where.length === 0 && source.customerWhere.length === 0) return null;
  const { customerId, date, amount } = source.columns;
  const column = (name: string): Expr => col(name, 's');
  const ms: Expr = { kind: 'epoch-ms', value: column(date) };
  const minor: Expr = { kind: 'minor-units', value: column(amount), digits: source.digits };
  return {
    name: 'wholeFirst',
    select: {
      columns: [{ as: 'period', value: periodOf(min(ms)) }, { as: 'orders', value: countAll }],
      from: { name: source.table, as: 's' },
      where: and(...[customerId, date, amount].map((name): Expr => ({ kind: 'not-null', value: column(name) })), op(minor, '>=', int(0)), op(ms, '<=', asOf)),
    },
  };
}
