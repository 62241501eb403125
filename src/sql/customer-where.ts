/**
 * The `customerWhere` option of every query: keep the customers whose value on their first order is
 * one of those listed, with all their orders — a segment of the in-process breakdown `by` under the
 * customer rule (`segmentRule: 'customer'`), one query per value.
 *
 * @module
 * @internal
 */
import { type Expr, type Select, type TableExpression, and, col, countAll, int, min, nullValue, op, when } from './expression.ts';
import { firstOrderTables } from './first-orders.ts';
import type { Params, ResolvedSource } from './source.ts';
import { whereCondition } from './where.ts';

/**
 * @internal The events of the kept customers, as the table expression `events`, from the table's rows
 * (`rows`, selected with a column `v<i>` for each column of the filter).
 *
 * A customer's value is the one on their first order: the earliest, ties at one instant broken by the
 * largest amount, and orders equal in both by their values — a missing value first, then the least in
 * byte order (the code-point order of the text; the library orders by UTF-16 code unit, which differs
 * only between characters above U+FFFF and those from U+E000 to U+FFFF).
 *
 * @param source - the resolved source, with a customer filter
 * @param rows - the table's rows: customer, ms, minor, and `v<i>` per filtered column
 * @param params - the query's parameters (the filter's values are added)
 * @returns the table expressions, `events` last
 */
export function customerWhereTables(source: ResolvedSource, rows: Select, params: Params): TableExpression[] {
  const a = (name: string): Expr => col(name, 'a');
  const values = source.customerWhere.map(({ column }, i) => {
    const value = a(`v${i}`);
    // Any missing value among the tied first orders comes first; else the least in byte order.
    const missing = op(countAll, '>', { kind: 'aggregate', fn: 'count', arg: value });
    return { as: `v${i}`, value: when(missing, nullValue, min({ kind: 'byte-order', value })), column };
  });
  const valueOf = (column: string): Expr => col(`v${source.customerWhere.findIndex((w) => w.column === column)}`, 'c');
  const kept = whereCondition(source.customerWhere, valueOf, params) ?? op(int(1), '=', int(1));
  return [
    { name: 'tableEvents', select: rows },
    // The first order's amount: the largest at the first instant.
    ...firstOrderTables('tableEvents', { firsts: 'customerFirsts', orders: 'customerFirstAmounts' }),
    {
      name: 'customerValues',
      select: {
        columns: [{ as: 'customer', value: a('customer') }, ...values.map(({ as, value }) => ({ as, value }))],
        from: { name: ['tableEvents'], as: 'a' },
        joins: [
          {
            name: ['customerFirstAmounts'],
            as: 'g',
            on: and(op(a('customer'), '=', col('customer', 'g')), op(a('ms'), '=', col('firstMs', 'g'))),
          },
        ],
        // In the condition, not the join: ClickHouse 18.16 refused this join on three equalities.
        where: op(a('minor'), '=', col('firstMinor', 'g')),
        groupBy: [a('customer')],
      },
    },
    { name: 'keptCustomers', select: { columns: [{ as: 'customer', value: col('customer', 'c') }], from: { name: ['customerValues'], as: 'c' }, where: kept } },
    {
      name: 'events',
      select: {
        columns: ['customer', 'ms', 'minor'].map((name) => ({ as: name, value: a(name) })),
        from: { name: ['tableEvents'], as: 'a' },
        joins: [{ name: ['keptCustomers'], as: 'k', on: op(a('customer'), '=', col('customer', 'k')) }],
      },
    },
  ];
}
