/**
 * `summary`: the query behind `summarize` — the engine reduces the orders to the summary's
 * integer sums — and `summaryFromRows`, which finishes them into a {@link Summary}.
 *
 * @module
 */
import { InvalidInputError } from '../errors.ts';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import type { DateInput } from '../input/types.ts';
import { ratio } from '../metrics/order-totals.ts';
import type { Summary } from '../metrics/summarize.ts';
import { resolveWindow } from '../metrics/window.ts';
import { assertTimeZone } from '../calendar/zone.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type Expr, and, col, countWhere, int, max, min, op, sumWhere, exactInt, total, when } from './expression.ts';
import { firstOrderTables } from './first-orders.ts';
import { renderQuery } from './render.ts';
import { integerField, nullableIntegerField } from './result-values.ts';
import { type QueryResult, type ResultTable, resultTable } from './result-rows.ts';
import { breakdownOfParts, rowParts } from './breakdown-rows.ts';
import type { Breakdown } from '../input/breakdown.ts';
import { BREAKDOWN_KEYS, type SqlBreakdownOptions, breakdownOption, keyColumns, sameKey, segmentKey } from './segment-events.ts';
import { Params, SOURCE_KEYS, type SqlQuery, type SqlSourceOptions, eventsTables, resolveSource, sqlQuery } from './source.ts';

/** Options of {@link summary}: the source and an optional window `[from, to)` (and a breakdown: {@link SqlBreakdownOptions}). */
export interface SqlSummaryOptions extends SqlSourceOptions {
  /** First instant inside the window (inclusive). */
  from?: DateInput;
  /** First instant after the window (exclusive). */
  to?: DateInput;
  /** The zone date-only `from` / `to` are read in (default `'UTC'`), as a ledger's `timeZone`. */
  timeZone?: string;
}

const SUMMARY_KEYS = [...SOURCE_KEYS, ...optionKeys<Omit<SqlSummaryOptions, keyof SqlSourceOptions>>({ from: true, to: true, timeZone: true }), ...BREAKDOWN_KEYS];

/** The fields of the row {@link summary}'s query returns, all integers (as text: exact in any client). */
const FIELDS = ['customers', 'orders', 'zeroValueOrders', 'refunds', 'grossMinor', 'refundMinor', 'repeatMinor', 'repeatCustomers'] as const;

/**
 * The SQL of `summarize` over a table of orders and refunds: one row of integer sums (money in
 * minor units) that {@link summaryFromRows} turns into the `Summary` that `summarize` returns for
 * the same events. The definitions are the library's: an order is a row with amount ≥ 0, a refund one
 * with amount < 0; a customer's first order is their earliest, ties at one instant broken by the
 * largest amount; an order in the window is a repeat order when the customer has an earlier order
 * anywhere (before the window too). The window is half-open, `from ≤ date < to`.
 *
 * With `by: column` (and `segmentRule`) the query breaks the summary down by the column's values, as
 * `summarize(…, { by, segmentRule })`: a row for the total and one per segment, told apart by `part`
 * (0 the total, 1 the missing value's segment, 2 a value's) and `segment` (the value, `''` for parts 0
 * and 1), which {@link summaryFromRows} given the same `by` turns into the `Breakdown`.
 *
 * @param options - table, columns, dialect, `currencyDigits`, and `from`, `to`, `timeZone`, `by`, `segmentRule`
 * @returns the SQL text and its parameters
 * @throws {@link InvalidOptionError} for an unknown option, dialect or column key, a missing name, bad
 *   `currencyDigits`, an unreadable `from` / `to` or `from` after `to`, a `by` that is not a name, a bad
 *   `segmentRule` or one without `by`, or `by` with an `orderId` column
 *
 * @example
 * ```ts
 * import { summary } from 'retention-metrics/sql';
 * const query = summary({
 *   table: 'orders',
 *   columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
 *   dialect: 'postgres',
 *   from: '2024-01-01',
 * });
 * query.params; // => [1704067200000]
 * query.text.includes('"orders" AS "source"'); // => true
 * const split = summary({ table: 'orders', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: 'duckdb', by: 'channel' });
 * split.text.includes('"part"'); // => true
 * ```
 */
export function summary(options: SqlSummaryOptions & SqlBreakdownOptions): SqlQuery {
  checkOptionKeys(options, SUMMARY_KEYS);
  const source = resolveSource(options);
  const window = resolveWindow(options, assertTimeZone(options.timeZone ?? 'UTC'));
  const breakdown = breakdownOption(options.by, options.segmentRule, source.orderId !== null);
  const keys = segmentKey(breakdown);
  const params = new Params();
  const ms = col('ms', 'e');
  const bounds: Expr[] = [];
  const firstBounds: Expr[] = [];
  if (window.from !== Number.NEGATIVE_INFINITY) {
    const from = params.add(window.from, 'bigint');
    bounds.push(op(ms, '>=', from));
    firstBounds.push(op(col('firstMs', 'f'), '>=', from));
  }
  const to = window.to === Number.POSITIVE_INFINITY ? null : params.add(window.to, 'bigint');
  if (to !== null) {
    bounds.push(op(ms, '<', to));
    firstBounds.push(op(col('firstMs', 'f'), '<', to));
  }
  const minor = col('minor', 'e');
  const isOrder = op(minor, '>=', int(0));
  const inside = (...conditions: Expr[]): Expr => and(...bounds, ...conditions);
  const c = (name: string): Expr => col(name, 'c');
  const firstInWindow = firstBounds.length === 0 ? { kind: 'not-null' as const, value: col('firstMs', 'f') } : and(...firstBounds);
  const sqlText = renderQuery(
    {
      with: [
        ...eventsTables(source, params, breakdown),
        // Each customer's first order: the earliest, ties at one instant broken by the largest amount.
        ...firstOrderTables('events', { firsts: 'firsts', orders: 'firstOrders' }, keys),
        {
          // Per customer: the window's counts and sums, and the orders of their history before its end.
          name: 'customers',
          select: {
            columns: [
              { as: 'customer', value: col('customer', 'e') },
              ...keyColumns(keys, 'e'),
              { as: 'orders', value: countWhere(inside(isOrder)) },
              { as: 'zeroValueOrders', value: countWhere(inside(op(minor, '=', int(0)))) },
              { as: 'refunds', value: countWhere(inside(op(minor, '<', int(0)))) },
              { as: 'grossMinor', value: sumWhere(inside(isOrder), minor) },
              { as: 'refundMinor', value: sumWhere(inside(op(minor, '<', int(0))), minor) },
              { as: 'ordersBeforeEnd', value: countWhere(isOrder) },
              { as: 'firstMs', value: min(when(inside(isOrder), ms)) },
              { as: 'lastMs', value: max(when(inside(isOrder), ms)) },
            ],
            from: { name: ['events'], as: 'e' },
            ...(to === null ? {} : { where: op(ms, '<', to) }),
            groupBy: [col('customer', 'e'), ...keys.map((name) => col(name, 'e'))],
          },
        },
      ],
      select: {
        columns: [
          ...keyColumns(keys, 'c'),
          { as: 'customers', value: exactInt(countWhere(op(c('orders'), '>', int(0)))) },
          { as: 'orders', value: exactInt(total(c('orders'))) },
          { as: 'zeroValueOrders', value: exactInt(total(c('zeroValueOrders'))) },
          { as: 'refunds', value: exactInt(total(c('refunds'))) },
          { as: 'grossMinor', value: exactInt(total(c('grossMinor'))) },
          { as: 'refundMinor', value: exactInt(total(c('refundMinor'))) },
          // Repeat revenue: the window's orders less the customer's first order, when that is in the window.
          { as: 'repeatMinor', value: exactInt(sumWhere(op(c('orders'), '>', int(0)), op(c('grossMinor'), '-', when(firstInWindow, col('firstMinor', 'f'), int(0))))) },
          { as: 'repeatCustomers', value: exactInt(countWhere(and(op(c('orders'), '>', int(0)), op(c('ordersBeforeEnd'), '>=', int(2))))) },
          { as: 'firstOrder', value: exactInt(min(c('firstMs'))) },
          { as: 'lastOrder', value: exactInt(max(c('lastMs'))) },
        ],
        from: { name: ['customers'], as: 'c' },
        joins: [{ name: ['firstOrders'], as: 'f', on: and(op(c('customer'), '=', col('customer', 'f')), ...sameKey(keys, 'c', 'f')), left: true }],
        // With a breakdown, a row per part: the total's, and each segment's.
        ...(keys.length === 0 ? {} : { groupBy: keys.map(c) }),
      },
    },
    source.dialect,
  );
  return sqlQuery(sqlText, params, source.dialect);
}

/** Options of {@link summaryFromRows}. */
export interface SummaryFromRowsOptions {
  /** Decimal digits of the currency's minor unit (default 2): the same as the query's. */
  currencyDigits?: number;
}

/**
 * Finish the row of a {@link summary} query into the {@link Summary} that `summarize` returns for the
 * same events: money as `Decimal`, ratios as numbers or `null`.
 *
 * @param result - the query's result (one row) as the client returns it — rows, columns or an Arrow
 *   table — integers as text, numbers or bigints
 * @param options - `currencyDigits`, as given to the query (other options of the query are accepted and ignored)
 * @returns the summary
 * @throws {@link InvalidInputError} for rows that are not one row of the query's integer fields
 * @throws {@link InvalidOptionError} for bad `currencyDigits`
 *
 * @example
 * ```ts
 * import { summaryFromRows } from 'retention-metrics/sql';
 * const s = summaryFromRows([
 *   { customers: '2', orders: '3', zeroValueOrders: '0', refunds: '1', grossMinor: '6000', refundMinor: '-500',
 *     repeatMinor: '1000', repeatCustomers: '1', firstOrder: '1704412800000', lastOrder: '1707091200000' },
 * ]);
 * s.netRevenue.toFixed(2); // => '55.00'
 * s.repeatRevenueShare?.toFixed(4); // => '0.1667'
 * ```
 */
export function summaryFromRows(result: QueryResult, options?: SummaryFromRowsOptions & SqlBreakdownOptions & { by?: undefined }): Summary;
/**
 * Finish the rows of a {@link summary} query with `by` into the `Breakdown` that `summarize(ledger,
 * { by, segmentRule })` returns for the same events: the total's summary and each value's, by value
 * (code-unit order), the missing value last, only values with customers in the window.
 *
 * @param result - the query's result as the client returns it: a row for the total and one per segment
 * @param options - `by` and `segmentRule` (and `currencyDigits`), as given to the query
 * @returns the breakdown
 * @throws {@link InvalidInputError} for rows the query cannot have made: a row without `part`, a
 *   segment's `segment` that is not text, a part given twice, or fields that are not integers
 * @throws {@link InvalidOptionError} for bad `currencyDigits`, `by` or `segmentRule`
 *
 * @example
 * ```ts
 * import { summaryFromRows } from 'retention-metrics/sql';
 * const row = { zeroValueOrders: '0', refunds: '0', refundMinor: '0', repeatMinor: '0', repeatCustomers: '0', firstOrder: '1704412800000', lastOrder: '1704412800000' };
 * const split = summaryFromRows(
 *   [
 *     { ...row, part: 0, segment: '', customers: '2', orders: '2', grossMinor: '5000' },
 *     { ...row, part: 2, segment: 'ads', customers: '1', orders: '1', grossMinor: '2000' },
 *     { ...row, part: 1, segment: '', customers: '1', orders: '1', grossMinor: '3000' },
 *   ],
 *   { by: 'channel' },
 * );
 * split.segments.map((s) => [s.value, s.customers, s.result.grossRevenue.toFixed(2)]); // => [['ads', 1, '20.00'], [null, 1, '30.00']]
 * split.total.customers; // => 2
 * ```
 */
export function summaryFromRows(result: QueryResult, options: SummaryFromRowsOptions & SqlBreakdownOptions & { by: string }): Breakdown<Summary>;
/**
 * {@link summaryFromRows} with options whose `by` is known only when it runs: the summary without
 * `by`, its breakdown with it.
 *
 * @param result - the query's result as the client returns it
 * @param options - `currencyDigits`, and `by` and `segmentRule` where the query had them
 * @returns the summary, or with `by` its breakdown
 * @throws {@link InvalidInputError} for rows the query cannot have made
 * @throws {@link InvalidOptionError} for bad `currencyDigits`, `by` or `segmentRule`
 *
 * @example
 * ```ts
 * import { type SqlBreakdownOptions, summaryFromRows } from 'retention-metrics/sql';
 * const options: SqlBreakdownOptions = {};
 * const rows = [{ customers: '0', orders: '0', zeroValueOrders: '0', refunds: '0', grossMinor: '0', refundMinor: '0', repeatMinor: '0', repeatCustomers: '0', firstOrder: null, lastOrder: null }];
 * 'total' in summaryFromRows(rows, options); // => false
 * ```
 */
export function summaryFromRows(result: QueryResult, options?: SummaryFromRowsOptions & SqlBreakdownOptions): Summary | Breakdown<Summary>;
export function summaryFromRows(result: QueryResult, options?: SummaryFromRowsOptions & SqlBreakdownOptions): Summary | Breakdown<Summary> {
  const digits = assertCurrencyDigits(options?.currencyDigits ?? 2);
  const breakdown = breakdownOption(options?.by, options?.segmentRule, false);
  const rows = resultTable(result);
  if (breakdown === null) return summaryOfRow(rows, digits);
  const parts = rowParts(rows);
  // A table without events in scope has no part at all: the total is the summary of no orders.
  const total = parts.total.length === 0 ? summaryOfRow(resultTable([NO_ORDERS]), digits) : summaryOfRow(parts.total, digits);
  const segments = parts.segments.map(({ value, rows: part }) => {
    const result = summaryOfRow(part, digits);
    return { value, customers: result.customers, result };
  });
  return breakdownOfParts(breakdown, total, segments);
}

/** The row of a summary of no orders. */
const NO_ORDERS = { ...Object.fromEntries(FIELDS.map((field) => [field, 0])), firstOrder: null, lastOrder: null };

/** The summary of one row of the query. */
function summaryOfRow(rows: ResultTable, digits: number): Summary {
  if (rows.length !== 1) {
    throw new InvalidInputError(0, 'record', rows.length === 0 ? [] : rows.row(1), `the summary query returns one row per part; got ${rows.length}`, 'rows');
  }
  const [customers, orders, zeroValueOrders, refunds, grossMinor, refundMinor, repeatMinor, repeatCustomers] = FIELDS.map((field) => integerField(rows, 0, field));
  const firstOrder = nullableIntegerField(rows, 0, 'firstOrder');
  const lastOrder = nullableIntegerField(rows, 0, 'lastOrder');
  return {
    customers,
    orders,
    zeroValueOrders,
    refunds,
    refundAmount: fromMinorUnits(refundMinor, digits),
    grossRevenue: fromMinorUnits(grossMinor, digits),
    netRevenue: fromMinorUnits(grossMinor + refundMinor, digits),
    averageOrderValue: minorPer(grossMinor, orders, digits),
    purchaseFrequency: ratio(orders, customers),
    repeatCustomers,
    repeatCustomerRate: ratio(repeatCustomers, customers),
    repeatRevenue: fromMinorUnits(repeatMinor, digits),
    repeatRevenueShare: ratio(repeatMinor, grossMinor),
    firstOrder: firstOrder === null ? null : new Date(firstOrder),
    lastOrder: lastOrder === null ? null : new Date(lastOrder),
  };
}
