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
 * @returns the two table expressions, `firsts` first
 */
export function firstOrderTables(events: string, names: { readonly firsts: string; readonly orders: string }): TableExpression[] {
  const e = (name: string) => col(name, 'e');
  const isOrder = op(e('minor'), '>=', int(0));
  return [
    {
      name: names.firsts,
      select: { columns: [{ as: 'customer', value: e('customer') }, { as: 'firstMs', value: min(e('ms')) }], from: { name: [events], as: 'e' }, where: isOrder, groupBy: [e('customer')] },
    },
    {
      name: names.orders,
      select: {
        columns: [{ as: 'customer', value: e('customer') }, { as: 'firstMs', value: col('firstMs', 'f') }, { as: 'firstMinor', value: max(e('minor')) }],
        from: { name: [events], as: 'e' },
        joins: [{ name: [names.firsts], as: 'f', on: and(op(e('customer'), '=', col('customer', 'f')), op(e('ms'), '=', col('firstMs', 'f'))) }],
        where: isOrder,
        groupBy: [e('customer'), col('firstMs', 'f')],
      },
    },
  ];
}
