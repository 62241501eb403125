// The emitted SQL and the finishers without an engine: options are checked and named in errors,
// names are quoted, the dialects differ only where engines do, and the finishers refuse rows that
// the queries cannot have made.
import { describe, expect, test } from 'vitest';
import { Cohort, ledger, periodLifecycle, periodRetention } from '../../src/index.ts';
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

const source: SqlSourceOptions = { table: 'shop.orders', columns: { customerId: 'Customer', date: 'created_at', amount: 'total' }, dialect: 'postgres' };
const cell = { cohort: 24288, bracket: null, cohortSize: 1, minBase: 24288, maxBase: 24288, offset: 0, customers: '1', orders: '1', grossMinor: '100', netMinor: '100', lastActive: '1' };

describe('options', () => {
  test('an unknown option key is an InvalidOptionError naming it', () => {
    expect(optionError(() => summary({ ...source, form: '2024-01-01' } as SqlSourceOptions)).option).toBe('form');
  });

  test('an unknown column key is named with its prefix', () => {
    expect(optionError(() => summary({ ...source, columns: { ...source.columns, lineId: 'id' } } as SqlSourceOptions)).option).toBe('columns.lineId');
  });

  test('a dialect other than duckdb, postgres or clickhouse is refused', () => {
    expect(optionError(() => summary({ ...source, dialect: 'mysql' as 'duckdb' })).option).toBe('dialect');
  });

  test('an empty table name or column name is refused', () => {
    expect(optionError(() => summary({ ...source, table: 'shop.' })).option).toBe('table');
    expect(optionError(() => summary({ ...source, columns: { ...source.columns, date: '' } })).option).toBe('columns.date');
  });

  test('options that are not an object are an InvalidOptionError, not a TypeError', () => {
    expect(optionError(() => summary(undefined as unknown as SqlSourceOptions)).option).toBe('options');
    expect(optionError(() => cohortTableFromCells([], undefined as unknown as { asOf: string })).option).toBe('options');
  });

  test('an order id column merges the lines of one order before anything else reads them', () => {
    const { text } = summary({ ...source, columns: { ...source.columns, orderId: 'order_id' } });
    expect(text).toContain('UNION ALL');
    expect(text).toContain('GROUP BY "l"."customer", "l"."orderId"');
  });

  test('a cohort query needs asOf', () => {
    expect(optionError(() => cohortCells({ ...source } as Parameters<typeof cohortCells>[0])).option).toBe('asOf');
  });

  test('a calendar unit is checked under the option that gave it', () => {
    expect(optionError(() => cohortCells({ ...source, asOf: '2024-01-01', every: 'fortnight' as 'week' })).option).toBe('every');
  });

  test('from after to is refused', () => {
    expect(optionError(() => summary({ ...source, from: '2024-02-01', to: '2024-01-01' })).option).toBe('from');
  });
});

describe('rendering', () => {
  test('names are quoted exactly as given, a dotted table name part by part', () => {
    const { text } = summary(source);
    expect(text).toContain('FROM "shop"."orders" AS "source"');
    expect(text).toContain('"source"."Customer"');
  });

  test('a double quote in a name is doubled, never ends the identifier', () => {
    expect(summary({ ...source, table: 'a"b' }).text).toContain('"a""b"');
  });

  test('window bounds and asOf are parameters in epoch ms, read in the given zone', () => {
    expect(summary({ ...source, from: '2024-01-01', to: '2024-02-01', timeZone: 'Europe/Berlin' }).params).toEqual([Date.UTC(2023, 11, 31, 23), Date.UTC(2024, 0, 31, 23)]);
    expect(cohortCells({ ...source, asOf: '2024-01-01', timeZone: 'America/New_York' }).params).toEqual([Date.UTC(2024, 0, 1, 5), 'America/New_York']);
  });

  test('without a window the summary has no parameters', () => {
    expect(summary(source).params).toEqual([]);
  });

  test('the dialects differ in the local date and in exact integer division', () => {
    const options = { ...source, by: 'week' as const, asOf: '2024-01-01' };
    const duck = cohortCells({ ...options, dialect: 'duckdb' }).text;
    const pg = cohortCells(options).text;
    expect(duck).toContain('to_milliseconds(');
    expect(duck).toContain(' // 7)');
    expect(pg).toContain("interval '1 millisecond'");
    expect(pg).not.toContain('//');
  });

  test('a query and its parameters are frozen', () => {
    const query = summary({ ...source, from: '2024-01-01' });
    expect(Object.isFrozen(query)).toBe(true);
    expect(Object.isFrozen(query.params)).toBe(true);
  });
});

describe('summaryFromRows', () => {
  const row = { customers: '0', orders: '0', zeroValueOrders: '0', refunds: '0', grossMinor: '0', refundMinor: '0', repeatMinor: '0', repeatCustomers: '0', firstOrder: null, lastOrder: null };

  test('no orders: zeros and nulls, as summarize of an empty ledger', () => {
    const s = summaryFromRows([row]);
    expect(s.averageOrderValue).toBeNull();
    expect(s.firstOrder).toBeNull();
    expect(s.grossRevenue.toString()).toBe('0');
  });

  test('integers arrive as text, numbers or bigints alike', () => {
    expect(summaryFromRows([{ ...row, customers: 2n, orders: 3, grossMinor: '1050' }]).grossRevenue.toFixed(2)).toBe('10.50');
  });

  test('currencyDigits scales the minor units', () => {
    expect(summaryFromRows([{ ...row, orders: '1', customers: '1', grossMinor: '1050' }], { currencyDigits: 0 }).grossRevenue.toString()).toBe('1050');
  });

  test('anything but exactly one row is an InvalidInputError', () => {
    expect(inputError(() => summaryFromRows([])).reason).toMatch(/one row/);
  });

  test('an integer beyond 2^53 − 1 is refused, not rounded', () => {
    expect(inputError(() => summaryFromRows([{ ...row, grossMinor: '9007199254740993' }])).reason).toMatch(/grossMinor/);
  });

  test('a missing field is refused, naming it', () => {
    const { repeatMinor: _, ...partial } = row;
    expect(inputError(() => summaryFromRows([partial])).reason).toMatch(/repeatMinor/);
  });
});

describe('cohortTableFromCells', () => {
  test('offsets without rows are zero cells up to asOf', () => {
    const table = cohortTableFromCells([cell], { asOf: '2024-03-15' });
    expect(table.cohorts[0].cells.map((c) => c.customers)).toEqual([1, 0, 0]);
    expect(table.cohorts[0].cells.map((c) => c.complete)).toEqual([true, true, false]);
  });

  test('no rows: a table without cohorts, as of an empty ledger', () => {
    const asOf = new Date('2024-03-15T00:00:00Z');
    expect(cohortTableFromCells([], { asOf })).toEqual(Cohort.from(ledger([])).asOf(asOf).table());
  });

  test('an offset beyond asOf is refused', () => {
    expect(inputError(() => cohortTableFromCells([{ ...cell, offset: 5 }], { asOf: '2024-03-15' })).reason).toMatch(/offset 5/);
  });

  test('rows of one cohort that disagree on its size are refused', () => {
    expect(inputError(() => cohortTableFromCells([cell, { ...cell, offset: 1, cohortSize: 2 }], { asOf: '2024-03-15' })).index).toBe(1);
  });

  test('the query options are accepted as they are', () => {
    expect(cohortTableFromCells([cell], { ...source, asOf: '2024-01-31' }).cohorts[0].key).toBe('2024-01');
  });

  test('the members of a cell are not in the table: asking throws, naming what to do', () => {
    const table = cohortTableFromCells([cell], { asOf: '2024-03-15' });
    expect(optionError(() => table.members('2024-01', 0)).message).toMatch(/query the engine/);
    expect(optionError(() => table.cohortMembers('2024-01')).message).toMatch(/query the engine/);
  });

  test('a key that is not a cohort is still named as such', () => {
    const table = cohortTableFromCells([cell], { asOf: '2024-03-15' });
    expect(optionError(() => table.members('2023-12', 0)).option).toBe('cohortKey');
  });
});

describe('periodRetentionFromRows and periodLifecycleFromRows', () => {
  const january = { period: 24288, active: '1', new: '1', returning: '0', newMinor: '100', returningMinor: '0', resurrectedMinor: '0' };
  const calendar = { period: 'month', asOf: '2024-03-15' } as const;

  test('a period query needs period and asOf, and refuses unknown keys', () => {
    expect(optionError(() => periodActivity({ ...source, period: 'month' } as Parameters<typeof periodActivity>[0])).option).toBe('asOf');
    expect(optionError(() => periodActivity({ ...source, asOf: '2024-01-01' } as Parameters<typeof periodActivity>[0])).option).toBe('period');
    expect(optionError(() => periodRetentionFromRows([], { ...calendar, activeWithin: { days: 7 } } as typeof calendar)).option).toBe('activeWithin');
  });

  test('periods without rows are rows of zeros up to the period of asOf, the last one incomplete', () => {
    const rows = periodLifecycleFromRows([january], calendar);
    expect(rows.map((r) => [r.period, r.active, r.dormant, r.complete])).toEqual([['2024-01', 1, 0, true], ['2024-02', 0, 1, true], ['2024-03', 0, 0, false]]);
  });

  test('rates are null when the base at the start is empty', () => {
    const [first] = periodRetentionFromRows([january], calendar);
    expect([first.retentionRate, first.churnRate]).toEqual([null, null]);
  });

  test('no rows: no periods, as the in-process reports of an empty ledger', () => {
    expect(periodRetentionFromRows([], calendar)).toEqual(periodRetention(ledger([]), calendar));
    expect(periodLifecycleFromRows([], calendar)).toEqual(periodLifecycle(ledger([]), calendar));
  });

  test('from after asOf reports no periods', () => {
    expect(periodRetentionFromRows([january], { ...calendar, from: '2024-05-01' })).toEqual([]);
  });

  test('a period after the period of asOf is refused', () => {
    expect(inputError(() => periodRetentionFromRows([{ ...january, period: 24291 }], calendar)).reason).toMatch(/after the period of asOf/);
  });

  test('a period given twice is refused', () => {
    expect(inputError(() => periodLifecycleFromRows([january, january], calendar)).index).toBe(1);
  });

  test('the query options are accepted as they are', () => {
    expect(periodRetentionFromRows([january], { ...source, ...calendar })[0].period).toBe('2024-01');
  });

  test('asOf and the time zone are the parameters of the period query', () => {
    expect(periodActivity({ ...source, period: 'week', asOf: '2024-01-01', timeZone: 'America/New_York' }).params).toEqual([Date.UTC(2024, 0, 1, 5), 'America/New_York']);
  });
});
