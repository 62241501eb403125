import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { loyaltyTiers } from '../../src/segments/loyalty-tiers.ts';
import { tierFor } from '../../src/segments/tier-for.ts';

const tiers = [{ name: 'Silver', threshold: '100.00' }, { name: 'Gold', threshold: '500.00' }];
const rows = [
  { customerId: 'ann', date: '2024-02-01', amount: '300.00' },
  { customerId: 'ann', date: '2024-06-01', amount: '200.00' }, // reaches Gold exactly
  { customerId: 'bob', date: '2024-03-01', amount: '450.00' },
  { customerId: 'bob', date: '2024-03-09', amount: '-100.00' }, // a refund inside the window
  { customerId: 'cy', date: '2023-11-01', amount: '50.00' }, // below the first tier
  { customerId: 'dee', date: '2025-01-05', amount: '900.00' }, // only order after asOf: not a customer
];

describe('loyaltyTiers', () => {
  test('hand-computed: tier, amount, next tier, missing, earned date; counts per tier', () => {
    const report = loyaltyTiers(rows, { tiers, asOf: '2024-12-31' });
    expect(report.customers.map((c) => [c.id, c.tier, c.amount.toFixed(2), c.nextTier, c.missing?.toFixed(2) ?? null])).toEqual([
      ['cy', null, '50.00', 'Silver', '50.00'],
      ['ann', 'Gold', '500.00', null, null],
      ['bob', 'Silver', '350.00', 'Gold', '150.00'],
    ]);
    expect(report.customers.map((c) => c.earnedAt?.toISOString() ?? null)).toEqual([null, '2024-06-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z']);
    expect(report.tiers.map((t) => [t.tier, t.threshold.toFixed(2), t.customers])).toEqual([['Silver', '100.00', 1], ['Gold', '500.00', 1]]);
    expect(report.withoutTier).toBe(1);
    expect(report).toMatchObject({ basis: 'spend', windowStart: null });
  });

  test('calendar year in the ledger zone; keepPreviousTier', () => {
    const book = ledger(rows, { timeZone: 'America/New_York' });
    const report = loyaltyTiers(book, { tiers, window: 'calendarYear', asOf: '2025-02-01', keepPreviousTier: true });
    expect(report.windowStart?.toISOString()).toBe('2025-01-01T05:00:00.000Z');
    expect(report.customers.map((c) => [c.id, c.tier, c.kept, c.amount.toFixed(2)])).toEqual([
      ['cy', null, false, '0.00'],
      ['ann', 'Gold', true, '0.00'],
      ['bob', 'Silver', true, '0.00'],
      ['dee', 'Gold', false, '900.00'],
    ]);
  });

  test('empty input and errors', () => {
    const empty = loyaltyTiers([], { tiers });
    expect(empty).toMatchObject({ asOf: null, customers: [], withoutTier: 0, windowStart: null });
    expect(() => loyaltyTiers(rows, { tiers: [{ name: 'Gold', threshold: 500 }, { name: 'Silver', threshold: 100 }] })).toThrow(InvalidOptionError);
    expect(() => loyaltyTiers(rows, { tiers, asOf: 'now' })).toThrow(InvalidOptionError);
  });
});

const record = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 1),
  date: fc.integer({ min: Date.parse('2023-01-01'), max: Date.parse('2024-12-31') }),
  amount: fc.integer({ min: -20_000, max: 40_000 }).map((c) => (c / 100).toFixed(2)),
});
const windowArb = fc.constantFrom<'lifetime' | 'calendarYear' | { rollingDays: number } | { rollingMonths: number }>(
  'lifetime',
  'calendarYear',
  { rollingDays: 90 },
  { rollingMonths: 6 },
);

describe('loyaltyTiers properties', () => {
  fcTest.prop([fc.array(record, { maxLength: 40 }), windowArb, fc.boolean(), fc.constantFrom('spend', 'orders', 'points') as fc.Arbitrary<'spend' | 'orders' | 'points'>])(
    'tierFor on one customer gives the same answer; tier counts add up; input order never matters',
    (data, window, keepPreviousTier, basis) => {
      const program = {
        tiers: basis === 'orders' ? [{ name: 'S', threshold: 1 }, { name: 'G', threshold: 3 }] : [{ name: 'S', threshold: 100 }, { name: 'G', threshold: 400 }],
        basis,
        window,
        keepPreviousTier,
        asOf: '2024-12-31T12:00:00Z',
      };
      const report = loyaltyTiers(data, program);
      expect(report.tiers.reduce((n, t) => n + t.customers, report.withoutTier)).toBe(report.customers.length);
      for (const c of report.customers) {
        const own = tierFor(data.filter((r) => r.customerId === c.id), program);
        const { id: _id, ...status } = c;
        expect(own).toEqual(status);
      }
      const reversed = loyaltyTiers([...data].reverse(), program);
      const key = (r: typeof report) => r.customers.map((c) => `${String(c.id)} ${c.tier} ${c.amount.toString()} ${c.earnedAt?.getTime()}`).sort();
      expect(key(reversed)).toEqual(key(report));
    },
  );
});
