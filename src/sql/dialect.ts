/**
 * What an engine writes its own way: a {@link Dialect} renders the nodes of the query form whose SQL
 * differs between engines. Each dialect lives in a file of its own.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { duckdb } from './duckdb.ts';
import type { SqlType } from './expression.ts';
import { postgres } from './postgres.ts';

/** The engines whose SQL this package writes. */
export type DialectName = 'duckdb' | 'postgres';

/**
 * @internal How one engine writes the nodes that differ. Arguments are rendered SQL; every result is a
 * self-contained (parenthesized or called) expression.
 */
export interface Dialect {
  readonly name: DialectName;
  /** The `index`-th parameter (1-based) as a value of `type`. */
  param(index: number, type: SqlType): string;
  /** `left ÷ right` for integers that divide exactly, as an integer. */
  exactDiv(left: string, right: string): string;
  /** A value as text. */
  text(value: string): string;
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
}

const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres };

/**
 * @internal Read the `dialect` option.
 *
 * @param value - the option as given
 * @returns the dialect
 * @throws {@link InvalidOptionError} for anything but `'duckdb'` or `'postgres'`
 */
export function dialectOption(value: unknown): Dialect {
  if (value === 'duckdb' || value === 'postgres') return DIALECTS[value];
  throw new InvalidOptionError('dialect', value, `${describeValue(value)} is not a dialect; use 'duckdb' or 'postgres'`);
}
