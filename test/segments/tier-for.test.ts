import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { tierFor } from '../../src/segments/tier-for.ts';

const tiers = [{ name: 'Member', threshold: 0 }, { name: 'VIP', threshold: '250.00' }];

describe('tierFor', () => {
  test('one customer at checkout: history in any order, threshold reached exactly, later events ignored', () => {
    const history = [
      { date: '2024-05-01T10:00:00Z', amount: '150.00' },
      { date: '2024-01-01T10:00:00Z', amount: '100.00' },
      { date: '2024-07-01T10:00:00Z', amount: '999.00' }, // after asOf
    ];
    const s = tierFor(history, { tiers, window: { rollingMonths: 12 }, asOf: '2024-06-01T00:00:00Z' });
    expect(s.tier).toBe('VIP');
    expect(s.amount.toFixed(2)).toBe('250.00');
    expect(s.earnedAt?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(s).toMatchObject({ nextTier: null, missing: null, kept: false });
  });

  test('lines sharing an orderId are one order; the zone reads date-only strings', () => {
    const history = [
      { date: '2024-05-01', amount: '10.00', orderId: 'o1' },
      { date: '2024-05-01', amount: '5.00', orderId: 'o1' },
    ];
    const s = tierFor(history, { tiers: [{ name: 'Two', threshold: 2 }], basis: 'orders', timeZone: 'Asia/Tokyo' });
    expect([s.tier, s.amount.toNumber(), s.missing?.toNumber()]).toEqual([null, 1, 1]);
  });

  test('no history: the tier of a zero amount; errors name the event', () => {
    expect(tierFor([], { tiers })).toMatchObject({ tier: 'Member', nextTier: 'VIP', earnedAt: null });
    expect(tierFor([], { tiers: [{ name: 'VIP', threshold: 1 }] }).tier).toBeNull();
    expect(() => tierFor([{ date: '2024-01-01', amount: '12,50' }], { tiers })).toThrow(InvalidInputError);
    expect(() => tierFor([], { tiers: [] })).toThrow(InvalidOptionError);
  });
});
