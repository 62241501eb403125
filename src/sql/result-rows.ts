/**
 * What a client hands over for a query's result, read as rows: an array of row objects (most clients),
 * an object of columns (`@duckdb/node-api`'s `getColumnsObjectJS()`, a data frame's columns), or an
 * Arrow table (duck-typed: `numRows`, `schema.fields`, `getChild`). Every finisher of
 * `retention-metrics/sql` takes any of the three, and reads it in place.
 *
 * @module
 */
import { InvalidInputError, describeValue } from '../errors.ts';
import type { ResultRow } from './result-values.ts';

/** An Arrow table, as far as a finisher reads one: its row count, its columns' names, and each column. */
export interface ArrowResultTable {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChild(name: string): { get(index: number): unknown } | null;
}

/** A query's result as a client hands it over: rows, columns by name, or an Arrow table. */
export type QueryResult = readonly ResultRow[] | Readonly<Record<string, ArrayLike<unknown>>> | ArrowResultTable;

/** @internal What a result has where a field is absent (not even `NULL`). */
export const ABSENT: unique symbol = Symbol('absent');

/**
 * @internal A result read in place, row by row and field by field, whatever its form: no row object is
 * made for a result handed over as columns (a customer state has a row per customer).
 */
export interface ResultTable {
  readonly length: number;
  /** Field `field` of row `index`, or {@link ABSENT}. */
  value(index: number, field: string): unknown;
  /** Row `index` as an object, for a message. */
  row(index: number): unknown;
}

/**
 * @internal A result as a {@link ResultTable}.
 *
 * @param result - the result: rows, columns or an Arrow table
 * @returns the table
 * @throws {@link InvalidInputError} for anything else, or columns of different lengths
 */
export function resultTable(result: QueryResult): ResultTable {
  if (Array.isArray(result)) return rowTable(result as readonly ResultRow[]);
  if (typeof result !== 'object' || result === null) throw notAResult(result);
  if (isArrowTable(result)) {
    const names = result.schema.fields.map((field) => field.name);
    const columns = new Map(names.map((name) => [name, result.getChild(name)]));
    return columnTable(result.numRows, names, (index, field) => {
      const column = columns.get(field);
      return column === undefined || column === null ? ABSENT : (column.get(index) ?? null);
    });
  }
  const columns = Object.entries(result as Readonly<Record<string, unknown>>);
  const length = columns.length === 0 ? 0 : lengthOf(columns[0][1]);
  if (length === null) throw notAResult(result);
  for (const [name, values] of columns) {
    if (lengthOf(values) !== length) {
      throw new InvalidInputError(0, 'record', values, `column ${name} has ${describeValue(lengthOf(values))} values where ${columns[0][0]} has ${length}: give rows, columns of one length, or an Arrow table`, 'rows');
    }
  }
  const byName = new Map(columns as [string, ArrayLike<unknown>][]);
  return columnTable(length, [...byName.keys()], (index, field) => {
    const column = byName.get(field);
    return column === undefined ? ABSENT : column[index];
  });
}

/** An array of row objects; a row that is not an object is an error when it is read. */
function rowTable(rows: readonly ResultRow[]): ResultTable {
  return {
    length: rows.length,
    row: (index) => rows[index],
    value(index, field) {
      const row = rows[index];
      if (typeof row !== 'object' || row === null) throw new InvalidInputError(index, 'record', row, `${describeValue(row)} is not a result row`, 'rows');
      return field in row ? row[field] : ABSENT;
    },
  };
}

/** Columns read by `value`, with rows made for messages only. */
function columnTable(length: number, names: readonly string[], value: (index: number, field: string) => unknown): ResultTable {
  return { length, value, row: (index) => Object.fromEntries(names.map((name) => [name, value(index, name)])) };
}

function isArrowTable(value: object): value is ArrowResultTable {
  const table = value as Partial<ArrowResultTable>;
  return typeof table.getChild === 'function' && typeof table.numRows === 'number' && Array.isArray(table.schema?.fields);
}

/** The length of a column, or `null` for something that is not one. */
function lengthOf(values: unknown): number | null {
  if (typeof values === 'string' || typeof values !== 'object' || values === null) return null;
  const { length } = values as { length?: unknown };
  return typeof length === 'number' && Number.isSafeInteger(length) && length >= 0 ? length : null;
}

function notAResult(result: unknown): InvalidInputError {
  return new InvalidInputError(0, 'record', result, `${describeValue(result)} is not a query result: give an array of rows, an object of columns or an Arrow table`, 'rows');
}
