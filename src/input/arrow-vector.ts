/**
 * The public surface of an Apache Arrow vector that `ledger.fromColumns` reads, described by its shape
 * (the library does not depend on the `apache-arrow` package): its type, its length, its entries, and
 * for a dictionary vector the codes and dictionary of each chunk.
 *
 * @module
 */

import { InvalidOptionError } from '../errors.ts';

/** The type of an Arrow vector, as far as the ledger reads it. */
export interface ArrowTypeLike {
  /** Arrow's type id (`Type.Int`, `Type.Timestamp`, …; −1 for a dictionary). */
  readonly typeId: number;
  /** Timestamps: `TimeUnit` (0 seconds … 3 nanoseconds); dates: `DateUnit` (0 days, 1 milliseconds). */
  readonly unit?: number;
  /** Decimals: digits after the point. */
  readonly scale?: number;
  /** Decimals: bits per value (32, 64, 128 or 256). */
  readonly bitWidth?: number;
  /** Floats: `Precision` (0 half, 1 single, 2 double). */
  readonly precision?: number;
  /** Dictionaries: the type of the dictionary's values. */
  readonly dictionary?: { readonly typeId: number };
  /** The type's name (`Timestamp<MICROSECOND>`), for messages. */
  toString(): string;
}

/** One chunk of an Arrow vector: for a dictionary vector, its codes and its dictionary. */
export interface ArrowDataLike {
  /** The chunk's number of entries. */
  readonly length: number;
  /** The chunk's values; for a dictionary chunk its codes (from the chunk's first entry on). */
  readonly values?: ArrayLike<number | bigint>;
  /** A dictionary chunk's dictionary. */
  readonly dictionary?: { toArray(): ArrayLike<unknown>; readonly length: number } | null | undefined;
}

/** An Arrow vector (a table's column), as far as the ledger reads it. */
export interface ArrowVectorLike {
  /** The number of entries. */
  readonly length: number;
  /** The column's type. */
  readonly type: ArrowTypeLike;
  /** How many entries are null. */
  readonly nullCount: number;
  /** Entry `index` as a JavaScript value; `null` for a null entry. */
  get(index: number): unknown;
  /** The entries in one array (a typed array for fixed-width types; a null entry's slot holds 0). */
  toArray(): ArrayLike<unknown>;
  /** The vector's chunks. */
  readonly data?: readonly ArrowDataLike[];
}

/** An Arrow table (`Table` of `apache-arrow`), as far as the ledger reads it: columns by name. */
export interface ArrowTableLike {
  /** The column of that name, or `null` when there is none. */
  getChild(name: string): ArrowVectorLike | null;
  /** The table's schema: the names of its columns (for messages). */
  readonly schema?: { readonly fields: readonly { readonly name: string }[] };
}

/** @internal Arrow's type ids (the `Type` enum of `apache-arrow`) the ledger reads. */
export const ArrowType = {
  Dictionary: -1,
  Null: 1,
  Int: 2,
  Float: 3,
  Utf8: 5,
  Decimal: 7,
  Date: 8,
  Timestamp: 10,
  LargeUtf8: 20,
} as const;

/**
 * @internal Whether a value is an Arrow table (by shape: an object with a `getChild` method).
 *
 * @param value - anything
 * @returns `true` for an object with a `getChild` function
 */
export function isArrowTable(value: unknown): value is ArrowTableLike {
  return typeof value === 'object' && value !== null && typeof (value as { getChild?: unknown }).getChild === 'function';
}

/**
 * @internal A vector's entries as an array the column reader takes, with `null` at every null entry
 * (`toArray` leaves a 0 there in typed arrays). Without nulls the array `toArray` returns.
 *
 * @param vector - the vector
 * @param raw - its entries as `toArray` gives them (read once by the caller)
 * @returns the entries, nulls as `null`
 * @throws {@link InvalidOptionError} when `raw` does not have an entry per row
 */
export function withNulls(vector: ArrowVectorLike, raw: ArrayLike<unknown>): ArrayLike<unknown> {
  if (raw.length !== vector.length) throw new InvalidOptionError('table', String(vector.type), `an Arrow ${String(vector.type)} column gave ${raw.length} entries for its ${vector.length} rows: a version of apache-arrow whose arrays the ledger cannot read`);
  if (vector.nullCount === 0) return raw;
  const out = new Array<unknown>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector.get(i) === null ? null : raw[i];
  return out;
}

/**
 * @internal The codes and dictionary of a dictionary vector, as the ledger's `{ codes, values }`
 * attribute form: chunks with one shared dictionary keep their codes; chunks with dictionaries of
 * their own get codes into the concatenation of those dictionaries (a value listed twice is one
 * value of the ledger). A null entry has code −1. `null` when the chunks do not show their codes.
 *
 * @param vector - a dictionary vector
 * @returns the codes and values, or `null`
 */
export function dictionaryColumn(vector: ArrowVectorLike): { codes: Int32Array; values: (string | null)[] } | null {
  const chunks = vector.data;
  if (chunks === undefined) return null;
  const codes = new Int32Array(vector.length);
  const values: (string | null)[] = [];
  let seen: ArrowDataLike['dictionary'] = undefined;
  let base = 0;
  let at = 0;
  for (const chunk of chunks) {
    const { dictionary, values: chunkCodes } = chunk;
    if (dictionary === null || dictionary === undefined || chunkCodes === undefined || chunkCodes.length < chunk.length) return null;
    if (dictionary !== seen) {
      base = values.length;
      for (const value of Array.from(dictionary.toArray())) values.push(typeof value === 'string' ? value : null);
      seen = dictionary;
    }
    for (let k = 0; k < chunk.length; k++) codes[at + k] = base + Number(chunkCodes[k]);
    at += chunk.length;
  }
  if (at !== vector.length) return null;
  if (vector.nullCount > 0) for (let i = 0; i < codes.length; i++) if (vector.get(i) === null) codes[i] = -1;
  return { codes, values };
}
