/**
 * The DuckDB dialect.
 *
 * - Instants: `epoch_ms(column)` of a `TIMESTAMPTZ` (a `TIMESTAMP` is read as UTC). Back from epoch ms,
 *   `TIMESTAMPTZ 'epoch' + to_milliseconds(ms)` is exact integer arithmetic and independent of the
 *   session's `TimeZone` setting (a cast from `TIMESTAMP` to `TIMESTAMPTZ` would read the session zone).
 * - Local day: `timezone(zone, timestamptz)` gives the wall-clock `TIMESTAMP` in the IANA zone (the
 *   ICU extension, which DuckDB's builds ship), and its `DATE` is the local day.
 * - Money: `round(amount · 10^digits)` as `BIGINT`; `sum` of `BIGINT` is a `HUGEINT`, exact. Integer
 *   results are handed over as `BIGINT` (a sum beyond it is an overflow error in the engine, never a
 *   rounded value): DuckDB's clients read a `BIGINT` exactly (a `bigint` in JavaScript, an `int64` in
 *   Arrow), and far faster than text.
 * - Integer `/` is a `DOUBLE` in DuckDB: an exact quotient is written `//`.
 *
 * @module
 * @internal
 */
import type { Dialect } from './dialect.ts';

/** @internal The DuckDB dialect. */
export const duckdb: Dialect = {
  name: 'duckdb',
  param: (index, type) => `CAST($${index} AS ${type === 'bigint' ? 'BIGINT' : 'VARCHAR'})`,
  exactDiv: (left, right) => `(${left} // ${right})`,
  exactInt: (value) => `CAST(${value} AS BIGINT)`,
  epochMs: (column) => `epoch_ms(${column})`,
  minorUnits: (amount, digits) => `CAST(round(${amount} * ${10 ** digits}) AS BIGINT)`,
  localDate: (ms, zone) => `CAST(timezone(${zone}, TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_milliseconds(${ms})) AS DATE)`,
  dayNumber: (date) => `(${date} - DATE '1970-01-01')`,
  datePart: (part, date) => `${part}(${date})`,
  toDouble: (value) => `CAST(${value} AS DOUBLE)`,
  truncToInt: (value) => `CAST(trunc(${value}) AS BIGINT)`,
};
