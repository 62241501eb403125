import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError, RetentionError } from '../../src/errors.ts';
import { type LedgerOptions, ledger } from '../../src/input/ledger.ts';
import { summarize } from '../../src/metrics/summarize.ts';
import { rfm } from '../../src/segments/rfm.ts';
import { fullLedger } from '../helpers/full-ledger.ts';

interface Row {
  customerId: string | number;
  date: string | number;
  amount: string;
  orderId?: string | null;
  channel?: string | null;
}

const OPTIONS = { timeZone: 'Europe/Berlin', attributes: { channel: 'channel' } } as const;

describe('ledger.append', () => {
  const earlier: Row[] = [
    { customerId: 'a', date: '2024-03-01', amount: '20.00', channel: 'web' },
    { customerId: 'b', date: '2024-03-02', amount: '5.00', channel: 'store' },
  ];

  test('existing accounts gain events and new accounts are added: equal to reading all records at once', () => {
    const later: Row[] = [
      { customerId: 'b', date: '2024-03-03', amount: '7.50', channel: 'app' },
      { customerId: 'c', date: '2024-03-03', amount: '-1.00', channel: null },
    ];
    const appended = ledger.append(ledger(earlier, OPTIONS), later, { attributes: OPTIONS.attributes });
    expect(fullLedger(appended)).toEqual(fullLedger(ledger([...earlier, ...later], OPTIONS)));
  });

  test('a batch dated before the ledger moves accounts to their canonical place', () => {
    const later: Row[] = [
      { customerId: 'z', date: '2024-01-01', amount: '1.00', channel: 'web' },
      { customerId: 'b', date: '2024-02-01', amount: '2.00', channel: 'web' },
    ];
    const appended = ledger.append(ledger(earlier, OPTIONS), later, OPTIONS);
    expect(appended.ids).toEqual(['z', 'b', 'a']);
    expect(fullLedger(appended)).toEqual(fullLedger(ledger([...earlier, ...later], OPTIONS)));
  });

  test('the ledger appended to is not changed', () => {
    const book = ledger(earlier, OPTIONS);
    const before = fullLedger(book);
    ledger.append(book, [{ customerId: 'a', date: '2024-01-01', amount: '1.00', channel: 'x' }], OPTIONS);
    expect(fullLedger(book)).toEqual(before);
  });

  test('an empty batch gives an equal ledger', () => {
    const book = ledger(earlier, OPTIONS);
    expect(fullLedger(ledger.append(book, [], OPTIONS))).toEqual(fullLedger(book));
  });

  test('lines of one order in the batch merge as when read at once', () => {
    const lines: Row[] = [
      { customerId: 'a', date: '2024-03-05T10:00', amount: '3.00', orderId: 'o9', channel: 'web' },
      { customerId: 'a', date: '2024-03-05T09:00', amount: '4.00', orderId: 'o9', channel: 'app' },
    ];
    const appended = ledger.append(ledger(earlier, OPTIONS), lines, OPTIONS);
    expect(fullLedger(appended)).toEqual(fullLedger(ledger([...earlier, ...lines], OPTIONS)));
    expect(appended.eventCount).toBe(3);
  });

  test('a line whose order id was in an earlier batch is an order of its own (the ledger keeps no order ids)', () => {
    const first: Row[] = [{ customerId: 'a', date: '2024-03-01', amount: '1.00', orderId: 'o1' }];
    const second: Row[] = [{ customerId: 'a', date: '2024-03-01', amount: '2.00', orderId: 'o1' }];
    expect(ledger.append(ledger(first), second).eventCount).toBe(2);
    expect(ledger([...first, ...second]).eventCount).toBe(1);
  });

  test('the batch may be a ledger, from fromColumns say', () => {
    const book = ledger([{ customerId: 1, date: 0, amount: '1.00' }]);
    const batch = ledger.fromColumns({ customerId: [2, 1], date: [5, 3], amount: [250, 300] });
    const whole = ledger.fromColumns({ customerId: [1, 2, 1], date: [0, 5, 3], amount: [100, 250, 300] });
    expect(fullLedger(ledger.append(book, batch))).toEqual(fullLedger(whole));
  });

  test('a batch ledger brings its own attributes: no attributes option is needed', () => {
    const later: Row[] = [{ customerId: 'c', date: '2024-03-04', amount: '1.00', channel: 'mail' }];
    const appended = ledger.append(ledger(earlier, OPTIONS), ledger(later, OPTIONS));
    expect(fullLedger(appended)).toEqual(fullLedger(ledger([...earlier, ...later], OPTIONS)));
  });

  test('a currency named first by the batch becomes the ledger\'s', () => {
    const appended = ledger.append(ledger([{ customerId: 1, date: 0, amount: '1' }]), [{ customerId: 2, date: 1, amount: '2', currency: 'eur' }]);
    expect(appended.currency).toBe('EUR');
  });
});

describe('ledger.append validates the batch as building does', () => {
  const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '1.00' }], { currency: 'USD' });

  test('an unreadable record is an InvalidInputError naming its index in the batch', () => {
    let caught: unknown;
    try {
      ledger.append(book, [{ customerId: 'b', date: '2024-01-02', amount: '1.00' }, { customerId: 'c', date: 'soon', amount: '1.00' }]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).index).toBe(1);
    expect((caught as InvalidInputError).field).toBe('date');
  });

  test('a record in another currency is an InvalidInputError', () => {
    expect(() => ledger.append(book, [{ customerId: 'b', date: '2024-01-02', amount: '1.00', currency: 'EUR' }])).toThrow(InvalidInputError);
  });

  test("skipped records count on from the ledger's records", () => {
    const withSkip = ledger([{ customerId: 'a', date: 'x', amount: '1' }, { customerId: 'a', date: 0, amount: '1' }], { onInvalid: 'skip' });
    const batch = [{ customerId: 'b', date: 1, amount: '1' }, { customerId: 'b', date: 2, amount: 'x' }];
    const appended = ledger.append(withSkip, batch, { onInvalid: 'skip' });
    expect(appended.skipped.map((s) => [s.index, s.field])).toEqual([[0, 'date'], [3, 'amount']]);
    expect(appended.recordCount).toBe(4);
  });

  test('amounts that add up beyond exact arithmetic are refused', () => {
    const big = ledger.fromColumns({ customerId: [1], date: [0], amount: [Number.MAX_SAFE_INTEGER - 5] });
    expect(() => ledger.append(big, [{ customerId: 2, date: 1, amount: '1.00' }])).toThrow(RetentionError);
  });
});

describe("ledger.append refuses options that disagree with the ledger's", () => {
  const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '1.00', channel: 'web' }], { ...OPTIONS, currency: 'EUR' });
  const batch: Row[] = [{ customerId: 'b', date: '2024-01-02', amount: '2.00', channel: 'app' }];

  test.each<[string, LedgerOptions<Row>]>([
    ['timeZone', { timeZone: 'UTC' }],
    ['currencyDigits', { currencyDigits: 3 }],
    ['currency', { currency: 'USD' }],
    ['attributes', { attributes: {} }],
    ['attributes', { attributes: { channel: 'channel', plan: (r) => r.channel } }],
  ])('a different %s', (option, given) => {
    let caught: unknown;
    try {
      ledger.append(book, batch, { attributes: OPTIONS.attributes, ...given });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidOptionError);
    expect((caught as InvalidOptionError).option).toBe(option);
  });

  test('a currency whose digits differ from the ledger\'s is refused', () => {
    const noCurrency = ledger([{ customerId: 'a', date: 0, amount: '1.00' }]);
    expect(() => ledger.append(noCurrency, [{ customerId: 'b', date: 1, amount: '100' }], { currency: 'JPY' })).toThrow(InvalidOptionError);
    expect(ledger.append(noCurrency, [{ customerId: 'b', date: 1, amount: '1.00' }], { currency: 'EUR' }).currency).toBe('EUR');
  });

  test('options that agree are accepted', () => {
    expect(ledger.append(book, batch, { ...OPTIONS, currency: 'eur', currencyDigits: 2 }).eventCount).toBe(2);
  });

  test('a batch ledger of another zone or other attributes is refused', () => {
    expect(() => ledger.append(book, ledger(batch, { attributes: OPTIONS.attributes }))).toThrow(InvalidOptionError);
    expect(() => ledger.append(book, ledger(batch, { timeZone: 'Europe/Berlin' }))).toThrow(InvalidOptionError);
  });

  test('a ledger built with a customers table needs the table again, and joins it to every account', () => {
    const customers = [{ customerId: 'a', plan: 'pro' }, { customerId: 'b', plan: 'basic' }, { customerId: 'q', plan: 'pro' }];
    const withTable = ledger([{ customerId: 'a', date: 0, amount: '1' }], { customers });
    expect(() => ledger.append(withTable, [{ customerId: 'b', date: 1, amount: '1' }])).toThrow(InvalidOptionError);
    const appended = ledger.append(withTable, [{ customerId: 'b', date: 1, amount: '1' }], { customers });
    expect(fullLedger(appended)).toEqual(fullLedger(ledger([{ customerId: 'a', date: 0, amount: '1' }, { customerId: 'b', date: 1, amount: '1' }], { customers })));
    expect(appended.unknownCustomers).toBe(1);
  });

  test('unknown option keys and a book that is no ledger are refused', () => {
    expect(() => ledger.append(book, batch, { attribute: {} } as never)).toThrow(InvalidOptionError);
    expect(() => ledger.append([] as never, batch)).toThrow(InvalidOptionError);
  });
});

describe('appending batches equals building from all records at once', () => {
  const record = fc.record({
    customer: fc.integer({ min: 0, max: 8 }),
    stringId: fc.boolean(),
    day: fc.integer({ min: 0, max: 12 }),
    hour: fc.constantFrom(0, 12),
    // Few amounts, so that events tie at one instant and amount and their attributes decide.
    cents: fc.oneof(fc.integer({ min: -3000, max: 9000 }), fc.constantFrom(-100, 0, 500)),
    order: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    channel: fc.option(fc.constantFrom('web', 'store', 'app', 'mail'), { nil: null }),
    bad: fc.integer({ min: 0, max: 30 }),
    batch: fc.integer({ min: 0, max: 2 }),
  });
  type Drawn = typeof record extends fc.Arbitrary<infer T> ? T : never;

  function toRow(r: Drawn): Row {
    const customerId = r.stringId ? `c${r.customer}` : r.customer;
    return {
      customerId,
      date: new Date(Date.UTC(2024, 0, 1 + r.day, r.hour)).toISOString(),
      amount: r.bad === 0 ? 'n/a' : (r.cents / 100).toFixed(2),
      // An order id names one customer's order; all its lines go to one batch (see below).
      orderId: r.order === null ? null : `${String(customerId)}-${r.order}`,
      channel: r.channel,
    };
  }

  /** The batches: each record in the batch drawn for it, the lines of one order in the batch of its first line. */
  function split(drawn: readonly Drawn[], batches: number): Row[][] {
    const rows = drawn.map(toRow);
    const batchOfOrder = new Map<string, number>();
    const out: Row[][] = Array.from({ length: batches }, () => []);
    rows.forEach((row, i) => {
      let batch = drawn[i].batch % batches;
      if (row.orderId !== null && row.orderId !== undefined) {
        batch = batchOfOrder.get(row.orderId) ?? batch;
        batchOfOrder.set(row.orderId, batch);
      }
      out[batch].push(row);
    });
    return out;
  }

  const options = { ...OPTIONS, onInvalid: 'skip' } as const;

  fcTest.prop([fc.array(record, { maxLength: 40 }), fc.constantFrom(2, 3), fc.boolean(), fc.boolean()], { numRuns: 150 })(
    'any split into two or three batches, built then appended (as records or as ledgers), equals the ledger of the whole',
    (drawn, batches, withTable, asLedgers) => {
      const parts = split(drawn, batches);
      const customers = withTable ? [{ customerId: 'c1', plan: 'pro' }, { customerId: 2, plan: 'basic' }, { customerId: 'nobody', plan: null }] : undefined;
      const extra = customers === undefined ? {} : { customers };
      let book = ledger(parts[0], { ...options, ...extra });
      for (const part of parts.slice(1)) book = ledger.append(book, asLedgers ? ledger(part, options) : part, { ...options, ...extra });
      const whole = ledger(parts.flat(), { ...options, ...extra });
      expect(fullLedger(book)).toEqual(fullLedger(whole));
      expect(summarize(book)).toEqual(summarize(whole));
      expect(summarize(book, { by: 'channel' })).toEqual(summarize(whole, { by: 'channel' }));
      if (whole.customerCount > 0) expect(rfm(book, { asOf: '2024-03-01' })).toEqual(rfm(whole, { asOf: '2024-03-01' }));
    },
  );
});
