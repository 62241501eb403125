import { describe, expect, test } from 'vitest';
import { chooseColumns } from '../../../src/cli/input/column-choice.ts';
import { normalizeDateText } from '../../../src/cli/input/date-text.ts';
import { readOrders } from '../../../src/cli/input/read-orders.ts';
import { fileWith, inputError } from './files.ts';

describe('columns', () => {
  test('common names are guessed ignoring case and separators', () => {
    const chosen = chooseColumns('f.csv', ['ID', 'UserId', 'Ordered At', 'order-total'], {});
    expect(chosen.columns).toEqual({ customer: 'UserId', date: 'Ordered At', amount: 'order-total', orderId: 'ID' });
  });

  test('the more telling name wins over a generic one', () => {
    const chosen = chooseColumns('f.csv', ['value', 'date', 'customer_id', 'created_at', 'total'], {});
    expect(chosen.columns).toEqual({ customer: 'customer_id', date: 'created_at', amount: 'total', orderId: null });
  });

  test('named columns are not reported as guessed', () => {
    const chosen = chooseColumns('f.csv', ['buyer', 'when', 'total'], { customer: 'buyer', date: 'when' });
    expect(chosen.guessed).toEqual(['amount']);
  });

  test('a column named by a flag is not guessed for another role', () => {
    const chosen = chooseColumns('f.csv', ['customer_id', 'email', 'date'], { orderId: 'customer_id' });
    expect(chosen.columns.customer).toBe('email');
  });

  test('the amount and the order id are null when not found', () => {
    const chosen = chooseColumns('f.csv', ['customer', 'date'], {});
    expect(chosen.columns).toEqual({ customer: 'customer', date: 'date', amount: null, orderId: null });
  });

  test('a named column the file lacks is an error naming the closest column and the flag', async () => {
    const path = fileWith('orders.csv', 'customer_id,created_at,total\na,2024-01-01,1\n');
    const error = await inputError(readOrders(path, { columns: { date: 'create_at' } }));
    expect(error.message).toBe('orders.csv: there is no column "create_at" (the columns are "customer_id", "created_at", "total"). Did you mean "created_at"? Pass --date created_at.');
    expect(error.column).toBe('create_at');
  });

  test('a named column is checked at the header, before any row is read', async () => {
    const path = fileWith('orders.csv', 'customer_id,created_at,total\na,2024-01-01,1,too,many\n');
    const error = await inputError(readOrders(path, { columns: { amount: 'amount' } }));
    expect(error.reason).toMatch(/^there is no column "amount"/);
  });

  test('a named column with nothing close is an error listing the columns', () => {
    expect(() => chooseColumns('orders.csv', ['customer_id', 'created_at'], { amount: 'revenue_usd' })).toThrow(
      'orders.csv: there is no column "revenue_usd" (the columns are "customer_id", "created_at"). Pass --amount with one of the columns.',
    );
  });

  test('no customer column is an error naming the flag', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', 'who,created_at,total\na,2024-01-01,1\n')));
    expect(error.message).toBe('orders.csv: no column looks like the customer (the columns are "who", "created_at", "total"). Pass --customer <column> to name it.');
  });

  test('no date column is an error naming the flag', () => {
    expect(() => chooseColumns('orders.csv', ['customer_id', 'when'], {})).toThrow('Pass --date <column> to name it.');
  });
});

describe('customers', () => {
  test('an empty customer cell is an error naming its line', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', 'customer_id,created_at\na,2024-01-01\n  ,2024-01-02\n')));
    expect(error.message).toBe('orders.csv line 3: column "customer_id" is empty, where each order needs its customer. Fill in the customer of every row, or leave out the rows without one.');
  });

  test('a missing customer key in NDJSON is an error naming its line', async () => {
    const error = await inputError(readOrders(fileWith('orders.ndjson', '{"customer_id":"a","date":"2024-01-01"}\n{"date":"2024-01-02"}\n')));
    expect([error.line, error.column]).toEqual([2, 'customer_id']);
  });
});

describe('dates', () => {
  test.each([
    ['2024-06-30', '2024-06-30'],
    ['2024-06-30T14:05:00Z', '2024-06-30T14:05:00Z'],
    ['2024-06-30 14:05:00', '2024-06-30 14:05:00'],
    ['2024-06-30T14:05:00.123+02:00', '2024-06-30T14:05:00.123+02:00'],
    ['19970101', '1997-01-01'],
    [' 19970101 ', '1997-01-01'],
    ['2024/06/30', '2024-06-30'],
    ['2024-06-30 14:05:00 UTC', '2024-06-30 14:05:00Z'],
  ])('%j is read as %j', (text, expected) => {
    expect(normalizeDateText(text)).toBe(expected);
  });

  test.each(['2024-13-45', '20241345', '06/30/2024', '30.06.2024', '2024-06-30 UTC', '', 'yesterday', '2023-02-29'])('%j is not a date', (text) => {
    expect(normalizeDateText(text)).toBeUndefined();
  });

  test('a bad date on line 1,234 is an error naming the line, the column, the value and the fix', async () => {
    const good = Array.from({ length: 1232 }, (_, i) => `c${i % 50},2024-01-${String((i % 28) + 1).padStart(2, '0')},1.00\n`).join('');
    const path = fileWith('orders.csv', `customer_id,created_at,total\n${good}x,2024-13-45,2.00\ny,2024-01-01,1\n`);
    const error = await inputError(readOrders(path));
    expect(error.message).toBe('orders.csv line 1,234: column "created_at" holds "2024-13-45", which is not a date. Dates must be ISO 8601 (2024-06-30 or 2024-06-30T14:05:00Z) or YYYYMMDD.');
    expect([error.line, error.column, error.value]).toEqual([1234, 'created_at', '2024-13-45']);
  });

  test('an empty date is an error naming its line', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', 'customer_id,created_at\na,2024-01-01\nb,\n')));
    expect(error.line).toBe(3);
    expect(error.reason).toBe('column "created_at" is empty, where each order needs its date');
  });

  test('compact dates are rewritten in the records', async () => {
    const orders = await readOrders(fileWith('orders.csv', 'customer_id,date\na,20240229\n'));
    expect(orders.records[0]?.['date']).toBe('2024-02-29');
  });
});
