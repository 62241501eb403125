/**
 * `customerTotals`: the query behind a customer state — the engine reduces the orders to one row of
 * totals per customer — and `customerStateFromRows`, which turns those rows into the `CustomerState`
 * that `rfm`, `dormancy` and `historicalClv` read as they read a ledger.
 *
 * @module
 */
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidInputError, describeValue } from '../errors.ts';
import type { CustomerState } from '../input/customer-state-type.ts';
import { StateColumns, makeCustomerState } from '../input/customer-state.ts';
import { dateOption } from '../input/dates.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import type { CustomerId, DateInput } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type Expr, col, countWhere, int, max, min, op, sumWhere, exactInt, total, when } from './expression.ts';
import { renderQuery } from './render.ts';
import { customerIdField, integerField, nullableIntegerField } from './result-values.ts';
import { type QueryResult, resultTable } from './result-rows.ts';
import { Params, SOURCE_KEYS, type SqlQuery, sqlQuery, type SqlSourceOptions, eventsTables, resolveSource } from './source.ts';

/** The instant and calendar of a customer state: what the query and its finisher share. */
export interface SqlStateCalendar {
  /** Events after this instant are left out (default: none; the state is then as of the last event). */
  asOf?: DateInput;
  /** The zone of the state's calendar, and of a date-only `asOf` (default `'UTC'`), as a ledger's `timeZone`. */
  timeZone?: string;
}

/** Options of {@link customerTotals}: the source, `asOf` and `timeZone`. */
export interface SqlCustomerTotalsOptions extends SqlSourceOptions, SqlStateCalendar {}

/** Options of {@link customerStateFromRows}: the query's `asOf`, `timeZone` and `currencyDigits`. */
export interface CustomerStateFromRowsOptions extends SqlStateCalendar {
  /** Decimal digits of the currency's minor unit (default 2): the same as the query's. */
  currencyDigits?: number;
}

const CALENDAR_KEYS = optionKeys<SqlStateCalendar>({ asOf: true, timeZone: true });
const TOTALS_KEYS = [...SOURCE_KEYS, ...CALENDAR_KEYS];

/**
 * The SQL of a customer state: one row per customer with an event at or before `asOf`, holding the
 * instants (epoch ms) of their first and last event and of their first and last order, their orders,
 * and the sums of their order amounts and of all their amounts in minor units — every integer as text.
 * {@link customerStateFromRows} turns the rows into the `CustomerState` the in-process
 * `customerState` gives for the same events. Each row is a `GROUP BY` of one customer's events, so
 * on a table sharded by customer every row is computed where that customer's events are.
 *
 * @param options - table, columns, dialect, `currencyDigits`, and `asOf`, `timeZone`
 * @returns the SQL text and its parameters (`asOf` in epoch ms, when given)
 * @throws {@link InvalidOptionError} for an unknown option, dialect or column key, a missing name, bad
 *   `currencyDigits`, an unknown zone or an unreadable `asOf`
 *
 * @example
 * ```ts
 * import { customerTotals } from 'retention-metrics/sql';
 * const query = customerTotals({
 *   table: 'orders',
 *   columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
 *   dialect: 'duckdb',
 *   asOf: '2024-07-01',
 *   timeZone: 'Europe/Berlin',
 * });
 * query.params; // => [1719784800000]
 * query.text.includes('GROUP BY "e"."customer"'); // => true
 * ```
 */
export function customerTotals(options: SqlCustomerTotalsOptions): SqlQuery {
  checkOptionKeys(options, TOTALS_KEYS);
  const source = resolveSource(options);
  const asOf = asOfOption(options);
  const params = new Params();
  const e = (name: string): Expr => col(name, 'e');
  const isOrder = op(e('minor'), '>=', int(0));
  const sqlText = renderQuery(
    {
      with: eventsTables(source, params),
      select: {
        columns: [
          { as: 'customer', value: e('customer') },
          { as: 'firstEvent', value: exactInt(min(e('ms'))) },
          { as: 'lastEvent', value: exactInt(max(e('ms'))) },
          { as: 'firstOrder', value: exactInt(min(when(isOrder, e('ms')))) },
          { as: 'lastOrder', value: exactInt(max(when(isOrder, e('ms')))) },
          { as: 'orders', value: exactInt(countWhere(isOrder)) },
          { as: 'grossMinor', value: exactInt(sumWhere(isOrder, e('minor'))) },
          { as: 'netMinor', value: exactInt(total(e('minor'))) },
        ],
        from: { name: ['events'], as: 'e' },
        ...(asOf === null ? {} : { where: op(e('ms'), '<=', params.add(asOf, 'bigint')) }),
        groupBy: [e('customer')],
      },
    },
    source.dialect,
  );
  return sqlQuery(sqlText, params, source.dialect);
}

/**
 * Finish the rows of a {@link customerTotals} query into a `CustomerState`: the rows put in a ledger's
 * account order (first event, then id), as of `asOf` (default: the latest event of the rows). Ids are
 * strings or numbers; a `bigint` id within ±(2^53 − 1) is read as a number, as a ledger reads one.
 * For a table queried shard by shard, finish each shard's rows and merge the states with
 * `mergeCustomerStates`.
 *
 * @param result - the query's result as the client returns it — rows, columns or an Arrow table —
 *   integers as text, numbers or bigints
 * @param options - `asOf`, `timeZone` and `currencyDigits`, as given to the query (other options of
 *   the query are accepted and ignored)
 * @returns the state
 * @throws {@link InvalidInputError} for a row the query cannot have made: a missing or non-integer
 *   field, an id that is not a string or an integer, an id twice, orders without a first order (or the
 *   reverse), or an event after `asOf`
 * @throws {@link InvalidOptionError} for bad `currencyDigits`, an unknown zone or an unreadable `asOf`
 *
 * @example
 * ```ts
 * import { rfm } from 'retention-metrics';
 * import { customerStateFromRows } from 'retention-metrics/sql';
 * const state = customerStateFromRows(
 *   [
 *     { customer: 'bob', firstEvent: '1711929600000', lastEvent: '1711929600000', firstOrder: '1711929600000',
 *       lastOrder: '1711929600000', orders: '1', grossMinor: '2500', netMinor: '2500' },
 *     { customer: 'ann', firstEvent: '1709251200000', lastEvent: '1714521600000', firstOrder: '1709251200000',
 *       lastOrder: '1709251200000', orders: '1', grossMinor: '4000', netMinor: '3500' },
 *   ],
 *   { asOf: '2024-06-30' },
 * );
 * state.ids; // => ['ann', 'bob']
 * rfm(state).customers.map((c) => c.recency); // => [121, 90]
 * ```
 */
export function customerStateFromRows(result: QueryResult, options?: CustomerStateFromRowsOptions): CustomerState {
  const { currencyDigits, ...calendar } = checkOptionKeys(options ?? {}, [...SOURCE_KEYS, ...CALENDAR_KEYS]) as CustomerStateFromRowsOptions;
  const digits = assertCurrencyDigits(currencyDigits ?? 2);
  const timeZone = assertTimeZone(calendar.timeZone ?? 'UTC');
  const asOf = asOfOption(calendar);
  const rows = resultTable(result);
  const columns = new StateColumns(rows.length);
  const ids: CustomerId[] = new Array<CustomerId>(rows.length);
  const seen = new Set<CustomerId>();
  let lastEvent: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    const id = customerIdField(rows, i, 'customer');
    if (seen.has(id)) throw new InvalidInputError(i, 'customerId', id, `${describeValue(id)} has a row already; give each shard's rows to customerStateFromRows apart and merge the states`, 'rows');
    seen.add(id);
    ids[i] = id;
    const last = integerField(rows, i, 'lastEvent');
    if (asOf !== null && last > asOf) throw new InvalidInputError(i, 'record', rows.row(i), `an event at ${last} ms is after asOf; give the query's asOf`, 'rows');
    lastEvent = lastEvent === null ? last : Math.max(lastEvent, last);
    const firstOrder = nullableIntegerField(rows, i, 'firstOrder');
    const lastOrder = nullableIntegerField(rows, i, 'lastOrder');
    const orders = integerField(rows, i, 'orders');
    if ((firstOrder === null) !== (orders === 0) || (lastOrder === null) !== (orders === 0) || orders < 0) {
      throw new InvalidInputError(i, 'record', rows.row(i), `orders ${orders} do not match the first and last order; was the row made by the emitted query?`, 'rows');
    }
    columns.set(i, {
      firstEvent: integerField(rows, i, 'firstEvent'),
      firstOrder: firstOrder ?? Number.NaN,
      lastOrder: lastOrder ?? Number.NaN,
      orders,
      grossMinor: integerField(rows, i, 'grossMinor'),
      netMinor: integerField(rows, i, 'netMinor'),
    });
  }
  return makeCustomerState({ asOf: asOf ?? lastEvent, timeZone, currencyDigits: digits, ids }, columns);
}

/** The `asOf` option in epoch ms, or `null` without one. */
function asOfOption(options: SqlStateCalendar): number | null {
  if (options.asOf === undefined) return null;
  return dateOption('asOf', options.asOf, assertTimeZone(options.timeZone ?? 'UTC'));
}
