/**
 * Each customer's first order, as the library defines it, in SQL: the earliest order, ties at one
 * instant broken by the largest amount.
 *
 * @module
 * @internal
 */
import { type TableExpression, and, col, int, max, min, op } from './expression.ts';

/**
 * @internal Two table expressions over the events table `events` (customer, ms, minor): `firsts`, each
 * customer's first order's instant (`customer`, `firstMs`), and `orders`, that and the order's amount
 * (`customer`, `firstMs`, `firstMinor`: the largest amount of an order at that instant).
 *
 * @param events - the name of the events table
 * @param names - the names of the two table expressions
 * @param keys - columns of `events` that are part of the customer's key (a breakdown's part and
 *   segment: one customer in several parts is a customer of each), carried into both tables
 * @returns the two table expressions, `firsts` first
 */
export function firstOrderTables(events: string, names: { readonly firsts: string; readonly orders: string }, keys: readonly string[] = []): TableExpression[] {
  const e = (name: string) => col(name, 'e');
  const isOrder = op(e('minor'), '>=', int(0));
  const keyColumns = keys.map((name) => ({ as: name, value: e(name) }));
  const sameKey = keys.map((name) => op(e(name), '=', col(name, 'f')));
  return [
    {
      name: names.firsts,
      select: {
        columns: [{ as: 'customer', value: e('customer') }, ...keyColumns, { as: 'firstMs', value: min(e('ms')) }],
        from: { name: [events], as: 'e' },
        where: isOrder,
        groupBy: [e('customer'), ...keys.map(e)],
      },
    },
    {
      name: names.orders,
      select: {
        columns: [{ as: 'customer', value: e('customer') }, ...keyColumns, { as: 'firstMs', value: col('firstMs', 'f') }, { as: 'firstMinor', value: max(e('minor')) }],
        from: { name: [events], as: 'e' },
        joins: [{ name: [names.firsts], as: 'f', on: and(op(e('customer'), '=', col('customer', 'f')), ...sameKey, op(e('ms'), '=', col('firstMs', 'f'))) }],
        where: isOrder,
        groupBy: [e('customer'), ...keys.map(e), col('firstMs', 'f')],
      },
    },
  ];
}
