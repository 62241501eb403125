import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import type { CohortTable } from '../../src/cohort/types.ts';
import { filterLedger } from '../../src/input/filter-ledger.ts';
import { ledger } from '../../src/input/ledger.ts';
import { optionError } from '../helpers/option-error.ts';
import { CATEGORIES, type Row, bookOf, rowsArb, shapeArb, shaped } from './attribute-ledgers.ts';

const book = ledger(
  [
    { customerId: 'a', date: '2024-01-05', amount: 10, category: 'toys' },
    { customerId: 'b', date: '2024-01-09', amount: 20, category: 'books' },
    { customerId: 'c', date: '2024-01-12', amount: 4, category: 'toys' },
    { customerId: 'a', date: '2024-02-11', amount: 15, category: 'books' },
    { customerId: 'b', date: '2024-03-02', amount: -5, category: 'books' },
    { customerId: 'b', date: '2024-03-03', amount: 8, category: 'books' },
    { customerId: 'c', date: '2024-04-20', amount: 6, category: 'toys' },
  ],
  { attributes: { category: 'category' } },
);
const books = { category: ['books'] };
const grid = (table: CohortTable) => table.cohorts.map((c) => `${c.key} (${c.size}): ${c.cells.map((x) => x.customers).join(',')}`);

describe('where: the table of the matching orders', () => {
  test('a customer is in the cohort of their first matching order and active with matching orders only', () => {
    const table = Cohort.from(book).where(books).table();
    expect(grid(table)).toEqual(['2024-01 (1): 1,0,1,0', '2024-02 (1): 1,0,0']);
    expect(table.cohorts[0]?.cells.map((c) => c.netRevenue.toFixed(2))).toEqual(['20.00', '0.00', '3.00', '0.00']);
  });

  test("cohortOf 'first-order': every customer in the cohort of their first order, retained with matching orders only", () => {
    const table = Cohort.from(book).where(books, { cohortOf: 'first-order' }).table();
    expect(grid(table)).toEqual(['2024-01 (3): 1,1,1,0']);
    expect(table.cohorts[0]?.cells.map((c) => c.orders)).toEqual([1, 1, 1, 0]);
  });

  test('asOf defaults to the whole ledger’s last event in both variants, even when it does not match', () => {
    for (const cohortOf of ['first-match', 'first-order'] as const) {
      expect(Cohort.from(book).where(books, { cohortOf }).table().asOf.toISOString()).toBe('2024-04-20T00:00:00.000Z');
    }
  });

  test('a later where replaces the filter', () => {
    expect(Cohort.from(book).where({ category: ['toys'] }).where(books).table().toJSON()).toEqual(Cohort.from(book).where(books).table().toJSON());
  });

  test('the profile a segmentBy or cohortKey function sees is of the first matching order', () => {
    const table = Cohort.from(book).where(books).cohortKey((c) => c.firstOrderAmount.toFixed(2)).table();
    expect(table.cohorts.map((c) => c.key)).toEqual(['20.00', '15.00']);
  });

  test('a bad filter or option is refused by name', () => {
    expect(optionError(() => Cohort.from(book).where({ categroy: ['books'] })).message).toContain('did you mean `category`');
    expect(optionError(() => Cohort.from(book).where({ categroy: ['books'] })).option).toBe('where.categroy');
    expect(optionError(() => Cohort.from(book).where({ category: 'books' } as unknown as typeof books)).option).toBe('where.category');
    expect(optionError(() => Cohort.from(book).where('books' as unknown as typeof books)).option).toBe('where');
    expect(optionError(() => Cohort.from(book).where(books, { cohortOf: 'first' as 'first-order' })).option).toBe('cohortOf');
    expect(optionError(() => Cohort.from(book).where(books, { cohort: 'first-order' } as object)).option).toBe('cohort');
  });

  test("cohortOf 'first-order' does not combine with same-value segments", () => {
    const builder = Cohort.from(book).where(books, { cohortOf: 'first-order' }).segmentBy('category', { segmentRule: 'same-value' });
    expect(optionError(() => builder.table()).option).toBe('cohortOf');
    expect(optionError(() => builder.breakdown()).option).toBe('cohortOf');
  });
});

const filterArb = fc.subarray([...CATEGORIES], { minLength: 1 });
const cohortOfArb = fc.constantFrom('first-match' as const, 'first-order' as const);

describe('where, against the ledger', () => {
  fcTest.prop([rowsArb, shapeArb, cohortOfArb], { numRuns: 40 })('a filter that matches every order changes nothing', (records, shape, cohortOf) => {
    const plain = shaped(bookOf(records), shape);
    expect(plain.where({ category: [...CATEGORIES] }, { cohortOf }).table().toJSON()).toEqual(plain.table().toJSON());
    expect(plain.where({}, { cohortOf }).table().toJSON()).toEqual(plain.table().toJSON());
  });

  fcTest.prop([rowsArb, shapeArb, filterArb, fc.boolean()], { numRuns: 60 })(
    'first-match: the table of filterLedger’s ledger, as of the whole ledger’s last event',
    (records, shape, filter, bySize) => {
      const whole = bookOf(records);
      const bigFirst = (c: { firstOrderAmount: { greaterThan(n: number): boolean } }) => (c.firstOrderAmount.greaterThan(50) ? 'big' : 'small');
      const withSegments = (cohort: Cohort) => (bySize ? cohort.segmentBy(bigFirst) : cohort);
      const filtered = withSegments(shaped(filterLedger(whole, { category: filter }), shape, whole.maxTime ?? 0));
      expect(withSegments(shaped(whole, shape).where({ category: filter })).table().toJSON()).toEqual(filtered.table().toJSON());
    },
  );

  fcTest.prop([rowsArb, filterArb], { numRuns: 80 })(
    'first-order: cohorts of the first order of any kind, cells of the matching orders (monthly, classic)',
    (records, filter) => {
      const table = Cohort.from(bookOf(records)).where({ category: filter }, { cohortOf: 'first-order' }).table();
      const got = Object.fromEntries(table.cohorts.map((c) => [c.key, { size: c.size, cells: c.cells.map((x) => [x.customers, x.orders, x.netRevenue.toFixed(2)]) }]));
      expect(got).toEqual(naiveFirstOrder(records, filter));
      expect(table.cohorts.map((c) => c.size)).toEqual(Cohort.from(bookOf(records)).table().cohorts.map((c) => c.size));
    },
  );

  fcTest.prop([rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))), shapeArb, filterArb, cohortOfArb], { numRuns: 40 })(
    'the order of the records changes nothing: tables, segments and members',
    ([records, shuffled], shape, filter, cohortOf) => {
      const rule = cohortOf === 'first-order' ? 'customer' : 'same-value';
      const build = (rows: readonly Row[]) => shaped(bookOf(rows), shape).where({ category: filter }, { cohortOf }).segmentBy('channel', { segmentRule: rule }).table();
      const [table, again] = [build(records), build(shuffled)];
      expect(again.toJSON()).toEqual(table.toJSON());
      for (const cohort of table.cohorts) {
        for (const cell of cohort.cells) expect(again.members(cohort.key, cell.offset, cohort.segment)).toEqual(table.members(cohort.key, cell.offset, cohort.segment));
      }
    },
  );
});

/** Monthly classic cells read literally (UTC, as of the last record): size, and per month after the first order the customers with a matching order, matching orders and matching net. */
function naiveFirstOrder(records: readonly Row[], filter: readonly (string | null)[]) {
  const month = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();
  const key = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  const last = month(Math.max(...records.map((r) => r.date)));
  const firstOrder = new Map<number, number>();
  for (const r of records) if (Number(r.amount) >= 0) firstOrder.set(r.customerId, Math.min(firstOrder.get(r.customerId) ?? Infinity, r.date));
  const result: Record<string, { size: number; cells: [number, number, string][] }> = {};
  for (const cohort of [...new Set([...firstOrder.values()].map(month))].sort((x, y) => x - y)) {
    const members = [...firstOrder].filter(([, first]) => month(first) === cohort).map(([id]) => id);
    const cells: [number, number, string][] = [];
    for (let m = cohort; m <= last; m++) {
      const there = records.filter((r) => members.includes(r.customerId) && filter.includes(r.category) && month(r.date) === m);
      const orders = there.filter((r) => Number(r.amount) >= 0);
      const net = there.reduce((cents, r) => cents + Math.round(Number(r.amount) * 100), 0);
      cells.push([new Set(orders.map((r) => r.customerId)).size, orders.length, (net / 100).toFixed(2)]);
    }
    result[key(cohort)] = { size: members.length, cells };
  }
  return result;
}
