/**
 * The input table of an emitted query and the options every query shares: which table, which
 * columns, which dialect, the currency's digits; and the first step of every query, the table's rows
 * as events (customer, epoch ms, minor units).
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type Dialect, type DialectName, dialectOption } from './dialect.ts';
import { type Expr, type Select, type SqlType, type TableExpression, and, col, int, min, op, sum } from './expression.ts';
import { type ResolvedWhere, type SqlWhere, whereCondition, whereOption } from './where.ts';
import { customerWhereTables } from './customer-where.ts';
import { type ResolvedBreakdown, segmentEventsTables } from './segment-events.ts';

/** The columns of the input table that a query reads. */
export interface SqlColumns {
  /** The customer id column (any type the engine can compare and group by). */
  customerId: string;
  /**
   * The instant of each order or refund: `TIMESTAMPTZ` (a `TIMESTAMP` without zone is read as UTC); for
   * ClickHouse a `DateTime` (whole seconds).
   */
  date: string;
  /** The amount in major units (`DECIMAL` / `NUMERIC`, or an integer type): ≥ 0 an order, < 0 a refund. */
  amount: string;
  /**
   * The order id column, for a table of order lines (optional): a customer's lines with amount ≥ 0 that
   * share an order id are one order — amounts summed, at the earliest line's instant — as in a ledger.
   * A refund line stays a refund of its own; a line without an order id is an order of its own.
   */
  orderId?: string;
}

/** Where the orders are and how to write the SQL: the options every query of `retention-metrics/sql` takes. */
export interface SqlSourceOptions {
  /** The table (or view) of orders and refunds, one row per event: a name, or `schema.name`. */
  table: string;
  /** Its columns. */
  columns: SqlColumns;
  /** The engine the SQL is written for. */
  dialect: DialectName;
  /** Decimal digits of the currency's minor unit (default 2), as in the ledger options. */
  currencyDigits?: number;
  /**
   * Keep the rows whose value in each named column is one of those listed (`null` keeps `NULL`s), as
   * the in-process `where` keeps the orders of attribute values: `{ channel: ['email', 'ads'] }`. Every
   * report then answers for those orders alone. Not with an `orderId` column (order lines).
   */
  where?: SqlWhere;
  /**
   * Keep the customers whose value on their first order, in each named column, is one of those listed
   * (`null` keeps a missing value), with all their orders: `{ channel: ['email'] }` is the segment
   * `'email'` of the in-process breakdown `by: 'channel'` (the customer rule). After `where`, when both
   * are given. Not with an `orderId` column (order lines).
   */
  customerWhere?: SqlWhere;
}

/**
 * A query to run with your own client: SQL text with positional parameters `$1`, `$2`, … and their
 * values. For ClickHouse (no server-side parameters) the values are written into the text and `params`
 * is empty.
 */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly (number | string)[];
}

/** @internal The keys of {@link SqlSourceOptions}. */
export const SOURCE_KEYS = optionKeys<SqlSourceOptions>({ table: true, columns: true, dialect: true, currencyDigits: true, where: true, customerWhere: true });
const COLUMN_KEYS = optionKeys<SqlColumns>({ customerId: true, date: true, amount: true, orderId: true });

/** @internal {@link SqlSourceOptions}, checked. */
export interface ResolvedSource {
  /** The table name's dotted parts. */
  readonly table: readonly string[];
  readonly columns: Readonly<Required<Omit<SqlColumns, 'orderId'>>>;
  /** The order id column, or `null` when every row is an event of its own. */
  readonly orderId: string | null;
  readonly dialect: Dialect;
  readonly digits: number;
  /** The rows kept: a filter per column (empty: every row). */
  readonly where: ResolvedWhere;
  /** The customers kept, by the values on their first order (empty: every customer). */
  readonly customerWhere: ResolvedWhere;
}

/**
 * @internal Check the source options.
 *
 * @param options - the options (their keys are checked by the caller)
 * @returns the resolved source
 * @throws {@link InvalidOptionError} for options that are not an object, a missing or empty name, an unknown column key or
 *   dialect, bad `currencyDigits`, or a bad `where` or `customerWhere` (or one with an order id column)
 */
export function resolveSource(options: SqlSourceOptions): ResolvedSource {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', options, 'must be an object { table, columns, dialect, … }');
  const table = nameOption('table', options.table).split('.');
  if (table.some((part) => part === '')) throw new InvalidOptionError('table', options.table, `${describeValue(options.table)} has an empty part`);
  if (typeof options.columns !== 'object' || options.columns === null) {
    throw new InvalidOptionError('columns', options.columns, 'must be an object { customerId, date, amount } of column names');
  }
  checkOptionKeys(options.columns, COLUMN_KEYS, 'columns.');
  const columns = {
    customerId: nameOption('columns.customerId', options.columns.customerId),
    date: nameOption('columns.date', options.columns.date),
    amount: nameOption('columns.amount', options.columns.amount),
  };
  const orderId = options.columns.orderId === undefined ? null : nameOption('columns.orderId', options.columns.orderId);
  return {
    table,
    columns,
    orderId,
    dialect: dialectOption(options.dialect),
    digits: assertCurrencyDigits(options.currencyDigits ?? 2),
    where: whereOption(options.where, orderId !== null),
    customerWhere: whereOption(options.customerWhere, orderId !== null, 'customerWhere'),
  };
}

function nameOption(option: string, value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new InvalidOptionError(option, value, `${describeValue(value)} is not a name; give a non-empty string`);
}

/**
 * @internal The parameters of a query being built: each value added becomes `$n`.
 */
export class Params {
  readonly values: (number | string)[] = [];

  /**
   * @param value - the value
   * @param type - its SQL type
   * @returns the parameter's expression
   */
  add(value: number | string, type: SqlType): Expr {
    this.values.push(value);
    return { kind: 'param', index: this.values.length, type, value };
  }
}

/**
 * @internal The finished query: its text and the values of its `$n`; none when the dialect writes the
 * values into the text (a dialect with {@link Dialect.writesValues}).
 *
 * @param text - the rendered SQL
 * @param params - the parameters the query was built with
 * @param dialect - the dialect it was rendered in
 * @returns the query, frozen
 */
export function sqlQuery(text: string, params: Params, dialect: Dialect): SqlQuery {
  return Object.freeze({ text, params: Object.freeze(dialect.writesValues === true ? [] : params.values) });
}

/**
 * @internal The input table's rows as events `(customer, ms, minor)`: epoch ms and integer minor units,
 * in the engine's own types, the common table expression `events`. Rows with a `NULL` customer, date
 * or amount are left out, and so are those the `where` filter does not keep, and the customers the
 * `customerWhere` filter does not keep (see customer-where.ts). With an order id column,
 * the rows are read as `lines` first, and the lines of one order merge into one event. With a
 * breakdown, `events` holds the total's events and every segment's, told apart by the columns `part`
 * and `segment` (see segment-events.ts): the rows are filtered first, then broken down.
 *
 * @param source - the resolved source
 * @param params - the query's parameters (the filter's values are added)
 * @param breakdown - the breakdown, or `null` (default) without one; never with an order id column
 * @returns the common table expressions, `events` last
 */
export function eventsTables(source: ResolvedSource, params: Params, breakdown: ResolvedBreakdown | null = null): TableExpression[] {
  if (breakdown === null) return scopeTables(source, params, 'events', null);
  return [...scopeTables(source, params, 'scopeEvents', breakdown.column), ...segmentEventsTables('scopeEvents', breakdown)];
}

/** The events in scope as the table expression `name`, with the column `byValue` of column `by` when it is not `null`. */
function scopeTables(source: ResolvedSource, params: Params, name: string, by: string | null): TableExpression[] {
  const { customerId, date, amount } = source.columns;
  const column = (name: string): Expr => col(name, 'source');
  const rows: Select = {
    columns: [
      { as: 'customer', value: column(customerId) },
      { as: 'ms', value: { kind: 'epoch-ms', value: column(date) } },
      { as: 'minor', value: { kind: 'minor-units', value: column(amount), digits: source.digits } },
      ...(source.orderId === null ? [] : [{ as: 'orderId', value: column(source.orderId) }]),
      ...source.customerWhere.map(({ column: filtered }, i) => ({ as: `v${i}`, value: column(filtered) })),
      ...(by === null ? [] : [{ as: 'byValue', value: column(by) }]),
    ],
    from: { name: source.table, as: 'source' },
    where: and(...[customerId, date, amount].map((name): Expr => ({ kind: 'not-null', value: column(name) })), ...nonNull(whereCondition(source.where, column, params))),
  };
  if (source.customerWhere.length > 0) return customerWhereTables(source, rows, params, name, by === null ? [] : ['byValue']);
  if (source.orderId === null) return [{ name, select: rows }];
  const line = (name: string): Expr => col(name, 'l');
  // The lines of one order: one event at the earliest line's instant, their amounts summed.
  const merged: Select = {
    columns: [
      { as: 'customer', value: line('customer') },
      { as: 'ms', value: min(line('ms')) },
      { as: 'minor', value: sum(line('minor')) },
    ],
    from: { name: ['lines'], as: 'l' },
    where: and({ kind: 'not-null', value: line('orderId') }, op(line('minor'), '>=', int(0))),
    groupBy: [line('customer'), line('orderId')],
  };
  // Refunds, and lines without an order id, are events of their own.
  const single: Select = {
    columns: [
      { as: 'customer', value: line('customer') },
      { as: 'ms', value: line('ms') },
      { as: 'minor', value: line('minor') },
    ],
    from: { name: ['lines'], as: 'l' },
    where: op({ kind: 'is-null', value: line('orderId') }, 'OR', op(line('minor'), '<', int(0))),
  };
  return [
    { name: 'lines', select: rows },
    { name, select: { unionAll: [merged, single] } },
  ];
}

/** The condition as a list: none, or the one. */
function nonNull(condition: Expr | null): Expr[] {
  return condition === null ? [] : [condition];
}
