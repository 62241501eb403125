import { fc, test as fcTest } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import type { CohortTable } from '../../src/cohort/types.ts';
import { ledger } from '../../src/input/ledger.ts';

const orders = [
  { customerId: 'a', date: '2024-01-03', amount: 10 },
  { customerId: 'b', date: '2024-01-09', amount: 20 },
  { customerId: 'a', date: '2024-02-11', amount: 15 },
  { customerId: 'b', date: '2024-02-12', amount: -20 },
  { customerId: 'c', date: '2024-02-14', amount: 5 },
  { customerId: 'b', date: '2024-03-02', amount: 20 },
];
const builder = Cohort.from(orders).asOf('2024-03-31T23:59:59Z');
const withChannels = Cohort.from(
  ledger(
    orders.map((order, i) => ({ ...order, channel: i % 3 === 0 ? null : i % 3 === 1 ? 'ads' : 'email' })),
    { attributes: { channel: 'channel' } },
  ),
).asOf('2024-03-31T23:59:59Z');

/** Every own property of `value` and of the objects in it (not inside money or dates) is a plain, enumerable data field. */
function expectPlainData(value: unknown, path = 'table'): void {
  if (typeof value !== 'object' || value === null || value instanceof Decimal || value instanceof Date) return;
  expect(Object.getOwnPropertySymbols(value), path).toEqual([]);
  if (Array.isArray(value)) {
    // An array's own properties are its elements and its built-in, non-enumerable `length`.
    expect(Object.keys(value), path).toEqual(value.map((_, i) => String(i)));
    expect(Object.getOwnPropertyNames(value).length, path).toBe(value.length + 1);
    value.forEach((element: unknown, i) => expectPlainData(element, `${path}[${i}]`));
    return;
  }
  for (const [key, field] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if (typeof field.value === 'function') {
      expect(field.enumerable, `${path}.${key} is a method`).toBe(false);
      continue;
    }
    expect('value' in field && field.enumerable, `${path}.${key}`).toBe(true);
    expectPlainData(field.value, `${path}.${key}`);
  }
}

/** A deep copy of the enumerable own fields, the way a structured clone walks an object (money and dates kept as they are). */
function structuredCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Decimal || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(structuredCopy);
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, structuredCopy(field)]));
}

describe('a cohort table is plain data', () => {
  test.each([
    ['classic', builder],
    ['unbounded', builder.mode('unbounded')],
    ['brackets', builder.brackets([[0], [1, 2]])],
    ['segments', builder.segmentBy((c) => (String(c.customerId) === 'a' ? 'x' : 'y'))],
    ['segments by an attribute', withChannels.segmentBy('channel')],
    ['same-value segments', withChannels.segmentBy('channel', { segmentRule: 'same-value' })],
    ['a filter', withChannels.where({ channel: ['ads'] })],
  ])('%s: no getters, no symbol slots, methods not enumerable', (_, b) => {
    expectPlainData(b.table());
  });

  test('a breakdown: its tables are plain data too', () => {
    expectPlainData(withChannels.segmentBy('channel').breakdown(), 'breakdown');
  });

  test('a spread or a structured copy of a cell has the fields a user reads, with the same values', () => {
    const cell = builder.table().cohorts[0]?.cells[1];
    if (cell === undefined) throw new Error('no cell');
    const spread = { ...cell };
    expect(Object.keys(spread)).toEqual(Object.keys(cell));
    for (const key of Object.keys(cell) as (keyof typeof cell)[]) expect(spread[key]).toBe(cell[key]);
    expect(structuredCopy(cell)).toEqual(spread);
  });

  test('a spread or a structured copy of the table has its data fields, and no methods', () => {
    const table = builder.table();
    const spread = { ...table };
    expect(Object.keys(spread)).toEqual(['by', 'every', 'mode', 'brackets', 'timeZone', 'asOf', 'cohorts', 'average']);
    expect(structuredCopy(table)).toEqual(spread);
  });

  test('JSON has the same fields as the table, its cohorts, cells and average, money as exact strings', () => {
    const table = builder.brackets([[0], [1, 2]]).table();
    const json = JSON.parse(JSON.stringify(table)) as Record<string, unknown> & {
      cohorts: (Record<string, unknown> & { cells: Record<string, unknown>[] })[];
      average: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(Object.keys(table));
    expect(json.brackets).toEqual([[0], [1, 2]]);
    table.cohorts.forEach((cohort, i) => {
      expect(Object.keys(json.cohorts[i] ?? {})).toEqual(Object.keys(cohort));
      cohort.cells.forEach((cell, k) => {
        const written = json.cohorts[i]?.cells[k];
        expect(Object.keys(written ?? {})).toEqual(Object.keys(cell));
        expect(written?.revenuePerCustomer).toBe(cell.revenuePerCustomer.toString());
        expect(written?.netRevenue).toBe(cell.netRevenue.toString());
      });
    });
    table.average.forEach((cell, k) => expect(Object.keys(json.average[k] ?? {})).toEqual(Object.keys(cell)));
  });

  test('structuredClone copies the JSON form and the flat rows as they are', () => {
    const table = builder.table();
    expect(structuredClone(table.toJSON())).toEqual(JSON.parse(JSON.stringify(table)));
    expect(structuredClone(table.toRows())).toEqual(table.toRows());
  });

  test('the table names its brackets, or null without them', () => {
    expect(builder.table().brackets).toBeNull();
    expect(builder.brackets([[0], [1, 3]]).table().brackets).toEqual([[0], [1, 3]]);
    expect(builder.brackets([[0]]).mode('unbounded').table().brackets).toBeNull();
  });
});

// Per-customer money by an independent route: decimal.js at 60 digits, then 20 significant digits half-even.
const Precise = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
const twenty = (minorUnits: number, size: number) =>
  new Precise(minorUnits).dividedBy(size).dividedBy(100).toSignificantDigits(20, Decimal.ROUND_HALF_EVEN).toString();

describe('per-customer revenue', () => {
  fcTest.prop(
    [
      fc.array(
        fc.record({
          customerId: fc.integer({ min: 0, max: 20 }),
          day: fc.integer({ min: 0, max: 200 }),
          cents: fc.integer({ min: -100_000, max: 1_000_000 }),
        }),
        { minLength: 1, maxLength: 80 },
      ),
    ],
    { numRuns: 100 },
  )('each cell: net ÷ size, and the running net ÷ size, to 20 significant digits', (rows) => {
    const table = Cohort.from(rows.map((r) => ({ customerId: r.customerId, date: Date.UTC(2024, 0, 1) + r.day * 86_400_000, amount: (r.cents / 100).toFixed(2) }))).table();
    for (const cohort of table.cohorts) {
      let running = 0;
      for (const cell of cohort.cells) {
        const net = Math.round(cell.netRevenue.toNumber() * 100);
        running += net;
        expect(cell.revenuePerCustomer.toString()).toBe(twenty(net, cohort.size));
        expect(cell.cumulativeRevenuePerCustomer.toString()).toBe(twenty(running, cohort.size));
      }
    }
  });
});

describe('many cohorts', () => {
  test('a table of 150,000 custom cohorts is built (the average curve spans them without spreading them into one call)', () => {
    const n = 150_000;
    const book = ledger.fromColumns({
      customerId: Float64Array.from({ length: n }, (_, i) => i),
      date: Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 1000),
      amount: new Float64Array(n).fill(100),
    });
    const table: CohortTable = Cohort.from(book).cohortKey((c) => String(c.customerId)).table();
    expect(table.cohorts).toHaveLength(n);
    expect(table.average.map((a) => [a.offset, a.cohorts])).toEqual([[0, 0]]);
  });
});
