import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { summarize } from '../../src/metrics/summarize.ts';

const store = [
  { customerId: 'ann', date: '2024-01-05T10:00:00Z', amount: '30.00' },
  { customerId: 'ann', date: '2024-02-05T10:00:00Z', amount: '10.00' },
  { customerId: 'ann', date: '2024-03-05T10:00:00Z', amount: '20.00' },
  { customerId: 'bob', date: '2024-01-20T10:00:00Z', amount: '20.00' },
  { customerId: 'bob', date: '2024-01-25T10:00:00Z', amount: '-5.00' },
  { customerId: 'cy', date: '2024-02-10T10:00:00Z', amount: '0.00' },
  { customerId: 'dee', date: '2024-02-11T10:00:00Z', amount: '-1.00' },
];

describe('summarize', () => {
  test('hand-computed store', () => {
    const s = summarize(store);
    expect(s.customers).toBe(3);
    expect(s.orders).toBe(5);
    expect(s.zeroValueOrders).toBe(1);
    expect(s.refunds).toBe(2);
    expect(s.refundAmount.toFixed(2)).toBe('-6.00');
    expect(s.grossRevenue.toFixed(2)).toBe('80.00');
    expect(s.netRevenue.toFixed(2)).toBe('74.00');
    expect(s.averageOrderValue?.toFixed(2)).toBe('16.00');
    expect(s.purchaseFrequency).toBeCloseTo(5 / 3, 15);
    expect(s.repeatCustomers).toBe(1);
    expect(s.repeatCustomerRate).toBeCloseTo(1 / 3, 15);
    expect(s.repeatRevenue.toFixed(2)).toBe('30.00');
    expect(s.repeatRevenueShare).toBe(30 / 80);
    expect(s.firstOrder?.toISOString()).toBe('2024-01-05T10:00:00.000Z');
    expect(s.lastOrder?.toISOString()).toBe('2024-03-05T10:00:00.000Z');
  });

  test('a window [from, to): history before it ranks orders, refunds inside it count', () => {
    const s = summarize(store, { from: '2024-02-01', to: '2024-03-01' });
    expect(s.customers).toBe(2); // ann (Feb 5) and cy (Feb 10)
    expect(s.orders).toBe(2);
    expect(s.refunds).toBe(1); // dee, Feb 11
    expect(s.grossRevenue.toFixed(2)).toBe('10.00');
    expect(s.repeatCustomers).toBe(1); // ann ordered before the window
    expect(s.repeatRevenue.toFixed(2)).toBe('10.00');
    expect(s.repeatRevenueShare).toBe(1);
  });

  test('to is exclusive, from inclusive', () => {
    const rows = [
      { customerId: 1, date: '2024-01-01T00:00:00Z', amount: 1 },
      { customerId: 2, date: '2024-02-01T00:00:00Z', amount: 1 },
    ];
    expect(summarize(rows, { from: '2024-01-01', to: '2024-02-01' }).customers).toBe(1);
    expect(summarize(rows, { from: '2024-01-01T00:00:00.001Z' }).customers).toBe(1);
  });

  test('the window is read in the ledger time zone: an order exactly on a boundary', () => {
    // 2024-02-01 00:00 in Berlin is 2024-01-31T23:00Z
    const book = ledger([{ customerId: 1, date: '2024-01-31T23:00:00Z', amount: 5 }], { timeZone: 'Europe/Berlin' });
    expect(summarize(book, { from: '2024-02-01' }).orders).toBe(1);
    expect(summarize(book, { to: '2024-02-01' }).orders).toBe(0);
    const utc = ledger([{ customerId: 1, date: '2024-01-31T23:00:00Z', amount: 5 }]);
    expect(summarize(utc, { from: '2024-02-01' }).orders).toBe(0);
  });

  test('empty input: zeros and nulls, never NaN', () => {
    const s = summarize([]);
    expect(s).toMatchObject({
      customers: 0,
      orders: 0,
      refunds: 0,
      averageOrderValue: null,
      purchaseFrequency: null,
      repeatCustomerRate: null,
      repeatRevenueShare: null,
      firstOrder: null,
      lastOrder: null,
    });
    expect(s.grossRevenue.toString()).toBe('0');
  });

  test('refunds only: no customers, negative net', () => {
    const s = summarize([{ customerId: 'x', date: 0, amount: '-4.00' }]);
    expect(s.customers).toBe(0);
    expect(s.refunds).toBe(1);
    expect(s.netRevenue.toFixed(2)).toBe('-4.00');
    expect(s.averageOrderValue).toBeNull();
  });

  test('one customer, zero-value orders only: AOV 0, share null', () => {
    const s = summarize([
      { customerId: 'x', date: 0, amount: 0 },
      { customerId: 'x', date: 1, amount: 0 },
    ]);
    expect(s.customers).toBe(1);
    expect(s.repeatCustomerRate).toBe(1);
    expect(s.averageOrderValue?.toString()).toBe('0');
    expect(s.repeatRevenueShare).toBeNull();
  });

  test('bad windows', () => {
    expect(() => summarize(store, { from: '2024-03-01', to: '2024-02-01' })).toThrow(InvalidOptionError);
    expect(() => summarize(store, { from: 'soon' })).toThrow(/^from: /);
  });
});

const rowArb = fc.record({
  customerId: fc.integer({ min: 0, max: 10 }),
  date: fc.integer({ min: 0, max: 100 }),
  amount: fc.integer({ min: -300, max: 1000 }),
});

describe('summarize properties', () => {
  fcTest.prop([fc.array(rowArb, { maxLength: 60 })], { numRuns: 200 })('rates in [0, 1], net = gross + refunds, order-free', (rows) => {
    const s = summarize(rows);
    for (const r of [s.repeatCustomerRate, s.repeatRevenueShare]) {
      if (r !== null) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }
    }
    expect(s.netRevenue.equals(s.grossRevenue.plus(s.refundAmount))).toBe(true);
    expect(s.orders + s.refunds).toBe(rows.length);
    const reversed = summarize([...rows].reverse());
    expect(reversed.customers).toBe(s.customers);
    expect(reversed.repeatCustomers).toBe(s.repeatCustomers);
    expect(reversed.netRevenue.equals(s.netRevenue)).toBe(true);
  });

  fcTest.prop([fc.array(rowArb, { maxLength: 60 }), fc.integer({ min: 0, max: 100 })], { numRuns: 200 })(
    'a window split in two adds up',
    (rows, cut) => {
      const all = summarize(rows);
      const before = summarize(rows, { to: cut });
      const after = summarize(rows, { from: cut });
      expect(before.orders + after.orders).toBe(all.orders);
      expect(before.grossRevenue.plus(after.grossRevenue).equals(all.grossRevenue)).toBe(true);
      expect(before.repeatRevenue.plus(after.repeatRevenue).equals(all.repeatRevenue)).toBe(true);
    },
  );
});

/** Every field of a summary as plain values, for comparing two summaries whole. */
function plain(s: ReturnType<typeof summarize>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(s).map(([key, value]) => [key, value instanceof Date ? value.getTime() : value === null || typeof value === 'number' ? value : String(value)]),
  );
}

describe('whole history from the sums the ledger added up while it was built', () => {
  fcTest.prop([fc.array(rowArb, { maxLength: 60 })], { numRuns: 300 })(
    'equals a scan of a window that holds every event, for ledgers from records and from columns',
    (rows) => {
      // A finite window makes summarize scan the events; without one it reads the build's sums.
      const everything = { from: -1, to: 1000 };
      const book = ledger(rows);
      expect(plain(summarize(book))).toEqual(plain(summarize(book, everything)));
      const columns = ledger.fromColumns({
        customerId: Int32Array.from(rows, (r) => r.customerId),
        date: Float64Array.from(rows, (r) => r.date),
        amount: Float64Array.from(rows, (r) => r.amount * 100), // minor units: the records' amounts are major units
      });
      expect(plain(summarize(columns))).toEqual(plain(summarize(columns, everything)));
      expect(plain(summarize(columns))).toEqual(plain(summarize(book)));
    },
  );

  // Order lines that share an order id are merged before the totals are added up; conflicting ones are skipped.
  const lineArb = fc.record({
    customerId: fc.integer({ min: 0, max: 6 }),
    date: fc.integer({ min: 0, max: 100 }),
    amount: fc.integer({ min: -300, max: 1000 }),
    orderId: fc.option(fc.constantFrom('o1', 'o2', 'o3'), { nil: undefined }),
  });
  fcTest.prop([fc.array(lineArb, { maxLength: 40 })], { numRuns: 300 })('also after order lines are merged', (rows) => {
    const book = ledger(rows, { onInvalid: 'skip' });
    expect(plain(summarize(book))).toEqual(plain(summarize(book, { from: -1, to: 1000 })));
  });
});

describe('the timeZone option with a ready ledger', () => {
  test('sets the calendar of the call, as with raw records', () => {
    const rows = [
      { customerId: 1, date: '2024-01-31T20:00:00Z', amount: 1 }, // 2024-02-01 in Kiritimati (UTC+14)
      { customerId: 1, date: '2024-03-01T12:00:00Z', amount: 1 },
    ];
    const options = { from: '2024-02-01', timeZone: 'Pacific/Kiritimati' };
    expect(summarize(ledger(rows), options).orders).toBe(summarize(rows, options).orders);
    expect(summarize(ledger(rows), options).orders).toBe(2);
  });
});
