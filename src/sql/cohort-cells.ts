/**
 * `cohortCells`: the query behind a cohort table — the engine reduces the orders to one row per
 * cohort and offset (and per cohort and bracket) — whose rows {@link cohortTableFromCells} finishes
 * into a `CohortTable`.
 *
 * @module
 */
import { checkOptionKeys } from '../option-keys.ts';
import { periodExpr } from './calendar.ts';
import { COHORT_CALENDAR_KEYS, type SqlCohortCalendar, resolveCohortCalendar } from './cohort-options.ts';
import { DAY_MS } from '../calendar/offset.ts';
import { isFixedSpan } from '../calendar/units.ts';
import type { Bracket } from '../cohort/types.ts';
import { type Expr, type Select, and, col, countAll, countWhere, floorDiv, int, max, min, nullValue, op, sumWhere, exactInt, total, when } from './expression.ts';
import { renderQuery } from './render.ts';
import { COHORT_BREAKDOWN_KEYS, type SqlCohortBreakdown, breakdownOption, keyColumns, sameKey, segmentKey } from './segment-events.ts';
import { Params, SOURCE_KEYS, type SqlQuery, type SqlSourceOptions, eventsTables, resolveSource, sqlQuery } from './source.ts';

/** Options of {@link cohortCells}: the source and the table's calendar (and a breakdown: {@link SqlCohortBreakdown}). */
export interface SqlCohortOptions extends SqlSourceOptions, SqlCohortCalendar {}

const COHORT_KEYS = [...SOURCE_KEYS, ...COHORT_CALENDAR_KEYS, ...COHORT_BREAKDOWN_KEYS];

/**
 * The SQL of a cohort table (`Cohort.from(…).by(by).every(every).timeZone(zone).asOf(asOf).table()`,
 * with `between`, `mode`, `brackets`, `maxOffset` and `activeWhen` as the builder's steps of those
 * names) over a table of orders and refunds: one row per cohort and offset with counts and sums, which
 * {@link cohortTableFromCells} turns into the same `CohortTable`.
 *
 * The definitions are the library's: a customer's cohort is the `by` period of their first order (an
 * amount ≥ 0), in the local calendar of `timeZone`; offset k of an event is its `every` period less
 * the first order's; events after `asOf` are left out, and so are events at a negative offset (a
 * refund before the first order's period); with `every: { days: n }`, offset k is ⌊(instant − first
 * order) ÷ n days⌋. A cell counts the customers active at the offset (an order, or the `activeWhen`
 * rule), their orders, order amounts (gross) and all amounts (net, refunds included).
 *
 * Rows: `cohort` and `offset` (period indices; for `{ days: n }` spans `minBase` and `maxBase` are
 * first-order instants), `bracket` (`NULL`, or with `brackets` a bracket's index on a row of its active
 * customers, `offset` `NULL`), `cohortSize`, `minBase`, `maxBase` (the earliest and latest base of the
 * cohort's first orders), and `customers`, `orders`, `grossMinor`, `netMinor`, `lastActive` (customers
 * last active at the offset, for `'unbounded'` counting) as text (exact integers in any client; money
 * in minor units).
 *
 * With `segmentBy: column` (and `segmentRule`) the rows are the total's cells and every segment's, told
 * apart by `part` (0 the total, 1 the missing value's segment, 2 a value's) and `segment` (the value,
 * `''` for parts 0 and 1): {@link cohortTableFromCells} given the same `segmentBy` returns the
 * `Breakdown` of `Cohort.from(…).segmentBy(column, { segmentRule }).breakdown()`.
 *
 * @param options - table, columns, dialect, `currencyDigits`, and `by`, `every`, `timeZone`, `weekStartsOn`,
 *   `asOf`, `between`, `mode`, `brackets`, `maxOffset`, `activeWhen`, `segmentBy`, `segmentRule`
 * @returns the SQL text and its parameters (`asOf` in epoch ms, the time zone, then the `between`
 *   bounds that are set)
 * @throws {@link InvalidOptionError} for an unknown option, dialect or column key, a missing name, a bad
 *   unit, zone, week start, `currencyDigits`, `between`, mode, brackets, `maxOffset` or `activeWhen`,
 *   a missing or unreadable `asOf`, a `segmentBy` that is not a name, a bad `segmentRule` or one
 *   without `segmentBy`, or `segmentBy` with an `orderId` column
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
 * cohortCells({ table: 'orders', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, asOf: '2024-06-30',
 *   dialect: 'duckdb', segmentBy: 'channel' }).text.includes('"part"'); // => true
 * ```
 */
export function cohortCells(options: SqlCohortOptions & SqlCohortBreakdown): SqlQuery {
  checkOptionKeys(options, COHORT_KEYS);
  const source = resolveSource(options);
  const calendar = resolveCohortCalendar(options);
  const breakdown = breakdownOption(options.segmentBy, options.segmentRule, source.orderId !== null, 'segmentBy');
  const keys = segmentKey(breakdown);
  const params = new Params();
  const asOf = params.add(calendar.asOf, 'bigint');
  const zone = params.add(calendar.timeZone, 'text');
  const { every } = calendar;
  const e = (name: string): Expr => col(name, 'e');
  const a = (name: string): Expr => col(name, 'a');
  const f = (name: string): Expr => col(name, 'f');
  const m = (name: string): Expr => col(name, 'm');
  const isOrder = op(e('minor'), '>=', int(0));
  const base = (firstMs: Expr): Expr => (isFixedSpan(every) ? firstMs : periodExpr(firstMs, zone, every, calendar.weekStartsOn));
  const offset = isFixedSpan(every) ? floorDiv(op(e('ms'), '-', m('base')), every.days * DAY_MS) : op(periodExpr(e('ms'), zone, every, calendar.weekStartsOn), '-', m('base'));
  const firstBounds: Expr[] = [];
  if (calendar.from !== Number.NEGATIVE_INFINITY) firstBounds.push(op(f('firstMs'), '>=', params.add(calendar.from, 'bigint')));
  if (calendar.to !== Number.POSITIVE_INFINITY) firstBounds.push(op(f('firstMs'), '<', params.add(calendar.to, 'bigint')));
  // The offsets and the rule are checked whole numbers: written as literals.
  const cap = calendar.maxOffset === Number.POSITIVE_INFINITY ? null : int(calendar.maxOffset);
  const { minOrders, minGrossMinor } = calendar.rule;
  const meets = and(op(a('orders'), '>=', int(minOrders)), op(a('gross'), '>=', int(minGrossMinor)));
  const reported = cap === null ? op(a('offset'), '>=', int(0)) : and(op(a('offset'), '>=', int(0)), op(a('offset'), '<=', cap));
  const contribution = (values: Partial<Record<Contribution, Expr>>): Select['columns'] => [...keyColumns(keys, 'a'), ...CONTRIBUTIONS.map((as) => ({ as, value: values[as] ?? int(0) }))];
  const parts: Select[] = [
    {
      columns: contribution({ cohort: a('cohort'), offset: a('offset'), bracket: nullValue, customers: when(meets, int(1), int(0)), orders: a('orders'), gross: a('gross'), net: a('net') }),
      from: { name: ['activity'], as: 'a' },
      where: reported,
    },
  ];
  if (calendar.mode === 'unbounded') {
    // Each customer's last active offset (capped at maxOffset): those at or after k are cell k's count.
    const last = max(a('offset'));
    parts.push({
      columns: contribution({ cohort: a('cohort'), offset: cap === null ? last : when(op(last, '>', cap), cap, last), bracket: nullValue, lastActive: int(1) }),
      from: { name: ['activity'], as: 'a' },
      where: and(op(a('offset'), '>=', int(0)), meets),
      groupBy: [...keys.map(a), a('cohort'), a('customer')],
    });
  }
  if (calendar.brackets !== null) {
    // Each customer once per bracket they were active in.
    const bracket = bracketExpr(a('offset'), calendar.brackets);
    parts.push({
      columns: contribution({ cohort: a('cohort'), offset: nullValue, bracket, customers: int(1) }),
      from: { name: ['activity'], as: 'a' },
      where: and(reported, meets, { kind: 'not-null', value: bracket }),
      groupBy: [...keys.map(a), a('cohort'), a('customer'), bracket],
    });
  }
  const p = (name: string): Expr => col(name, 'p');
  const k = (name: string): Expr => col(name, 'k');
  const sqlText = renderQuery(
    {
      with: [
        ...eventsTables(source, params, breakdown),
        {
          // A customer is in the table when their first order is at or before asOf (and within between).
          name: 'firsts',
          select: {
            columns: [{ as: 'customer', value: e('customer') }, ...keyColumns(keys, 'e'), { as: 'firstMs', value: min(e('ms')) }],
            from: { name: ['events'], as: 'e' },
            where: and(isOrder, op(e('ms'), '<=', asOf)),
            groupBy: [e('customer'), ...keys.map(e)],
          },
        },
        {
          name: 'members',
          select: {
            columns: [
              { as: 'customer', value: f('customer') },
              ...keyColumns(keys, 'f'),
              { as: 'cohort', value: periodExpr(f('firstMs'), zone, calendar.by, calendar.weekStartsOn) },
              { as: 'base', value: base(f('firstMs')) },
            ],
            from: { name: ['firsts'], as: 'f' },
            ...(firstBounds.length === 0 ? {} : { where: and(...firstBounds) }),
          },
        },
        {
          // Each member's events up to asOf, by offset: orders, order amounts, all amounts.
          name: 'activity',
          select: {
            columns: [
              ...keyColumns(keys, 'm'),
              { as: 'cohort', value: m('cohort') },
              { as: 'customer', value: e('customer') },
              { as: 'offset', value: offset },
              { as: 'orders', value: countWhere(isOrder) },
              { as: 'gross', value: sumWhere(isOrder, e('minor')) },
              { as: 'net', value: total(e('minor')) },
            ],
            from: { name: ['events'], as: 'e' },
            joins: [{ name: ['members'], as: 'm', on: and(op(e('customer'), '=', m('customer')), ...sameKey(keys, 'e', 'm')) }],
            where: op(e('ms'), '<=', asOf),
            groupBy: [...keys.map(m), m('cohort'), offset, e('customer')],
          },
        },
        { name: 'contributions', select: { unionAll: parts } },
        {
          name: 'cohorts',
          select: {
            columns: [
              ...keyColumns(keys, 'm'),
              { as: 'cohort', value: m('cohort') },
              { as: 'size', value: countAll },
              { as: 'minBase', value: min(m('base')) },
              { as: 'maxBase', value: max(m('base')) },
            ],
            from: { name: ['members'], as: 'm' },
            groupBy: [...keys.map(m), m('cohort')],
          },
        },
      ],
      select: {
        columns: [
          ...keyColumns(keys, 'p'),
          { as: 'cohort', value: p('cohort') },
          { as: 'offset', value: p('offset') },
          { as: 'bracket', value: p('bracket') },
          { as: 'cohortSize', value: k('size') },
          { as: 'minBase', value: exactInt(k('minBase')) },
          { as: 'maxBase', value: exactInt(k('maxBase')) },
          { as: 'customers', value: exactInt(total(p('customers'))) },
          { as: 'orders', value: exactInt(total(p('orders'))) },
          { as: 'grossMinor', value: exactInt(total(p('gross'))) },
          { as: 'netMinor', value: exactInt(total(p('net'))) },
          { as: 'lastActive', value: exactInt(total(p('lastActive'))) },
        ],
        from: { name: ['contributions'], as: 'p' },
        joins: [{ name: ['cohorts'], as: 'k', on: and(op(p('cohort'), '=', k('cohort')), ...sameKey(keys, 'p', 'k')) }],
        groupBy: [...keys.map(p), p('cohort'), p('offset'), p('bracket'), k('size'), k('minBase'), k('maxBase')],
        orderBy: [...keys.map(p), p('cohort'), p('offset'), p('bracket')],
      },
    },
    source.dialect,
  );
  return sqlQuery(sqlText, params, source.dialect);
}

/** The columns of each part of a cell's sums, in the order every part lists them. */
const CONTRIBUTIONS = ['cohort', 'offset', 'bracket', 'customers', 'orders', 'gross', 'net', 'lastActive'] as const;
type Contribution = (typeof CONTRIBUTIONS)[number];

/** The bracket index of an offset, `NULL` outside every bracket. */
function bracketExpr(offset: Expr, brackets: readonly Bracket[]): Expr {
  return brackets.reduceRight<Expr>((otherwise, bracket, index) => {
    const inside = and(op(offset, '>=', int(bracket[0])), op(offset, '<=', int(bracket[bracket.length - 1])));
    return when(inside, int(index), otherwise);
  }, nullValue);
}
