// `report.members(segment, { value })`: the ids of a segment's customers (of one value), in ledger
// account order — the customers the summaries count.
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import type { Ledger } from '../../src/input/types.ts';
import { DORMANCY_SEGMENTS } from '../../src/segments/dormancy-windows.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { loyaltyTiers } from '../../src/segments/loyalty-tiers.ts';
import { rfm } from '../../src/segments/rfm.ts';
import { optionError } from '../helpers/option-error.ts';
import { type Data, data, valueOf } from './by-value-data.ts';

const asOf = '2024-12-31T23:59:59.999Z';
const tiers = [{ name: 'Silver', threshold: '100.00' }, { name: 'Gold', threshold: '400.00' }];

function book(d: Data): Ledger {
  return ledger(d.rows, { attributes: { channel: 'channel' }, customers: d.customers });
}

describe('members: the customers a summary counts', () => {
  fcTest.prop([data], { numRuns: 100 })('rfm: a segment’s members, of everyone and of each value, in report order', (d) => {
    const report = rfm(book(d), { asOf, by: d.by });
    for (const s of report.segments) {
      const members = report.members(s.segment);
      expect(members).toHaveLength(s.customers);
      expect(members).toEqual(report.customers.filter((c) => c.segment === s.segment).map((c) => c.id));
    }
    for (const v of report.by?.values ?? []) {
      for (const s of v.segments) {
        const members = report.members(s.segment, { value: v.value });
        expect(members).toHaveLength(s.customers);
        expect(members).toEqual(report.customers.filter((c) => c.segment === s.segment && valueOf(d, c.id) === v.value).map((c) => c.id));
      }
    }
  });

  fcTest.prop([data], { numRuns: 100 })('dormancy: a segment’s members, of everyone and of each value, in report order', (d) => {
    const report = dormancy(book(d), { asOf, by: d.by });
    for (const s of DORMANCY_SEGMENTS) {
      expect(report.members(s)).toHaveLength(report.segments[s].customers);
      expect(report.members(s)).toEqual(report.customers.filter((c) => c.segment === s).map((c) => c.id));
      for (const v of report.by?.values ?? []) {
        const members = report.members(s, { value: v.value });
        expect(members).toHaveLength(v.segments[s].customers);
        expect(members).toEqual(report.customers.filter((c) => c.segment === s && valueOf(d, c.id) === v.value).map((c) => c.id));
      }
    }
  });

  fcTest.prop([data], { numRuns: 100 })('loyaltyTiers: a tier’s members (null: without a tier), of everyone and of each value', (d) => {
    const report = loyaltyTiers(book(d), { tiers, asOf, by: d.by });
    for (const [tier, count] of [...report.tiers.map((t) => [t.tier, t.customers] as const), [null, report.withoutTier] as const]) {
      expect(report.members(tier)).toHaveLength(count);
      expect(report.members(tier)).toEqual(report.customers.filter((c) => c.tier === tier).map((c) => c.id));
    }
    for (const v of report.by?.values ?? []) {
      for (const [tier, count] of [...v.tiers.map((t) => [t.tier, t.customers] as const), [null, v.withoutTier] as const]) {
        expect(report.members(tier, { value: v.value })).toHaveLength(count);
      }
    }
  });
});

describe('members: shape and errors', () => {
  const rows = [
    { customerId: 'a', date: '2024-12-30', amount: '50.00', channel: 'ads' },
    { customerId: 'a', date: '2024-12-31', amount: '70.00' },
    { customerId: 'b', date: '2023-11-01', amount: '20.00', channel: 'mail' },
    { customerId: 'c', date: '2024-03-01', amount: '500.00' },
  ];
  const book1 = ledger(rows, { attributes: { channel: 'channel' }, customers: [{ customerId: 'z', plan: 'pro' }] });

  test('a method, not a field: not in keys, spreads or JSON', () => {
    for (const report of [rfm(book1, { by: 'channel' }), dormancy(book1, { by: 'channel' }), loyaltyTiers(book1, { tiers, by: 'channel' })]) {
      expect(typeof report.members).toBe('function');
      expect(Object.keys(report)).not.toContain('members');
      expect('members' in { ...report }).toBe(false);
      expect(JSON.stringify(report)).not.toContain('members');
    }
  });

  test('each call gives a new array of its own, to sort or extend', () => {
    const lists = [() => rfm(book1).members('Champions'), () => dormancy(book1).members('lost'), () => loyaltyTiers(book1, { tiers }).members('Silver')];
    for (const list of lists) {
      const first = list();
      expect(Object.isFrozen(first)).toBe(false);
      first.push('z');
      expect(list()).toEqual(first.slice(0, -1));
    }
  });

  test('a value of the attribute with no customer in the report has no members', () => {
    expect(rfm(book1, { by: 'plan' }).members('Champions', { value: 'pro' })).toEqual([]);
    expect(dormancy(book1, { by: 'channel' }).members('active', { value: 'mail' })).toEqual([]);
  });

  test('null picks the customers without a value', () => {
    expect(dormancy(book1, { by: 'channel', asOf }).members('dormant', { value: null })).toEqual(['c']);
  });

  test('a segment or tier the report does not have names `segment` or `tier`', () => {
    expect(optionError(() => rfm(book1).members('Champs')).message).toContain('did you mean `Champions`?');
    expect(optionError(() => rfm(book1, { segments: null }).members('Champions')).option).toBe('segment');
    expect(optionError(() => dormancy(book1).members('Lost' as never)).message).toContain('did you mean `lost`?');
    expect(optionError(() => loyaltyTiers(book1, { tiers }).members('gold')).option).toBe('tier');
  });

  test('an unknown segment or tier names the ones there are (null: below the first tier) and the closest', () => {
    expect(optionError(() => dormancy(book1).members('Lost' as never)).message).toBe(
      'segment: "Lost" is not a segment of the report (did you mean `lost`?); its segments are "active", "atRisk", "dormant", "lost"',
    );
    expect(optionError(() => loyaltyTiers(book1, { tiers }).members('gold')).message).toBe('tier: "gold" is not a tier of the program (did you mean `Gold`?); its tiers are "Silver", "Gold", null');
    expect(optionError(() => rfm(book1, { segments: null }).members('Champions')).message).toBe('segment: "Champions" is not a segment of the report; it has no segments');
  });

  test('a value needs a report made with `by`, and one the attribute has', () => {
    expect(optionError(() => rfm(book1).members('Champions', { value: 'ads' })).option).toBe('value');
    const error = optionError(() => dormancy(book1, { by: 'channel' }).members('lost', { value: 'Ads' }));
    expect([error.option, error.message]).toEqual(['value', 'value: "Ads" is not a value of `channel` (did you mean `ads`?); its values are "ads", "mail", null']);
    expect(optionError(() => loyaltyTiers(book1, { tiers, by: 'channel' }).members('Gold', { value: 5 } as never)).option).toBe('value');
  });

  test('an unknown option is refused', () => {
    expect(optionError(() => rfm(book1, { by: 'channel' }).members('Champions', { valeu: 'ads' } as never)).option).toBe('valeu');
  });

  fcTest.prop([fc.constantFrom(...DORMANCY_SEGMENTS)])('without `value`, the same as a report without `by`', (segment) => {
    expect(dormancy(book1, { by: 'channel' }).members(segment)).toEqual(dormancy(book1).members(segment));
  });
});
