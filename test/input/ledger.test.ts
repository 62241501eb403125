import { fc, test as fcTest } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError, RetentionError, isRetentionError } from '../../src/errors.ts';
import { isLedger, ledger, toLedger } from '../../src/input/ledger.ts';
import type { Ledger, TransactionRecord } from '../../src/input/types.ts';
import { ledgerSnapshot } from '../helpers/ledger-snapshot.ts';

describe('ledger', () => {
  test('groups by customer, sorts by time, orders equal instants by amount, largest first', () => {
    const book = ledger([
      { customerId: 'b', date: '2024-01-03', amount: 3 },
      { customerId: 'a', date: '2024-01-02', amount: 2 },
      { customerId: 'b', date: '2024-01-01', amount: 1 },
      { customerId: 'a', date: '2024-01-02', amount: 4 },
      { customerId: 'a', date: '2024-01-05', amount: -1 },
    ]);
    expect(book.ids).toEqual(['b', 'a']); // b's first record (Jan 1) is earlier than a's (Jan 2)
    expect([...book.start]).toEqual([0, 2, 5]);
    expect([...book.minor]).toEqual([100, 300, 400, 200, -100]);
    expect([...book.account]).toEqual([0, 0, 1, 1, 1]);
    expect([...book.orders]).toEqual([2, 2]);
    expect(book.orderCount).toBe(4);
    expect(book.refundCount).toBe(1);
    expect(book.customerCount).toBe(2);
    expect(book.minTime).toBe(Date.UTC(2024, 0, 1));
    expect(book.maxTime).toBe(Date.UTC(2024, 0, 5));
    expect(book.recordCount).toBe(5);
    expect(Object.isFrozen(book)).toBe(true);
  });

  test('ties on the first instant are ordered by id: numbers first, then strings', () => {
    const book = ledger([
      { customerId: 'b', date: 0, amount: 1 },
      { customerId: 10, date: 0, amount: 1 },
      { customerId: 'a', date: 0, amount: 1 },
      { customerId: 2, date: 0, amount: 1 },
    ]);
    expect(book.ids).toEqual([2, 10, 'a', 'b']);
  });

  const tiedRecords = fc.record({
    records: fc.array(
      fc.record({ customerId: fc.integer({ min: 0, max: 3000 }), date: fc.integer({ min: 0, max: 40 }), amount: fc.integer({ min: 1, max: 9 }) }),
      { maxLength: 3000 },
    ),
    inTimeOrder: fc.boolean(),
  });

  fcTest.prop([tiedRecords], { numRuns: 50 })(
    'accounts are ordered by first instant, ties by id, in time order or not, from records and columns alike',
    ({ records, inTimeOrder }) => {
      const input = inTimeOrder ? [...records].sort((x, y) => x.date - y.date) : records;
      const first = new Map<number, number>();
      for (const r of input) first.set(r.customerId, Math.min(first.get(r.customerId) ?? Number.POSITIVE_INFINITY, r.date));
      const expected = [...first.keys()].sort((a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0) || a - b);
      const book = ledger(input);
      expect(book.ids).toEqual(expected);
      const columns = ledger.fromColumns({
        customerId: Int32Array.from(input, (r) => r.customerId),
        date: Float64Array.from(input, (r) => r.date),
        amount: Float64Array.from(input, (r) => r.amount * 100),
      });
      expect(ledgerSnapshot(columns)).toEqual(ledgerSnapshot(book));
    },
  );

  test('numbers and strings are distinct ids; awkward strings are ordinary ids', () => {
    const book = ledger([
      { customerId: 1, date: 0, amount: 1 },
      { customerId: '1', date: 0, amount: 1 },
      { customerId: '__proto__', date: 1, amount: 1 },
      { customerId: 'constructor', date: 2, amount: 1 },
      { customerId: '', date: 3, amount: 1 },
      { customerId: '__proto__', date: 4, amount: 1 },
    ]);
    expect(book.ids).toEqual([1, '1', '__proto__', 'constructor', '']);
    expect([...book.orders]).toEqual([1, 1, 2, 1, 1]);
  });

  test('zero-value orders are orders; refunds are not; refund-only ids are accounts but not customers', () => {
    const book = ledger([
      { customerId: 'free', date: 0, amount: '0.00' },
      { customerId: 'refund-only', date: 1, amount: '-3.00' },
    ]);
    expect(book.orderCount).toBe(1);
    expect(book.customerCount).toBe(1);
    expect(book.ids).toEqual(['free', 'refund-only']);
    expect([...book.orders]).toEqual([1, 0]);
  });

  test('records sharing an order id are one order: amounts summed, earliest date kept', () => {
    const book = ledger([
      { customerId: 'a', date: '2024-01-02', amount: '5.00', orderId: 'o1' },
      { customerId: 'a', date: '2024-01-01', amount: '7.50', orderId: 'o1' },
      { customerId: 'a', date: '2024-01-03', amount: '2.00', orderId: 'o2' },
      { customerId: 'a', date: '2024-01-04', amount: '-5.00', orderId: 'o1' },
    ]);
    expect([...book.minor]).toEqual([1250, 200, -500]);
    expect([...book.time]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4)]);
    expect(book.orderCount).toBe(2);
    expect(book.refundCount).toBe(1);
  });

  test('an order id shared by two customers is an error naming both', () => {
    const records = [
      { customerId: 'a', date: 0, amount: 1, orderId: 7 },
      { customerId: 'b', date: 1, amount: 1, orderId: 7 },
    ];
    expect(() => ledger(records)).toThrow('records[1].orderId: 7 already belongs to customer "a" (records[0])');
    const skipping = ledger(records, { onInvalid: 'skip' });
    expect(skipping.orderCount).toBe(1);
    expect(skipping.ids).toEqual(['a']); // b's only record was skipped: b is no account
    expect([...skipping.start]).toEqual([0, 1]);
    expect(skipping.skipped).toHaveLength(1);
    expect(skipping.skipped[0]?.field).toBe('orderId');
  });

  test('field maps take names and accessors', () => {
    const rows = [{ c: { id: 'x' }, at: '2024-05-01', cents: 1234 }];
    const book = ledger(rows, {
      fields: { customerId: (r) => r.c.id, date: 'at', amount: (r) => r.cents / 100 },
    });
    expect(book.ids).toEqual(['x']);
    expect([...book.minor]).toEqual([1234]);
    expect(() => ledger(rows, { fields: { date: 42 as unknown as 'at' } })).toThrow(InvalidOptionError);
  });

  test('accepts any iterable and never mutates the input', () => {
    const rows = [
      { customerId: 'a', date: '2024-01-02', amount: '1.00' },
      { customerId: 'a', date: '2024-01-01', amount: '2.00' },
    ];
    const copy = structuredClone(rows);
    function* generate() {
      yield* rows;
    }
    expect(ledgerSnapshot(ledger(generate()))).toEqual(ledgerSnapshot(ledger(rows)));
    expect(rows).toEqual(copy);
  });

  test('currencyDigits and rounding', () => {
    expect([...ledger([{ customerId: 1, date: 0, amount: '1500' }], { currencyDigits: 0 }).minor]).toEqual([1500]);
    expect(() => ledger([{ customerId: 1, date: 0, amount: '15.5' }], { currencyDigits: 0 })).toThrow(
      'records[0].amount: "15.5" has more than 0 decimals',
    );
    expect([...ledger([{ customerId: 1, date: 0, amount: '15.5' }], { currencyDigits: 0, rounding: 'halfEven' }).minor]).toEqual([16]);
    expect([...ledger([{ customerId: 1, date: 0, amount: new Decimal('2.999') }], { currencyDigits: 3 }).minor]).toEqual([2999]);
  });

  test('sums 1,000,000 × "0.10" to exactly 100000.00', () => {
    const rows: TransactionRecord[] = Array.from({ length: 1_000_000 }, (_, i) => ({
      customerId: i % 1000,
      date: i,
      amount: '0.10',
    }));
    const book = ledger(rows);
    let total = 0;
    for (const m of book.minor) total += m;
    expect(total).toBe(10_000_000);
  });

  test('refuses totals beyond exact arithmetic', () => {
    const big = '90071992547409.91';
    expect(ledger([{ customerId: 1, date: 0, amount: big }]).minor[0]).toBe(Number.MAX_SAFE_INTEGER);
    expect(() =>
      ledger([
        { customerId: 1, date: 0, amount: big },
        { customerId: 1, date: 1, amount: '-0.01' },
      ]),
    ).toThrow(RetentionError);
  });

  test('an empty input is an empty ledger', () => {
    const book = ledger([]);
    expect(book.ids).toEqual([]);
    expect([...book.start]).toEqual([0]);
    expect(book.minTime).toBeNull();
    expect(book.maxTime).toBeNull();
    expect(book.customerCount).toBe(0);
  });

  test('a ledger passes through; isLedger and toLedger', () => {
    const book = ledger([{ customerId: 1, date: 0, amount: 1 }]);
    expect(ledger(book)).toBe(book);
    expect(toLedger(book)).toBe(book);
    expect(isLedger(book)).toBe(true);
    expect(isLedger({})).toBe(false);
    expect(isLedger(null)).toBe(false);
  });

  test('options are checked', () => {
    expect(() => ledger([], { timeZone: 'Mars/Base' })).toThrow('timeZone: "Mars/Base" is not an IANA time zone');
    expect(() => ledger([], { onInvalid: 'ignore' as 'skip' })).toThrow(InvalidOptionError);
    expect(() => ledger(42 as unknown as [])).toThrow(InvalidOptionError);
  });
});

describe('memory', () => {
  // The ledger's columns share one buffer, 16 bytes per event; a buffer reserved for every record is
  // only kept when merging and skipping left most of it in use.
  const lines = (orders: number, linesPerOrder: number) =>
    Array.from({ length: orders * linesPerOrder }, (_, i) => ({
      customerId: 'a',
      date: Date.UTC(2024, 0, 1 + Math.floor(i / linesPerOrder)),
      amount: 1,
      orderId: `o${Math.floor(i / linesPerOrder)}`,
    }));

  test('one buffer holds the event columns; no room is kept for merged lines', () => {
    const plain = ledger(lines(40, 1));
    expect(plain.time.buffer).toBe(plain.minor.buffer);
    expect(plain.time.buffer.byteLength).toBe(40 * 16);
    const merged = ledger(lines(40, 3));
    expect(merged.eventCount).toBe(40);
    expect(merged.time.buffer.byteLength).toBe(40 * 16);
    const columns = ledger.fromColumns({ customerId: ['a', 'b'], date: [0, 1], amount: [1, 2] });
    expect(columns.time.buffer.byteLength).toBe(2 * 16);
  });

  test('thousands of records of every id kind, out of time order: every event keeps its customer', () => {
    // A fixed pseudo-random sequence (no clock): 6,000 records over 2,500 ids of every kind — packed
    // strings, long and non-Latin-1 strings, integers and fractions — with times out of order.
    let seed = 12345;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pool: (string | number)[] = [];
    for (let i = 0; i < 2500; i++) {
      const kind = i % 5;
      pool.push(kind === 0 ? `c${i}` : kind === 1 ? `customer-${i}-with-a-long-id` : kind === 2 ? `Ω${i}` : kind === 3 ? i * 7 : i / 8);
    }
    const records = Array.from({ length: 6000 }, () => ({
      customerId: pool[Math.floor(next() * pool.length)] ?? 0,
      date: Math.floor(next() * 1e9),
      amount: Math.floor(next() * 2000) - 300,
    }));
    const expected = new Map<string | number, [number, number][]>();
    for (const r of records) {
      const events = expected.get(r.customerId) ?? [];
      events.push([r.date, r.amount * 100]); // major units in, minor units kept
      expected.set(r.customerId, events);
    }
    const fromRecords = ledger(records);
    const fromColumns = ledger.fromColumns({
      customerId: records.map((r) => r.customerId),
      date: records.map((r) => r.date),
      amount: records.map((r) => r.amount * 100),
    });
    for (const book of [fromRecords, fromColumns]) {
      expect(book.ids.length).toBe(expected.size);
      book.ids.forEach((id, k) => {
        const events: [number, number][] = [];
        for (let p = book.start[k] ?? 0; p < (book.start[k + 1] ?? 0); p++) events.push([book.time[p] ?? 0, book.minor[p] ?? 0]);
        const want = [...(expected.get(id) ?? [])].sort((x, y) => x[0] - y[0]);
        expect(events).toEqual(want);
      });
    }
    expect(ledgerSnapshot(fromColumns)).toEqual(ledgerSnapshot(fromRecords));
  });

  test('the account of each event is written on first read, then kept', () => {
    const book = ledger([
      { customerId: 'b', date: '2024-01-02', amount: '1.00' },
      { customerId: 'a', date: '2024-01-01', amount: '1.00' },
      { customerId: 'b', date: '2024-01-03', amount: '1.00' },
    ]);
    expect([...book.account]).toEqual([0, 1, 1]);
    expect(book.account).toBe(book.account);
    expect(ledger([]).account.length).toBe(0);
  });

  test('per-customer totals are summed with the ledger; they read like the other fields', () => {
    const book = ledger([
      { customerId: 'a', date: '2024-01-02', amount: '-1.00' },
      { customerId: 'a', date: '2024-01-03', amount: '5.00' },
      { customerId: 'b', date: '2024-01-04', amount: '-2.00' },
    ]);
    expect(book.grossMinor).toBe(book.grossMinor);
    expect([...book.firstOrder]).toEqual([Date.UTC(2024, 0, 3), Number.NaN]);
    expect([...book.netMinor]).toEqual([400, -200]);
    expect(Object.isFrozen(book)).toBe(true);
    // Every ledger has one shape (one class), however it was built.
    const columns = ledger.fromColumns({ customerId: new Uint32Array([1]), date: new Float64Array([0]), amount: new Float64Array([5]) });
    expect(Object.getPrototypeOf(columns)).toBe(Object.getPrototypeOf(book));
    expect([...columns.grossMinor]).toEqual([5]);
  });
});

describe('ledger totals', () => {
  const records = fc.array(
    fc.record({ customerId: fc.integer({ min: 0, max: 30 }), date: fc.integer({ min: 0, max: 50 }), amount: fc.integer({ min: -500, max: 500 }) }),
    { maxLength: 300 },
  );

  fcTest.prop([records])('the whole history\'s totals are what a scan of the records in time order gives', (kept) => {
    const book = ledger(kept, { currencyDigits: 0 });
    // The oracle: each customer's events by time, ties by amount, largest first.
    const sorted = [...kept].sort((x, y) => x.date - y.date || y.amount - x.amount);
    const ordersOf = new Map<number, number>();
    const orders = sorted.filter((r) => r.amount >= 0);
    let repeatMinor = 0;
    for (const r of orders) {
      const before = ordersOf.get(r.customerId) ?? 0;
      if (before > 0) repeatMinor += r.amount;
      ordersOf.set(r.customerId, before + 1);
    }
    const sum = (rs: typeof kept) => rs.reduce((total, r) => total + r.amount, 0);
    expect(book.totals).toEqual({
      orders: orders.length,
      refunds: kept.length - orders.length,
      customers: ordersOf.size,
      repeatCustomers: [...ordersOf.values()].filter((count) => count > 1).length,
      zeroValueOrders: orders.filter((r) => r.amount === 0).length,
      grossMinor: sum(orders),
      refundMinor: sum(kept.filter((r) => r.amount < 0)),
      repeatMinor,
      minTime: kept.length === 0 ? null : Math.min(...kept.map((r) => r.date)),
      maxTime: kept.length === 0 ? null : Math.max(...kept.map((r) => r.date)),
      firstOrder: orders.length === 0 ? null : Math.min(...orders.map((r) => r.date)),
      lastOrder: orders.length === 0 ? null : Math.max(...orders.map((r) => r.date)),
    });
  });
});

describe('bad input', () => {
  const good = { customerId: 'a', date: '2024-01-01', amount: '1.00' };
  test.each([
    [{ date: '2024-01-01', amount: 1 }, 'customerId', "records[0].customerId: is missing: the record has no `customerId`; its keys are `date`, `amount` — map the right key with `fields: { customerId: '…' }`"],
    [{ ...good, customerId: null }, 'customerId', 'records[0].customerId: is missing (null); every record needs a customer id'],
    [{ ...good, customerId: Number.NaN }, 'customerId', 'records[0].customerId: NaN is not a usable customer id (numbers must be finite)'],
    [{ ...good, customerId: { id: 1 } }, 'customerId', 'records[0].customerId: an object is not a customer id (use a string or a number)'],
    [{ ...good, amount: Number.NaN }, 'amount', 'records[0].amount: is NaN, not an amount'],
    [{ ...good, amount: Number.POSITIVE_INFINITY }, 'amount', 'records[0].amount: Infinity is not a finite amount'],
    [{ ...good, amount: '12,50' }, 'amount', 'records[0].amount: "12,50" is not a number (use "12.50")'],
    [{ ...good, amount: '1e999' }, 'amount', 'records[0].amount: "1e999" is out of range (at most 90071992547409.91 in absolute value)'],
    [{ ...good, amount: null }, 'amount', 'records[0].amount: is missing (null); every record needs an amount'],
    [{ ...good, date: '2024-02-30' }, 'date', 'records[0].date: "2024-02-30" is not a valid ISO-8601 date (use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or YYYY-MM-DDTHH:MM:SSZ)'],
    [{ ...good, date: new Date(Number.NaN) }, 'date', 'records[0].date: is an invalid Date'],
    [{ ...good, orderId: {} }, 'orderId', 'records[0].orderId: an object is not an order id (use a string or a number)'],
  ])('%j → %s', (record, field, message) => {
    let caught: unknown;
    try {
      ledger([record as unknown as TransactionRecord]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    const error = caught as InvalidInputError;
    expect(error.field).toBe(field);
    expect(error.index).toBe(0);
    expect(error.message).toBe(message);
    expect(isRetentionError(error)).toBe(true);
  });

  test('a non-object record', () => {
    expect(() => ledger([null as unknown as TransactionRecord])).toThrow('records[0]: null is not a record object');
    expect(() => ledger([good, 5 as unknown as TransactionRecord])).toThrow('records[1]: a number is not a record object');
  });

  test('the error is thrown before any work, naming the first bad row', () => {
    const rows = [good, good, { ...good, amount: 'x' }, { ...good, date: 'y' }];
    expect(() => ledger(rows)).toThrow(/^records\[2\]\.amount/);
  });

  test("onInvalid: 'skip' counts every skipped row with its reason", () => {
    const rows = [good, { ...good, amount: '12,50' }, { ...good, date: 'soon' }, null, good];
    const book = ledger(rows as TransactionRecord[], { onInvalid: 'skip' });
    expect(book.orderCount).toBe(2);
    expect(book.recordCount).toBe(5);
    expect(book.skipped.map((s) => [s.index, s.field])).toEqual([
      [1, 'amount'],
      [2, 'date'],
      [3, 'record'],
    ]);
    expect(book.skipped[0]?.reason).toBe('"12,50" is not a number (use "12.50")');
  });
});

const junkValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.constantFrom('12,50', '1e999', '2024-02-30', '2024-01-01', '19.99', '-3.5', '__proto__', ''),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.object(),
);
const junkRecord = fc.oneof(
  fc.record({ customerId: junkValue, date: junkValue, amount: junkValue, orderId: junkValue }, { requiredKeys: [] }),
  junkValue,
);

describe('junk never escapes as anything but InvalidInputError or a counted skip', () => {
  fcTest.prop([fc.array(junkRecord, { maxLength: 30 })], { numRuns: 300 })('throw mode', (rows) => {
    try {
      const book = ledger(rows as TransactionRecord[]);
      expect(book.eventCount).toBeLessThanOrEqual(rows.length);
      for (const m of book.minor) expect(Number.isInteger(m)).toBe(true);
      for (const t of book.time) expect(Number.isFinite(t)).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
    }
  });
  fcTest.prop([fc.array(junkRecord, { maxLength: 30 })], { numRuns: 300 })('skip mode', (rows) => {
    const book = ledger(rows as TransactionRecord[], { onInvalid: 'skip' });
    expect(book.recordCount).toBe(rows.length);
    // every record is either an event, merged into another order, or skipped
    expect(book.eventCount + book.skipped.length).toBeLessThanOrEqual(rows.length);
    const merged = rows.length - book.skipped.length - book.eventCount;
    const withOrderId = rows.filter((r) => typeof r === 'object' && r !== null && 'orderId' in r && r.orderId != null).length;
    expect(merged).toBeLessThanOrEqual(withOrderId);
    expect(book.orderCount + book.refundCount).toBe(book.eventCount);
    for (const m of book.minor) expect(Number.isInteger(m)).toBe(true);
    const skippedIndexes = book.skipped.map((s) => s.index);
    expect(new Set(skippedIndexes).size).toBe(skippedIndexes.length);
  });
});

const validRecord = fc.record({
  customerId: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom('a', 'b', '__proto__', '')),
  date: fc.integer({ min: 0, max: 10 }).map((d) => d * 86_400_000),
  amount: fc.integer({ min: -500, max: 2000 }),
});

describe('input order never changes the ledger', () => {
  /** The same customers, segments, events (equal instants included) and totals. */
  const expectSameLedger = (actual: Ledger, expected: Ledger): void => {
    expect(actual.ids).toEqual(expected.ids);
    expect([...actual.start]).toEqual([...expected.start]);
    expect([...actual.time]).toEqual([...expected.time]);
    expect([...actual.minor]).toEqual([...expected.minor]);
    expect([...actual.orders]).toEqual([...expected.orders]);
    expect([actual.firstOrder, actual.lastOrder, actual.grossMinor, actual.netMinor].map((c) => [...c]))
      .toEqual([expected.firstOrder, expected.lastOrder, expected.grossMinor, expected.netMinor].map((c) => [...c]));
  };

  fcTest.prop([fc.array(validRecord, { maxLength: 40 }), fc.infiniteStream(fc.nat())], { numRuns: 200 })(
    'shuffled rows give the same columns, equal instants included',
    (rows, seeds) => {
      const a = ledger(rows);
      const shuffled = [...rows];
      const iterator = seeds[Symbol.iterator]();
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (iterator.next().value ?? 0) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as (typeof rows)[number], shuffled[i] as (typeof rows)[number]];
      }
      expectSameLedger(ledger(shuffled), a);
    },
  );

  // Time-ordered input takes a shorter road (first instants from the numbering events, no per-customer
  // sort); it must end where any order of the same rows ends.
  const timedRecord = fc.record({
    customerId: fc.constantFrom<string | number>('a', 'b', 'c', 'd', 1, 2, 3),
    date: fc.integer({ min: 0, max: 30 }),
    amount: fc.integer({ min: -300, max: 900 }),
  });
  fcTest.prop([fc.array(timedRecord, { maxLength: 60 }), fc.boolean()], { numRuns: 300 })(
    'time-ordered rows, as records or as columns, give the ledger of any order of them',
    (rows, withOrderIds) => {
      const records = rows.map((row, i) => (withOrderIds && i % 3 === 0 ? { ...row, orderId: `o${i % 6}-${String(row.customerId)}` } : row));
      const ordered = [...records].sort((x, y) => x.date - y.date);
      const a = ledger(records);
      expectSameLedger(ledger(ordered), a);
      // Dense integer ids in typed columns take the columnar fast path.
      const numeric = ordered.filter((row) => typeof row.customerId === 'number');
      const columns = ledger.fromColumns({
        customerId: Uint32Array.from(numeric, (row) => row.customerId as number),
        date: Float64Array.from(numeric, (row) => row.date),
        amount: Float64Array.from(numeric, (row) => row.amount),
      });
      // (records carry major units, columns minor units)
      const reference = ledger(numeric.map(({ customerId, date, amount }) => ({ customerId, date, amount: amount / 100 })).reverse());
      expectSameLedger(columns, reference);
    },
  );
});
