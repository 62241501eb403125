// The program on Parquet and NDJSON files (the reader's other formats), end to end in-process.
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { duckdb } from './input/files.ts';
import { runCli, tempDir, writeTemp } from './memory-io.ts';

let dir: string;

beforeAll(() => {
  dir = tempDir();
});

describe('other formats', () => {
  test('a Parquet file with DATE, DECIMAL and BIGINT columns gives the same numbers as its CSV', async () => {
    const path = join(dir, 'orders.parquet');
    await duckdb(`COPY (
      SELECT * FROM (VALUES
        ('a', DATE '2024-01-02', 12.50::DECIMAL(10, 2), 1::BIGINT),
        ('a', DATE '2024-02-10', 7.25::DECIMAL(10, 2), 2::BIGINT),
        ('b', DATE '2024-02-29', 3.00::DECIMAL(10, 2), 3::BIGINT)
      ) AS t(customer_id, order_date, total, order_id)
    ) TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`);
    const csv = writeTemp(dir, 'orders.csv', 'customer_id,order_date,total,order_id\na,2024-01-02,12.50,1\na,2024-02-10,7.25,2\nb,2024-02-29,3.00,3\n');
    const fromParquet = await runCli(['report', path, '--json', 'p.json']);
    const fromCsv = await runCli(['report', csv, '--json', 'c.json']);
    expect(fromParquet.code).toBe(0);
    const summary = (text: string | undefined) => (JSON.parse(text ?? 'null') as { summary: unknown }).summary;
    expect(summary(fromParquet.written.get('p.json'))).toEqual(summary(fromCsv.written.get('c.json')));
    expect(summary(fromParquet.written.get('p.json'))).toMatchObject({ customers: 2, orders: 3, grossRevenue: '22.75' });
  });

  test('an NDJSON file with a date-time column and numbers as amounts', async () => {
    const path = writeTemp(
      dir,
      'orders.ndjson',
      '{"user_id":"u1","ordered_at":"2024-03-01T10:00:00Z","amount":10}\n{"user_id":"u1","ordered_at":"2024-03-20T10:00:00Z","amount":2.5}\n',
    );
    const r = await runCli(['dormancy', path, '--csv', 'd.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('customer = user_id, date = ordered_at, amount = amount');
    expect(r.written.get('d.csv')).toContain('u1,2024-03-20,0,2,19,active,12.50');
  });
});
