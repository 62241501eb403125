import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { resolveAsOf, scanCustomers } from '../../src/input/customer-scan.ts';

const rows = [
  { customerId: 'a', date: '2024-01-10T10:00:00Z', amount: '10.00' },
  { customerId: 'a', date: '2024-01-20T10:00:00Z', amount: '-4.00' },
  { customerId: 'a', date: '2024-02-01T10:00:00Z', amount: '0.00' },
  { customerId: 'r', date: '2024-01-05T10:00:00Z', amount: '-1.00' }, // refund-only: never a customer
  { customerId: 'f', date: '2024-03-01T10:00:00Z', amount: '7.00' }, // only order after asOf below
];

describe('scanCustomers', () => {
  test('first and last order, orders, gross and net as of an instant; later events ignored', () => {
    const book = ledger(rows);
    const scan = scanCustomers(book, Date.parse('2024-02-15T00:00:00Z'));
    expect(Array.from(scan.account, (a) => book.ids[a])).toEqual(['a']);
    expect(Array.from(scan.orders)).toEqual([2]);
    expect(Array.from(scan.grossMinor)).toEqual([1000]);
    expect(Array.from(scan.netMinor)).toEqual([600]);
    expect(new Date(scan.firstOrder[0] ?? 0).toISOString()).toBe('2024-01-10T10:00:00.000Z');
    expect(new Date(scan.lastOrder[0] ?? 0).toISOString()).toBe('2024-02-01T10:00:00.000Z');
  });

  test('the default asOf is the last event, refunds included; empty ledgers give no customers', () => {
    const { asOf } = resolveAsOf(rows, undefined);
    expect(new Date(asOf ?? 0).toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(scanCustomers(ledger(rows), asOf).account.length).toBe(2);
    const empty = resolveAsOf([], {});
    expect(empty.asOf).toBeNull();
    expect(scanCustomers(empty.book, null).account.length).toBe(0);
  });

  test('asOf is read in the ledger zone; a bad asOf is an option error', () => {
    const { asOf } = resolveAsOf(ledger(rows, { timeZone: 'Asia/Tokyo' }), { asOf: '2024-02-01' });
    expect(new Date(asOf ?? 0).toISOString()).toBe('2024-01-31T15:00:00.000Z');
    expect(() => resolveAsOf(rows, { asOf: 'yesterday' })).toThrow(InvalidOptionError);
  });
});
