import { describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import { summarize } from '../../src/metrics/summarize.ts';

describe('events at one instant', () => {
  const first = { customerId: 'a', date: '2024-01-01T10:00:00Z', amount: '5.00' };
  const second = { customerId: 'a', date: '2024-01-01T10:00:00Z', amount: '30.00' };
  const later = { customerId: 'a', date: '2024-02-01', amount: '10.00' };

  test('are ordered by amount, largest first, whatever the input order', () => {
    expect([...ledger([first, second, later]).minor]).toEqual([3000, 500, 1000]);
    expect([...ledger([second, first, later]).minor]).toEqual([3000, 500, 1000]);
  });

  test('put an order before a refund of the same instant', () => {
    const refund = { customerId: 'a', date: '2024-01-01T10:00:00Z', amount: '-5.00' };
    expect([...ledger([refund, first]).minor]).toEqual([500, -500]);
  });

  test('give the same repeat revenue in either input order', () => {
    const a = summarize(ledger([first, second, later])).repeatRevenue.toString();
    const b = summarize(ledger([second, first, later])).repeatRevenue.toString();
    expect(a).toBe(b);
    expect(a).toBe('15');
  });
});
