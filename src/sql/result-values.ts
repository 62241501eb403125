/**
 * Reading what an engine's client hands over: integers as numbers, bigints or decimal text (as the
 * emitted queries return their sums), checked to be exact in JavaScript.
 *
 * @module
 * @internal
 */
import { InvalidInputError, describeValue } from '../errors.ts';
import { withoutBigint } from '../input/field-hints.ts';
import type { CustomerId } from '../input/types.ts';
import { ABSENT, type ResultTable } from './result-rows.ts';

/** A result row as a client returns it. */
export type ResultRow = Readonly<Record<string, unknown>>;

/**
 * @internal An integer field of a result row, exact as a number.
 *
 * @param rows - the rows (for the error's position)
 * @param index - the row's position
 * @param field - the field's name
 * @returns the integer
 * @throws {@link InvalidInputError} for a missing field, a non-integer or one beyond ±(2^53 − 1)
 */
export function integerField(rows: ResultTable, index: number, field: string): number {
  const value = nullableIntegerField(rows, index, field);
  if (value === null) throw new InvalidInputError(index, 'record', null, `${field} is missing (null); was the row made by the emitted query?`, 'rows');
  return value;
}

/**
 * @internal An integer field of a result row that may be `NULL`.
 *
 * @param rows - the rows
 * @param index - the row's position
 * @param field - the field's name
 * @returns the integer, or `null` for `NULL`
 * @throws {@link InvalidInputError} for an absent field, a non-integer or one beyond ±(2^53 − 1)
 */
export function nullableIntegerField(rows: ResultTable, index: number, field: string): number | null {
  const value = rows.value(index, field);
  if (value === ABSENT) throw new InvalidInputError(index, 'record', rows.row(index), `has no field ${field}; was the row made by the emitted query?`, 'rows');
  if (value === null) return null;
  const n = exactInteger(value);
  if (n !== null) return n;
  throw new InvalidInputError(index, 'record', value, `${field}: ${describeValue(value)} is not an integer within ±(2^53 − 1)`, 'rows');
}

/**
 * @internal A customer id field of a result row: a string, or an integer within ±(2^53 − 1) (a `bigint`
 * is read as a number, as a ledger reads one).
 *
 * @param rows - the rows
 * @param index - the row's position
 * @param field - the field's name
 * @returns the id
 * @throws {@link InvalidInputError} for a row that is not an object, or an id of another kind
 */
export function customerIdField(rows: ResultTable, index: number, field: string): CustomerId {
  const value = rows.value(index, field);
  if (value === ABSENT) throw new InvalidInputError(index, 'record', rows.row(index), `has no field ${field}; was the row made by the emitted query?`, 'rows');
  const id = withoutBigint(value);
  if (typeof id === 'string') return id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  throw new InvalidInputError(index, 'customerId', value, `${describeValue(value)} is not an id: give a string or an integer within ±(2^53 − 1)`, 'rows');
}

/** A number, bigint or decimal text that is an integer within ±(2^53 − 1), as a number; else `null`. */
function exactInteger(value: unknown): number | null {
  const n = withoutBigint(value);
  if (typeof n === 'number') return Number.isSafeInteger(n) ? n : null;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) return null;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : null;
}
