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
import { type Expr, type Select, type SqlType, and, col } from './expression.ts';

/** The columns of the input table that a query reads. */
export interface SqlColumns {
  /** The customer id column (any type the engine can compare and group by). */
  customerId: string;
  /** The instant of each order or refund: `TIMESTAMPTZ` (a `TIMESTAMP` without zone is read as UTC). */
  date: string;
  /** The amount in major units (`DECIMAL` / `NUMERIC`, or an integer type): ≥ 0 an order, < 0 a refund. */
  amount: string;
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
}

/** A query to run with your own client: SQL text with positional parameters `$1`, `$2`, … and their values. */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly (number | string)[];
}

/** @internal The keys of {@link SqlSourceOptions}. */
export const SOURCE_KEYS = optionKeys<SqlSourceOptions>({ table: true, columns: true, dialect: true, currencyDigits: true });
const COLUMN_KEYS = optionKeys<SqlColumns>({ customerId: true, date: true, amount: true });

/** @internal {@link SqlSourceOptions}, checked. */
export interface ResolvedSource {
  /** The table name's dotted parts. */
  readonly table: readonly string[];
  readonly columns: Readonly<SqlColumns>;
  readonly dialect: Dialect;
  readonly digits: number;
}

/**
 * @internal Check the source options.
 *
 * @param options - the options (their keys are checked by the caller)
 * @returns the resolved source
 * @throws {@link InvalidOptionError} for options that are not an object, a missing or empty name, an unknown column key or
 *   dialect, or bad `currencyDigits`
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
  return { table, columns, dialect: dialectOption(options.dialect), digits: assertCurrencyDigits(options.currencyDigits ?? 2) };
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
    return { kind: 'param', index: this.values.length, type };
  }
}

/**
 * @internal The input table's rows as events `(customer, ms, minor)`: epoch ms and integer minor units,
 * in the engine's own types. Rows with a `NULL` customer, date or amount are left out.
 *
 * @param source - the resolved source
 * @returns the select of the `events` common table expression
 */
export function eventsSelect(source: ResolvedSource): Select {
  const { customerId, date, amount } = source.columns;
  const column = (name: string): Expr => col(name, 'source');
  return {
    columns: [
      { as: 'customer', value: column(customerId) },
      { as: 'ms', value: { kind: 'epoch-ms', value: column(date) } },
      { as: 'minor', value: { kind: 'minor-units', value: column(amount), digits: source.digits } },
    ],
    from: { name: source.table, as: 'source' },
    where: and(...[customerId, date, amount].map((name): Expr => ({ kind: 'not-null', value: column(name) }))),
  };
}
