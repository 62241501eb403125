import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { loyaltyTiers } from '../../src/segments/loyalty-tiers.ts';
import { type HistoryEvent, tierFor } from '../../src/segments/tier-for.ts';
import { optionError } from '../helpers/option-error.ts';

const tiers = [{ name: 'Member', threshold: 0 }, { name: 'VIP', threshold: '250.00' }];
const asOf = '2024-06-01T00:00:00Z';

describe('tierFor', () => {
  test('one customer at checkout: history in any order, threshold reached exactly, later events ignored', () => {
    const history = [
      { date: '2024-05-01T10:00:00Z', amount: '150.00' },
      { date: '2024-01-01T10:00:00Z', amount: '100.00' },
      { date: '2024-07-01T10:00:00Z', amount: '999.00' }, // after asOf
    ];
    const s = tierFor(history, { tiers, window: { rollingMonths: 12 }, asOf });
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
    const s = tierFor(history, { tiers: [{ name: 'Two', threshold: 2 }], basis: 'orders', timeZone: 'Asia/Tokyo', asOf });
    expect([s.tier, s.amount.toNumber(), s.missing?.toNumber()]).toEqual([null, 1, 1]);
  });

  test('no history: the tier of a zero amount; errors name the event', () => {
    expect(tierFor([], { tiers, asOf })).toMatchObject({ tier: 'Member', nextTier: 'VIP', earnedAt: null });
    expect(tierFor([], { tiers: [{ name: 'VIP', threshold: 1 }], asOf }).tier).toBeNull();
    expect(() => tierFor([{ date: '2024-01-01', amount: '12,50' }], { tiers, asOf })).toThrow(InvalidInputError);
    expect(() => tierFor([], { tiers: [], asOf })).toThrow(InvalidOptionError);
  });
});

describe('tierFor: asOf is required', () => {
  const expired = [{ date: '2020-03-01', amount: '300.00' }];

  test('a call without asOf is refused, not answered as of the last order', () => {
    // @ts-expect-error asOf is required: at checkout there is no safe default
    const error = optionError(() => tierFor(expired, { tiers, window: { rollingMonths: 12 } }));
    expect(error.option).toBe('asOf');
    expect(error.message).toMatch(/^asOf: is required/);
  });

  test('a call without options names asOf', () => {
    expect(optionError(() => tierFor(expired, undefined as never)).option).toBe('asOf');
  });

  test('with asOf the expired tier is not granted', () => {
    expect(tierFor(expired, { tiers, window: { rollingMonths: 12 }, asOf: '2024-06-01T00:00:00Z' }).tier).toBe('Member');
  });
});

describe('tierFor: unknown options', () => {
  test('`fields` is refused, not ignored', () => {
    const error = optionError(() => tierFor([], { tiers, asOf, fields: { date: 'at' } } as never));
    expect(error.option).toBe('fields');
    expect(error.message).toContain('unknown option');
  });

  test('a misspelt option names the closest valid one', () => {
    expect(optionError(() => tierFor([], { tiers, asOf, timezone: 'Europe/Berlin' } as never)).message).toContain('did you mean `timeZone`?');
  });

  test('unknown keys in a tier and in the window are refused', () => {
    expect(optionError(() => tierFor([], { tiers: [{ name: 'A', threshhold: 1 }], asOf } as never)).option).toBe('tiers[0].threshhold');
    expect(optionError(() => tierFor([], { tiers, asOf, window: { rollingMonth: 12 } } as never)).option).toBe('window.rollingMonth');
  });
});

describe('tierFor: events at one instant', () => {
  // Gold at 100.00 on 1 March; on 1 April a refund of 50.00 and an order of 60.00 at the same instant.
  const program = { tiers: [{ name: 'Gold', threshold: 100 }], asOf };
  const march = { date: '2024-03-01T09:00:00Z', amount: '100.00' };
  const refund = { date: '2024-04-01T09:00:00Z', amount: '-50.00' };
  const order = { date: '2024-04-01T09:00:00Z', amount: '60.00' };

  test('swapping two same-instant events keeps earnedAt', () => {
    const refundFirst = tierFor([march, refund, order], program);
    const orderFirst = tierFor([march, order, refund], program);
    expect(refundFirst.earnedAt?.toISOString()).toBe('2024-03-01T09:00:00.000Z');
    expect(orderFirst.earnedAt?.toISOString()).toBe('2024-03-01T09:00:00.000Z');
    expect(refundFirst).toEqual(orderFirst);
  });

  test('loyaltyTiers agrees, whatever the order of the records', () => {
    const rows = [march, refund, order].map((e) => ({ customerId: 'ann', ...e }));
    const forward = loyaltyTiers(rows, program).customers[0];
    const backward = loyaltyTiers([...rows].reverse(), program).customers[0];
    expect(forward?.earnedAt?.toISOString()).toBe('2024-03-01T09:00:00.000Z');
    expect(backward).toEqual(forward);
  });

  const instants = ['2024-01-10T00:00:00Z', '2024-02-10T00:00:00Z', '2024-03-10T00:00:00Z'];
  const event = fc.record({
    date: fc.constantFrom(...instants),
    amount: fc.integer({ min: -15_000, max: 20_000 }).map((c) => (c / 100).toFixed(2)),
  });

  fcTest.prop([fc.array(event, { maxLength: 12 }), fc.constantFrom('spend', 'points') as fc.Arbitrary<'spend' | 'points'>, fc.nat()])(
    'the status is the same for every order of a history crowded onto three instants',
    (history: HistoryEvent[], basis, seed) => {
      const options = { tiers: [{ name: 'S', threshold: 50 }, { name: 'G', threshold: 200 }], basis, asOf };
      const shuffled = history
        .map((e, i) => ({ e, key: (i * 7919 + seed) % 104_729 }))
        .sort((x, y) => x.key - y.key)
        .map(({ e }) => e);
      expect(tierFor(shuffled, options)).toEqual(tierFor(history, options));
    },
  );
});

describe('tierFor reads a history with the ledger’s rules', () => {
  const tiers = [{ name: 'Member', threshold: 0 }, { name: 'Silver', threshold: 100 }];
  const asOf = '2025-01-01';

  test.each([10, 40])('order lines sharing an id are one order, in a history of %i lines', (count) => {
    // Two lines per order: `count` lines, count / 2 orders of 6.00 each.
    const history = Array.from({ length: count }, (_, i) => ({ date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`, amount: '3.00', orderId: Math.floor(i / 2) }));
    const status = tierFor(history, { tiers, basis: 'orders', asOf });
    expect(status.amount.toNumber()).toBe(count / 2);
    expect(tierFor(history, { tiers, asOf }).amount.toString()).toBe(String(3 * count));
  });

  test('the order id 1 and the order id "1" are different orders', () => {
    const history = [
      { date: '2024-03-01', amount: '5.00', orderId: 1 },
      { date: '2024-03-02', amount: '5.00', orderId: '1' },
    ];
    expect(tierFor(history, { tiers, basis: 'orders', asOf }).amount.toNumber()).toBe(2);
  });

  test('an unreadable event is named by its place in the history', () => {
    expect(() => tierFor([{ date: '2024-03-01', amount: '5.00' }, { date: 'soon', amount: 1 }], { tiers, asOf })).toThrow(/^history\[1\]\.date: "soon"/);
    expect(tierFor([{ date: 'soon', amount: 1 }, { date: '2024-03-01', amount: '5.00' }], { tiers, asOf, onInvalid: 'skip' }).amount.toString()).toBe('5');
  });

  test('a history that is not iterable is an option error', () => {
    expect(optionError(() => tierFor(5 as never, { tiers, asOf })).option).toBe('history');
  });
});
