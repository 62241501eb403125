import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { fromColumns } from '../../src/input/columns.ts';
import { ledger } from '../../src/input/ledger.ts';
import { ledgerSnapshot } from '../helpers/ledger-snapshot.ts';

describe('ledger.fromColumns', () => {
  test('is reachable as ledger.fromColumns', () => {
    expect(ledger.fromColumns).toBe(fromColumns);
  });

  test('typed arrays: dense integer ids, epoch ms, minor units', () => {
    const book = fromColumns({
      customerId: new Uint32Array([5, 3, 5]),
      date: new Float64Array([2, 1, 0]),
      amount: new Float64Array([100, 200, -50]),
    });
    expect(book.ids).toEqual([5, 3]);
    expect([...book.minor]).toEqual([-50, 100, 200]);
    expect([...book.time]).toEqual([0, 2, 1]);
  });

  test("major units with amountUnit: 'major'", () => {
    const book = fromColumns(
      { customerId: ['a', 'b'], date: ['2024-01-01', new Date(0)], amount: ['19.99', 0.5] },
      { amountUnit: 'major' },
    );
    expect([...book.minor]).toEqual([50, 1999]);
  });

  test('order ids merge like the row path', () => {
    const book = fromColumns({
      customerId: ['a', 'a', 'a'],
      date: [0, 1, 2],
      amount: [100, 250, 300],
      orderId: ['o1', 'o1', null],
    });
    expect([...book.minor]).toEqual([350, 300]);
  });

  test('minor units must be integers', () => {
    expect(() => fromColumns({ customerId: [1], date: [0], amount: [19.99] })).toThrow(
      "columns[0].amount: 19.99 is not an integer number of minor units (pass amountUnit: 'major' for amounts like 19.99)",
    );
    expect(() => fromColumns({ customerId: [1], date: [0], amount: [2 ** 53] })).toThrow(InvalidInputError);
  });

  test('bad entries name their position', () => {
    let caught: unknown;
    try {
      fromColumns({ customerId: [1, 2, Number.NaN], date: [0, 0, 0], amount: [1, 1, 1] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).index).toBe(2);
    expect((caught as InvalidInputError).field).toBe('customerId');
    const skipped = fromColumns(
      { customerId: [1, 2, 3], date: [0, Number.NaN, 0], amount: [1, 1, 'x'] },
      { onInvalid: 'skip' },
    );
    expect(skipped.skipped.map((s) => [s.index, s.field])).toEqual([
      [1, 'date'],
      [2, 'amount'],
    ]);
  });

  test('a -0 amount is refused on every path, as neither an order nor a refund; array-like columns work', () => {
    for (const amount of [new Float64Array([-0]), [-0]]) {
      expect(() => fromColumns({ customerId: new Uint32Array([1]), date: new Float64Array([0]), amount })).toThrow(
        'columns[0].amount: is a negative zero: neither an order nor a refund (use 0 for a zero-value order, or leave the entry out)',
      );
    }
    const arrayLike = { length: 1, 0: 'x' } as ArrayLike<string>;
    expect(fromColumns({ customerId: arrayLike, date: [0], amount: [5] }).ids).toEqual(['x']);
  });

  test('typed columns with a bad entry fall back to the general path and report it', () => {
    const columns = {
      customerId: new Uint32Array([4, 5, 4]),
      date: new Float64Array([0, Number.NaN, 2]),
      amount: new Float64Array([100, 200, 0.5]),
    };
    expect(() => fromColumns(columns)).toThrow(/^columns\[1\]\.date/);
    const book = fromColumns(columns, { onInvalid: 'skip' });
    expect(book.skipped.map((s) => [s.index, s.field])).toEqual([
      [1, 'date'],
      [2, 'amount'],
    ]);
    expect([...book.minor]).toEqual([100]);
    // the caller's arrays are never modified
    expect([...columns.amount]).toEqual([100, 200, 0.5]);
  });

  test('a wrong-typed or short column is an InvalidOptionError', () => {
    expect(() => fromColumns({ customerId: 'abc' as unknown as string[], date: [], amount: [] })).toThrow(
      'columns.customerId: "abc" is not a column (use an array, a typed array or an array-like object with a length of 0 or more)',
    );
    expect(() => fromColumns({ customerId: [1, 2], date: [0], amount: [1, 1] })).toThrow(
      'columns.date: has 1 entries but customerId has 2',
    );
    expect(() => fromColumns({ customerId: [1], date: [0], amount: [1] }, { amountUnit: 'cents' as 'minor' })).toThrow(
      InvalidOptionError,
    );
    expect(() => fromColumns(null as unknown as { customerId: []; date: []; amount: [] })).toThrow(InvalidOptionError);
  });
});

const row = fc.record({
  customerId: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom('x', 'y', '__proto__')),
  date: fc.integer({ min: 0, max: 1000 }),
  amount: fc.integer({ min: -1000, max: 5000 }),
  orderId: fc.option(fc.constantFrom('o1', 'o2', 3), { nil: undefined }),
});

describe('columns and rows agree', () => {
  fcTest.prop([fc.array(row, { maxLength: 50 })], { numRuns: 200 })('same ledger on the same data', (rows) => {
    const fromRows = (() => {
      try {
        return ledgerSnapshot(ledger(rows.map((r) => ({ ...r, amount: r.amount / 100 }))));
      } catch (error) {
        return String(error);
      }
    })();
    const fromCols = (() => {
      try {
        return ledgerSnapshot(
          fromColumns({
            customerId: rows.map((r) => r.customerId),
            date: rows.map((r) => r.date),
            amount: rows.map((r) => r.amount),
            orderId: rows.map((r) => r.orderId),
          }),
        );
      } catch (error) {
        return String(error).replaceAll('columns[', 'records[');
      }
    })();
    expect(fromCols).toEqual(fromRows);
  });

  fcTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 99 })), { maxLength: 60 })], {
    numRuns: 200,
  })('dense typed-array ids give the same ledger as a plain array of ids', (pairs) => {
    const ids = pairs.map(([id]) => id);
    const dates = pairs.map(([, d]) => d);
    const amounts = pairs.map(([id, d]) => id * 100 + d);
    const typed = fromColumns({ customerId: Int32Array.from(ids), date: Float64Array.from(dates), amount: Float64Array.from(amounts) });
    const plain = fromColumns({ customerId: ids, date: dates, amount: amounts });
    expect(ledgerSnapshot(typed)).toEqual(ledgerSnapshot(plain));
  });

  // Ids the dense table must hand to the general path: a fraction, or a range far wider than the column.
  const typedId = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -30, max: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom(2.5, -0.25, 1e7, -1e9) },
  );
  fcTest.prop([fc.array(fc.tuple(typedId, fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 60 })], {
    numRuns: 300,
  })('typed ids that are fractions or sparse give the same ledger as a plain array of ids', (pairs) => {
    const ids = pairs.map(([id]) => id);
    const dates = pairs.map(([, d]) => d);
    const amounts = pairs.map(([, d], k) => d * 7 - k);
    const typed = fromColumns({ customerId: Float64Array.from(ids), date: Float64Array.from(dates), amount: Float64Array.from(amounts) });
    const plain = fromColumns({ customerId: ids, date: dates, amount: amounts });
    expect(ledgerSnapshot(typed)).toEqual(ledgerSnapshot(plain));
  });
});

describe('order-id conflicts in columns', () => {
  test('name the columns in the message', () => {
    expect(() => fromColumns({ customerId: ['a', 'b'], date: [0, 1], amount: [1, 1], orderId: ['o1', 'o1'] })).toThrow(
      'columns[1].orderId: "o1" already belongs to customer "a" (columns[0])',
    );
  });
});

describe('typed columns staged in bulk', () => {
  /** Rows of typed columns: ids in a narrow range, now and then a date or amount that is not valid. */
  const typedRows = fc.array(
    fc.record({
      id: fc.integer({ min: -20, max: 400 }),
      date: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 2_000 }) }, { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 1e300, -0.5) }),
      amount: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -500, max: 5_000 }) }, { weight: 1, arbitrary: fc.constantFrom(-0, 0.5, 2 ** 60) }),
    }),
    { maxLength: 400 },
  );

  fcTest.prop([typedRows, fc.boolean()])('build the ledger the general path builds from the same entries as plain arrays', (rows, sorted) => {
    const input = sorted ? [...rows].sort((x, y) => x.date - y.date) : rows;
    const plain = { customerId: input.map((r) => r.id), date: input.map((r) => r.date), amount: input.map((r) => r.amount) };
    const typed = { customerId: Int32Array.from(plain.customerId), date: Float64Array.from(plain.date), amount: Float64Array.from(plain.amount) };
    const general = fromColumns(plain, { onInvalid: 'skip' });
    const bulk = fromColumns(typed, { onInvalid: 'skip' });
    expect(ledgerSnapshot(bulk)).toEqual(ledgerSnapshot(general));
    expect(bulk.skipped).toEqual(general.skipped);
    expect(bulk.totals).toEqual(general.totals);
    // The caller's columns are read, never written.
    expect(Array.from(typed.date)).toEqual(plain.date);
    expect(Array.from(typed.amount)).toEqual(plain.amount);
  });
});
