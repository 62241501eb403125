import { fc, test as fcTest } from '@fast-check/vitest';
import {
  type DataType,
  DateDay,
  DateMillisecond,
  Decimal as ArrowDecimal,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Utf8,
  type Vector,
  makeData,
  makeVector,
  tableFromArrays,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { fullLedger } from '../helpers/full-ledger.ts';

/** A Decimal vector of unscaled values (`null` for a null entry). */
function decimals(values: readonly (bigint | null)[], scale: number, bitWidth = 128): Vector<ArrowDecimal> {
  const stride = bitWidth / 32;
  const words = new Uint32Array(values.length * stride);
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value === null) return;
    bitmap[i >> 3] |= 1 << (i & 7);
    let v = BigInt.asUintN(bitWidth, value);
    for (let w = 0; w < stride; w++) {
      words[i * stride + w] = Number(v & 0xffffffffn);
      v >>= 32n;
    }
  });
  const nullCount = values.filter((v) => v === null).length;
  return makeVector(makeData({ type: new ArrowDecimal(scale, 38, bitWidth), length: values.length, nullCount, nullBitmap: bitmap, data: words }));
}

function vector<T extends DataType>(values: readonly unknown[], type: T): Vector<T> {
  return vectorFromArray(values as never[], type) as Vector<T>;
}

const D = (iso: string) => new Date(iso);
const RECORDS = [
  { customerId: 'c1', date: '2024-01-05T10:00:00Z', amount: '19.99', channel: 'web' },
  { customerId: 'c2', date: '2024-01-06T11:30:00Z', amount: '5.00', channel: 'store' },
  { customerId: 'c1', date: '2024-02-01T09:15:00Z', amount: '-2.50', channel: 'web' },
  { customerId: 'c3', date: '2024-02-03T00:00:00Z', amount: '12.00', channel: null },
];
const FROM_RECORDS = ledger(RECORDS, { attributes: { channel: 'channel' } });

function table(columns: Record<string, Vector>): Table {
  return new Table(columns);
}

describe('ledger.fromColumns with an Arrow table', () => {
  test('a table from tableFromArrays equals ledger(records), its fields and attributes named in options', () => {
    const orders = tableFromArrays({
      customer_id: RECORDS.map((r) => r.customerId),
      created_at: new Float64Array(RECORDS.map((r) => Date.parse(r.date))),
      total: new Float64Array(RECORDS.map((r) => Number(r.amount))),
      channel: RECORDS.map((r) => r.channel),
    });
    const book = ledger.fromColumns(orders, { fields: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, attributes: { channel: 'channel' } });
    expect(fullLedger(book)).toEqual(fullLedger(FROM_RECORDS));
  });

  test('fields not named are read from columns of the library names', () => {
    const orders = tableFromArrays({ customerId: new Int32Array([1]), date: new Float64Array([0]), amount: new Float64Array([2.5]) });
    expect([...ledger.fromColumns(orders).minor]).toEqual([250]);
  });

  test('an Arrow IPC round trip gives the same ledger', () => {
    const orders = table({
      customerId: vector(RECORDS.map((r) => r.customerId), new Dictionary(new Utf8(), new Int32())),
      date: vector(RECORDS.map((r) => D(r.date)), new TimestampMicrosecond()),
      amount: decimals(RECORDS.map((r) => BigInt(Math.round(Number(r.amount) * 100))), 2),
      channel: vector(RECORDS.map((r) => r.channel), new Dictionary(new Utf8(), new Int32())),
    });
    const back = tableFromIPC(tableToIPC(orders, 'stream'));
    const options = { attributes: { channel: 'channel' } };
    expect(fullLedger(ledger.fromColumns(back, options))).toEqual(fullLedger(FROM_RECORDS));
    expect(fullLedger(ledger.fromColumns(orders, options))).toEqual(fullLedger(FROM_RECORDS));
  });
});

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

describe('Arrow tables by their shape', () => {
  /** A column in the shape of an Arrow vector, without apache-arrow. */
  const column = (typeId: number, values: ArrayLike<unknown>, array: ArrayLike<unknown> = values) => ({
    length: values.length,
    type: { typeId, toString: () => `type ${typeId}` },
    nullCount: 0,
    get: (i: number) => values[i],
    toArray: () => array,
  });

  test('any object with getChild returning vectors is read as a table', () => {
    const columns: Record<string, ReturnType<typeof column>> = { customerId: column(5, ['a', 'b']), date: column(5, ['2024-01-01', '2024-01-02']), amount: column(2, new Int32Array([100, 200])) };
    const book = ledger.fromColumns({ getChild: (name: string) => columns[name] ?? null });
    expect(book.ids).toEqual(['a', 'b']);
    expect([...book.minor]).toEqual([100, 200]);
  });

  test('a vector whose array has not an entry per row is refused', () => {
    const columns: Record<string, ReturnType<typeof column>> = { customerId: column(5, ['a', 'b'], ['a']), date: column(5, ['2024-01-01', '2024-01-02']), amount: column(2, new Int32Array([100, 200])) };
    expect(() => ledger.fromColumns({ getChild: (name: string) => columns[name] ?? null })).toThrow(InvalidOptionError);
  });
});

describe('Arrow table options', () => {
  const orders = tableFromArrays({ id: new Int32Array([1]), at: new Float64Array([0]), total: new Float64Array([1]) });

  test('a named column the table lacks is refused, naming the table columns', () => {
    expect(() => ledger.fromColumns(orders, { fields: { customerId: 'id', date: 'created', amount: 'total' } })).toThrow(/fields\.date.*no column "created" \(its columns: "id", "at", "total"\)/);
    expect(() => ledger.fromColumns(orders, { fields: { customerId: 'id', date: 'at', amount: 'total', orderId: 'order' } })).toThrow(InvalidOptionError);
    expect(() => ledger.fromColumns(orders, { fields: { customerId: 'id', date: 'at', amount: 'total' }, attributes: { channel: 'channel' } })).toThrow(InvalidOptionError);
  });

  test('a required field whose default column is missing is refused', () => {
    expect(() => ledger.fromColumns(orders)).toThrow(/fields\.customerId/);
  });

  test('unknown option keys and field keys are refused', () => {
    expect(() => ledger.fromColumns(orders, { field: {} } as never)).toThrow(InvalidOptionError);
    expect(() => ledger.fromColumns(orders, { fields: { customer: 'id' } } as never)).toThrow(InvalidOptionError);
  });

  test('fields and attributes by column name are options of a table only', () => {
    expect(() => ledger.fromColumns({ customerId: [1], date: [0], amount: [1] }, { fields: {} } as never)).toThrow(InvalidOptionError);
  });
});

describe('Arrow tables agree with plain columns', () => {
  const row = fc.record({
    id: fc.integer({ min: 0, max: 6 }),
    time: fc.integer({ min: 0, max: 4 }).map((d) => Date.UTC(2024, 0, 1 + d)),
    cents: fc.integer({ min: -500, max: 5000 }),
    channel: fc.option(fc.constantFrom('web', 'store', 'app'), { nil: null }),
  });

  fcTest.prop([fc.array(row, { maxLength: 30 })])('a table of any rows equals fromColumns of the same arrays', (rows) => {
    const orders = table({
      customerId: vector(rows.map((r) => `c${r.id}`), new Dictionary(new Utf8(), new Int32())),
      date: vector(rows.map((r) => new Date(r.time)), new TimestampMicrosecond()),
      amount: decimals(rows.map((r) => BigInt(r.cents)), 2),
      channel: vector(rows.map((r) => r.channel), new Dictionary(new Utf8(), new Int32())),
    });
    const plain = ledger.fromColumns({
      customerId: rows.map((r) => `c${r.id}`),
      date: rows.map((r) => r.time),
      amount: rows.map((r) => r.cents),
      attributes: { channel: rows.map((r) => r.channel) },
    });
    expect(fullLedger(ledger.fromColumns(orders, { attributes: { channel: 'channel' } }))).toEqual(fullLedger(plain));
  });
});
