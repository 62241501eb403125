/**
 * The PostgreSQL dialect.
 *
 * - Instants: `extract(epoch FROM column)` is a `numeric` (exact, to the microsecond) of a
 *   `timestamptz` (a `timestamp` is read as UTC); times 1000, floored, as `bigint`. Back from epoch ms,
 *   `timestamptz 'epoch' + ms · interval '1 millisecond'` is exact and independent of the session's
 *   `TimeZone`.
 * - Local day: `timezone(zone, timestamptz)` (the same as `AT TIME ZONE zone`) gives the wall-clock
 *   `timestamp` in the IANA zone, and its `date` is the local day.
 * - Money: `round(amount · 10^digits)` as `bigint`; `sum` of `bigint` is a `numeric`, exact. Results are
 *   handed over as `text`, so no client rounds them through a double.
 *
 * @module
 * @internal
 */
import type { Dialect } from './dialect.ts';

/** @internal The PostgreSQL dialect. */
export const postgres: Dialect = {
  name: 'postgres',
  param: (index, type) => `CAST($${index} AS ${type})`,
  exactDiv: (left, right) => `(${left} / ${right})`,
  exactInt: (value) => `CAST(${value} AS text)`,
  // A database's collation may order text by language; "C" orders it by byte (code point).
  byteOrder: (value) => `(${value} COLLATE "C")`,
  epochMs: (column) => `CAST(floor(extract(epoch FROM ${column}) * 1000) AS bigint)`,
  minorUnits: (amount, digits) => `CAST(round(${amount} * ${10 ** digits}) AS bigint)`,
  localDate: (ms, zone) => `CAST(timezone(${zone}, timestamptz '1970-01-01 00:00:00+00' + ${ms} * interval '1 millisecond') AS date)`,
  dayNumber: (date) => `(${date} - DATE '1970-01-01')`,
  datePart: (part, date) => `CAST(extract(${part} FROM ${date}) AS integer)`,
  toDouble: (value) => `CAST(${value} AS double precision)`,
  truncToInt: (value) => `CAST(trunc(${value}) AS bigint)`,
};
