import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { readOrders } from '../../../src/cli/input/read-orders.ts';
import { duckdb, fileWith, inputError, pathFor } from './files.ts';

const quote = (path: string): string => `'${path.replaceAll("'", "''")}'`;

describe('files and formats', () => {
  test('a missing file is an error saying so', async () => {
    const error = await inputError(readOrders(pathFor('missing.csv')));
    expect(error.message).toBe('missing.csv: there is no such file. Check the path (it is read relative to the current directory).');
  });

  test('a directory is an error saying so', async () => {
    const path = fileWith('orders.csv', 'a\n').replace(/orders\.csv$/, '');
    const error = await inputError(readOrders(path, { format: 'csv' }));
    expect(error.reason).toBe('this is a directory');
  });

  test('an unknown extension is an error naming the formats and --format', async () => {
    const error = await inputError(readOrders(fileWith('orders.xlsx', 'x')));
    expect(error.message).toBe('orders.xlsx: the extension ".xlsx" names no format that can be read. Name a .csv, .tsv, .txt, .parquet, .ndjson or .jsonl file (optionally .gz), or pass --format csv|parquet|ndjson.');
  });

  test('--format reads a file whatever its extension', async () => {
    const orders = await readOrders(fileWith('orders.dat', 'customer_id,date\na,2024-01-01\n'), { format: 'csv' });
    expect(orders.records).toEqual([{ customer_id: 'a', date: '2024-01-01' }]);
  });

  test('a .gz file is gunzipped', async () => {
    const orders = await readOrders(fileWith('orders.csv.gz', gzipSync('customer_id,date\na,2024-01-01\n')));
    expect(orders.records).toEqual([{ customer_id: 'a', date: '2024-01-01' }]);
    expect(orders.format).toBe('csv');
  });

  test('a .gz file that is not gzip is an error', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv.gz', 'customer_id,date\na,2024-01-01\n')));
    expect(error.reason).toBe('the file is not valid gzip');
  });
});

describe('NDJSON', () => {
  test('each line is a record; blank lines count as lines', async () => {
    const text = '{"customer_id":"a","created_at":"2024-01-01","total":"1.50"}\n\n{"customer_id":7,"created_at":"20240102","total":2,"channel":"web"}\n';
    const orders = await readOrders(fileWith('orders.ndjson', text));
    expect(orders.records).toEqual([
      { customer_id: 'a', created_at: '2024-01-01', total: '1.50' },
      { customer_id: 7, created_at: '2024-01-02', total: 2, channel: 'web' },
    ]);
    expect(orders.fileColumns).toEqual(['customer_id', 'created_at', 'total', 'channel']);
    expect([orders.format, orders.lineOf(1)]).toEqual(['ndjson', 3]);
  });

  test('a line that is not JSON is an error naming its line', async () => {
    const text = '{"customer_id":"a","date":"2024-01-01"}\r\n{"customer_id":"b","date":"2024-01-02"\r\n';
    const error = await inputError(readOrders(fileWith('orders.jsonl', text)));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^orders\.jsonl line 2: the line is not JSON \("\{\\"customer_id\\":\\"b\\",\\"date\\":\\"2024-01-02\\""\)\. Each line/);
  });

  test('a line holding an array is an error naming its line', async () => {
    const error = await inputError(readOrders(fileWith('orders.ndjson', '{"customer_id":"a","date":"2024-01-01"}\n[1,2]\n')));
    expect([error.line, error.reason]).toEqual([2, 'the line holds an array, not an object']);
  });

  test('a file without records is an error', async () => {
    const error = await inputError(readOrders(fileWith('orders.ndjson', '\n\n')));
    expect(error.reason).toBe('the file holds no records');
  });
});

describe('Parquet', () => {
  test('rows are records; DATE columns become calendar days and positions are rows', async () => {
    const path = pathFor('orders.parquet');
    await duckdb(`COPY (
      SELECT * FROM (VALUES
        ('a', DATE '2024-01-02', TIMESTAMPTZ '2024-01-02 23:30:00+00', 12.50::DECIMAL(10, 2), 1::BIGINT),
        ('b', DATE '2024-02-29', TIMESTAMPTZ '2024-02-29 00:15:00+00', 3.00::DECIMAL(10, 2), 2::BIGINT)
      ) AS t(customer_id, order_date, paid_at, total, order_id)
    ) TO ${quote(path)} (FORMAT parquet)`);
    const orders = await readOrders(path);
    expect(orders.format).toBe('parquet');
    expect(orders.position).toBe('row');
    expect(orders.columns).toEqual({ customer: 'customer_id', date: 'order_date', amount: 'total', orderId: 'order_id' });
    expect(orders.records.map((r) => [r['customer_id'], r['order_date'], r['total'], r['order_id']])).toEqual([
      ['a', '2024-01-02', 12.5, 1n],
      ['b', '2024-02-29', 3, 2n],
    ]);
    expect((orders.records[0]?.['paid_at'] as Date).toISOString()).toBe('2024-01-02T23:30:00.000Z');
    expect(orders.lineOf(1)).toBe(2);
  });

  test('timestamps without a zone become wall-clock strings', async () => {
    const path = pathFor('orders.parquet');
    await duckdb(`COPY (SELECT 'a' AS customer_id, TIMESTAMP '2024-03-31 02:30:00' AS created_at) TO ${quote(path)} (FORMAT parquet)`);
    const orders = await readOrders(path);
    expect(orders.records).toEqual([{ customer_id: 'a', created_at: '2024-03-31T02:30:00.000' }]);
  });

  test('a bad date string is an error naming its row', async () => {
    const path = pathFor('orders.parquet');
    await duckdb(`COPY (SELECT * FROM (VALUES ('a', '2024-01-01'), ('b', 'soon')) AS t(customer_id, date)) TO ${quote(path)} (FORMAT parquet)`);
    const error = await inputError(readOrders(path));
    expect(error.message).toBe('orders.parquet row 2: column "date" holds "soon", which is not a date. Dates must be ISO 8601 (2024-06-30 or 2024-06-30T14:05:00Z) or YYYYMMDD.');
  });

  test('a file that is not Parquet is an error', async () => {
    const error = await inputError(readOrders(fileWith('orders.parquet', 'customer_id,date\n')));
    expect(error.reason).toMatch(/^the file cannot be read as Parquet/);
  });

  test('a missing Parquet file is an error saying so', async () => {
    const error = await inputError(readOrders(pathFor('orders.parquet')));
    expect(error.reason).toBe('there is no such file');
  });

  test('a Parquet file without rows is an error', async () => {
    const path = pathFor('orders.parquet');
    await duckdb(`COPY (SELECT 'a' AS customer_id, DATE '2024-01-01' AS date WHERE false) TO ${quote(path)} (FORMAT parquet)`);
    const error = await inputError(readOrders(path));
    expect(error.reason).toBe('the file has columns but no rows');
  });
});
