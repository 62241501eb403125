/**
 * Each customer's value on their first order, in SQL, and the `customerWhere` option of every query
 * built on it: keep the customers whose value on their first order is one of those listed, with all
 * their orders — a segment of the in-process breakdown `by` under the customer rule
 * (`segmentRule: 'customer'`). A breakdown's customer rule reads the same values (segment-events.ts).
 *
 * @module
 * @internal
 */
import { type Expr, type Select, type TableExpression, and, col, countAll, int, min, nullValue, op, when } from './expression.ts';
import { firstOrderTables } from './first-orders.ts';
import type { Params, ResolvedSource } from './source.ts';
import { whereCondition } from './where.ts';

/**
 * @internal Each customer's values on their first order, as the table expression `names.values`
 * (`customer` and each of `columns`), from an events table (customer, ms, minor and `columns`);
 * customers without an order (refunds only) have no row.
 *
 * A customer's value is the one on their first order: the earliest, ties at one instant broken by the
 * largest amount, and orders equal in both by their values — a missing value first, then the least in
 * byte order (the code-point order of the text; the library orders by UTF-16 code unit, which differs
 * only between characters above U+FFFF and those from U+E000 to U+FFFF).
 *
 * @param events - the name of the events table
 * @param columns - the columns of `events` whose values are read
 * @param names - the names of the table expressions: the first orders' two and the values'
 * @returns the table expressions, `names.values` last
 */
export function customerValueTables(events: string, columns: readonly string[], names: { readonly firsts: string; readonly orders: string; readonly values: string }): TableExpression[] {
  const a = (name: string): Expr => col(name, 'a');
  const values = columns.map((column) => {
    const value = a(column);
    // Any missing value among the tied first orders comes first; else the least in byte order.
    const missing = op(countAll, '>', { kind: 'aggregate', fn: 'count', arg: value });
    return { as: column, value: when(missing, nullValue, min({ kind: 'byte-order', value })) };
  });
  return [
    // The first order's amount: the largest at the first instant.
    ...firstOrderTables(events, names),
    {
      name: names.values,
      select: {
        columns: [{ as: 'customer', value: a('customer') }, ...values],
        from: { name: [events], as: 'a' },
        joins: [{ name: [names.orders], as: 'g', on: and(op(a('customer'), '=', col('customer', 'g')), op(a('ms'), '=', col('firstMs', 'g'))) }],
        // In the condition, not the join: ClickHouse 18.16 refused this join on three equalities.
        where: op(a('minor'), '=', col('firstMinor', 'g')),
        groupBy: [a('customer')],
      },
    },
  ];
}

/**
 * @internal The events of the kept customers, as the table expression `name`, from the table's rows
 * (`rows`, selected with a column `v<i>` for each column of the filter).
 *
 * @param source - the resolved source, with a customer filter
 * @param rows - the table's rows: customer, ms, minor, `v<i>` per filtered column, and `carried`
 * @param params - the query's parameters (the filter's values are added)
 * @param name - the name of the kept events' table expression (default `events`)
 * @param carried - columns of `rows` the kept events carry beside customer, ms and minor
 * @returns the table expressions, `name` last
 */
export function customerWhereTables(source: ResolvedSource, rows: Select, params: Params, name = 'events', carried: readonly string[] = []): TableExpression[] {
  const a = (column: string): Expr => col(column, 'a');
  const columns = source.customerWhere.map((_, i) => `v${i}`);
  const valueOf = (column: string): Expr => col(`v${source.customerWhere.findIndex((w) => w.column === column)}`, 'c');
  const kept = whereCondition(source.customerWhere, valueOf, params) ?? op(int(1), '=', int(1));
  return [
    { name: 'tableEvents', select: rows },
    ...customerValueTables('tableEvents', columns, { firsts: 'customerFirsts', orders: 'customerFirstAmounts', values: 'customerValues' }),
    { name: 'keptCustomers', select: { columns: [{ as: 'customer', value: col('customer', 'c') }], from: { name: ['customerValues'], as: 'c' }, where: kept } },
    {
      name,
      select: {
        columns: ['customer', 'ms', 'minor', ...carried].map((column) => ({ as: column, value: a(column) })),
        from: { name: ['tableEvents'], as: 'a' },
        joins: [{ name: ['keptCustomers'], as: 'k', on: op(a('customer'), '=', col('customer', 'k')) }],
      },
    },
  ];
}
