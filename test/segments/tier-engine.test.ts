import { describe, expect, test } from 'vitest';
import { makeDayIndexer } from '../../src/calendar/days.ts';
import { endAsOf } from '../../src/input/customer-scan.ts';
import { type LoyaltyProgramOptions, resolveProgram } from '../../src/segments/loyalty-options.ts';
import { tierStatus } from '../../src/segments/tier-engine.ts';

const ms = (iso: string) => Date.parse(iso);
const dayOf = makeDayIndexer('UTC');

function status(events: [string, number][], options: Omit<LoyaltyProgramOptions, 'asOf'>, asOf: string) {
  const program = resolveProgram(options, 2);
  const time = events.map(([t]) => ms(t));
  const minor = events.map(([, m]) => m);
  return tierStatus({ time, minor, from: 0, to: endAsOf(time, 0, time.length, ms(asOf)) }, { program, asOfDay: dayOf(ms(asOf)), dayOf, currencyDigits: 2 });
}

const tiers = [{ name: 'Bronze', threshold: 0 }, { name: 'Silver', threshold: 100 }, { name: 'Gold', threshold: 500 }];

describe('tierStatus', () => {
  test('the threshold reached exactly earns the tier; earned at the event that reached it', () => {
    const s = status([['2024-01-05T00:00:00Z', 40_000], ['2024-02-01T00:00:00Z', 10_000]], { tiers }, '2024-03-01T00:00:00Z');
    expect(s.tier).toBe('Gold');
    expect(s.amount.toFixed(2)).toBe('500.00');
    expect(s).toMatchObject({ nextTier: null, missing: null, kept: false });
    expect(s.earnedAt?.toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });

  test('a refund inside the window lowers spend; earned again when the amount came back', () => {
    const s = status(
      [['2024-01-05T00:00:00Z', 50_000], ['2024-01-10T00:00:00Z', -5_000], ['2024-02-10T00:00:00Z', 2_000]],
      { tiers },
      '2024-03-01T00:00:00Z',
    );
    expect(s.tier).toBe('Silver');
    expect(s.amount.toFixed(2)).toBe('470.00');
    expect(s.missing?.toFixed(2)).toBe('30.00');
    expect(s.earnedAt?.toISOString()).toBe('2024-01-05T00:00:00.000Z');
  });

  test('orders and points bases; refunds take their points back', () => {
    const events: [string, number][] = [['2024-01-05T00:00:00Z', 1_999], ['2024-01-06T00:00:00Z', 1_000], ['2024-01-07T00:00:00Z', -1_000]];
    const orders = status(events, { tiers: [{ name: 'Regular', threshold: 2 }], basis: 'orders' }, '2024-02-01T00:00:00Z');
    expect([orders.tier, orders.amount.toNumber()]).toEqual(['Regular', 2]);
    const points = status(events, { tiers: [{ name: 'P', threshold: 20 }], basis: 'points', pointsPerUnit: 1 }, '2024-02-01T00:00:00Z');
    expect([points.tier, points.amount.toNumber(), points.missing?.toNumber(), points.nextTier]).toEqual([null, 19, 1, 'P']);
    const tenth = status([['2024-01-05T00:00:00Z', 3_000]], { tiers: [{ name: 'P', threshold: 3 }], basis: 'points', pointsPerUnit: 0.1 }, '2024-02-01T00:00:00Z');
    expect([tenth.tier, tenth.amount.toNumber()]).toEqual(['P', 3]);
  });

  test('spend never goes below 0; a zero threshold met without an event has no date', () => {
    const s = status([['2023-06-01T00:00:00Z', 20_000], ['2024-01-10T00:00:00Z', -20_000]], { tiers, window: 'calendarYear' }, '2024-03-01T00:00:00Z');
    expect(s.amount.toFixed(2)).toBe('0.00');
    expect(s.tier).toBe('Bronze');
    expect(s.earnedAt).toBeNull();
  });

  test('keepPreviousTier keeps a higher tier from the previous window', () => {
    const events: [string, number][] = [['2023-05-01T00:00:00Z', 60_000], ['2024-02-01T00:00:00Z', 15_000]];
    const plain = status(events, { tiers, window: 'calendarYear' }, '2024-03-01T00:00:00Z');
    expect([plain.tier, plain.kept]).toEqual(['Silver', false]);
    const kept = status(events, { tiers, window: 'calendarYear', keepPreviousTier: true }, '2024-03-01T00:00:00Z');
    expect([kept.tier, kept.kept, kept.nextTier, kept.amount.toFixed(2)]).toEqual(['Gold', true, null, '150.00']);
    expect(kept.earnedAt?.toISOString()).toBe('2023-05-01T00:00:00.000Z');
    // A year later the 2023 Gold is gone; the Silver of 2024 is kept through 2025.
    const later = status(events, { tiers, window: 'calendarYear', keepPreviousTier: true }, '2025-03-01T00:00:00Z');
    expect([later.tier, later.kept, later.amount.toFixed(2)]).toEqual(['Silver', true, '0.00']);
  });

  test('rolling windows include the as-of day and the day n − 1 days before it', () => {
    const events: [string, number][] = [['2024-01-02T00:00:00Z', 10_000]];
    expect(status(events, { tiers, window: { rollingDays: 30 } }, '2024-01-31T23:00:00Z').tier).toBe('Silver');
    expect(status(events, { tiers, window: { rollingDays: 30 } }, '2024-02-01T00:00:00Z').tier).toBe('Bronze');
    expect(status(events, { tiers, window: { rollingMonths: 1 } }, '2024-02-01T00:00:00Z').tier).toBe('Silver');
    expect(status(events, { tiers, window: { rollingMonths: 1 } }, '2024-02-02T00:00:00Z').tier).toBe('Bronze');
  });
});
