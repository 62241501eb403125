import { fc, test as fcTest } from '@fast-check/vitest';
import { Dictionary, Int32, TimestampMicrosecond, Utf8, tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import { fullLedger } from '../helpers/full-ledger.ts';
import { D, decimals, table, vector } from '../helpers/arrow-vectors.ts';

const RECORDS = [
  { customerId: 'c1', date: '2024-01-05T10:00:00Z', amount: '19.99', channel: 'web' },
  { customerId: 'c2', date: '2024-01-06T11:30:00Z', amount: '5.00', channel: 'store' },
  { customerId: 'c1', date: '2024-02-01T09:15:00Z', amount: '-2.50', channel: 'web' },
  { customerId: 'c3', date: '2024-02-03T00:00:00Z', amount: '12.00', channel: null },
];
const FROM_RECORDS = ledger(RECORDS, { attributes: { channel: 'channel' } });

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

describe('an Arrow table as a batch of ledger.append', () => {
  test("a night's orders as an Arrow table append to a ledger as their records would", () => {
    const [earlier, later] = [RECORDS.slice(0, 2), RECORDS.slice(2)];
    const options = { attributes: { channel: 'channel' } } as const;
    const night = table({
      customerId: vector(later.map((r) => r.customerId), new Utf8()),
      date: vector(later.map((r) => D(r.date)), new TimestampMicrosecond()),
      amount: decimals(later.map((r) => BigInt(Math.round(Number(r.amount) * 100))), 2),
      channel: vector(later.map((r) => r.channel), new Dictionary(new Utf8(), new Int32())),
    });
    const appended = ledger.append(ledger(earlier, options), ledger.fromColumns(night, options));
    expect(fullLedger(appended)).toEqual(fullLedger(FROM_RECORDS));
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
