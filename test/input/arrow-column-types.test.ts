import {
  type DataType,
  DateDay,
  DateMillisecond,
  Dictionary,
  Float64,
  Int32,
  Int64,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { fullLedger } from '../helpers/full-ledger.ts';
import { D, decimals, table, vector } from '../helpers/arrow-vectors.ts';

// How each Arrow type is read by ledger.fromColumns.

describe('Arrow timestamps and dates', () => {
  const instants = ['2024-01-05T10:00:00.123Z', '2023-12-31T23:59:59.999Z', '1969-07-20T20:17:40.5Z'];
  const expected = instants.map((s) => Date.parse(s));
  const make = (type: DataType) => table({ customerId: vector([1, 2, 3], new Int32()), date: vector(instants.map(D), type), amount: vector([1n, 2n, 3n], new Int64()) });

  test.each([
    ['milliseconds', new TimestampMillisecond()],
    ['microseconds', new TimestampMicrosecond()],
    ['nanoseconds', new TimestampNanosecond()],
  ])('a Timestamp in %s is read in its own unit', (_unit, type) => {
    const book = ledger.fromColumns(make(type));
    expect([...book.time].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });

  test('a Timestamp in seconds is read in seconds', () => {
    const seconds = [1_704_448_800, -14_182_940];
    const orders = table({ customerId: vector([1, 2], new Int32()), date: vector(seconds.map((s) => new Date(s * 1000)), new TimestampSecond()), amount: vector([1n, 2n], new Int64()) });
    expect([...ledger.fromColumns(orders).time].sort((a, b) => a - b)).toEqual([-14_182_940_000, 1_704_448_800_000]);
  });

  test('a timeUnit option that disagrees with the Timestamp type is refused; one that agrees is taken', () => {
    expect(() => ledger.fromColumns(make(new TimestampMicrosecond()), { timeUnit: 'ms' })).toThrow(InvalidOptionError);
    expect(ledger.fromColumns(make(new TimestampMicrosecond()), { timeUnit: 'us' }).eventCount).toBe(3);
  });

  test('an integer date column is read in the timeUnit option', () => {
    const orders = table({ customerId: vector([1], new Int32()), date: vector([1_700_000_000n], new Int64()), amount: vector([1n], new Int64()) });
    expect([...ledger.fromColumns(orders, { timeUnit: 's' }).time]).toEqual([1_700_000_000_000]);
  });

  test.each([
    ['Date32 (days)', new DateDay()],
    ['Date64 (milliseconds)', new DateMillisecond()],
  ])('a %s column is the start of that day in the time zone, as a date-only string is', (_name, type) => {
    const days = ['2024-03-01', '2024-03-31', '2023-10-29'];
    const orders = table({ customerId: vector(['a', 'b', 'a'], new Utf8()), date: vector(days.map((d) => D(`${d}T00:00:00Z`)), type), amount: vector([100n, 200n, 300n], new Int64()) });
    const byRecords = ledger(days.map((date, i) => ({ customerId: ['a', 'b', 'a'][i], date, amount: (i + 1) * 1 })), { timeZone: 'Europe/Berlin' });
    expect(fullLedger(ledger.fromColumns(orders, { timeZone: 'Europe/Berlin' }))).toEqual(fullLedger(byRecords));
  });
});

describe('Arrow amounts', () => {
  const orders = (amount: Vector) => table({ customerId: vector([1, 2], new Int32()), date: vector([0, 1], new Float64()), amount });

  test('an integer column is minor units; amountUnit: major reads whole major units', () => {
    expect([...ledger.fromColumns(orders(vector([1999n, -250n], new Int64()))).minor]).toEqual([1999, -250]);
    expect([...ledger.fromColumns(orders(vector([19, 5], new Int32())), { amountUnit: 'major' }).minor]).toEqual([1900, 500]);
  });

  test('a float column is major units; amountUnit: minor reads minor units', () => {
    expect([...ledger.fromColumns(orders(vector([19.99, 0.5], new Float64()))).minor]).toEqual([1999, 50]);
    expect([...ledger.fromColumns(orders(vector([1999, 50], new Float64())), { amountUnit: 'minor' }).minor]).toEqual([1999, 50]);
  });

  test('a string column is major units', () => {
    expect([...ledger.fromColumns(orders(vector(['19.99', '-0.50'], new Utf8()))).minor]).toEqual([1999, -50]);
  });

  test('a Decimal whose scale is the currency digits is exactly its unscaled minor units', () => {
    expect([...ledger.fromColumns(orders(decimals([1999n, -250n], 2))).minor]).toEqual([1999, -250]);
  });

  test('a Decimal of another scale is rescaled exactly', () => {
    expect([...ledger.fromColumns(orders(decimals([199_900n, -25_000n], 4))).minor]).toEqual([1999, -250]);
    expect([...ledger.fromColumns(orders(decimals([19n, 5n], 0))).minor]).toEqual([1900, 500]);
    expect([...ledger.fromColumns(orders(decimals([199_900n, 500n], 2)), { currency: 'JPY' }).minor]).toEqual([1999, 5]);
    expect([...ledger.fromColumns(orders(decimals([1999n, -250n], 2, 256))).minor]).toEqual([1999, -250]);
  });

  test('a Decimal that is no whole number of minor units is an input error naming row and column, or rounded with rounding', () => {
    const amounts = table({ customerId: vector([1, 2], new Int32()), date: vector([0, 1], new Float64()), total: decimals([199_900n, 199_950n], 4) });
    let caught: unknown;
    try {
      ledger.fromColumns(amounts, { fields: { amount: 'total' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).index).toBe(1);
    expect((caught as InvalidInputError).field).toBe('amount');
    expect((caught as InvalidInputError).value).toBe('19.9950');
    expect((caught as InvalidInputError).message).toMatch(/^table\[1\]\.amount: .*\(table column "total"\)$/);
    expect([...ledger.fromColumns(amounts, { fields: { amount: 'total' }, rounding: 'halfEven' }).minor]).toEqual([1999, 2000]);
  });

  test('a Decimal beyond the exact range is an input error', () => {
    expect(() => ledger.fromColumns(orders(decimals([2n ** 60n, 1n], 2)))).toThrow(InvalidInputError);
  });

  test('a Decimal column refuses amountUnit: minor (its scale gives the unit)', () => {
    expect(() => ledger.fromColumns(orders(decimals([1n, 2n], 2)), { amountUnit: 'minor' })).toThrow(InvalidOptionError);
  });

  test('a column of another type is refused as amounts', () => {
    expect(() => ledger.fromColumns(orders(vectorFromArray([true, false])))).toThrow(InvalidOptionError);
  });
});

describe('Arrow dictionary columns', () => {
  test('dictionary-encoded ids read as their values', () => {
    const orders = table({ customerId: vector(['x', 'y', 'x'], new Dictionary(new Utf8(), new Int32())), date: vector([0, 1, 2], new Float64()), amount: vector([1n, 2n, 3n], new Int64()) });
    expect(ledger.fromColumns(orders).ids).toEqual(['x', 'y']);
  });

  test('a dictionary attribute keeps the values in order of first appearance, as strings would', () => {
    const channels = ['store', 'web', null, 'store', 'app'];
    const base = { customerId: vector([1, 2, 3, 4, 5], new Int32()), date: vector([4, 3, 2, 1, 0], new Float64()), amount: vector([1n, 2n, 3n, 4n, 5n], new Int64()) };
    const dictionary = ledger.fromColumns(table({ ...base, channel: vector(channels, new Dictionary(new Utf8(), new Int32())) }), { attributes: { channel: 'channel' } });
    const strings = ledger.fromColumns(table({ ...base, channel: vector(channels, new Utf8()) }), { attributes: { channel: 'channel' } });
    expect(fullLedger(dictionary)).toEqual(fullLedger(strings));
    expect(dictionary.attributes.channel.values).toEqual([null, 'store', 'web', 'app']);
  });

  test('chunks with dictionaries of their own (concatenated tables) read as one attribute', () => {
    const part = (ids: number[], channels: string[]) =>
      table({ customerId: vector(ids, new Int32()), date: vector(ids, new Float64()), amount: vector(ids.map(BigInt), new Int64()), channel: vector(channels, new Dictionary(new Utf8(), new Int32())) });
    const joined = part([1, 2], ['web', 'store']).concat(part([3, 4], ['store', 'app']));
    const book = ledger.fromColumns(joined, { attributes: { channel: 'channel' } });
    const { codes, values } = book.attributes.channel;
    expect([...codes].map((c) => values[c])).toEqual(['web', 'store', 'store', 'app']);
    expect(values).toEqual([null, 'web', 'store', 'app']);
    const sliced = ledger.fromColumns(joined.slice(1, 3), { attributes: { channel: 'channel' } });
    expect([...sliced.attributes.channel.codes].map((c) => sliced.attributes.channel.values[c])).toEqual(['store', 'store']);
  });

  test('a column of another type is refused as an attribute', () => {
    const orders = table({ customerId: vector([1], new Int32()), date: vector([0], new Float64()), amount: vector([1n], new Int64()), tier: vector([3], new Int32()) });
    expect(() => ledger.fromColumns(orders, { attributes: { tier: 'tier' } })).toThrow(InvalidOptionError);
  });
});

describe('Arrow nulls', () => {
  const withNull = (field: 'customerId' | 'date' | 'amount') =>
    table({
      customerId: vector(field === 'customerId' ? [1, null, 3] : [1, 2, 3], new Int32()),
      date: vector(field === 'date' ? [D('2024-01-01'), null, D('2024-01-03')] : [D('2024-01-01'), D('2024-01-02'), D('2024-01-03')], new TimestampMicrosecond()),
      amount: field === 'amount' ? decimals([100n, null, 300n], 2) : vector([100n, 200n, 300n], new Int64()),
    });

  test.each(['customerId', 'date', 'amount'] as const)('a null %s is an input error naming its row and column', (field) => {
    let caught: unknown;
    try {
      ledger.fromColumns(withNull(field));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).index).toBe(1);
    expect((caught as InvalidInputError).field).toBe(field);
    expect((caught as InvalidInputError).value).toBe(null);
    expect((caught as InvalidInputError).message).toContain(`(table column "${field}")`);
  });

  test.each(['customerId', 'date', 'amount'] as const)("a null %s is skipped under onInvalid: 'skip'", (field) => {
    const book = ledger.fromColumns(withNull(field), { onInvalid: 'skip' });
    expect(book.eventCount).toBe(2);
    expect(book.skipped.map((s) => [s.index, s.field])).toEqual([[1, field]]);
  });

  test('a null Date is an input error naming its row', () => {
    const orders = table({ customerId: vector([1, 2], new Int32()), date: vector([D('2024-01-01'), null], new DateDay()), amount: vector([1n, 2n], new Int64()) });
    expect(() => ledger.fromColumns(orders)).toThrow(/^table\[1\]\.date: .*\(table column "date"\)$/);
  });

  test('a null attribute is a missing value', () => {
    const orders = table({ customerId: vector([1, 2], new Int32()), date: vector([0, 1], new Float64()), amount: vector([1n, 2n], new Int64()), channel: vector(['web', null], new Utf8()) });
    const { codes, values } = ledger.fromColumns(orders, { attributes: { channel: 'channel' } }).attributes.channel;
    expect([...codes].map((c) => values[c])).toEqual(['web', null]);
  });

  test('null order ids and currencies are entries without one', () => {
    const orders = table({
      customerId: vector([1, 1, 1], new Int32()),
      date: vector([0, 1, 2], new Float64()),
      amount: vector([100n, 200n, 300n], new Int64()),
      orderId: vector(['o1', 'o1', null], new Utf8()),
      currency: vector(['EUR', null, 'eur'], new Utf8()),
    });
    const book = ledger.fromColumns(orders);
    expect([...book.minor]).toEqual([300, 300]);
    expect(book.currency).toBe('EUR');
  });
});
