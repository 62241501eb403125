import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, type Ledger, filterLedger, ledger } from 'retention-metrics';
import { segmentLedgers, segmentRuleOption } from '../../src/input/breakdown.ts';

const day = (d: number): number => Date.UTC(2024, 0, 1) + d * 86_400_000;

interface Row {
  customerId: number;
  date: number;
  amount: number;
  channel: string | null;
}

const row = fc.record({
  customerId: fc.integer({ min: 0, max: 8 }),
  date: fc.integer({ min: 0, max: 60 }).map(day),
  amount: fc.integer({ min: -5, max: 20 }),
  channel: fc.constantFrom('ads', 'mail', 'web', null),
});

const read = (rows: readonly Row[]): Ledger => ledger(rows, { attributes: { channel: 'channel' } });

/** A ledger's events as sortable strings: customer, instant, amount, channel. */
function eventsOf(book: Ledger): string[] {
  const { codes, values } = book.attributes.channel;
  return Array.from(book.time, (t, e) => `${book.ids[book.account[e]]}|${t}|${book.minor[e]}|${values[codes[e]]}`).sort();
}

describe('filterLedger', () => {
  it('keeps exactly the events whose value is listed (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.subarray(['ads', 'mail', 'web', null]), (rows, wanted) => {
        const book = read(rows);
        const oracle = eventsOf(book).filter((event) => wanted.some((v) => event.endsWith(`|${v}`)));
        expect(eventsOf(filterLedger(book, { channel: wanted }))).toEqual(oracle);
      }),
    );
  });

  it('changes nothing when it matches everything', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const book = read(rows);
        const all = filterLedger(book, { channel: ['ads', 'mail', 'web', null] });
        expect([all.ids, all.start, all.time, all.minor, all.firstOrder, all.totals]).toEqual([book.ids, book.start, book.time, book.minor, book.firstOrder, book.totals]);
      }),
    );
  });

  it('makes a customer’s first matching order their first order', () => {
    const book = read([
      { customerId: 1, date: day(1), amount: 5, channel: 'mail' },
      { customerId: 1, date: day(9), amount: 5, channel: 'ads' },
    ]);
    expect(filterLedger(book, { channel: ['ads'] }).firstOrder[0]).toBe(day(9));
  });

  it('filters on a customer attribute by the customer', () => {
    const book = ledger(
      [
        { customerId: 1, date: day(1), amount: 5 },
        { customerId: 2, date: day(2), amount: 5 },
        { customerId: 2, date: day(3), amount: -1 },
      ],
      { customers: [{ customerId: 2, plan: 'pro' }] },
    );
    const pro = filterLedger(book, { plan: ['pro'] });
    expect(pro.ids).toEqual([2]);
    expect(pro.eventCount).toBe(2);
    expect(pro.customerAttributes.plan.values[pro.customerAttributes.plan.codes[0]]).toBe('pro');
  });

  it('reads undefined in a list as the missing value', () => {
    const book = read([
      { customerId: 1, date: day(1), amount: 5, channel: null },
      { customerId: 2, date: day(2), amount: 5, channel: 'ads' },
    ]);
    expect(filterLedger(book, { channel: [undefined as unknown as null] }).ids).toEqual([1]);
  });

  it('names an unknown attribute, with the closest one', () => {
    const book = read([{ customerId: 1, date: day(1), amount: 5, channel: 'ads' }]);
    expect(() => filterLedger(book, { chanel: ['ads'] })).toThrow(InvalidOptionError);
    expect(() => filterLedger(book, { chanel: ['ads'] })).toThrow('did you mean `channel`?');
  });

  it('refuses a filter whose values are not a list of strings', () => {
    const book = read([]);
    expect(() => filterLedger(book, { channel: 'ads' as never })).toThrow('where.channel');
  });
});

describe('segmentLedgers', () => {
  it('puts each customer in the segment of their first order’s value, with all their events (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const book = read(rows);
        const parts = segmentLedgers(book, 'channel', 'customer');
        const customers = parts.reduce((sum, part) => sum + part.book.customerCount, 0);
        expect(customers).toBe(book.customerCount);
        const events = parts.flatMap((part) => eventsOf(part.book)).sort();
        // Every event of every customer is in a segment (accounts without orders are left out).
        const ofCustomers = eventsOf(book).filter((event) => book.orders[book.ids.indexOf(Number(event.split('|')[0]))] > 0);
        expect(events).toEqual(ofCustomers);
        for (const part of parts) {
          const { codes, values } = part.book.attributes.channel;
          for (let a = 0; a < part.book.ids.length; a++) {
            if (part.book.orders[a] === 0) continue;
            let e = part.book.start[a];
            while (part.book.minor[e] < 0) e++;
            expect(values[codes[e]]).toBe(part.value);
          }
        }
      }),
    );
  });

  it('holds only the value’s events under the same-value rule (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const book = read(rows);
        for (const part of segmentLedgers(book, 'channel', 'same-value')) {
          expect(eventsOf(part.book)).toEqual(eventsOf(filterLedger(book, { channel: [part.value] })));
        }
      }),
    );
  });

  it('gives a customer the first value among orders tied for first, whatever other attributes the ledger has', () => {
    const rows = [
      { customerId: 1, date: day(1), amount: 10, ch: 'b', cat: 'x' },
      { customerId: 1, date: day(1), amount: 10, ch: 'a', cat: 'y' },
    ];
    for (const attributes of [{ ch: 'ch' }, { ch: 'ch', cat: 'cat' }, { cat: 'cat', ch: 'ch' }] as const) {
      const book = ledger(rows, { attributes });
      expect(segmentLedgers(book, 'ch', 'customer').map((part) => part.value)).toEqual(['a']);
    }
  });

  it('lists values in code-unit order, the missing value last', () => {
    const book = read([
      { customerId: 1, date: day(1), amount: 5, channel: null },
      { customerId: 2, date: day(2), amount: 5, channel: 'web' },
      { customerId: 3, date: day(3), amount: 5, channel: 'ads' },
    ]);
    expect(segmentLedgers(book, 'channel', 'customer').map((part) => part.value)).toEqual(['ads', 'web', null]);
  });

  it('does not depend on the order of the input (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), ([rows, shuffled]) => {
        const a = segmentLedgers(read(rows), 'channel', 'customer');
        const b = segmentLedgers(read(shuffled), 'channel', 'customer');
        expect(b.map((part) => [part.value, eventsOf(part.book)])).toEqual(a.map((part) => [part.value, eventsOf(part.book)]));
      }),
    );
  });

  it('checks the rule', () => {
    expect(segmentRuleOption(undefined)).toBe('customer');
    expect(() => segmentRuleOption('order')).toThrow(InvalidOptionError);
  });
});
