/**
 * Checking the column objects the models read (summaries of `x`, `tx`, `T`…): that they are objects,
 * that each column is an array-like of a possible length, that the lengths agree, and that no key is a
 * near miss of a column the object lacks (`weights` for `weight`), which would otherwise be ignored.
 *
 * @module
 */
import { InvalidInputError, describeValue } from '../errors.ts';
import { closestName } from '../closest-name.ts';
import { MAX_ROWS } from './limits.ts';

/** How a caller reports a problem: the column (`''` for the object itself), the value, the reason. */
export type ColumnFailure = (column: string, value: unknown, reason: string) => never;

/** The column names of a summary shape. */
export interface ColumnNames {
  /** Columns that must be present. */
  readonly required: readonly string[];
  /** Columns that may be absent (or `undefined`). */
  readonly optional: readonly string[];
  /** Other known keys that are not columns (e.g. `unitDays`), checked by the caller. */
  readonly scalars?: readonly string[];
}

/**
 * Check a summary object and its columns and return the common length.
 *
 * Other keys are allowed (an `RfmSummary` has many), except one that is a near miss of an absent
 * column: `{ x, tx, T, weights }` would otherwise fit without weights.
 *
 * @param summary - what the caller passed
 * @param names - required and optional columns
 * @param fail - throws the caller's error type
 * @returns the number of rows
 * @throws whatever `fail` throws: for a non-object summary, a missing or non-array-like column, a
 *   length that is not an integer in [0, 2³² − 1], columns of different lengths, or a near-miss key
 * @internal
 */
export function columnsLength(summary: unknown, names: ColumnNames, fail: ColumnFailure): number {
  if (typeof summary !== 'object' || summary === null || Array.isArray(summary)) {
    return fail('', summary, `${describeValue(summary)} is not an object of columns ${[...names.required, ...names.optional].join(', ')}`);
  }
  const columns = summary as Readonly<Record<string, unknown>>;
  refuseNearMisses(columns, [...names.required, ...names.optional, ...(names.scalars ?? [])], fail);
  let length: number | undefined;
  let first = '';
  for (const name of [...names.required, ...names.optional]) {
    const column = columns[name];
    if (column === undefined) {
      if (names.optional.includes(name)) continue;
      fail(name, column, 'is missing');
    }
    const n = columnLength(column, name, fail);
    if (length === undefined) {
      length = n;
      first = name;
    } else if (n !== length) {
      fail(name, n, `columns must have the same length: ${name} has ${n} rows, ${first} has ${length}`);
    }
  }
  return length ?? 0;
}

/**
 * Refuse a key of `object` that is not in `known` but is a near miss of a known key the object lacks
 * (`weights` for `weight`, `zBar` for `zbar`); other unknown keys are allowed.
 *
 * @param object - the object
 * @param known - the keys the reader uses
 * @param fail - throws the caller's error type
 * @throws whatever `fail` throws
 * @internal
 */
export function refuseNearMisses(object: object, known: readonly string[], fail: ColumnFailure): void {
  const values = object as Readonly<Record<string, unknown>>;
  const absent = known.filter((name) => values[name] === undefined);
  if (absent.length === 0) return;
  for (const key of Object.keys(values)) {
    if (known.includes(key)) continue;
    const near = closestName(key, absent);
    if (near !== undefined) fail(key, values[key], `unknown key (did you mean \`${near}\`?)`);
  }
}

/** The length of one column, checked. */
function columnLength(column: unknown, name: string, fail: ColumnFailure): number {
  if (typeof column !== 'object' || column === null) return fail(name, column, `${describeValue(column)} is not an array of numbers`);
  const n = (column as { length?: unknown }).length;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_ROWS) {
    return fail(name, n, `its length ${describeValue(n)} is not a whole number of rows in [0, ${MAX_ROWS}]`);
  }
  return n;
}

/**
 * A column entry for a message: numbers as written, anything else described with its type, so a
 * Symbol or a bigint never breaks the message itself.
 *
 * @param value - the entry
 * @returns its description
 * @internal
 */
export function describeEntry(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'bigint') return `${value}n (a bigint)`;
  return describeValue(value);
}

/**
 * A {@link ColumnFailure} that throws an `InvalidInputError` about the columns of `source`.
 *
 * @param source - how the summary is named in messages
 * @returns the failure
 * @internal
 */
export function inputFailure(source: string): ColumnFailure {
  return (column, value, reason) => {
    throw new InvalidInputError(0, 'record', value, column === '' ? reason : `${column}: ${reason}`, source);
  };
}
