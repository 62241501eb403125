import { Decimal } from 'decimal.js';
import { afterEach, describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import { marginClv } from '../../src/metrics/clv-formulas.ts';
import { historicalClv } from '../../src/metrics/historical-clv.ts';
import { summarize } from '../../src/metrics/summarize.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { predictiveClv } from '../../src/models/predictive-clv.ts';

// The caller's global decimal.js settings belong to the caller: no result may depend on them.
describe('results under the caller’s Decimal.set', () => {
  afterEach(() => {
    Decimal.set({ defaults: true });
  });

  const book = ledger([
    { customerId: 'a', date: '2024-01-01', amount: '12345.67' },
    { customerId: 'a', date: '2024-02-01', amount: '0.01' },
    { customerId: 'b', date: '2024-01-05', amount: '3.00' },
  ]);

  test('a small maxE does not turn a formula result into Infinity', () => {
    Decimal.set({ maxE: 3 });
    expect(marginClv({ margin: 10_000, retentionRate: 0.9, discountRate: 0.1 }).toString()).toBe('45000');
  });

  test('a small maxE or minE does not change money read from the ledger', () => {
    Decimal.set({ maxE: 3, minE: -1 });
    const s = summarize(book);
    expect(s.grossRevenue.toString()).toBe('12348.68');
    expect(s.averageOrderValue?.toString()).toBe('4116.2266666666666667');
    expect(historicalClv(book).distribution?.mean.toString()).toBe('6174.34');
  });

  test('a small maxE does not turn a predictive CLV into Infinity', () => {
    Decimal.set({ maxE: 0 });
    const transactionModel = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const spendModel = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
    const customer = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
    expect(predictiveClv({ transactionModel, spendModel, customer, horizon: 52, discountRate: 0 }).clv.toFixed(2)).toBe('38.44');
  });

  test('a low precision and another rounding do not change results', () => {
    Decimal.set({ precision: 2, rounding: Decimal.ROUND_DOWN, toExpPos: 1 });
    expect(summarize(book).averageOrderValue?.toString()).toBe('4116.2266666666666667');
  });

  test('results are still instances of the shared Decimal class', () => {
    expect(summarize(book).grossRevenue).toBeInstanceOf(Decimal);
    expect(Decimal.isDecimal(marginClv({ margin: 1, retentionRate: 0.5, discountRate: 0 }))).toBe(true);
  });
});
