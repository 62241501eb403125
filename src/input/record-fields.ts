/**
 * The field map of `ledger(records, { fields })`: how each field of a record is read, and what to say
 * when a record lacks one.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { explainMissing } from './field-hints.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { TransactionRecord } from './types.ts';

/** How to read one field of a record: a property name, or a function of the record and its index. */
export type FieldReader<R> = (keyof R & string) | ((record: R, index: number) => unknown);

/**
 * Where the fields of a record are. Missing entries default to the library's own names
 * (`customerId`, `date`, `amount`, `orderId`, `currency`).
 */
export interface FieldMap<R = TransactionRecord> {
  customerId?: FieldReader<R>;
  date?: FieldReader<R>;
  amount?: FieldReader<R>;
  orderId?: FieldReader<R>;
  currency?: FieldReader<R>;
}

/** The fields a record has, by the library's names. */
export type RecordField = keyof FieldMap;

const FIELD_KEYS = optionKeys<FieldMap>({ customerId: true, date: true, amount: true, orderId: true, currency: true });

type Getter = (record: object, index: number) => unknown;

/** One field's reader, and the property it reads (`undefined` for a function). */
export interface FieldAccess {
  readonly read: Getter;
  readonly column: string | undefined;
  readonly mapped: boolean;
}

/** @internal The readers of every field, from a checked field map. */
export type FieldAccessors = Readonly<Record<RecordField, FieldAccess>>;

/**
 * @internal The readers of a field map's fields (the library's names where it has none).
 * @throws {@link InvalidOptionError} for an unknown key or an entry that is neither a name nor a function
 */
export function fieldAccessors<R>(fields: FieldMap<R> | undefined): FieldAccessors {
  const map = checkOptionKeys(fields, FIELD_KEYS, 'fields.') as FieldMap<R>;
  return {
    customerId: access(map.customerId, 'customerId'),
    date: access(map.date, 'date'),
    amount: access(map.amount, 'amount'),
    orderId: access(map.orderId, 'orderId'),
    currency: access(map.currency, 'currency'),
  };
}

function access<R>(spec: FieldReader<R> | undefined, name: RecordField): FieldAccess {
  const field = spec ?? name;
  if (typeof field === 'function') return { read: field as Getter, column: undefined, mapped: true };
  if (typeof field !== 'string') {
    throw new InvalidOptionError(`fields.${name}`, field, 'must be a property name or a function (record, index) => value');
  }
  return { read: propertyReader(field), column: field, mapped: spec !== undefined };
}

/** A reader of one property: the library's own names by a fixed property name, any other by a computed one. */
function propertyReader(field: string): Getter {
  switch (field) {
    case 'customerId':
      return (record) => (record as { customerId?: unknown }).customerId;
    case 'date':
      return (record) => (record as { date?: unknown }).date;
    case 'amount':
      return (record) => (record as { amount?: unknown }).amount;
    case 'orderId':
      return (record) => (record as { orderId?: unknown }).orderId;
    case 'currency':
      return (record) => (record as { currency?: unknown }).currency;
    default:
      return (record) => (record as Record<string, unknown>)[field];
  }
}

/**
 * @internal Why a field's value was refused: for a missing value read by property name, which property
 * the record lacks and which of its keys was probably meant; otherwise `explain(value)`.
 */
export function explainField(record: object, name: RecordField, fields: FieldAccessors, value: unknown, explain: (value: unknown) => string): string {
  const { column, mapped } = fields[name];
  if ((value === undefined || value === null) && column !== undefined) return explainMissing(record, name, column, mapped, value);
  return explain(value);
}
