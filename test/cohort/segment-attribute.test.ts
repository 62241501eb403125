import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import type { CohortRow, CohortTable } from '../../src/cohort/types.ts';
import { breakdownOf } from '../../src/input/breakdown.ts';
import { filterLedger } from '../../src/input/filter-ledger.ts';
import { ledger } from '../../src/input/ledger.ts';
import type { Ledger } from '../../src/input/types.ts';
import { optionError } from '../helpers/option-error.ts';
import { CATEGORIES, type Shape, bookOf, rowsArb, shapeArb, shaped, tiedRowsArb } from './attribute-ledgers.ts';

const book = ledger(
  [
    { customerId: 'a', date: '2024-01-05', amount: 10, channel: 'ads' },
    { customerId: 'b', date: '2024-01-09', amount: 20, channel: 'email' },
    { customerId: 'c', date: '2024-01-20', amount: 5, channel: null },
    { customerId: 'd', date: '2024-02-02', amount: 7, channel: 'ads' },
    { customerId: 'a', date: '2024-02-11', amount: 15, channel: 'email' },
    { customerId: 'c', date: '2024-03-01', amount: 9, channel: 'ads' },
  ],
  { attributes: { channel: 'channel' }, customers: [{ customerId: 'a', plan: 'pro' }, { customerId: 'b', plan: 'free' }, { customerId: 'd', plan: 'pro' }] },
);
const cohorts = Cohort.from(book).asOf('2024-03-31T23:59:59Z');
const rows = (table: CohortTable) => table.cohorts.map((c) => `${c.segment} ${c.key}: ${c.cells.map((x) => x.customers).join(',')}`);
const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

describe('segments by an attribute', () => {
  test("a customer's segment is the event attribute on their first order; customers without one are segment null, sorted last", () => {
    expect(rows(cohorts.segmentBy('channel').table())).toEqual(['ads 2024-01: 1,1,0', 'ads 2024-02: 1,0', 'email 2024-01: 1,0,0', 'null 2024-01: 1,0,1']);
  });

  test('a customer attribute segments by the customers table (customers without a row are segment null)', () => {
    expect(rows(cohorts.segmentBy('plan').table())).toEqual(['free 2024-01: 1,0,0', 'pro 2024-01: 1,1,0', 'pro 2024-02: 1,0', 'null 2024-01: 1,0,1']);
  });

  test('the same-value rule: a customer enters the segment of v with their first order with v and returns with orders with v only', () => {
    // a enters ads in January and email in February; c (no channel in January) enters ads in March.
    expect(rows(cohorts.segmentBy('channel', { segmentRule: 'same-value' }).table())).toEqual([
      'ads 2024-01: 1,0,0',
      'ads 2024-02: 1,0',
      'ads 2024-03: 1',
      'email 2024-01: 1,0,0',
      'email 2024-02: 1,0',
      'null 2024-01: 1,0,0',
    ]);
  });

  test('the same-value rule on a customer attribute is the customer rule', () => {
    expect(cohorts.segmentBy('plan', { segmentRule: 'same-value' }).table().toJSON()).toEqual(cohorts.segmentBy('plan').table().toJSON());
  });

  test('an attribute the ledger does not have is refused, naming segmentBy and the closest attribute', () => {
    const error = optionError(() => cohorts.segmentBy('chanel'));
    expect(error.option).toBe('segmentBy');
    expect(error.message).toContain('did you mean `channel`');
  });

  test('an unknown rule or option is refused by name; so is a rule beside a segmentBy function', () => {
    expect(optionError(() => cohorts.segmentBy('channel', { segmentRule: 'same' as 'customer' })).option).toBe('segmentRule');
    expect(optionError(() => cohorts.segmentBy('channel', { rule: 'same-value' } as object)).option).toBe('rule');
    expect(optionError(() => cohorts.segmentBy(() => 'x', { segmentRule: 'same-value' })).option).toBe('segmentRule');
    expect(optionError(() => cohorts.segmentBy(42 as unknown as string)).option).toBe('segmentBy');
  });

  test('a later segmentBy replaces an attribute with a function, and the other way round', () => {
    expect(rows(cohorts.segmentBy('channel').segmentBy(() => 'all').table())).toEqual(['all 2024-01: 3,1,1', 'all 2024-02: 1,0']);
    expect(cohorts.segmentBy(() => 'all').segmentBy('channel').table().toJSON()).toEqual(cohorts.segmentBy('channel').table().toJSON());
  });

  test('breakdown: the table over everyone and one table per value, unsegmented, sharing the asOf', () => {
    const split = cohorts.segmentBy('channel').breakdown();
    expect([split.by, split.rule]).toEqual(['channel', 'customer']);
    expect(split.total.toJSON()).toEqual(cohorts.table().toJSON());
    expect(split.segments.map((s) => [s.value, s.customers, rows(s.result)])).toEqual([
      ['ads', 2, ['null 2024-01: 1,1,0', 'null 2024-02: 1,0']],
      ['email', 1, ['null 2024-01: 1,0,0']],
      [null, 1, ['null 2024-01: 1,0,1']],
    ]);
    for (const segment of split.segments) expect(segment.result.asOf).toEqual(split.total.asOf);
  });

  test('breakdown reports the rule asked for, also on a customer attribute, where both rules split alike', () => {
    const sameValue = cohorts.segmentBy('plan', { segmentRule: 'same-value' }).breakdown();
    const customer = cohorts.segmentBy('plan').breakdown();
    expect([sameValue.rule, customer.rule]).toEqual(['same-value', 'customer']);
    expect(sameValue.segments.map((s) => [s.value, s.result.toJSON()])).toEqual(customer.segments.map((s) => [s.value, s.result.toJSON()]));
  });

  test('breakdown needs segmentBy with an attribute name', () => {
    expect(optionError(() => cohorts.breakdown()).option).toBe('segmentBy');
    expect(optionError(() => cohorts.segmentBy(() => 'x').breakdown()).option).toBe('segmentBy');
  });
});

describe('orders tied for first', () => {
  // Two orders at one instant with one amount: the customer's value is the first of the tied orders'
  // values, whichever attributes the ledger reads and in whichever order it lists them.
  const tied = [
    { customerId: 'a', date: '2024-01-05', amount: 10, ch: 'b', cat: 'x' },
    { customerId: 'a', date: '2024-01-05', amount: 10, ch: 'a', cat: 'y' },
    { customerId: 'a', date: '2024-02-05', amount: 10, ch: 'b', cat: 'x' },
  ];
  const readings: Readonly<Record<string, 'ch' | 'cat'>>[] = [{ ch: 'ch' }, { ch: 'ch', cat: 'cat' }, { cat: 'cat', ch: 'ch' }];
  const segmentsOf = (cohort: Cohort) => cohort.table().cohorts.map((c) => c.segment);

  test.each(readings)('the customer rule takes the first of their values, whatever else the ledger reads (%o)', (attributes) => {
    for (const records of [tied, [...tied].reverse()]) expect(segmentsOf(Cohort.from(ledger(records, { attributes })).segmentBy('ch'))).toEqual(['a']);
  });

  test('under a filter only the matching tied orders take part, and with cohortOf first-order all of them', () => {
    for (const attributes of readings.slice(1)) {
      const cohort = Cohort.from(ledger(tied, { attributes }));
      expect(segmentsOf(cohort.where({ cat: ['x'] }).segmentBy('ch'))).toEqual(['b']);
      expect(segmentsOf(cohort.where({ cat: ['x'] }, { cohortOf: 'first-order' }).segmentBy('ch'))).toEqual(['a']);
    }
  });
});

/** Cell sums of a table by cohort key and offset: customers, orders, gross and net revenue in cents. */
function cellSums(tables: readonly CohortTable[]): Map<string, number[]> {
  const sums = new Map<string, number[]>();
  for (const table of tables) {
    for (const cohort of table.cohorts) {
      const size = sums.get(cohort.key) ?? [0];
      size[0] += cohort.size;
      sums.set(cohort.key, size);
      for (const cell of cohort.cells) {
        const key = `${cohort.key} @${cell.offset}`;
        const s = sums.get(key) ?? [0, 0, 0, 0];
        s[0] += cell.customers;
        s[1] += cell.orders;
        s[2] += Math.round(cell.grossRevenue.toNumber() * 100);
        s[3] += Math.round(cell.netRevenue.toNumber() * 100);
        sums.set(key, s);
      }
    }
  }
  return sums;
}

/** The builder of a shape with a filter (or none) and a split. */
function split(data: Ledger, shape: Shape, by: string, filter: readonly (string | null)[] | null, segmentRule: 'customer' | 'same-value' = 'customer'): Cohort {
  const base = shaped(data, shape);
  return (filter === null ? base : base.where({ category: filter })).segmentBy(by, { segmentRule });
}

const filterArb = fc.option(fc.subarray([...CATEGORIES], { minLength: 1 }));

describe('breakdowns add up and match the ledger breakdown', () => {
  fcTest.prop([rowsArb, shapeArb, fc.constantFrom('channel', 'plan'), filterArb], { numRuns: 60 })(
    'customer rule: the segments’ cohort sizes and cell customers, orders and revenue sum to the total’s, cell by cell',
    (records, shape, by, filter) => {
      const { total, segments } = split(bookOf(records), shape, by, filter).breakdown();
      expect(cellSums(segments.map((s) => s.result))).toEqual(cellSums([total]));
      expect(sum(segments.map((s) => s.customers))).toBe(sum(total.cohorts.map((c) => c.size)));
    },
  );

  fcTest.prop([rowsArb, shapeArb, fc.constantFrom('channel', 'plan'), fc.constantFrom('customer' as const, 'same-value' as const), filterArb], { numRuns: 60 })(
    'each segment’s table is the table of the ledger breakdown’s segment, as of the whole ledger’s last event',
    (records, shape, by, rule, filter) => {
      const whole = bookOf(records);
      const { segments } = split(whole, shape, by, filter, rule).breakdown();
      const data = filter === null ? whole : filterLedger(whole, { category: filter });
      const expected = breakdownOf(data, by, rule, (part) => shaped(part, shape, whole.maxTime ?? 0).table()).segments.filter((s) => s.result.cohorts.length > 0);
      expect(segments.map((s) => [s.value, s.result.toJSON()])).toEqual(expected.map((s) => [s.value, s.result.toJSON()]));
    },
  );

  fcTest.prop([tiedRowsArb, fc.boolean(), shapeArb, fc.constantFrom('customer' as const, 'same-value' as const), filterArb], { numRuns: 60 })(
    'with orders tied for first, each segment’s table is still the ledger breakdown’s, whichever attribute the ledger reads first',
    (records, categoryFirst, shape, rule, filter) => {
      const whole = bookOf(records, categoryFirst);
      const { segments } = split(whole, shape, 'channel', filter, rule).breakdown();
      const data = filter === null ? whole : filterLedger(whole, { category: filter });
      const expected = breakdownOf(data, 'channel', rule, (part) => shaped(part, shape, whole.maxTime ?? 0).table()).segments.filter((s) => s.result.cohorts.length > 0);
      expect(segments.map((s) => [s.value, s.result.toJSON()])).toEqual(expected.map((s) => [s.value, s.result.toJSON()]));
    },
  );

  fcTest.prop([rowsArb, shapeArb, fc.constantFrom('channel', 'plan'), fc.constantFrom('customer' as const, 'same-value' as const)], { numRuns: 40 })(
    'the segmented table’s cohorts are the breakdown’s segment tables’ cohorts, labelled with their value',
    (records, shape, by, rule) => {
      const builder = split(bookOf(records), shape, by, null, rule);
      const labelled = builder.breakdown().segments.flatMap((s) => s.result.cohorts.map((c): CohortRow => ({ ...c, segment: s.value })));
      expect(builder.table().cohorts).toEqual(labelled);
    },
  );
});
