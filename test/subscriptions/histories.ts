// Test helper: random billing histories of a few customers — priced intervals with epoch-ms starts,
// open or closed, free or paid, with seats — and the instants the reports are read at.
import { fc } from '@fast-check/vitest';

export const DAY = 86_400_000;
export const START = Date.UTC(2023, 0, 1);

/** A priced interval of a random history. */
export interface RandomInterval {
  customerId: string;
  start: number;
  end?: number;
  amount: number;
  quantity: number;
}

/** Up to 20 intervals of five customers over 500 days, some open, some free. */
export const intervalsArbitrary: fc.Arbitrary<RandomInterval[]> = fc
  .array(
    fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      day: fc.integer({ min: 0, max: 500 }),
      days: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
      cents: fc.constantFrom(0, 1000, 2500, 4000),
      quantity: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 20 },
  )
  .map((raw) => raw.map((r) => ({ customerId: r.customerId, start: START + r.day * DAY, ...(r.days === undefined ? {} : { end: START + (r.day + r.days) * DAY }), amount: r.cents / 100, quantity: r.quantity })));

/** An instant within two years of the start, at 01:00 UTC. */
export const asOfArbitrary = fc.integer({ min: 0, max: 720 }).map((day) => START + day * DAY + 3_600_000);
