/**
 * Whole-number columns as DuckDB and Arrow hand them over — `BigInt64Array`s of BIGINT ids, amounts in
 * minor units, and TIMESTAMP instants — and numeric dates in another unit than milliseconds, read into
 * a `Float64Array` once, so that the ledger's fast path takes them.
 *
 * @module
 * @internal
 */

/**
 * @internal `column` converted entry by entry into a `Float64Array`, when it is a `BigInt64Array` or
 * `BigUint64Array` (or, with `numbersToo`, any typed array) and every entry converts (`convert` gives no
 * `NaN`); otherwise `column` itself, for the caller to read entry by entry and report what does not
 * convert.
 *
 * @param column - the caller's column
 * @param convert - an entry to the number the ledger keeps, `NaN` when it cannot
 * @param numbersToo - convert typed arrays of numbers as well (numeric dates in another unit)
 */
export function numericColumn(column: ArrayLike<unknown>, convert: (value: bigint | number) => number, numbersToo = false): ArrayLike<unknown> {
  const wide = column instanceof BigInt64Array || column instanceof BigUint64Array;
  if (!wide && !(numbersToo && ArrayBuffer.isView(column))) return column;
  const values = column as ArrayLike<bigint | number>;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = convert(values[i]);
    if (Number.isNaN(value)) return column;
    out[i] = value;
  }
  return out;
}
