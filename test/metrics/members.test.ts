import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { Where } from '../../src/input/attribute-lookup.ts';
import { ledger } from '../../src/input/ledger.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { type LifecycleGroup, type RetentionGroup, periodLifecycleMembers, periodRetentionMembers } from '../../src/metrics/members.ts';
import { type PeriodRetentionRow, periodRetention } from '../../src/metrics/period-retention.ts';
import { optionError } from '../helpers/option-error.ts';
import { attributeLedger, ordersArb } from './attribute-orders.ts';

const book = ledger(
  [
    { customerId: 'a', date: '2024-01-10', amount: 10, channel: 'ads' },
    { customerId: 'b', date: '2024-01-12', amount: 20, channel: 'mail' },
    { customerId: 'c', date: '2024-01-13', amount: 20, channel: 'ads' },
    { customerId: 'a', date: '2024-02-03', amount: 10, channel: 'mail' },
    { customerId: 'd', date: '2024-02-04', amount: 5, channel: 'ads' },
    { customerId: 'b', date: '2024-03-20', amount: 20, channel: 'mail' },
  ],
  { attributes: { channel: 'channel' } },
);

describe('periodRetentionMembers', () => {
  test('the customers of each group of a row', () => {
    const options = { period: 'month' } as const;
    const members = (group: RetentionGroup) => periodRetentionMembers(book, options, '2024-02', group);
    expect(members('start')).toEqual(['a', 'b', 'c']);
    expect(members('end')).toEqual(['a', 'd']);
    expect(members('retained')).toEqual(['a']);
    expect(members('lost')).toEqual(['b', 'c']);
    expect(members('acquired')).toEqual(['d']);
    expect(periodRetentionMembers(book, options, '2024-03', 'reactivated')).toEqual(['b']);
  });

  test("one segment's members, with the report's filter and rule", () => {
    expect(periodRetentionMembers(book, { period: 'month', by: 'channel', value: 'ads' }, '2024-02', 'lost')).toEqual(['c']);
    expect(periodRetentionMembers(book, { period: 'month', by: 'channel', segmentRule: 'same-value', value: 'mail' }, '2024-02', 'acquired')).toEqual(['a']);
    expect(periodRetentionMembers(book, { period: 'month', where: { channel: ['ads'] } }, '2024-02', 'end')).toEqual(['d']);
    expect(periodRetentionMembers(book, { period: 'month', activeWhen: { minAmount: 15 } }, '2024-01', 'end')).toEqual(['b', 'c']);
  });

  test('a value of the attribute without customers in scope has no members', () => {
    expect(periodRetentionMembers(book, { period: 'month', where: { channel: ['mail'] }, by: 'channel', value: 'ads' }, '2024-02', 'end')).toEqual([]);
    expect(periodRetentionMembers(book, { period: 'month', by: 'channel', value: null }, '2024-02', 'end')).toEqual([]);
  });

  test('bad arguments are refused, naming them', () => {
    const options = { period: 'month' } as const;
    expect(optionError(() => periodRetentionMembers(book, options, '2024-05', 'end')).message).toBe(
      'period: "2024-05" is not the key of a month row of the report; the rows are 2024-01 … 2024-03',
    );
    expect(optionError(() => periodRetentionMembers(book, options, '2024-W05', 'end')).option).toBe('period');
    expect(optionError(() => periodRetentionMembers(book, options, '2024-02', 'churned' as RetentionGroup)).option).toBe('group');
    expect(optionError(() => periodRetentionMembers(book, { period: 'month', value: 'ads' }, '2024-02', 'end')).option).toBe('value');
    expect(optionError(() => periodRetentionMembers(book, { period: 'month', by: 'channel' }, '2024-02', 'end')).option).toBe('by');
    expect(optionError(() => periodRetentionMembers(book, { period: 'month', by: 'channel', value: 'tv' }, '2024-02', 'end')).message).toBe(
      'value: "tv" is not a value of `channel`; its values are "ads", "mail", null',
    );
    expect(optionError(() => periodRetentionMembers(book, { period: 'month', by: 'channel', value: 3 as unknown as string }, '2024-02', 'end')).option).toBe('value');
    expect(optionError(() => periodRetentionMembers(book, { period: 'month', by: 'channel', segment: 'ads' } as never, '2024-02', 'end')).option).toBe('segment');
    expect(optionError(() => periodRetentionMembers(book, { period: 'month', activeWithin: { days: 0 } }, '2024-02', 'end')).option).toBe('activeWithin.days');
  });
});

describe('the value of a segment not among the attribute\'s', () => {
  test('the message suggests the closest value', () => {
    expect(optionError(() => periodRetentionMembers(book, { period: 'month', by: 'channel', value: 'mial' }, '2024-02', 'end')).message).toBe(
      'value: "mial" is not a value of `channel` (did you mean `mail`?); its values are "ads", "mail", null',
    );
  });

  test('of many values the message lists ten, how many more, and null', () => {
    const many = ledger(
      Array.from({ length: 12 }, (_, i) => ({ customerId: i, date: '2024-01-10', amount: 1, source: `s${String(i).padStart(2, '0')}` })),
      { attributes: { source: 'source' } },
    );
    expect(optionError(() => periodLifecycleMembers(many, { period: 'month', by: 'source', value: 'tv' }, '2024-01', 'new')).message).toBe(
      'value: "tv" is not a value of `source`; its values are "s00", "s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09", … 2 more, null',
    );
  });
});

describe('periodLifecycleMembers', () => {
  test('the customers of each state of a row', () => {
    const members = (state: LifecycleGroup) => periodLifecycleMembers(book, { period: 'month' }, '2024-03', state);
    expect(members('active')).toEqual(['b']);
    expect(members('resurrected')).toEqual(['b']);
    expect(members('dormant')).toEqual(['a', 'd']);
    expect(members('new')).toEqual([]);
    expect(periodLifecycleMembers(book, { period: 'month' }, '2024-02', 'returning')).toEqual(['a']);
    expect(optionError(() => periodLifecycleMembers(book, { period: 'month' }, '2024-02', 'lost' as LifecycleGroup)).option).toBe('state');
  });
});

const retentionGroups: readonly [RetentionGroup, (r: PeriodRetentionRow) => number][] = [
  ['start', (r) => r.startCustomers],
  ['end', (r) => r.endCustomers],
  ['retained', (r) => r.retained],
  ['lost', (r) => r.lost],
  ['acquired', (r) => r.acquired],
  ['reactivated', (r) => r.reactivated],
];
const lifecycleGroups: readonly LifecycleGroup[] = ['active', 'new', 'returning', 'resurrected', 'dormant'];

const scopeArb = fc.record(
  {
    activeWhen: fc.record({ minOrders: fc.integer({ min: 1, max: 2 }), minAmount: fc.integer({ min: 0, max: 12 }) }),
    where: fc.constantFrom<Where>({ category: ['a', 'b', null] }, { plan: ['pro', 'team'] }),
    segment: fc.record({ by: fc.constantFrom('category', 'plan'), segmentRule: fc.constantFrom('customer' as const, 'same-value' as const) }),
  },
  { requiredKeys: [] },
);

describe('members properties', () => {
  fcTest.prop([ordersArb, scopeArb, fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined })], { numRuns: 40 })(
    'as many members as the row counts, for every row and group, in the ledger\'s account order',
    (records, { segment, ...scope }, days) => {
      const data = attributeLedger(records);
      const retentionOptions = { period: 'week' as const, ...scope, ...(days === undefined ? {} : { activeWithin: { days } }) };
      const lifecycleOptions = { period: 'week' as const, ...scope };
      const accountOf = new Map(data.ids.map((id, a) => [id, a]));
      const inAccountOrder = (ids: readonly (string | number)[]) => ids.every((id, i) => i === 0 || (accountOf.get(ids[i - 1]) ?? 0) < (accountOf.get(id) ?? 0));
      const parts =
        segment === undefined
          ? [{ rows: periodRetention(data, retentionOptions), life: periodLifecycle(data, lifecycleOptions), pick: {} }]
          : periodRetention(data, { ...retentionOptions, ...segment }).segments.map((s, i) => ({
              rows: s.result,
              life: periodLifecycle(data, { ...lifecycleOptions, ...segment }).segments[i]?.result ?? [],
              pick: { ...segment, value: s.value },
            }));
      for (const { rows, life, pick } of parts) {
        for (const row of rows) {
          for (const [group, count] of retentionGroups) {
            const members = periodRetentionMembers(data, { ...retentionOptions, ...pick }, row.period, group);
            expect(members).toHaveLength(count(row));
            expect(inAccountOrder(members)).toBe(true);
          }
        }
        for (const row of life) {
          for (const state of lifecycleGroups) {
            expect(periodLifecycleMembers(data, { ...lifecycleOptions, ...pick }, row.period, state)).toHaveLength(row[state]);
          }
        }
      }
    },
  );
});
