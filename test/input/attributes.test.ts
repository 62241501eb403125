import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidOptionError, type Ledger, filterLedger, ledger } from 'retention-metrics';

const day = (d: number): number => Date.UTC(2024, 0, 1) + d * 86_400_000;

/** Every event's value of an attribute, in the ledger's event order. */
function valuesOf(book: Ledger, name: string): (string | null)[] {
  const { codes, values } = book.attributes[name];
  return Array.from(codes, (code) => values[code]);
}

describe('event attributes', () => {
  it('keeps each event’s value, in the ledger’s event order', () => {
    const book = ledger(
      [
        { customerId: 'b', date: day(3), amount: 5, channel: 'ads' },
        { customerId: 'a', date: day(1), amount: 7, channel: 'mail' },
        { customerId: 'a', date: day(2), amount: 9, channel: 'ads' },
      ],
      { attributes: { channel: 'channel' } },
    );
    expect(book.ids).toEqual(['a', 'b']);
    expect(valuesOf(book, 'channel')).toEqual(['mail', 'ads', 'ads']);
  });

  it('encodes code 0 as the missing value, for null and undefined alike', () => {
    const book = ledger(
      [
        { customerId: 1, date: day(1), amount: 1, channel: null },
        { customerId: 2, date: day(2), amount: 1 },
        { customerId: 3, date: day(3), amount: 1, channel: 'ads' },
      ],
      { attributes: { channel: 'channel' } },
    );
    expect(book.attributes.channel.values).toEqual([null, 'ads']);
    expect(Array.from(book.attributes.channel.codes)).toEqual([0, 0, 1]);
  });

  it('reads an attribute through a function of the record and its index', () => {
    const rows: { customerId: number; date: number; amount: number; items: { category: string }[] }[] = [
      { customerId: 1, date: day(1), amount: 1, items: [{ category: 'books' }] },
      { customerId: 1, date: day(2), amount: 1, items: [] },
    ];
    const book = ledger(rows, { attributes: { category: (r) => r.items[0]?.category } });
    expect(valuesOf(book, 'category')).toEqual(['books', null]);
  });

  it('gives a merged order the values of its earliest line, whatever the order of the lines', () => {
    const lines = [
      { customerId: 1, date: day(2), amount: 3, orderId: 'o1', category: 'toys' },
      { customerId: 1, date: day(1), amount: 4, orderId: 'o1', category: 'books' },
    ];
    for (const records of [lines, [...lines].reverse()]) {
      const book = ledger(records, { attributes: { category: 'category' } });
      expect(book.eventCount).toBe(1);
      expect(valuesOf(book, 'category')).toEqual(['books']);
    }
  });

  it('gives lines equal in instant and amount each attribute’s first value', () => {
    const lines = [
      { customerId: 1, date: day(1), amount: 4, orderId: 'o1', channel: 'web', category: null },
      { customerId: 1, date: day(1), amount: 4, orderId: 'o1', channel: 'ads', category: 'toys' },
    ];
    for (const records of [lines, [...lines].reverse()]) {
      const book = ledger(records, { attributes: { channel: 'channel', category: 'category' } });
      expect([valuesOf(book, 'channel'), valuesOf(book, 'category')]).toEqual([['ads'], [null]]);
    }
  });

  it('refuses a value that is not a string, naming record and attribute', () => {
    const read = (): Ledger => ledger([{ customerId: 1, date: day(1), amount: 1, channel: 12 }], { attributes: { channel: 'channel' } });
    expect(read).toThrow(InvalidInputError);
    expect(read).toThrow('records[0].attributes.channel: 12 is not a string');
  });

  it('skips a record with a bad value under onInvalid: skip', () => {
    const book = ledger(
      [
        { customerId: 1, date: day(1), amount: 1, channel: {} },
        { customerId: 2, date: day(1), amount: 1, channel: 'ads' },
      ],
      { attributes: { channel: 'channel' }, onInvalid: 'skip' },
    );
    expect(book.ids).toEqual([2]);
    expect(book.skipped.map((s) => s.field)).toEqual(['attributes.channel']);
  });

  it('refuses an attribute reader that is neither a name nor a function', () => {
    expect(() => ledger([], { attributes: { channel: 3 as never } })).toThrow(InvalidOptionError);
  });

  it('widens codes past 255 values, and past 65,535', () => {
    const records = Array.from({ length: 70_000 }, (_, i) => ({ customerId: i, date: day(0), amount: 1, sku: `s${i}` }));
    const book = ledger(records, { attributes: { sku: 'sku' } });
    expect(book.attributes.sku.codes).toBeInstanceOf(Uint32Array);
    expect(valuesOf(book, 'sku')).toEqual(records.map((r) => r.sku));
    const small = ledger(records.slice(0, 300), { attributes: { sku: 'sku' } });
    expect(small.attributes.sku.codes).toBeInstanceOf(Uint16Array);
    expect(valuesOf(small, 'sku')).toEqual(records.slice(0, 300).map((r) => r.sku));
  });

  it('is empty without the option', () => {
    const book = ledger([{ customerId: 1, date: day(1), amount: 1 }]);
    expect(Object.keys(book.attributes)).toEqual([]);
    expect(Object.keys(book.customerAttributes)).toEqual([]);
    expect(book.unknownCustomers).toBe(0);
  });

  it('keeps every record skipped before in a ledger made from it', () => {
    const records = [...Array.from({ length: 200_000 }, () => ({ customerId: 1, date: 'never', amount: 1, channel: 'ads' })), { customerId: 1, date: day(1), amount: 1, channel: 'ads' }];
    const book = ledger(records, { attributes: { channel: 'channel' }, onInvalid: 'skip' });
    expect(filterLedger(book, { channel: ['ads'] }).skipped).toBe(book.skipped);
  });

  it('moves with the events whatever the input order (property)', () => {
    const record = fc.record({
      customerId: fc.integer({ min: 0, max: 6 }),
      date: fc.integer({ min: 0, max: 20 }).map(day),
      amount: fc.integer({ min: -3, max: 9 }),
      channel: fc.constantFrom('ads', 'mail', null),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const book = ledger(records, { attributes: { channel: 'channel' } });
        // Each event's (customer, time, amount, value), against the records sorted the same way.
        const events = Array.from(book.time, (t, e) => [book.ids[book.account[e]], t, book.minor[e], valuesOf(book, 'channel')[e]].join('|'));
        const oracle = records.map((r) => [r.customerId, r.date, r.amount * 100, r.channel].join('|'));
        expect(events.sort()).toEqual(oracle.sort());
      }),
    );
  });
});

describe('attribute columns of ledger.fromColumns', () => {
  const base = { customerId: [1, 2, 1], date: [day(1), day(2), day(3)], amount: [100, 200, 300] };

  it('equals ledger(records) for a column of strings', () => {
    const fromColumns = ledger.fromColumns({ ...base, attributes: { channel: ['ads', null, 'mail'] } });
    const fromRecords = ledger(
      [0, 1, 2].map((i) => ({ customerId: base.customerId[i], date: base.date[i], amount: base.amount[i] / 100, channel: ['ads', null, 'mail'][i] })),
      { attributes: { channel: 'channel' } },
    );
    expect(valuesOf(fromColumns, 'channel')).toEqual(valuesOf(fromRecords, 'channel'));
    expect(fromColumns.attributes.channel.values).toEqual(fromRecords.attributes.channel.values);
  });

  it('reads codes into a dictionary, −1 and null as missing', () => {
    const book = ledger.fromColumns({ ...base, attributes: { plan: { codes: new Int8Array([1, -1, 0]), values: ['basic', 'pro'] } } });
    expect(valuesOf(book, 'plan')).toEqual(['pro', 'basic', null]);
  });

  it('reads bigint codes (Arrow’s int64 dictionary indices)', () => {
    const book = ledger.fromColumns({ ...base, attributes: { plan: { codes: new BigInt64Array([1n, -1n, 0n]), values: ['basic', 'pro'] } } });
    expect(valuesOf(book, 'plan')).toEqual(['pro', 'basic', null]);
  });

  it('refuses a code outside the dictionary', () => {
    const read = (): Ledger => ledger.fromColumns({ ...base, attributes: { plan: { codes: [0, 2, 0], values: ['basic', 'pro'] } } });
    expect(read).toThrow('columns[1].attributes.plan: 2 is not a code of the dictionary');
  });

  it('refuses a column of another length', () => {
    expect(() => ledger.fromColumns({ ...base, attributes: { plan: ['a'] } })).toThrow(InvalidOptionError);
  });
});

describe('customer attributes from a table', () => {
  const records = [
    { customerId: 'a', date: day(1), amount: 1 },
    { customerId: 'b', date: day(2), amount: 1 },
  ];

  it('joins each customer’s row by id, missing where there is none', () => {
    const book = ledger(records, { customers: [{ customerId: 'b', plan: 'pro' }] });
    const { codes, values } = book.customerAttributes.plan;
    expect(Array.from(codes, (c) => values[c])).toEqual([null, 'pro']);
  });

  it('counts rows whose id has no record', () => {
    const book = ledger(records, { customers: [{ customerId: 'a', plan: 'pro' }, { customerId: 'z', plan: 'free' }, { customerId: 7 }] });
    expect(book.unknownCustomers).toBe(2);
  });

  it('refuses an id that has two rows', () => {
    const read = (): Ledger => ledger(records, { customers: [{ customerId: 'a' }, { customerId: 'a' }] });
    expect(read).toThrow('customers[1].customerId: "a" already has a row (customers[0])');
  });

  it('refuses a value that is not a string', () => {
    expect(() => ledger(records, { customers: [{ customerId: 'a', plan: 3 }] })).toThrow('customers[0].attributes.plan');
  });

  it('refuses a customer attribute named like an event attribute', () => {
    const read = (): Ledger => ledger(records, { attributes: { plan: () => 'x' }, customers: [{ customerId: 'a', plan: 'pro' }] });
    expect(read).toThrow(InvalidOptionError);
  });
});
