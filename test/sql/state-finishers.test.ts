// The finishers of the customer-totals and model-summary queries without an engine: row checks, ids, defaults.
import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { customerStateFromRows, customerTotals, modelSummary, rfmSummaryFromRows, summaryFromRows } from '../../src/sql.ts';
import { inputError, optionError } from '../helpers/option-error.ts';

const row = (customer: unknown, overrides: Record<string, unknown> = {}) => ({
  customer,
  firstEvent: '1000',
  lastEvent: '2000',
  firstOrder: '1000',
  lastOrder: '2000',
  orders: '2',
  grossMinor: '500',
  netMinor: '400',
  ...overrides,
});

describe('customerStateFromRows', () => {
  it('puts the rows in account order: first event, then id, numbers before strings', () => {
    const state = customerStateFromRows([row('b'), row(7n), row('a'), row('z', { firstEvent: '500' })]);
    expect(state.ids).toEqual(['z', 7, 'a', 'b']);
  });

  it('is as of the latest event of the rows without asOf, of nothing without rows', () => {
    expect(customerStateFromRows([row('a'), row('b', { lastEvent: '9000', lastOrder: '9000' })]).asOf).toBe(9000);
    expect(customerStateFromRows([]).asOf).toBeNull();
  });

  it('keeps a refund-only row with no orders and NaN first and last orders', () => {
    const state = customerStateFromRows([row('a', { firstOrder: null, lastOrder: null, orders: '0', grossMinor: '0', netMinor: '-300' })]);
    expect([...state.orders, ...state.firstOrder]).toEqual([0, Number.NaN]);
  });

  it('refuses an id twice, pointing to merging shards', () => {
    expect(inputError(() => customerStateFromRows([row('a'), row('a')])).message).toMatch(/rows\[1\]\.customerId.*merge/);
  });

  it('refuses an id that is neither a string nor an exact integer', () => {
    expect(inputError(() => customerStateFromRows([row(2n ** 60n)])).field).toBe('customerId');
    expect(inputError(() => customerStateFromRows([row(1.5)])).field).toBe('customerId');
  });

  it('refuses orders without a first order', () => {
    expect(inputError(() => customerStateFromRows([row('a', { firstOrder: null })])).index).toBe(0);
  });

  it('refuses an event after asOf', () => {
    expect(inputError(() => customerStateFromRows([row('a')], { asOf: 1500 })).message).toMatch(/after asOf/);
  });

  it('reads asOf in the state\'s zone and keeps the zone', () => {
    const state = customerStateFromRows([], { asOf: '2024-07-01', timeZone: 'Asia/Tokyo' });
    expect([state.asOf, state.timeZone]).toEqual([Date.parse('2024-06-30T15:00:00Z'), 'Asia/Tokyo']);
  });

  it('refuses an unknown option', () => {
    expect(optionError(() => customerStateFromRows([], { asof: 1 } as never)).option).toBe('asof');
  });
});

describe('customerTotals', () => {
  it('has no parameter without asOf', () => {
    const query = customerTotals({ table: 'o', columns: { customerId: 'c', date: 'd', amount: 'a' }, dialect: 'postgres' });
    expect(query.params).toEqual([]);
    expect(query.text).not.toMatch(/WHERE "e"/);
  });
});

describe('rfmSummaryFromRows', () => {
  const CAL_END = 19_800; // 2024-03-18
  const customer = (id: string, overrides: Record<string, unknown> = {}) => ({
    customer: id, firstEvent: '0', firstDay: String(CAL_END - 10), lastDay: String(CAL_END - 3), x: '1', repeatMinor: '700', holdout: '0', day: null, repeatDays: null, ...overrides,
  });
  const dayRow = (day: number, count: number) => ({ customer: null, firstEvent: null, firstDay: null, lastDay: null, x: null, repeatMinor: null, holdout: null, day: String(day), repeatDays: String(count) });
  const calendar = { calibrationEnd: '2024-03-18' };

  it('counts a customer first seen on the calibration end day in excludedOnLastDay, not as a row', () => {
    const s = rfmSummaryFromRows([customer('a'), customer('b', { firstDay: String(CAL_END), lastDay: String(CAL_END), x: '0', repeatMinor: '0' })], calendar);
    expect([s.ids, s.excludedOnLastDay]).toEqual([['a'], 1]);
  });

  it('adds the day rows into periods from the earliest first day', () => {
    const s = rfmSummaryFromRows([customer('a'), dayRow(CAL_END - 9, 2), dayRow(CAL_END - 2, 1)], { ...calendar, unit: 'week' });
    expect([...s.repeatByPeriod]).toEqual([2, 1]);
  });

  it('refuses a day row outside the summary', () => {
    expect(inputError(() => rfmSummaryFromRows([customer('a'), dayRow(CAL_END + 1, 1)], calendar)).index).toBe(1);
  });

  it('refuses a first day after the calibration end day', () => {
    expect(inputError(() => rfmSummaryFromRows([customer('a', { firstDay: String(CAL_END + 1), lastDay: String(CAL_END + 1) })], calendar)).index).toBe(0);
  });

  it('refuses an id twice', () => {
    expect(inputError(() => rfmSummaryFromRows([customer('a'), customer('a')], calendar)).field).toBe('customerId');
  });

  it('requires calibrationEnd, as the query does', () => {
    expect(optionError(() => rfmSummaryFromRows([], {} as never)).option).toBe('calibrationEnd');
    expect(optionError(() => modelSummary({ table: 'o', columns: { customerId: 'c', date: 'd', amount: 'a' }, dialect: 'duckdb' } as never)).option).toBe('calibrationEnd');
  });
});

describe('a finisher reads rows, columns or an Arrow table alike', () => {
  const rows = [row('a'), row('b', { firstEvent: '1500' })];
  const columns = Object.fromEntries(Object.keys(rows[0]).map((key) => [key, rows.map((r) => (r as Record<string, unknown>)[key])]));

  it('takes an object of columns', () => {
    expect(customerStateFromRows(columns)).toEqual(customerStateFromRows(rows));
  });

  it('takes an Arrow table', () => {
    const table = tableFromArrays({ ...columns, firstOrder: ['1000', '1000'], lastOrder: ['2000', '2000'] } as Record<string, string[]>);
    expect(customerStateFromRows(table)).toEqual(customerStateFromRows(rows));
  });

  it('refuses columns of different lengths, naming the column', () => {
    expect(inputError(() => customerStateFromRows({ ...columns, orders: ['2'] })).message).toMatch(/column orders has 1 values where customer has 2/);
  });

  it('refuses what is neither rows, columns nor a table', () => {
    expect(inputError(() => customerStateFromRows('rows' as never)).message).toMatch(/not a query result/);
    expect(inputError(() => summaryFromRows({ customers: 3 } as never)).message).toMatch(/not a query result/);
  });
});
