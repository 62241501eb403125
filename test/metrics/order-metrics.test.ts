import { describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import { averageOrderValue, purchaseFrequency, repeatCustomerRate, repeatRevenueShare } from '../../src/metrics/order-metrics.ts';
import { summarize } from '../../src/metrics/summarize.ts';

const rows = [
  { customerId: 1, date: '2024-01-01', amount: '10.00' },
  { customerId: 1, date: '2024-02-01', amount: '20.00' },
  { customerId: 2, date: '2024-01-15', amount: '5.00' },
  { customerId: 3, date: '2024-03-01', amount: '-5.00' },
];

describe('order metrics', () => {
  test('agree with summarize, with and without a window', () => {
    for (const window of [{}, { from: '2024-01-10' }, { to: '2024-01-20' }]) {
      const s = summarize(rows, window);
      expect(repeatCustomerRate(rows, window)).toBe(s.repeatCustomerRate);
      expect(purchaseFrequency(rows, window)).toBe(s.purchaseFrequency);
      expect(averageOrderValue(rows, window)?.toString()).toBe(s.averageOrderValue?.toString());
      expect(repeatRevenueShare(rows, window)).toBe(s.repeatRevenueShare);
    }
  });

  test('hand-computed', () => {
    const book = ledger(rows);
    expect(repeatCustomerRate(book)).toBe(0.5);
    expect(purchaseFrequency(book)).toBe(1.5);
    expect(averageOrderValue(book)?.toFixed(4)).toBe('11.6667');
    expect(repeatRevenueShare(book)).toBe(20 / 35);
  });

  test('empty and degenerate inputs are null', () => {
    expect(repeatCustomerRate([])).toBeNull();
    expect(purchaseFrequency([])).toBeNull();
    expect(averageOrderValue([])).toBeNull();
    expect(repeatRevenueShare([{ customerId: 1, date: 0, amount: 0 }])).toBeNull();
    expect(averageOrderValue(rows, { from: '2025-01-01' })).toBeNull();
  });

  test('JPY-like currencies', () => {
    const book = ledger(
      [
        { customerId: 1, date: 0, amount: 1000 },
        { customerId: 1, date: 1, amount: 2001 },
      ],
      { currencyDigits: 0 },
    );
    expect(averageOrderValue(book)?.toString()).toBe('1500.5');
  });
});
