// The loyalty tier query and its finisher without an engine's answers to compare: what they refuse,
// the rows they refuse, and the doubles of the points basis, which every engine must read exactly.
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError, loyaltyTiersFromRows, tierTotals } from '../../src/sql.ts';
import { doubleLiteral } from '../../src/sql/expression.ts';
import { renderExpr } from '../../src/sql/render.ts';
import { dialectOption } from '../../src/sql/dialect.ts';
import { useEngines } from './engines.ts';

const source = { table: 'orders', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: 'duckdb' } as const;
const tiers = [{ name: 'Silver', threshold: 100 }, { name: 'Gold', threshold: 500 }];
const customerRow = { customer: 'ann', firstEvent: '1704067200000', lastEvent: '1704067200000', firstOrder: '1704067200000', window: null, amount: null, reached0: null, reached1: null };
const windowRow = { customer: 'ann', firstEvent: null, lastEvent: null, firstOrder: null, window: '0', amount: '20000', reached0: '1704067200000', reached1: '1704067200000' };

describe('tierTotals', () => {
  test('a window other than lifetime needs asOf', () => {
    expect(() => tierTotals({ ...source, tiers, window: 'calendarYear' })).toThrow(InvalidOptionError);
    expect(() => tierTotals({ ...source, tiers, window: 'calendarYear' })).toThrow(/asOf: .*required/);
  });

  test('a lifetime program without asOf reads every event', () => {
    expect(tierTotals({ ...source, tiers }).params).toEqual([]);
  });

  test('the program is checked as loyaltyTiers checks it', () => {
    expect(() => tierTotals({ ...source, tiers: [{ name: 'a', threshold: 5 }, { name: 'b', threshold: 5 }] })).toThrow(/strictly increasing/);
    expect(() => tierTotals({ ...source, tiers, basis: 'visits' as 'orders' })).toThrow(InvalidOptionError);
  });

  test('a threshold beyond 2^53 is refused', () => {
    expect(() => tierTotals({ ...source, tiers: [{ name: 'a', threshold: 2 ** 60 }], basis: 'points' })).toThrow(/2\^53/);
  });

  test('an unknown option is refused', () => {
    expect(() => tierTotals({ ...source, tiers, by: 'channel' } as Parameters<typeof tierTotals>[0])).toThrow(InvalidOptionError);
  });
});

describe('loyaltyTiersFromRows', () => {
  test('a customer row and its window row give the customer\'s tier', () => {
    const report = loyaltyTiersFromRows([customerRow, windowRow], { tiers });
    expect(report.customers.map((c) => [c.id, c.tier, c.amount.toFixed(2)])).toEqual([['ann', 'Silver', '200.00']]);
  });

  test('a customer without an order is no customer, and a customer without events in the window has amount 0', () => {
    const refundOnly = { ...customerRow, customer: 'bob', firstOrder: null };
    const report = loyaltyTiersFromRows([customerRow, refundOnly, { ...windowRow, customer: 'bob' }], { tiers });
    expect(report.customers.map((c) => [c.id, c.tier, c.amount.toFixed(2)])).toEqual([['ann', null, '0.00']]);
  });

  test('a window row without a customer row is refused', () => {
    expect(() => loyaltyTiersFromRows([windowRow], { tiers })).toThrow(InvalidInputError);
  });

  test('a previous window\'s row is refused without keepPreviousTier', () => {
    const options = { tiers, window: { rollingDays: 30 }, asOf: '2024-01-31' } as const;
    expect(() => loyaltyTiersFromRows([customerRow, { ...windowRow, window: '1' }], options)).toThrow(/keepPreviousTier/);
    expect(loyaltyTiersFromRows([customerRow, { ...windowRow, window: '1' }], { ...options, keepPreviousTier: true }).customers[0]?.kept).toBe(true);
  });

  test('two rows of one window are refused', () => {
    expect(() => loyaltyTiersFromRows([customerRow, windowRow, windowRow], { tiers })).toThrow(/two rows of window 0/);
  });

  test('an event after asOf is refused', () => {
    expect(() => loyaltyTiersFromRows([customerRow], { tiers, asOf: '2023-12-31' })).toThrow(/after asOf/);
  });

  test('a row without a tier\'s column is refused', () => {
    const { reached1: _, ...short } = windowRow;
    expect(() => loyaltyTiersFromRows([customerRow, short], { tiers })).toThrow(/reached1/);
  });
});

describe('doubleLiteral', () => {
  const engineNamed = useEngines({});
  // 1.832 is one a decimal parser may round wrongly; the rest span the doubles' range.
  const values = [0.1, 1.832, 1e-9, -1e-9, 0.07, 3, 2 ** 60 + 2 ** 9, 1e300, 5e-324, 123.456789012345678];
  test.each(['duckdb', 'postgres'] as const)('in %s, the literal of a double is that double', async (name) => {
    const engine = engineNamed(name);
    const dialect = dialectOption(name);
    for (const value of values) {
      const text = `SELECT CAST(${renderExpr(doubleLiteral(value), dialect)} AS ${name === 'duckdb' ? 'VARCHAR' : 'text'}) AS v`;
      const [row] = await engine.run({ text, params: [] });
      expect(Number(row?.v)).toBe(value);
    }
  });
});
