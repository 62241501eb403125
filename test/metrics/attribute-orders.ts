// Random orders with attributes for the property tests of where, by and activeWhen: a few customers,
// an event attribute `category` (with missing values) and a customer attribute `plan`.
import { fc } from '@fast-check/vitest';
import { ledger } from '../../src/input/ledger.ts';
import type { Ledger } from '../../src/input/types.ts';

export interface AttributeOrder {
  customerId: number;
  date: number;
  amount: number;
  category: string | null;
}

const DAY = 86_400_000;

/** One record: up to 9 customers over 200 days from 2023-12-08, refunds included, categories a, b, c or none. */
export const orderArb: fc.Arbitrary<AttributeOrder> = fc.record({
  customerId: fc.integer({ min: 0, max: 8 }),
  // Three instants a day, so that some orders of a customer share one.
  date: fc.integer({ min: 0, max: 200 * 3 - 1 }).map((k) => k * 8 * 3_600_000 + DAY * 19_700),
  amount: fc.integer({ min: -5, max: 12 }),
  category: fc.constantFrom('a', 'b', 'c', null),
});

/** Records in any order, ties of instant and amount included. */
export const ordersArb: fc.Arbitrary<AttributeOrder[]> = fc.array(orderArb, { maxLength: 60 });

/** The plan of each customer in the `customers` table (customer 8 has no row). */
export function planOf(customerId: number): string | null {
  return customerId === 8 ? null : ['free', 'pro', 'team'][customerId % 3];
}

/** A ledger of the records with `category` and the customers' `plan`. */
export function attributeLedger(records: readonly AttributeOrder[]): Ledger {
  const customers = [0, 1, 2, 3, 4, 5, 6, 7].map((customerId) => ({ customerId, plan: planOf(customerId) }));
  return ledger(records, { attributes: { category: 'category' }, customers });
}

/** The records in another order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed | 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
    const j = (state >>> 8) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
