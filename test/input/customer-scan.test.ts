import { test as fcTest, fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { endAsOf, eventsEndAsOf, resolveAsOf, scanCustomers } from '../../src/input/customer-scan.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { rfm } from '../../src/segments/rfm.ts';

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

/** Per customer as of an instant, computed the plain way: first and last order, orders, gross, net. */
function referenceScan(records: readonly { customerId: string | number; date: number; amount: number }[], asOf: number) {
  const byCustomer = new Map<string | number, { first: number; last: number; orders: number; gross: number; net: number }>();
  for (const r of [...records].sort((x, y) => x.date - y.date)) {
    if (r.date > asOf) continue;
    const c = byCustomer.get(r.customerId) ?? { first: Number.NaN, last: Number.NaN, orders: 0, gross: 0, net: 0 };
    c.net += r.amount;
    if (r.amount >= 0) {
      if (c.orders === 0) c.first = r.date;
      c.last = r.date;
      c.orders++;
      c.gross += r.amount;
    }
    byCustomer.set(r.customerId, c);
  }
  return new Map([...byCustomer].filter(([, c]) => c.orders > 0));
}

describe('scanCustomers properties', () => {
  const record = fc.record({
    customerId: fc.constantFrom<string | number>('a', 'b', 'c', 1, 2),
    date: fc.integer({ min: 0, max: 20 }).map((d) => d * 86_400_000),
    amount: fc.integer({ min: -300, max: 900 }),
  });
  // asOf before, inside and after the data: after the last event the scan reads the ledger's
  // per-account facts instead of the events, and must not tell the difference.
  fcTest.prop([fc.array(record, { maxLength: 40 }), fc.integer({ min: -1, max: 25 })], { numRuns: 300 })(
    'every column equals the plain per-customer computation, wherever asOf falls',
    (records, asOfDay) => {
      const book = ledger.fromColumns({
        customerId: records.map((r) => r.customerId),
        date: records.map((r) => r.date),
        amount: records.map((r) => r.amount),
      });
      const asOf = asOfDay * 86_400_000;
      const scan = scanCustomers(book, asOf);
      const expected = referenceScan(records, asOf);
      const actual = new Map(Array.from(scan.account, (a, i) => [
        book.ids[a] ?? '',
        { first: scan.firstOrder[i], last: scan.lastOrder[i], orders: scan.orders[i], gross: scan.grossMinor[i], net: scan.netMinor[i] },
      ]));
      expect(actual).toEqual(expected);
      // Customers come in account order.
      expect([...scan.account]).toEqual([...scan.account].sort((x, y) => x - y));
    },
  );

  test('thousands of accounts, every seventh with refunds only, over the whole history', () => {
    const records = Array.from({ length: 3000 }, (_, c) => [
      { customerId: c, date: (c % 50) * 86_400_000, amount: c % 7 === 3 ? -5 : 100 + c },
      { customerId: c, date: (c % 50 + 3) * 86_400_000, amount: c % 11 === 0 ? -20 : c % 7 === 3 ? -1 : 7 },
    ]).flat();
    const book = ledger.fromColumns({
      customerId: records.map((r) => r.customerId),
      date: records.map((r) => r.date),
      amount: records.map((r) => r.amount),
    });
    const scan = scanCustomers(book, book.maxTime);
    const expected = referenceScan(records, book.maxTime ?? 0);
    expect(scan.account.length).toBe(expected.size);
    const actual = new Map(Array.from(scan.account, (a, i) => [
      book.ids[a] ?? '',
      { first: scan.firstOrder[i], last: scan.lastOrder[i], orders: scan.orders[i], gross: scan.grossMinor[i], net: scan.netMinor[i] },
    ]));
    expect(actual).toEqual(expected);
  });

  test('when every account is a customer, the whole history lists them all in order', () => {
    for (const customers of [0, 1, 2, 255, 256, 257, 600]) {
      const ids = Array.from({ length: customers }, (_, c) => c * 3);
      const book = ledger.fromColumns({ customerId: ids, date: ids.map((c) => c * 60_000), amount: ids.map(() => 100) });
      const scan = scanCustomers(book, book.maxTime);
      expect({ customers, account: [...scan.account] }).toEqual({ customers, account: ids.map((_, a) => a) });
    }
  });

  test('report columns are copies: writing into them leaves the ledger alone', () => {
    const book = ledger(rows.slice(0, 3));
    const before = [[...book.orders], [...book.netMinor]];
    const report = rfm(book);
    report.columns.frequency[0] = 99;
    report.columns.account[0] = 7;
    dormancy(book).columns.valueMinor[0] = -1;
    expect([[...book.orders], [...book.netMinor]]).toEqual(before);
    expect(rfm(book).columns.frequency[0]).toBe(2);
  });
});

describe('endAsOf: the as-of range of one customer', () => {
  fcTest.prop([fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 25 }), fc.integer({ min: -2, max: 33 })], { numRuns: 500 })(
    'the events at or before asOf are exactly the positions before the end, wherever asOf falls',
    (instants, asOf) => {
      const time = Float64Array.from(instants).sort();
      const end = endAsOf(time, 0, time.length, asOf);
      expect(end).toBe(time.filter((t) => t <= asOf).length);
    },
  );

  test('each account of a ledger ends at its own last event at or before asOf', () => {
    const book = ledger(rows);
    const asOf = Date.parse('2024-01-25T00:00:00Z');
    const ends = book.ids.map((_, a) => eventsEndAsOf(book, a, asOf) - book.start[a]);
    expect(Object.fromEntries(book.ids.map((id, a) => [id, ends[a]]))).toEqual({ a: 2, r: 1, f: 0 });
  });
});
