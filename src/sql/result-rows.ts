/**
 * What a client hands over for a query's result, read as rows: an array of row objects (most clients),
 * an object of columns (`@duckdb/node-api`'s `getColumnsObjectJS()`, a data frame's columns), or an
 * Arrow table (duck-typed: `numRows`, `schema.fields`, `getChild`). Every finisher of
 * `retention-metrics/sql` takes any of the three.
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

/**
 * @internal The rows of a result: an array of rows as it is, columns and Arrow tables turned into row
 * objects (one object per row; the result rows of the queries are few, one per customer at most).
 *
 * @param result - the result
 * @returns the rows
 * @throws {@link InvalidInputError} for anything else, or columns of different lengths
 */
export function resultRows(result: QueryResult): readonly ResultRow[] {
  if (Array.isArray(result)) return result as readonly ResultRow[];
  if (typeof result !== 'object' || result === null) throw notAResult(result);
  if (isArrowTable(result)) {
    const names = result.schema.fields.map((field) => field.name);
    const vectors = names.map((name) => result.getChild(name));
    return Array.from({ length: result.numRows }, (_, i) => Object.fromEntries(names.map((name, c) => [name, vectors[c]?.get(i) ?? null])));
  }
  const columns = Object.entries(result as Readonly<Record<string, unknown>>);
  const length = columns.length === 0 ? 0 : lengthOf(columns[0][1]);
  if (length === null) throw notAResult(result);
  for (const [name, values] of columns) {
    if (lengthOf(values) !== length) {
      throw new InvalidInputError(0, 'record', values, `column ${name} has ${describeValue(lengthOf(values))} values where ${columns[0][0]} has ${length}: give rows, columns of one length, or an Arrow table`, 'rows');
    }
  }
  return Array.from({ length }, (_, i) => Object.fromEntries(columns.map(([name, values]) => [name, (values as ArrayLike<unknown>)[i]])));
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
