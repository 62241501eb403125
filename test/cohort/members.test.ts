import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import type { CohortTable } from '../../src/cohort/types.ts';
import { ledger } from '../../src/input/ledger.ts';
import { optionError } from '../helpers/option-error.ts';
import { CATEGORIES, type Row, bookOf, rowsArb, shapeArb, shaped } from './attribute-ledgers.ts';

const orders = [
  { customerId: 'b', date: '2024-01-09', amount: 20 },
  { customerId: 'a', date: '2024-01-03', amount: 10 },
  { customerId: 'c', date: '2024-01-20', amount: 5 },
  { customerId: 'b', date: '2024-02-11', amount: 15 },
  { customerId: 'c', date: '2024-02-12', amount: 15 },
  { customerId: 'a', date: '2024-03-02', amount: 5 },
  { customerId: 'a', date: '2024-03-05', amount: 5 },
  { customerId: 'd', date: '2024-02-25', amount: 5 },
];
const monthly = Cohort.from(orders).asOf('2024-03-31T23:59:59Z');

describe('table.members', () => {
  test('classic: the customers with an order in the cell’s period, in the ledger’s account order', () => {
    const table = monthly.table();
    expect(table.members('2024-01', 0)).toEqual(['a', 'b', 'c']);
    expect(table.members('2024-01', 1)).toEqual(['b', 'c']);
    expect(table.members('2024-01', 2)).toEqual(['a']);
    expect(table.members('2024-02', 1)).toEqual([]);
  });

  test('unbounded, brackets and activeWhen count members as they count the cell', () => {
    expect(monthly.mode('unbounded').table().members('2024-01', 1)).toEqual(['a', 'b', 'c']);
    expect(monthly.brackets([[0], [1, 2]]).table().members('2024-01', 1)).toEqual(['a', 'b', 'c']);
    expect(monthly.activeWhen({ minOrders: 2 }).table().members('2024-01', 2)).toEqual(['a']);
    expect(monthly.activeWhen({ minAmount: 12 }).table().members('2024-01', 1)).toEqual(['b', 'c']);
    expect(monthly.activeWhen({ minAmount: 12 }).table().members('2024-01', 0)).toEqual(['b']);
  });

  test('cohortMembers: the whole cohort, in the ledger’s account order', () => {
    expect(monthly.table().cohortMembers('2024-01')).toEqual(['a', 'b', 'c']);
    expect(monthly.table().cohortMembers('2024-02')).toEqual(['d']);
  });

  test('a segmented table names the segment', () => {
    const table = monthly.segmentBy((c) => (c.customerId === 'a' ? 'first' : 'other')).table();
    expect(table.members('2024-01', 1, 'other')).toEqual(['b', 'c']);
    expect(table.cohortMembers('2024-01', 'first')).toEqual(['a']);
  });

  test('each call gives a new array of its own, to sort or extend', () => {
    const table = monthly.table();
    const members = table.members('2024-01', 0);
    members.reverse().push('z');
    expect(members).toEqual(['c', 'b', 'a', 'z']);
    expect(table.members('2024-01', 0)).toEqual(['a', 'b', 'c']);
    const cohort = table.cohortMembers('2024-01');
    cohort.sort().pop();
    expect(table.cohortMembers('2024-01')).toEqual(['a', 'b', 'c']);
  });

  test('the methods are not enumerable fields of the table', () => {
    const table = monthly.table();
    expect(Object.keys(table)).not.toContain('members');
    expect(Object.keys(table)).not.toContain('cohortMembers');
    expect(JSON.parse(JSON.stringify(table))).not.toHaveProperty('members');
  });

  test('an unknown cohort, segment or offset is refused by name', () => {
    const table = monthly.brackets([[0], [1, 2]]).table();
    expect(optionError(() => table.members('2023-12', 0)).option).toBe('cohortKey');
    expect(optionError(() => table.cohortMembers('2023-12')).option).toBe('cohortKey');
    expect(optionError(() => table.members('2024-01', 2)).option).toBe('offset'); // inside a bracket, not its first offset
    expect(optionError(() => table.members('2024-01', 5)).option).toBe('offset');
    expect(optionError(() => table.members('2024-01', 0, 'web')).option).toBe('segment');
    const segmented = monthly.segmentBy(() => 'all').table();
    expect(optionError(() => segmented.members('2024-01', 0)).message).toContain('its segments are "all"');
  });

  test('an unknown segment or cohort is named with the closest one and the ones there are, null among them', () => {
    const book = ledger(
      [
        { customerId: 'a', date: '2024-01-05', amount: 10, channel: 'ads' },
        { customerId: 'b', date: '2024-01-09', amount: 20, channel: null },
      ],
      { attributes: { channel: 'channel' } },
    );
    const table = Cohort.from(book).segmentBy('channel').table();
    const segment = optionError(() => table.members('2024-01', 0, 'Ads'));
    expect([segment.option, segment.message]).toEqual(['segment', 'segment: "Ads" is not a segment of cohort "2024-01" (did you mean `ads`?); its segments are "ads", null']);
    const cohort = optionError(() => table.cohortMembers('2024-1', 'ads'));
    expect([cohort.option, cohort.message]).toEqual(['cohortKey', 'cohortKey: "2024-1" is not a cohort key of the table (did you mean `2024-01`?); its cohort keys are "2024-01"']);
  });

  test('in a table split by an attribute, the customers without a value are segment null', () => {
    const book = ledger(
      [
        { customerId: 'a', date: '2024-01-05', amount: 10, channel: 'ads' },
        { customerId: 'b', date: '2024-01-09', amount: 20, channel: null },
        { customerId: 'b', date: '2024-02-09', amount: 20, channel: 'ads' },
      ],
      { attributes: { channel: 'channel' } },
    );
    const table = Cohort.from(book).segmentBy('channel').table();
    expect(table.members('2024-01', 1, null)).toEqual(['b']);
    expect(table.members('2024-01', 1)).toEqual(['b']);
    expect(table.members('2024-01', 0, 'ads')).toEqual(['a']);
    expect(Cohort.from(book).segmentBy('channel', { segmentRule: 'same-value' }).table().cohortMembers('2024-01', 'ads')).toEqual(['a']);
  });
});

type Split = 'none' | 'function' | 'channel' | 'channel same-value' | 'plan';
const splitArb = fc.constantFrom<Split>('none', 'function', 'channel', 'channel same-value', 'plan');
const filterArb = fc.option(fc.record({ category: fc.subarray([...CATEGORIES], { minLength: 1 }), cohortOf: fc.constantFrom('first-match' as const, 'first-order' as const) }));

/** Every cell's members, checked against the cell: as many as its customers, out of the cohort's, in account order. */
function expectMembersMatch(table: CohortTable, accountOf: (id: unknown) => number): void {
  for (const cohort of table.cohorts) {
    const everyone = table.cohortMembers(cohort.key, cohort.segment);
    expect(everyone).toHaveLength(cohort.size);
    const places = everyone.map(accountOf);
    expect(places).toEqual([...places].sort((x, y) => x - y));
    for (const cell of cohort.cells) {
      const members = table.members(cohort.key, cell.offset, cohort.segment);
      expect(members).toHaveLength(cell.customers);
      expect(members.every((id) => everyone.includes(id))).toBe(true);
      const memberPlaces = members.map(accountOf);
      expect(memberPlaces).toEqual([...memberPlaces].sort((x, y) => x - y));
    }
  }
}

describe('members, for every cell', () => {
  fcTest.prop([rowsArb, shapeArb, splitArb, filterArb], { numRuns: 80 })(
    'as many members as the cell counts customers, out of the cohort’s, in the ledger’s account order',
    (records: Row[], shape, split, filter) => {
      const book = bookOf(records);
      let builder = shaped(book, shape);
      if (filter !== null) builder = builder.where({ category: filter.category }, { cohortOf: split === 'channel same-value' ? 'first-match' : filter.cohortOf });
      if (split === 'function') builder = builder.segmentBy((c) => (Number(c.customerId) % 2 === 0 ? 'even' : 'odd'));
      if (split === 'channel' || split === 'plan') builder = builder.segmentBy(split);
      if (split === 'channel same-value') builder = builder.segmentBy('channel', { segmentRule: 'same-value' });
      expectMembersMatch(builder.table(), (id) => book.ids.indexOf(id as number));
    },
  );

  fcTest.prop([rowsArb], { numRuns: 60 })('classic monthly members: the cohort’s customers with an order in the month', (records) => {
    const table = Cohort.from(bookOf(records)).table();
    const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);
    const shift = (key: string, k: number) => {
      const m = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 + k;
      return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    };
    for (const cohort of table.cohorts) {
      const everyone = new Set(table.cohortMembers(cohort.key));
      for (const cell of cohort.cells) {
        const active = new Set(records.filter((r) => everyone.has(r.customerId) && Number(r.amount) >= 0 && month(r.date) === shift(cohort.key, cell.offset)).map((r) => r.customerId));
        expect(new Set(table.members(cohort.key, cell.offset))).toEqual(active);
      }
    }
  });
});
