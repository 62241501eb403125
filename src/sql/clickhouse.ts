/**
 * The ClickHouse dialect, for servers as old as 18.16 (no window functions, no table expressions in
 * `WITH`, one `JOIN` per `SELECT`, no server-side query parameters, no `DateTime64`).
 *
 * - Instants: the date column is a `DateTime` (whole seconds since the epoch, whatever the column's or
 *   the server's zone). `toUInt32(column)` is those seconds, times 1000 the epoch ms: exact, because a
 *   `DateTime` holds no fraction to lose. The library's bounds (`asOf`, `from`, `to`) stay in ms and
 *   are compared with those ms exactly.
 * - Local day: `toDate(DateTime, zone)` is the local date in the IANA zone (the server's time zone
 *   database; a fixed offset `±HH:MM` is its zone `Fixed/UTC±HH:MM:00`), and `toUInt16` of a `Date` is
 *   its day number since 1970-01-01.
 * - Money: `round(amount · 10^digits)` as `Int64`, `round` of a `Decimal` halving away from zero as the
 *   other engines do; sums of `Int64` are `Int64`, exact while a sum stays within ±2^63 minor units.
 *   Results are handed over as `String`, so no client rounds them through a double.
 * - Parameters: the server has none, so each value is written into the text as a literal: integers as
 *   `toInt64(n)` (always a safe integer), text in single quotes with `\` and `'` escaped by a
 *   backslash. The query's `params` is empty.
 * - Identifiers: double quotes, with `\` and `"` escaped by a backslash (ClickHouse reads backslash
 *   escapes inside quoted names).
 * - Integer quotients: `intDiv`, as `Int64` so that both sides of a join key have one type.
 * - Queries are written by clickhouse-query.ts (table expressions inlined, one join per `SELECT`).
 *
 * @module
 * @internal
 */
import { clickhouseQuery } from './clickhouse-query.ts';
import type { Dialect } from './dialect.ts';

/**
 * @internal A ClickHouse string literal: single quotes, `\` and `'` escaped by a backslash.
 *
 * @param value - the text
 * @returns the literal
 */
export function clickhouseString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * @internal A ClickHouse quoted identifier: double quotes, `\` and `"` escaped by a backslash.
 *
 * @param name - the identifier
 * @returns the quoted identifier
 */
export function clickhouseIdentifier(name: string): string {
  return `"${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * A zone literal as the server's zone database names it: the library's fixed offsets (`'+05:30'`,
 * `'-0330'`, `'+05'`) are `'Fixed/UTC±HH:MM:00'` there; an IANA name is left as it is.
 */
function zoneName(zone: string): string {
  const offset = /^'([+-])(\d{2}):?(\d{2})?'$/.exec(zone);
  return offset === null ? zone : `'Fixed/UTC${offset[1] ?? '+'}${offset[2] ?? '00'}:${offset[3] ?? '00'}:00'`;
}

function literal(value: number | string, type: 'bigint' | 'text'): string {
  if (type === 'text') return clickhouseString(String(value));
  // The values of bigint parameters are safe integers (epoch ms); anything else is a defect of the caller.
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError(`not a safe integer: ${String(value)}`);
  return `toInt64(${value})`;
}

/** @internal The ClickHouse dialect. */
export const clickhouse: Dialect = {
  name: 'clickhouse',
  param: (_index, type, value) => literal(value, type),
  // A literal beyond Int32 is a UInt32 or UInt64 there, and `Int64 % UInt32` is an Int32: it would
  // wrap a remainder of a span of days in milliseconds. Such literals are written as Int64.
  int: (value) => (Math.abs(value) > 2_147_483_647 ? `toInt64(${value})` : String(value)),
  exactDiv: (left, right) => `toInt64(intDiv(${left}, ${right}))`,
  exactInt: (value) => `toString(${value})`,
  epochMs: (column) => `(toInt64(toUInt32(assumeNotNull(${column}))) * 1000)`,
  minorUnits: (amount, digits) => `toInt64(round(assumeNotNull(${amount}) * ${10 ** digits}))`,
  localDate: (ms, zone) => `toDate(toDateTime(intDiv(${ms}, 1000)), ${zoneName(zone)})`,
  dayNumber: (date) => `toInt64(toUInt16(${date}))`,
  datePart: (part, date) => `toInt64(${part === 'year' ? 'toYear' : 'toMonth'}(${date}))`,
  toDouble: (value) => `toFloat64(${value})`,
  truncToInt: (value) => `toInt64(trunc(${value}))`,
  text: clickhouseString,
  quoteIdentifier: clickhouseIdentifier,
  query: (query) => clickhouseQuery(query, clickhouse),
  writesValues: true,
};
