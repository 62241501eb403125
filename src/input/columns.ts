/**
 * `ledger.fromColumns(columns)`: build a {@link Ledger} from columns (arrays or typed arrays), the
 * shape DuckDB, Arrow and Parquet readers hand over, without touching a row object.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { buildLedger } from './build.ts';
import { Problems } from './staged-events.ts';
import { numericColumn } from './bigint-columns.ts';
import { CurrencyCheck } from './currency.ts';
import { MAX_DATE_MS, MIN_DATE_MS, explainDate, toEpochMs } from './dates.ts';
import { DenseIdTable } from './dense-ids.ts';
import { EventStaging } from './event-staging.ts';
import { stageTypedColumns } from './typed-column-staging.ts';
import { explainBigint, explainIdValue, withoutBigint } from './field-hints.ts';
import { IdNumbering, isCustomerId } from './ids.ts';
import { explainAmount } from './amount-messages.ts';
import { MAX_EXACT_MINOR, toMinorUnits } from './money.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions, resolveLedgerOptions } from './options.ts';
import type { CustomerId, Ledger } from './types.ts';
import { type AttributeColumnInput, EventAttributes } from './event-attributes.ts';
import { type CustomerRow, readCustomerTable } from './customer-table.ts';
import { type ArrowTableLike, isArrowTable } from './arrow-vector.ts';
import { type TableFields, readArrowTable } from './arrow-table.ts';
import type { ResolvedLedgerOptions } from './options.ts';

/** A column: a plain array or a typed array. */
export type Column<T> = ArrayLike<T>;

/** The columns of `ledger.fromColumns`; all of the same length. */
export interface LedgerColumns {
  /**
   * Customer ids: strings or numbers (a typed array of integers is fastest); `bigint`s (a
   * `BigInt64Array`) within ±(2^53 − 1) are read as numbers.
   */
  customerId: Column<CustomerId | bigint>;
  /**
   * Instants: numeric dates (epoch milliseconds unless `timeUnit` says otherwise; a `Float64Array` is
   * fastest, a `BigInt64Array` of microseconds takes `timeUnit: 'us'`), or `Date`s / ISO strings.
   */
  date: Column<number | bigint | Date | string>;
  /** Amounts: integer minor units (default; numbers or `bigint`s), or major units with `amountUnit: 'major'`. */
  amount: Column<number | bigint | string | Decimal>;
  /** Optional order ids (`null`/`undefined` where a record has none). */
  orderId?: Column<string | number | bigint | null | undefined>;
  /** Optional ISO 4217 currency codes (`null`/`undefined` where a record has none); a ledger holds one currency. */
  currency?: Column<string | null | undefined>;
  /**
   * Optional attribute columns by name: strings (`null` / `undefined` where an entry has none), or
   * `{ codes, values }` — codes into a dictionary, as Arrow's dictionary columns and DuckDB's `ENUM`s
   * hand them over (a code of −1, `null` or `undefined` is missing).
   */
  attributes?: Readonly<Record<string, AttributeColumnInput>>;
}

const COLUMN_KEYS = optionKeys<LedgerColumns>({ customerId: true, date: true, amount: true, orderId: true, currency: true, attributes: true });

/** Options of `ledger.fromColumns`. */
export interface ColumnOptions extends LedgerBaseOptions {
  /**
   * `'minor'` (default): amounts are integer minor units (`1999` for 19.99).
   * `'major'`: amounts are major units read like record amounts (`19.99`, `"19.99"`, `Decimal`).
   */
  amountUnit?: 'minor' | 'major';
  /** A table of customer attributes, joined by id, as for `ledger(records)`. */
  customers?: Iterable<CustomerRow>;
}

const COLUMN_OPTION_KEYS = [...LEDGER_BASE_KEYS, ...optionKeys<Pick<ColumnOptions, 'amountUnit' | 'customers'>>({ amountUnit: true, customers: true })];

/** Options of `ledger.fromColumns` with an Arrow table: where its columns are, as for `ledger(records)`. */
export interface TableOptions extends ColumnOptions {
  /**
   * The table's column of each field, by the library's field names; a field not named is read from
   * the column of its own name (`orderId` and `currency` only when the table has one).
   */
  fields?: TableFields;
  /** Attributes to keep per event, by name: the table's column of each (strings or a dictionary of strings). */
  attributes?: Readonly<Record<string, string>>;
}

const TABLE_OPTION_KEYS = [...COLUMN_OPTION_KEYS, ...optionKeys<Pick<TableOptions, 'fields' | 'attributes'>>({ fields: true, attributes: true })];

/** The length of a column: an array, a typed array, or an object with a whole, non-negative `length`. */
function columnLength(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (ArrayBuffer.isView(value)) return value instanceof DataView ? undefined : (value as unknown as ArrayLike<unknown>).length;
  if (typeof value !== 'object' || value === null) return undefined;
  const length = (value as { length?: unknown }).length;
  return typeof length === 'number' && Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

function checkColumn(name: string, value: unknown, length: number | undefined): number {
  const n = columnLength(value);
  if (n === undefined) {
    throw new InvalidOptionError(`columns.${name}`, value, `${describeValue(value)} is not a column (use an array, a typed array or an array-like object with a length of 0 or more)`);
  }
  if (length !== undefined && n !== length) {
    throw new InvalidOptionError(`columns.${name}`, value, `has ${n} entries but customerId has ${length}`);
  }
  if (n > MAX_COLUMN_LENGTH) {
    throw new InvalidOptionError(`columns.${name}`, value, `has ${n} entries, more than the ${MAX_COLUMN_LENGTH} a ledger holds`);
  }
  // The ledger's memory is allocated for `length` entries before any is read: an array-like object
  // must show its last entry, so that a `length` alone cannot claim gigabytes.
  if (n > 0 && !Array.isArray(value) && !ArrayBuffer.isView(value) && !(n - 1 in (value as object))) {
    throw new InvalidOptionError(`columns.${name}`, value, `claims a length of ${n} but has no entry ${n - 1}`);
  }
  return n;
}

/** Most entries a column may have: event positions are 32-bit. */
const MAX_COLUMN_LENGTH = 2 ** 32 - 1;

/** The options of `ledger.fromColumns` for its input: {@link TableOptions} for an Arrow table, else {@link ColumnOptions}. */
export type FromColumnsOptions<I> = I extends ArrowTableLike ? TableOptions : ColumnOptions;

/**
 * Build a {@link Ledger} from columns — the fast path for data that already sits in columns
 * (typed arrays from DuckDB, Arrow or Parquet readers) — or from an Apache Arrow `Table`. The result
 * equals `ledger(records)` on the same data.
 *
 * Columns: amounts are integer minor units unless `amountUnit: 'major'`.
 *
 * An Arrow `Table` is read through its public surface (the library does not depend on
 * `apache-arrow`); `fields` and `attributes` name its columns, as for records. Each column is read by
 * its Arrow type: a `Timestamp` in its own unit, a `Date` as the calendar day it names (that day's
 * start in `timeZone`, as for `"2024-03-01"`), integer amounts as minor units, float and string
 * amounts as major units (`amountUnit` overrides either), a `Decimal` by its scale — exactly, or an
 * error naming the entry when it is no whole number of minor units (unless `rounding` is set) — and
 * dictionary columns by their codes and dictionary.
 *
 * @param input - columns: `customerId`, `date`, `amount` and optionally `orderId`, `currency` and
 *   `attributes` (by name: strings, or `{ codes, values }`), all of one length; or an Arrow `Table`
 *   (anything with `getChild(name)` returning Arrow vectors)
 * @param options - `amountUnit`, `customers`, `timeZone`, `currencyDigits`, `rounding`, `onInvalid`;
 *   for a table also `fields` (its column of each field) and `attributes` (its column of each)
 * @returns a frozen ledger
 * @throws {@link InvalidOptionError} when a column is not an array or typed array, or lengths differ;
 *   when a table lacks a named column or a column's type holds no such field
 * @throws {@link InvalidInputError} for the first unusable entry (`index` = its position in the columns,
 *   its row in a table, whose column the message names), e.g. a null id, date or amount in a table
 *
 * @example
 * ```ts
 * import { ledger } from 'retention-metrics';
 * const book = ledger.fromColumns({
 *   customerId: new Uint32Array([1, 2, 1]),
 *   date: new Float64Array([Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 6), Date.UTC(2024, 1, 1)]),
 *   amount: new Float64Array([1999, 500, -250]),
 * });
 * book.customerCount; // => 2
 * book.refundCount; // => 1
 * ```
 *
 * @example
 * ```ts
 * import { tableFromArrays } from 'apache-arrow';
 * import { ledger } from 'retention-metrics';
 * const orders = tableFromArrays({
 *   customer_id: new Int32Array([1, 2, 1]),
 *   created_at: new Float64Array([Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 6), Date.UTC(2024, 1, 1)]),
 *   total: new Float64Array([19.99, 5, -2.5]),
 *   channel: ['web', 'store', 'web'],
 * });
 * const book = ledger.fromColumns(orders, {
 *   fields: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
 *   attributes: { channel: 'channel' },
 * });
 * Array.from(book.minor); // => [1999, -250, 500]
 * book.attributes.channel.values; // => [null, 'web', 'store']
 * ```
 */
export function fromColumns<I extends LedgerColumns | ArrowTableLike>(input: I, givenOptions?: FromColumnsOptions<I>): Ledger {
  // One signature, its options chosen by the input's type: a misspelt option or a wrong column type
  // is reported against the one shape it belongs to, not as "no overload matches".
  const options = givenOptions as ColumnOptions | TableOptions | undefined;
  if (isArrowTable(input)) {
    checkOptionKeys(options, TABLE_OPTION_KEYS);
    const resolved = resolveLedgerOptions(options);
    const tableOptions = options as TableOptions | undefined;
    const amountUnit = tableOptions?.amountUnit === undefined ? undefined : checkAmountUnit(tableOptions.amountUnit);
    const read = readArrowTable(input, { ...tableOptions, amountUnit, timeUnit: tableOptions?.timeUnit === undefined ? undefined : resolved.timeUnit }, resolved);
    const { amountUnit: unit, timeUnit, problems, ...columns } = read;
    return readColumns(columns as LedgerColumns, { ...resolved, timeUnit }, unit, options?.customers, problems);
  }
  checkOptionKeys(options, COLUMN_OPTION_KEYS);
  const resolved = resolveLedgerOptions(options);
  const unit = checkAmountUnit(options?.amountUnit ?? 'minor');
  return readColumns(input as LedgerColumns, resolved, unit, options?.customers, new Problems(resolved.skip, 'columns'));
}

function checkAmountUnit(unit: unknown): 'minor' | 'major' {
  if (unit !== 'minor' && unit !== 'major') {
    throw new InvalidOptionError('amountUnit', unit, `must be 'minor' or 'major'`);
  }
  return unit;
}

/** The columnar reader behind both forms of {@link fromColumns}: options resolved, the unit of amounts known. */
function readColumns(columns: LedgerColumns, resolved: ResolvedLedgerOptions, unit: 'minor' | 'major', customerRows: Iterable<CustomerRow> | undefined, problems: Problems): Ledger {
  if (typeof columns !== 'object' || columns === null) {
    throw new InvalidOptionError('columns', columns, 'must be an object of columns { customerId, date, amount }');
  }
  checkOptionKeys(columns, COLUMN_KEYS, 'columns.');
  const n = checkColumn('customerId', columns.customerId, undefined);
  checkColumn('date', columns.date, n);
  checkColumn('amount', columns.amount, n);
  if (columns.orderId !== undefined) checkColumn('orderId', columns.orderId, n);
  if (columns.currency !== undefined) checkColumn('currency', columns.currency, n);
  const { timeZone, currencyDigits, rounding, timeUnit } = resolved;
  // Whole-number columns of bigints (BIGINT and TIMESTAMP columns) and of other time units are read
  // as numbers first, where every entry converts exactly; the entries that do not are left as they
  // are, for the pass below to report.
  const idColumn = numericColumn(columns.customerId, withoutBigint);
  const dateColumn = numericColumn(columns.date, (v) => toEpochMs(v, timeZone, timeUnit), timeUnit !== 'ms');
  // Dates converted above are milliseconds now; the others are read in the option's unit.
  const dateUnit = dateColumn === columns.date ? timeUnit : 'ms';
  const amountColumn = unit === 'minor' ? numericColumn(columns.amount, withoutBigint) : columns.amount;
  const orderColumn = columns.orderId;
  const currencyColumn = columns.currency;
  const currency = new CurrencyCheck(resolved.currency);
  const attributes = EventAttributes.forColumns(columns.attributes, n);
  const customers = { table: customerRows === undefined ? null : readCustomerTable(customerRows) };
  if (unit === 'minor' && dateUnit === 'ms' && orderColumn === undefined && currencyColumn === undefined && attributes === null) {
    const staged = stageTypedColumns(idColumn, dateColumn, amountColumn, n);
    if (staged !== null) return buildLedger(staged, { ...resolved, currency: currency.currency }, problems, n, customers);
  }
  // A typed column of integers in a narrow range is numbered through a table indexed by the id.
  const numbering = DenseIdTable.forColumn(idColumn, n) ?? new IdNumbering(n);
  const staging = new EventStaging(n, numbering, problems, currency, attributes);
  const minorUnits = unit === 'minor';
  for (let i = 0; i < n; i++) {
    const id = withoutBigint(idColumn[i]);
    if (!isCustomerId(id)) {
      problems.report(i, 'customerId', columns.customerId[i], explainIdValue(columns.customerId[i]));
      continue;
    }
    const dateValue = dateColumn[i];
    const ms = typeof dateValue === 'number' && dateValue >= MIN_DATE_MS && dateValue <= MAX_DATE_MS && dateUnit === 'ms' ? dateValue : toEpochMs(dateValue, timeZone, dateUnit);
    if (Number.isNaN(ms)) {
      problems.report(i, 'date', columns.date[i], explainDate(columns.date[i], timeUnit));
      continue;
    }
    const amountValue = amountColumn[i];
    const cents = minorUnits ? exactMinorUnits(amountValue) : toMinorUnits(amountValue, currencyDigits, rounding);
    if (Number.isNaN(cents)) {
      const given = columns.amount[i];
      problems.report(i, 'amount', given, minorUnits ? explainMinor(given) : explainAmount(given, currencyDigits, rounding));
      continue;
    }
    if (!staging.fitsExactTotal(i, cents, columns.amount[i])) continue;
    const orderId = orderColumn === undefined ? undefined : staging.orderIdOf(i, orderColumn[i]);
    if (orderId === null) continue;
    if (currencyColumn !== undefined && !staging.currencyMatches(i, currencyColumn[i])) continue;
    if (!staging.attributesRead(i, columns)) continue;
    staging.add(i, id, ms, cents, orderId);
  }
  return buildLedger(staging.finish(), { ...resolved, currency: currency.currency }, problems, n, customers);
}

/** An amount of minor units as given: an integer within the exact range (a `bigint` read as the number it equals), else `NaN`. */
function exactMinorUnits(value: unknown): number {
  const amount = withoutBigint(value);
  if (typeof amount !== 'number' || !Number.isInteger(amount) || Math.abs(amount) > MAX_EXACT_MINOR || Object.is(amount, -0)) return Number.NaN;
  return amount;
}

function explainMinor(value: unknown): string {
  if (typeof value === 'bigint') return explainBigint(value, 'amounts');
  if (Object.is(value, -0)) return 'is a negative zero: neither an order nor a refund (use 0 for a zero-value order, or leave the entry out)';
  if (typeof value === 'number' && Number.isInteger(value)) {
    return `${value} is beyond ${MAX_EXACT_MINOR} minor units, out of exact range`;
  }
  return `${describeValue(value)} is not an integer number of minor units (pass amountUnit: 'major' for amounts like 19.99)`;
}
