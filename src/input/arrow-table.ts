/**
 * An Apache Arrow table as the input of `ledger.fromColumns`: each column is read by its Arrow type —
 * timestamps in their own unit, dates as calendar days, decimals by their scale, dictionary columns
 * as codes and values — into the columns the columnar reader takes.
 *
 * @module
 */
import { civilFromDays } from '../calendar/days.ts';
import { DAY_MS } from '../calendar/offset.ts';
import { InvalidOptionError, type InputField, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { decimalAmounts } from './arrow-decimal.ts';
import { type ArrowTableLike, ArrowType, type ArrowVectorLike, dictionaryColumn, withNulls } from './arrow-vector.ts';
import type { EpochUnit } from './epoch-unit.ts';
import type { AttributeColumnInput } from './event-attributes.ts';
import { Problems } from './staged-events.ts';

/** Where each field is in an Arrow table: column names, by default the library's own field names. */
export interface TableFields {
  /** The column of customer ids (default `'customerId'`). */
  customerId?: string;
  /** The column of instants (default `'date'`). */
  date?: string;
  /** The column of amounts (default `'amount'`). */
  amount?: string;
  /** The column of order ids (default `'orderId'`, read when the table has it). */
  orderId?: string;
  /** The column of ISO 4217 currency codes (default `'currency'`, read when the table has it). */
  currency?: string;
}

const FIELD_KEYS = optionKeys<TableFields>({ customerId: true, date: true, amount: true, orderId: true, currency: true });

/** The fields read from a table, in the library's names. */
type TableField = keyof TableFields;

/** What {@link readArrowTable} makes of a table: plain columns, and the units its types say. */
export interface TableColumns {
  readonly customerId: ArrayLike<unknown>;
  readonly date: ArrayLike<unknown>;
  readonly amount: ArrayLike<unknown>;
  readonly orderId?: ArrayLike<unknown>;
  readonly currency?: ArrayLike<unknown>;
  readonly attributes?: Readonly<Record<string, AttributeColumnInput>>;
  /** The unit of the amounts as read. */
  readonly amountUnit: 'minor' | 'major';
  /** The unit of numeric dates as read. */
  readonly timeUnit: EpochUnit;
  /** The problems collector, naming the table's column of each field. */
  readonly problems: Problems;
}

/** What the table reader needs of the options. */
export interface TableReadOptions {
  readonly fields?: TableFields | undefined;
  readonly attributes?: Readonly<Record<string, string>> | undefined;
  readonly amountUnit?: 'minor' | 'major' | undefined;
  readonly timeUnit?: EpochUnit | undefined;
}

const TIME_UNITS: readonly EpochUnit[] = ['s', 'ms', 'us', 'ns'];

/** Collects problems of a table's entries: each reason ends with the name of the table's column. */
class TableProblems extends Problems {
  constructor(
    skip: boolean,
    private readonly columns: ReadonlyMap<string, string>,
  ) {
    super(skip, 'table');
  }

  override report(index: number, field: InputField, value: unknown, reason: string): void {
    const column = this.columns.get(field);
    super.report(index, field, value, column === undefined ? reason : `${reason} (table column ${JSON.stringify(column)})`);
  }
}

/**
 * @internal Read an Arrow table into the columns of `ledger.fromColumns`.
 *
 * @param table - the table
 * @param options - `fields`, `attributes`, `amountUnit`, `timeUnit`
 * @param context - the ledger's currency digits, and whether to skip bad entries
 * @returns the columns, their units and the problems collector
 * @throws {@link InvalidOptionError} when a named column is missing or of a type the field cannot hold
 */
export function readArrowTable(table: ArrowTableLike, options: TableReadOptions | undefined, context: { currencyDigits: number; skip: boolean }): TableColumns {
  const fields = options?.fields ?? {};
  if (typeof fields !== 'object' || fields === null) throw new InvalidOptionError('fields', fields, 'must be an object of column names');
  checkOptionKeys(fields, FIELD_KEYS, 'fields.');
  const names = new Map<string, string>();
  // The column of a field: the one named in `fields`, else the one of the field's own name, if any.
  const child = (field: TableField): ArrowVectorLike | undefined => {
    const given = fields[field];
    if (given !== undefined && typeof given !== 'string') throw new InvalidOptionError(`fields.${field}`, given, 'must be the name of a column of the table');
    const vector = table.getChild(given ?? field);
    if (vector === null || vector === undefined) {
      if (given === undefined) return undefined;
      throw missingColumn(table, field, given);
    }
    names.set(field, given ?? field);
    return vector;
  };
  const ids = child('customerId') ?? throwing(missingColumn(table, 'customerId', 'customerId'));
  const dates = child('date') ?? throwing(missingColumn(table, 'date', 'date'));
  const amounts = child('amount') ?? throwing(missingColumn(table, 'amount', 'amount'));
  const orderIds = child('orderId');
  const currencies = child('currency');
  const { column: date, unit: timeUnit } = readDates(dates, options?.timeUnit);
  const { column: amount, unit: amountUnit } = readAmounts(amounts, options?.amountUnit, context.currencyDigits);
  const attributes = readAttributes(table, options?.attributes, names);
  return {
    customerId: withNulls(ids, ids.toArray()),
    date,
    amount,
    ...(orderIds === undefined ? {} : { orderId: withNulls(orderIds, orderIds.toArray()) }),
    ...(currencies === undefined ? {} : { currency: withNulls(currencies, currencies.toArray()) }),
    ...(attributes === undefined ? {} : { attributes }),
    amountUnit,
    timeUnit,
    problems: new TableProblems(context.skip, names),
  };
}

/** The error of a field whose column the table lacks. */
function missingColumn(table: ArrowTableLike, field: TableField, name: string): InvalidOptionError {
  return new InvalidOptionError(`fields.${field}`, name, `the table has no column ${JSON.stringify(name)}${columnList(table)}`);
}

function throwing(error: Error): never {
  throw error;
}

/** `" (its columns: a, b)"` when the table lists its columns, else `""`. */
function columnList(table: ArrowTableLike): string {
  const fields = table.schema?.fields;
  return fields === undefined ? '' : ` (its columns: ${fields.map((f) => JSON.stringify(f.name)).join(', ')})`;
}

/**
 * Instants by the column's type: a `Timestamp` in its own unit (the `timeUnit` option, when given, must
 * agree); a `Date` as the calendar day it names, that day's start in the ledger's time zone (as a
 * date-only string is read); numbers in the `timeUnit` option's unit; strings as ISO-8601.
 */
function readDates(vector: ArrowVectorLike, timeUnit: EpochUnit | undefined): { column: ArrayLike<unknown>; unit: EpochUnit } {
  const { type } = vector;
  if (type.typeId === ArrowType.Timestamp) {
    const unit = TIME_UNITS[type.unit ?? 1] ?? 'ms';
    if (timeUnit !== undefined && timeUnit !== unit) {
      throw new InvalidOptionError('timeUnit', timeUnit, `the date column is an Arrow ${String(type)}, in '${unit}': its type gives the unit (leave timeUnit out)`);
    }
    return { column: withNulls(vector, vector.toArray()), unit };
  }
  if (type.typeId === ArrowType.Date) {
    // An entry is the epoch ms of the day's UTC start (a `Date` in some versions of apache-arrow); the
    // day is what a Date column names, written as a date-only string that the column reader reads in
    // the ledger's time zone.
    const days = new Array<string | null>(vector.length);
    for (let i = 0; i < vector.length; i++) {
      const value = vector.get(i);
      const ms = value instanceof Date ? value.getTime() : value;
      days[i] = typeof ms === 'number' && Number.isFinite(ms) ? isoDay(Math.floor(ms / DAY_MS)) : null;
    }
    return { column: days, unit: timeUnit ?? 'ms' };
  }
  if (type.typeId === ArrowType.Int || type.typeId === ArrowType.Float || type.typeId === ArrowType.Utf8 || type.typeId === ArrowType.LargeUtf8 || type.typeId === ArrowType.Dictionary) {
    return { column: withNulls(vector, numbersOf(vector)), unit: timeUnit ?? 'ms' };
  }
  throw new InvalidOptionError('fields.date', String(type), `an Arrow ${String(type)} column holds no dates (use a Timestamp, Date, integer or string column)`);
}

/** `YYYY-MM-DD` of a day since 1970-01-01 (a string the column reader checks for range). */
function isoDay(days: number): string | null {
  if (!Number.isSafeInteger(days) || Math.abs(days) > 100_000_000) return null;
  const { year, month, day } = civilFromDays(days);
  if (year < 0 || year > 9999) return `${year}-${month}-${day}`;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Amounts by the column's type: integers in minor units, floats and strings in major units (the
 * `amountUnit` option overrides either), decimals by their scale (exact, or reported).
 */
function readAmounts(vector: ArrowVectorLike, amountUnit: 'minor' | 'major' | undefined, digits: number): { column: ArrayLike<unknown>; unit: 'minor' | 'major' } {
  const { type } = vector;
  switch (type.typeId) {
    case ArrowType.Int:
      return { column: withNulls(vector, vector.toArray()), unit: amountUnit ?? 'minor' };
    case ArrowType.Float:
      return { column: withNulls(vector, numbersOf(vector)), unit: amountUnit ?? 'major' };
    case ArrowType.Utf8:
    case ArrowType.LargeUtf8:
    case ArrowType.Dictionary:
      return { column: withNulls(vector, vector.toArray()), unit: amountUnit ?? 'major' };
    case ArrowType.Decimal:
      if (amountUnit === 'minor') {
        throw new InvalidOptionError('amountUnit', amountUnit, `the amount column is an Arrow ${String(type)}: its scale gives the unit (leave amountUnit out)`);
      }
      return decimalAmounts(vector, digits);
    default:
      throw new InvalidOptionError('fields.amount', String(type), `an Arrow ${String(type)} column holds no amounts (use an integer, float, decimal or string column)`);
  }
}

/** The entries of a vector; a half-precision float column, whose array holds raw bits, entry by entry. */
function numbersOf(vector: ArrowVectorLike): ArrayLike<unknown> {
  if (vector.type.typeId === ArrowType.Float && vector.type.precision === 0) return Array.from({ length: vector.length }, (_, i) => vector.get(i));
  return vector.toArray();
}

/** The attribute columns: string columns as strings, dictionary columns as their codes and values. */
function readAttributes(table: ArrowTableLike, attributes: Readonly<Record<string, string>> | undefined, names: Map<string, string>): Record<string, AttributeColumnInput> | undefined {
  if (attributes === undefined) return undefined;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    throw new InvalidOptionError('attributes', attributes, `${describeValue(attributes)} is not an object of column names by attribute name`);
  }
  const out: Record<string, AttributeColumnInput> = Object.create(null) as Record<string, AttributeColumnInput>;
  for (const [name, column] of Object.entries(attributes)) {
    if (typeof column !== 'string') throw new InvalidOptionError(`attributes.${name}`, column, 'must be the name of a column of the table');
    const vector = table.getChild(column);
    if (vector === null || vector === undefined) throw new InvalidOptionError(`attributes.${name}`, column, `the table has no column ${JSON.stringify(column)}${columnList(table)}`);
    names.set(`attributes.${name}`, column);
    const { type } = vector;
    if (type.typeId === ArrowType.Dictionary && (type.dictionary?.typeId === ArrowType.Utf8 || type.dictionary?.typeId === ArrowType.LargeUtf8)) {
      out[name] = dictionaryColumn(vector) ?? (withNulls(vector, vector.toArray()) as ArrayLike<string | null>);
    } else if (type.typeId === ArrowType.Utf8 || type.typeId === ArrowType.LargeUtf8 || type.typeId === ArrowType.Null) {
      out[name] = withNulls(vector, vector.toArray()) as ArrayLike<string | null>;
    } else {
      throw new InvalidOptionError(`attributes.${name}`, String(type), `an Arrow ${String(type)} column is no attribute (use a string column or a dictionary of strings)`);
    }
  }
  return out;
}
