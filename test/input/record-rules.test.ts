import { describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import { inputError, optionError } from '../helpers/option-error.ts';

const day = (d: number) => Date.UTC(2024, 0, d);

describe('unknown options', () => {
  test('a misspelt ledger option names the valid one', () => {
    const error = optionError(() => ledger([], { timezone: 'Europe/Berlin' } as never));
    expect(error.option).toBe('timezone');
    expect(error.message).toMatch(/^timezone: unknown option \(did you mean `timeZone`\?\)/);
  });

  test('a misspelt field map key is refused', () => {
    expect(optionError(() => ledger([], { fields: { customerID: 'id' } as never })).option).toBe('fields.customerID');
  });

  test('fromColumns refuses unknown options and unknown columns', () => {
    const columns = { customerId: [1], date: [0], amount: [100] };
    expect(optionError(() => ledger.fromColumns(columns, { amountUnitt: 'major' } as never)).message).toMatch(/did you mean `amountUnit`/);
    expect(optionError(() => ledger.fromColumns({ ...columns, orderID: ['x'] } as never)).option).toBe('columns.orderID');
  });
});

describe('missing fields', () => {
  test('a record without customerId names the key it probably meant', () => {
    const error = inputError(() => ledger([{ customer_id: 7, date: '2024-01-01', amount: 1 }] as never));
    expect(error.message).toBe(
      "records[0].customerId: is missing: the record has no `customerId`; its keys are `customer_id`, `date`, `amount` — map it with `fields: { customerId: 'customer_id' }`",
    );
  });

  test('a field map naming a column the record lacks says that column is absent', () => {
    const error = inputError(() => ledger([{ id: 7, created: '2024-01-01', total: 1 }], { fields: { customerId: 'id', date: 'created_at' as 'created', amount: 'total' } }));
    expect(error.field).toBe('date');
    expect(error.message).toBe('records[0].date: is missing: the record has no `created_at` (named by `fields.date`); its keys are `id`, `created`, `total`');
  });
});

describe('bigints and numeric dates', () => {
  test('bigint ids, dates and whole amounts are read exactly', () => {
    const book = ledger([{ customerId: 7n, date: BigInt(day(1)), amount: 12n }] as never);
    expect(book.ids).toEqual([7]);
    expect([...book.time]).toEqual([day(1)]);
    expect([...book.minor]).toEqual([1200]);
  });

  test('a bigint id beyond 2^53 − 1 is refused with the fix', () => {
    const error = inputError(() => ledger([{ customerId: 2n ** 60n, date: '2024-01-01', amount: 1 }] as never));
    expect(error.message).toBe('records[0].customerId: 1152921504606846976 is beyond ±(2^53 − 1), where a number is no longer exact; pass such ids as strings (in SQL, cast to VARCHAR)');
  });

  test('timeUnit reads numeric dates as epoch seconds', () => {
    expect([...ledger([{ customerId: 1, date: day(2) / 1000, amount: 1 }], { timeUnit: 's' }).time]).toEqual([day(2)]);
    const error = inputError(() => ledger([{ customerId: 1, date: day(2), amount: 1 }], { timeUnit: 's' }));
    expect(error.message).toMatch(/read as epoch seconds is outside the years 0001–9999/);
  });

  test('columns from a warehouse: BigInt64Array ids, microsecond timestamps and minor units', () => {
    const book = ledger.fromColumns(
      {
        customerId: BigInt64Array.of(5n, 6n, 5n),
        date: BigInt64Array.of(BigInt(day(1)) * 1000n, BigInt(day(2)) * 1000n + 999n, BigInt(day(3)) * 1000n),
        amount: BigInt64Array.of(1360n, 250n, -100n),
      },
      { timeUnit: 'us' },
    );
    expect(book.ids).toEqual([5, 6]);
    expect([...book.time]).toEqual([day(1), day(3), day(2)]);
    expect([...book.minor]).toEqual([1360, -100, 250]);
  });

  test('a BigInt64Array amount beyond the exact range names its entry', () => {
    const error = inputError(() => ledger.fromColumns({ customerId: [1], date: [0], amount: BigInt64Array.of(2n ** 60n) }));
    expect(error.message).toBe('columns[0].amount: 1152921504606846976 is beyond ±(2^53 − 1), where a number is no longer exact; pass such amounts as strings (in SQL, cast to VARCHAR)');
  });
});

describe('dates at the edge', () => {
  test('a record dated at the edge of the Date range is refused at the record', () => {
    const error = inputError(() => ledger([{ customerId: 1, date: 8.64e15, amount: 1 }]));
    expect([error.index, error.field]).toEqual([0, 'date']);
    expect(ledger([{ customerId: 1, date: 8.64e15, amount: 1 }], { onInvalid: 'skip' }).skipped).toHaveLength(1);
  });

  test('a Proxy around a Date is a counted skip, not a TypeError', () => {
    const book = ledger([{ customerId: 1, date: new Proxy(new Date(0), {}), amount: 1 }], { onInvalid: 'skip' });
    expect(book.skipped.map((s) => s.field)).toEqual(['date']);
  });
});

describe('one currency per ledger', () => {
  const rows = [
    { customerId: 'a', date: '2024-01-01', amount: '10.00', currency: 'USD' },
    { customerId: 'b', date: '2024-01-02', amount: '5.00', currency: 'usd' },
    { customerId: 'c', date: '2024-01-03', amount: '7.00', currency: 'EUR' },
  ];

  test('the first record that names a currency sets the ledger’s', () => {
    expect(ledger(rows.slice(0, 2)).currency).toBe('USD');
    expect(ledger([{ customerId: 'a', date: '2024-01-01', amount: 1 }]).currency).toBeNull();
  });

  test('a record in another currency is an error naming both rows', () => {
    const error = inputError(() => ledger(rows));
    expect(error.message).toBe('records[2].currency: "EUR" differs from the ledger\'s currency USD (from records[0]); a ledger holds one currency: build one ledger per currency');
    expect(ledger(rows, { onInvalid: 'skip' }).skipped.map((s) => s.index)).toEqual([2]);
  });

  test('the currency option fixes the currency and its digits', () => {
    const error = inputError(() => ledger(rows, { currency: 'EUR' }));
    expect(error.message).toMatch(/^records\[0\]\.currency: "USD" differs from the ledger's currency EUR \(from the `currency` option\)/);
    const yen = ledger([{ customerId: 'a', date: '2024-01-01', amount: '1500' }], { currency: 'JPY' });
    expect([yen.currency, yen.currencyDigits, yen.minor[0]]).toEqual(['JPY', 0, 1500]);
    expect(optionError(() => ledger([], { currency: 'dollars' })).option).toBe('currency');
  });

  test('a currency column is checked the same way', () => {
    const error = inputError(() => ledger.fromColumns({ customerId: [1, 2], date: [0, 0], amount: [1, 1], currency: ['USD', 'JPY'] }));
    expect([error.index, error.field]).toEqual([1, 'currency']);
  });
});

describe('data rules', () => {
  test('a refund carrying another customer’s order id is an error', () => {
    const error = inputError(() =>
      ledger([
        { customerId: 'a', date: '2024-01-01', amount: '10.00', orderId: 'o1' },
        { customerId: 'b', date: '2024-01-02', amount: '-10.00', orderId: 'o1' },
      ]),
    );
    expect(error.message).toBe('records[1].orderId: "o1" already belongs to customer "a" (records[0]); an order id must not be shared between customers');
  });

  test('a refund naming its own customer’s order stays a refund', () => {
    const book = ledger([
      { customerId: 'a', date: '2024-01-01', amount: '10.00', orderId: 'o1' },
      { customerId: 'a', date: '2024-01-02', amount: '-4.00', orderId: 'o1' },
    ]);
    expect([book.orderCount, book.refundCount]).toEqual([1, 1]);
  });

  test('the record that takes the total beyond the exact range is named, and can be skipped', () => {
    const rows = [
      { customerId: 'a', date: '2024-01-01', amount: '90071992547409.00' },
      { customerId: 'b', date: '2024-01-01', amount: '1.00' },
      { customerId: 'c', date: '2024-01-01', amount: '0.50' },
    ];
    const error = inputError(() => ledger(rows));
    expect([error.index, error.field]).toEqual([1, 'amount']);
    expect(error.message).toMatch(/takes the sum of the absolute amounts beyond 9007199254740991 minor units/);
    const book = ledger(rows, { onInvalid: 'skip' });
    expect(book.skipped.map((s) => s.index)).toEqual([1]);
    expect(book.customerCount).toBe(2);
  });

  test('columns beyond the exact range are named too', () => {
    const error = inputError(() => ledger.fromColumns({ customerId: new Uint32Array([1, 2]), date: new Float64Array([0, 0]), amount: new Float64Array([9e15, 9e15]) }));
    expect([error.index, error.field]).toEqual([1, 'amount']);
  });

  test('a column with a negative length, or a null or symbol column, is an option error', () => {
    expect(optionError(() => ledger.fromColumns({ customerId: { length: -1 } as never, date: [], amount: [] })).option).toBe('columns.customerId');
    expect(optionError(() => ledger.fromColumns({ customerId: [], date: null as never, amount: [] })).option).toBe('columns.date');
    expect(optionError(() => ledger.fromColumns({ customerId: [], date: [], amount: Symbol('x') as never })).message).toBe(
      'columns.amount: a symbol is not a column (use an array, a typed array or an array-like object with a length of 0 or more)',
    );
  });
});

describe('column lengths', () => {
  test('an array-like object must show its last entry, so a length alone allocates nothing', () => {
    const error = optionError(() => ledger.fromColumns({ customerId: { length: 1e8 } as never, date: { length: 1e8 } as never, amount: { length: 1e8 } as never }));
    expect(error.message).toBe('columns.customerId: claims a length of 100000000 but has no entry 99999999');
  });

  test('a column longer than a ledger holds is an option error, not a RangeError', () => {
    const huge = { length: 1e12, [1e12 - 1]: 1 } as never;
    expect(optionError(() => ledger.fromColumns({ customerId: huge, date: huge, amount: huge })).message).toBe(
      'columns.customerId: has 1000000000000 entries, more than the 4294967295 a ledger holds',
    );
  });
});

describe('nested options', () => {
  test('cut points with a hole are refused', async () => {
    const { rfm } = await import('../../src/segments/rfm.ts');
    const rows = [{ customerId: 'a', date: '2024-01-01', amount: 1 }];
    expect(optionError(() => rfm(rows, { cuts: { recency: [1, , 3, 4] as number[] } })).option).toBe('cuts.recency[1]');
  });

  test('activeWithin and acquisition take only their own keys', async () => {
    const { periodRetention } = await import('../../src/metrics/period-retention.ts');
    const { simulateGrowth } = await import('../../src/simulate/growth.ts');
    const rows = [{ customerId: 'a', date: '2024-01-01', amount: 1 }];
    expect(optionError(() => periodRetention(rows, { period: 'month', activeWithin: { days: 30, dayz: 1 } as never })).option).toBe('activeWithin.dayz');
    expect(optionError(() => simulateGrowth({ customers: 1, retentionRate: 0.5, periods: 2, acquisition: { rate: 0.1, bogus: 1 } as never })).option).toBe('acquisition.bogus');
  });
});
