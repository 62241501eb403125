/**
 * What an engine writes its own way: a {@link Dialect} renders the nodes of the query form whose SQL
 * differs between engines. Each dialect lives in a file of its own.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { clickhouse } from './clickhouse.ts';
import { duckdb } from './duckdb.ts';
import type { Query, SqlType } from './expression.ts';
import { postgres } from './postgres.ts';

/** The engines whose SQL this package writes. */
export type DialectName = 'duckdb' | 'postgres' | 'clickhouse';

/**
 * @internal How one engine writes the nodes that differ. Arguments are rendered SQL; every result is a
 * self-contained (parenthesized or called) expression.
 */
export interface Dialect {
  readonly name: DialectName;
  /** The `index`-th parameter (1-based) as a value of `type`; `value` is its value. */
  param(index: number, type: SqlType, value: number | string): string;
  /** `left ÷ right` for integers that divide exactly, as an integer. */
  exactDiv(left: string, right: string): string;
  /** An integer result in a type the engine's clients hand over exactly (text, or a 64-bit integer). */
  exactInt(value: string): string;
  /** Epoch milliseconds (BIGINT) of a timestamp column. */
  epochMs(column: string): string;
  /** Integer minor units (BIGINT) of an amount in major units. */
  minorUnits(amount: string, digits: number): string;
  /** The local DATE of an instant in epoch ms, in the time zone `zone` (an IANA name). */
  localDate(ms: string, zone: string): string;
  /** Days since 1970-01-01 of a DATE, as an integer. */
  dayNumber(date: string): string;
  /** The civil year or month (1–12) of a DATE, as an integer. */
  datePart(part: 'year' | 'month', date: string): string;
  /** An integer as a double (a 64-bit binary float). */
  toDouble(value: string): string;
  /** A double truncated toward zero, as a 64-bit integer. */
  truncToInt(value: string): string;
  /** An identifier, quoted (default: double quotes, a double quote inside doubled). */
  quoteIdentifier?(name: string): string;
  /** A text value compared in byte order (default: as it is, where text compares so already). */
  byteOrder?(value: string): string;
  /** A text literal (default: single quotes, a single quote inside doubled). */
  text?(value: string): string;
  /** An integer literal, where the engine's type for a plain literal would not hold what is computed with it (default: the digits). */
  int?(value: number): string;
  /** A whole query written the engine's own way (default: the shared form of render.ts). */
  query?(query: Query): string;
  /** The parameters' values are written into the text, so the query has none (default: `$n` placeholders). */
  readonly writesValues?: boolean;
}

const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, clickhouse };

/**
 * @internal Read the `dialect` option.
 *
 * @param value - the option as given
 * @returns the dialect
 * @throws {@link InvalidOptionError} for anything but `'duckdb'`, `'postgres'` or `'clickhouse'`
 */
export function dialectOption(value: unknown): Dialect {
  if (value === 'duckdb' || value === 'postgres' || value === 'clickhouse') return DIALECTS[value];
  throw new InvalidOptionError('dialect', value, `${describeValue(value)} is not a dialect; use 'duckdb', 'postgres' or 'clickhouse'`);
}
