/**
 * The `where` option of every query: keep the table's rows whose value in each named column is one of
 * those listed — the in-process `where` of event attributes, with the table's columns as attributes.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { type Expr, and, int, op } from './expression.ts';
import type { Params } from './source.ts';

/** A filter: for each column named, the values kept (`null` keeps the rows where it is `NULL`). */
export type SqlWhere = Readonly<Record<string, readonly (string | null)[]>>;

/** @internal A checked filter: each column and the values it keeps. */
export type ResolvedWhere = readonly { readonly column: string; readonly values: readonly (string | null)[] }[];

/**
 * @internal Check `where`.
 *
 * @param where - the option
 * @param orderLines - whether the table is read as order lines (an order id column is named)
 * @param option - the option's name, for messages
 * @returns the filter (empty without one)
 * @throws {@link InvalidOptionError} for something other than an object of value lists, an empty
 *   column name, or a filter of order lines
 */
export function whereOption(where: unknown, orderLines: boolean, option = 'where'): ResolvedWhere {
  if (where === undefined) return [];
  if (typeof where !== 'object' || where === null || Array.isArray(where)) {
    throw new InvalidOptionError(option, where, `${describeValue(where)} is not a filter { column: [values] }`);
  }
  if (orderLines) {
    // An order's value is its earliest line's: a filter of lines would keep parts of orders.
    throw new InvalidOptionError(option, where, 'a filter of order lines (columns.orderId) is not written in SQL; filter a table of whole orders, or filter in process');
  }
  return Object.entries(where as Record<string, unknown>).map(([column, values]) => {
    if (column === '') throw new InvalidOptionError(option, where, 'a column name is empty');
    if (!Array.isArray(values) || !values.every((v: unknown) => v === null || typeof v === 'string')) {
      throw new InvalidOptionError(`${option}.${column}`, values, 'must be an array of values (strings, or null for NULL)');
    }
    return { column, values: values as (string | null)[] };
  });
}

/**
 * @internal The condition of a filter, its values parameters.
 *
 * @param where - the filter
 * @param valueOf - the expression of a filtered column's value
 * @param params - the query's parameters
 * @returns the condition, or `null` without a filter
 */
export function whereCondition(where: ResolvedWhere, valueOf: (column: string) => Expr, params: Params): Expr | null {
  if (where.length === 0) return null;
  return and(
    ...where.map(({ column, values }) => {
      const value = valueOf(column);
      const matches = values.map((v): Expr => (v === null ? { kind: 'is-null', value } : op(value, '=', params.add(v, 'text'))));
      // An empty list keeps no row.
      return matches.length === 0 ? op(int(0), '=', int(1)) : matches.reduce((any, m) => op(any, 'OR', m));
    }),
  );
}
