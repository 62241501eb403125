import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import { MAX_TABLE_CELLS } from '../../src/cohort/limits.ts';
import { optionError } from '../helpers/option-error.ts';

const twoOrders = [
  { customerId: 'a', date: '2024-01-01', amount: 1 },
  { customerId: 'a', date: '2024-01-05', amount: 1 },
];
const limit = 'at most 1,000,000 are supported';

describe('cohort tables hold at most 1,000,000 cells', () => {
  test('the limit', () => {
    expect(MAX_TABLE_CELLS).toBe(1_000_000);
  });

  test('an asOf far beyond the data ("no end", 9999-12-31) with daily offsets is refused, naming asOf and the limit', () => {
    const error = optionError(() => Cohort.from(twoOrders).by('day').asOf('9999-12-31').table());
    expect(error.option).toBe('asOf');
    expect(error.message).toContain('the table would hold 2,913,174 cells');
    expect(error.message).toContain(limit);
  });

  test('so is one with fixed spans of a day', () => {
    expect(optionError(() => Cohort.from(twoOrders).every({ days: 1 }).asOf('9999-12-31').table()).option).toBe('asOf');
  });

  test('the same horizon in coarser periods is fine', () => {
    const table = Cohort.from(twoOrders).by('year').asOf('9999-12-31').table();
    expect(table.cohorts[0]?.cells).toHaveLength(9999 - 2024 + 1);
  });

  test('maxOffset keeps a far horizon within the limit', () => {
    expect(Cohort.from(twoOrders).by('day').maxOffset(30).asOf('9999-12-31').table().cohorts[0]?.cells).toHaveLength(31);
  });

  test('offsets too fine for the span of the data itself are refused, naming every', () => {
    // A first order every day for 1,500 days: daily cohorts with daily offsets are 1,500 · 1,501 ÷ 2 cells.
    const data = Array.from({ length: 1500 }, (_, d) => ({ customerId: d, date: Date.UTC(2020, 0, 1 + d), amount: 1 }));
    const error = optionError(() => Cohort.from(data).by('day').table());
    expect(error.option).toBe('every');
    expect(error.message).toContain('the table would hold 1,125,750 cells');
    expect(Cohort.from(data).by('day').every('quarter').table().cohorts).toHaveLength(1500);
  });

  test('rows follow each cohort’s own offsets: many young cohorts beside one old one cost their cells only', () => {
    // One customer 20,000 days before 5,000 customers who each get a segment of their own: rows as wide as
    // the oldest cohort would be 5,001 × 20,001 cells; the table has 25,001.
    const data = [{ customerId: 'old', date: '2000-01-01', amount: 1 }];
    for (let i = 0; i < 5000; i++) data.push({ customerId: `new${i}`, date: '2054-10-04', amount: 2 });
    const table = Cohort.from(data).by('day').segmentBy((c) => String(c.customerId)).table();
    expect(table.cohorts).toHaveLength(5001);
    expect(table.cohorts.reduce((n, c) => n + c.cells.length, 0)).toBe(25_001);
    const old = table.cohorts.find((c) => c.segment === 'old');
    expect([old?.cells.length, old?.cells[0]?.customers, old?.cells[20_000]?.customers]).toEqual([20_001, 1, 0]);
    expect(table.cohorts.find((c) => c.segment === 'new42')?.cells.map((c) => [c.customers, c.grossRevenue.toFixed(2)])).toEqual([[1, '2.00']]);
  });
});

describe('survival tables hold at most 1,000,000 cells, the overall curve included', () => {
  test('an asOf far beyond the data with daily offsets is refused, naming asOf and the limit', () => {
    const error = optionError(() => Cohort.fromSubscriptions([{ customerId: 1, start: '2024-01-01' }]).by('day').asOf('9999-12-31').table());
    expect(error.option).toBe('asOf');
    expect(error.message).toContain(limit);
    expect(error.message).not.toContain('maxOffset');
  });

  test('the same horizon in years is fine', () => {
    const table = Cohort.fromSubscriptions([{ customerId: 1, start: '2024-01-01' }]).by('year').asOf('9999-12-31').table();
    expect(table.overall).toHaveLength(9999 - 2024);
  });
});
