// The breakdown options of the queries and finishers without an engine: what is refused, with which
// error, and the rows a breakdown's finisher refuses.
import { describe, expect, test } from 'vitest';
import {
  type SqlSourceOptions,
  cohortCells,
  cohortTableFromCells,
  periodActivity,
  periodLifecycleFromRows,
  periodRetentionFromRows,
  summary,
  summaryFromRows,
} from '../../src/sql.ts';
import { inputError, optionError } from '../helpers/option-error.ts';

const source: SqlSourceOptions = { table: 'shop.orders', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: 'duckdb' };
const lines: SqlSourceOptions = { ...source, columns: { ...source.columns, orderId: 'order_id' } };
const period = { period: 'month', asOf: '2024-06-30' } as const;
const summaryRow = { customers: '1', orders: '1', zeroValueOrders: '0', refunds: '0', grossMinor: '100', refundMinor: '0', repeatMinor: '0', repeatCustomers: '0', firstOrder: '1704067200000', lastOrder: '1704067200000' };

describe('breakdown options', () => {
  test('a breakdown of order lines is refused, as a filter of them is', () => {
    expect(optionError(() => summary({ ...lines, by: 'channel' })).option).toBe('by');
    expect(optionError(() => periodActivity({ ...lines, ...period, by: 'channel' })).option).toBe('by');
    expect(optionError(() => cohortCells({ ...lines, asOf: '2024-06-30', segmentBy: 'channel' })).option).toBe('segmentBy');
  });

  test('segmentRule without a column to break down by is refused', () => {
    expect(optionError(() => summary({ ...source, segmentRule: 'same-value' })).option).toBe('segmentRule');
    expect(optionError(() => periodActivity({ ...source, ...period, segmentRule: 'customer' })).option).toBe('segmentRule');
    expect(optionError(() => cohortCells({ ...source, asOf: '2024-06-30', segmentRule: 'customer' })).option).toBe('segmentRule');
  });

  test('a segmentRule other than customer or same-value is refused', () => {
    expect(optionError(() => summary({ ...source, by: 'channel', segmentRule: 'event' as 'customer' })).option).toBe('segmentRule');
  });

  test('a column to break down by that is not a non-empty string is refused', () => {
    expect(optionError(() => summary({ ...source, by: '' })).option).toBe('by');
    expect(optionError(() => periodActivity({ ...source, ...period, by: 3 as unknown as string })).option).toBe('by');
    expect(optionError(() => cohortCells({ ...source, asOf: '2024-06-30', segmentBy: ['channel'] as unknown as string })).option).toBe('segmentBy');
  });

  test("the cohort query's by is still the cohort period: a column there is a bad unit", () => {
    expect(optionError(() => cohortCells({ ...source, asOf: '2024-06-30', by: 'channel' as 'month' })).option).toBe('by');
  });

  test('the finishers refuse a bad breakdown option as the queries do', () => {
    expect(optionError(() => summaryFromRows([], { segmentRule: 'customer' })).option).toBe('segmentRule');
    expect(optionError(() => periodRetentionFromRows([], { ...period, by: '' })).option).toBe('by');
    expect(optionError(() => cohortTableFromCells([], { asOf: '2024-06-30', segmentBy: 'channel', segmentRule: 'x' as 'customer' })).option).toBe('segmentRule');
  });
});

describe('breakdown rows', () => {
  test('with by, a row without part is refused: it is not a breakdown query row', () => {
    expect(inputError(() => summaryFromRows([summaryRow], { by: 'channel' })).reason).toMatch(/part/);
  });

  test("a segment's value that is not text is refused", () => {
    expect(inputError(() => summaryFromRows([{ ...summaryRow, part: 0, segment: '' }, { ...summaryRow, part: 2, segment: 7 }], { by: 'channel' })).reason).toMatch(/not text/);
  });

  test('a part other than 0, 1 or 2 is refused', () => {
    expect(inputError(() => periodLifecycleFromRows([{ part: 3, segment: '', period: 24288 }], { ...period, by: 'channel' })).reason).toMatch(/part 3/);
  });

  test('two rows of one segment of a summary are refused', () => {
    const rows = [{ ...summaryRow, part: 0, segment: '' }, { ...summaryRow, part: 1, segment: '' }, { ...summaryRow, part: 1, segment: '' }];
    expect(inputError(() => summaryFromRows(rows, { by: 'channel' })).reason).toMatch(/one row per part/);
  });

  test('a breakdown without rows is the total of no orders and no segment', () => {
    const split = summaryFromRows([], { by: 'channel', segmentRule: 'same-value' });
    expect([split.total.customers, split.total.firstOrder, split.segments, split.rule]).toEqual([0, null, [], 'same-value']);
  });

  test('a segment whose report counts no customer is left out', () => {
    const rows = [{ ...summaryRow, part: 0, segment: '' }, { ...summaryRow, part: 2, segment: 'ads', customers: '0', orders: '0', grossMinor: '0', firstOrder: null, lastOrder: null }];
    expect(summaryFromRows(rows, { by: 'channel' }).segments).toEqual([]);
  });
});
