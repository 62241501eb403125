// Random ledgers with event and customer attributes, and random cohort builder settings, for the
// property tests of segments by attribute, filters and members.
import { fc } from '@fast-check/vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import type { Bracket } from '../../src/cohort/types.ts';
import { ledger } from '../../src/input/ledger.ts';
import type { Ledger } from '../../src/input/types.ts';

export const DAY = 86_400_000;
export const CHANNELS = ['ads', 'email', 'seo', null] as const;
export const CATEGORIES = ['books', 'toys', null] as const;

export interface Row {
  customerId: number;
  date: number;
  amount: string;
  channel: string | null;
  category: string | null;
}

/**
 * Orders and refunds of up to 12 customers over about eight months, in time order. Every record has an
 * instant of its own (its index in seconds is added), so a customer's first order is one record.
 */
export const rowsArb = fc
  .array(
    fc.record({
      customerId: fc.integer({ min: 0, max: 11 }),
      day: fc.integer({ min: 0, max: 240 }),
      cents: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -3_000, max: -1 })),
      channel: fc.constantFrom(...CHANNELS),
      category: fc.constantFrom(...CATEGORIES),
    }),
    { minLength: 1, maxLength: 50 },
  )
  .map((records): Row[] =>
    records.map((r, i) => ({
      customerId: r.customerId,
      date: Date.UTC(2024, 0, 1) + r.day * DAY + i * 1000,
      amount: (r.cents / 100).toFixed(2),
      channel: r.channel,
      category: r.category,
    })).sort((x, y) => x.date - y.date),
  );

/**
 * Orders and refunds of up to 3 customers on a few days, with few amounts: many a customer's first
 * order ties with others (same instant, same amount) of other attributes.
 */
export const tiedRowsArb = fc
  .array(
    fc.record({
      customerId: fc.integer({ min: 0, max: 2 }),
      day: fc.constantFrom(0, 0, 0, 0, 31, 45),
      cents: fc.constantFrom(1_000, 1_000, 1_000, 0, 2_500, -500),
      channel: fc.constantFrom(...CHANNELS),
      category: fc.constantFrom(...CATEGORIES),
    }),
    { minLength: 6, maxLength: 30 },
  )
  .map((records): Row[] =>
    records.map((r) => ({ customerId: r.customerId, date: Date.UTC(2024, 0, 1) + r.day * DAY, amount: (r.cents / 100).toFixed(2), channel: r.channel, category: r.category })),
  );

/** The plan of customers 0 … 8 (`null` for every third one); 9 … 11 have no row in the customers table. */
export const PLANS = Array.from({ length: 9 }, (_, id) => ({ customerId: id, plan: id % 3 === 2 ? null : id % 3 === 0 ? 'free' : 'pro' }));

/**
 * The ledger of the rows, with the event attributes `channel` and `category` (read in that order, or
 * `category` first) and the customer attribute `plan`.
 */
export function bookOf(rows: readonly Row[], categoryFirst = false): Ledger {
  const attributes = categoryFirst ? ({ category: 'category', channel: 'channel' } as const) : ({ channel: 'channel', category: 'category' } as const);
  return ledger(rows, { attributes, customers: PLANS });
}

/** Settings of a builder: calendar, counting, activity rule, horizon. */
export interface Shape {
  by: 'month' | 'week';
  every: 'week' | { days: number } | null;
  counting: 'classic' | 'unbounded' | 'brackets';
  activeWhen: { minOrders: number; minAmount: number } | null;
  asOfDay: number | null;
  maxOffset: number | null;
}

export const BRACKETS: readonly Bracket[] = [[0], [1, 2], [3, 6]];

export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  by: fc.constantFrom('month' as const, 'week' as const),
  every: fc.constantFrom(null, 'week' as const, { days: 20 }),
  counting: fc.constantFrom('classic' as const, 'unbounded' as const, 'brackets' as const),
  activeWhen: fc.option(fc.record({ minOrders: fc.integer({ min: 1, max: 2 }), minAmount: fc.integer({ min: 0, max: 120 }) })),
  asOfDay: fc.option(fc.integer({ min: 0, max: 300 })),
  maxOffset: fc.option(fc.integer({ min: 0, max: 6 })),
});

/** A builder over `data` with the settings of `shape`; `asOf` is `defaultAsOf` when the shape has none. */
export function shaped(data: Ledger, shape: Shape, defaultAsOf?: number): Cohort {
  let cohort = Cohort.from(data).by(shape.by);
  if (shape.every !== null) cohort = cohort.every(shape.every);
  if (shape.counting === 'unbounded') cohort = cohort.mode('unbounded');
  if (shape.counting === 'brackets') cohort = cohort.brackets(BRACKETS);
  if (shape.activeWhen !== null) cohort = cohort.activeWhen(shape.activeWhen);
  const asOf = shape.asOfDay === null ? defaultAsOf : Date.UTC(2024, 0, 1) + shape.asOfDay * DAY;
  if (asOf !== undefined) cohort = cohort.asOf(asOf);
  if (shape.maxOffset !== null) cohort = cohort.maxOffset(shape.maxOffset);
  return cohort;
}
