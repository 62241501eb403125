// Reference: breakdowns and filters over the CDNOW master file with derived attributes, cell by cell,
// computed by the library and, independently, by DuckDB SQL over the same file (in-process).
//
// The attributes: `channel` (an order attribute, the same on every order of a customer: customer
// number mod 3), `size` (an order attribute: 'large' from $20.00, else 'small') and `tier` (a customer
// attribute from a table: 'gold' for even customer numbers, 'silver' for odd ones below 20,000, none
// above; the table also names 100 ids with no orders).
import { beforeAll, describe, expect, test } from 'vitest';
import { type Row, cdnowReference } from '../helpers/reference-db.ts';
import { readCdnow } from '../../example/cdnow.ts';
import { Cohort, type Ledger, ledger, periodRetention } from 'retention-metrics';

const CHANNELS = ['ads', 'mail', 'web'];
const asOf = '1998-06-30T23:59:59.999Z';
let book: Ledger;
let query: (sql: string) => Promise<Row[]>;

beforeAll(async () => {
  const reference = await cdnowReference('tx');
  const records = readCdnow().map((r) => ({
    ...r,
    channel: CHANNELS[Number(r.customerId) % 3],
    size: Math.round(Number(r.amount) * 100) >= 2000 ? 'large' : 'small',
  }));
  const ids = [...new Set(records.map((r) => r.customerId))];
  const customers = [
    ...ids.filter((id) => Number(id) < 20_000).map((id) => ({ customerId: id, tier: Number(id) % 2 === 0 ? 'gold' : 'silver' })),
    ...Array.from({ length: 100 }, (_, i) => ({ customerId: `x${i}`, tier: 'gold' })),
  ];
  book = ledger(records, { attributes: { channel: 'channel', size: 'size' }, customers });
  query = reference.db.query;
  await reference.db.run(`
    CREATE TABLE orders AS
    SELECT customer, cents, year(day) * 12 + month(day) - 1 AS m,
           ['ads', 'mail', 'web'][CAST(customer AS INTEGER) % 3 + 1] AS channel,
           CASE WHEN cents >= 2000 THEN 'large' ELSE 'small' END AS size,
           CASE WHEN CAST(customer AS INTEGER) >= 20000 THEN NULL
                WHEN CAST(customer AS INTEGER) % 2 = 0 THEN 'gold' ELSE 'silver' END AS tier,
           day
    FROM tx`);
}, 60_000);

const int = (value: unknown): number => Number(value);
const monthKey = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/**
 * Classic cohort cells per segment in SQL: each customer's segment (`segment` is an expression over a
 * customer's orders), cohort = month of their first order among `members`, cells over `counted` orders.
 */
async function cellsInSql(segment: string, members = 'TRUE', counted = 'TRUE'): Promise<Map<string, number[]>> {
  const rows = await query(`
    WITH member_orders AS (SELECT * FROM orders WHERE cents >= 0 AND ${members}),
    firsts AS (SELECT customer, min(m) AS c, min(day) AS first_day FROM member_orders GROUP BY customer),
    segments AS (
      SELECT f.customer, f.c, ${segment} AS segment
      FROM firsts f JOIN member_orders o ON o.customer = f.customer AND o.day = f.first_day
      GROUP BY f.customer, f.c),
    counted AS (SELECT * FROM orders WHERE ${counted})
    SELECT s.segment, s.c, t.m - s.c AS k,
           count(DISTINCT t.customer) FILTER (WHERE t.cents >= 0) AS customers,
           count(*) FILTER (WHERE t.cents >= 0) AS orders,
           coalesce(sum(t.cents) FILTER (WHERE t.cents >= 0), 0) AS gross
    FROM counted t JOIN segments s USING (customer)
    WHERE t.m >= s.c
    GROUP BY ALL`);
  return new Map(rows.map((r) => [`${r.segment ?? 'null'}|${monthKey(int(r.c))}|${int(r.k)}`, [int(r.customers), int(r.orders), int(r.gross)]]));
}

/** Cohort sizes per segment in SQL, keyed like {@link cellsInSql}. */
async function sizesInSql(segment: string, members = 'TRUE'): Promise<Map<string, number>> {
  const rows = await query(`
    WITH member_orders AS (SELECT * FROM orders WHERE cents >= 0 AND ${members}),
    firsts AS (SELECT customer, min(m) AS c, min(day) AS first_day FROM member_orders GROUP BY customer),
    segments AS (
      SELECT f.customer, f.c, ${segment} AS segment
      FROM firsts f JOIN member_orders o ON o.customer = f.customer AND o.day = f.first_day
      GROUP BY f.customer, f.c)
    SELECT segment, c, count(*) AS size FROM segments GROUP BY ALL`);
  return new Map(rows.map((r) => [`${r.segment ?? 'null'}|${monthKey(int(r.c))}`, int(r.size)]));
}

/** Compare a segmented cohort table with SQL's sizes and cells; returns the number of cells compared. */
function compareTable(
  rows: readonly { segment: string | null; key: string; size: number; cells: readonly { offset: number; customers: number; orders: number; grossRevenue: { times(n: number): { toNumber(): number } } }[] }[],
  sizes: Map<string, number>,
  cells: Map<string, number[]>,
): number {
  expect(rows.map((row) => `${row.segment ?? 'null'}|${row.key}`).sort()).toEqual([...sizes.keys()].sort());
  let compared = 0;
  for (const row of rows) {
    expect(row.size, `${row.segment}|${row.key}`).toBe(sizes.get(`${row.segment ?? 'null'}|${row.key}`));
    for (const cell of row.cells) {
      const key = `${row.segment ?? 'null'}|${row.key}|${cell.offset}`;
      expect([cell.customers, cell.orders, cell.grossRevenue.times(100).toNumber()], key).toEqual(cells.get(key) ?? [0, 0, 0]);
      compared++;
    }
  }
  return compared;
}

describe('CDNOW breakdowns and filters against DuckDB', () => {
  test('cohorts by an order attribute: each customer in the segment of their first order', async () => {
    // The first order of a day is the largest: its size is 'large' when the day's largest order is.
    const segment = `CASE WHEN max(o.cents) >= 2000 THEN 'large' ELSE 'small' END`;
    const table = Cohort.from(book).segmentBy('size').asOf(asOf).table();
    expect(compareTable(table.cohorts, await sizesInSql(segment), await cellsInSql(segment))).toBe(102);
  });

  test('cohorts by a customer attribute, with missing values', async () => {
    const table = Cohort.from(book).segmentBy('tier').asOf(asOf).table();
    expect(compareTable(table.cohorts, await sizesInSql('any_value(o.tier)'), await cellsInSql('any_value(o.tier)'))).toBe(118);
  });

  test('cohorts of a filter: first matching order and matching orders only', async () => {
    const table = Cohort.from(book).where({ size: ['large'] }).asOf(asOf).table();
    const large = `size = 'large'`;
    const rows = table.cohorts.map((row) => ({ ...row, segment: 'all' }));
    expect(compareTable(rows, await sizesInSql(`'all'`, large), await cellsInSql(`'all'`, large, large))).toBe(171);
  });

  test('cohorts of a filter that keep the first order of any kind: matching orders counted', async () => {
    const table = Cohort.from(book).where({ size: ['large'] }, { cohortOf: 'first-order' }).asOf(asOf).table();
    const rows = table.cohorts.map((row) => ({ ...row, segment: 'all' }));
    expect(compareTable(rows, await sizesInSql(`'all'`), await cellsInSql(`'all'`, 'TRUE', `size = 'large'`))).toBe(51);
  });

  test('cohorts by an order attribute under the same-value rule: each segment its value’s orders', async () => {
    const table = Cohort.from(book).segmentBy('size', { segmentRule: 'same-value' }).asOf(asOf).table();
    const sizes = new Map<string, number>();
    const cells = new Map<string, number[]>();
    for (const size of ['large', 'small']) {
      const only = `size = '${size}'`;
      for (const [key, value] of await sizesInSql(`'${size}'`, only)) sizes.set(key, value);
      for (const [key, value] of await cellsInSql(`'${size}'`, only, only)) cells.set(key, value);
    }
    expect(compareTable(table.cohorts, sizes, cells)).toBe(342);
  });

  test('monthly period retention by channel, each segment on the whole ledger’s months', async () => {
    const breakdown = periodRetention(book, { period: 'month', by: 'channel', asOf });
    const rows = await query(`
      WITH active AS (SELECT DISTINCT channel, customer, m FROM orders WHERE cents >= 0),
      firsts AS (SELECT customer, min(m) AS c FROM active GROUP BY customer),
      months AS (SELECT DISTINCT a.channel, r.m FROM active a, range(1997 * 12, 1998 * 12 + 6) r(m)),
      per AS (
        SELECT mo.channel, mo.m,
               count(DISTINCT a.customer) AS end_customers,
               count(DISTINCT a.customer) FILTER (WHERE f.c = mo.m) AS acquired,
               count(DISTINCT a.customer) FILTER (WHERE p.customer IS NOT NULL) AS retained
        FROM months mo
        LEFT JOIN active a ON a.channel = mo.channel AND a.m = mo.m
        LEFT JOIN firsts f ON f.customer = a.customer
        LEFT JOIN active p ON p.customer = a.customer AND p.m = mo.m - 1
        GROUP BY ALL)
      SELECT channel, m, end_customers, acquired, retained,
             coalesce(lag(end_customers) OVER (PARTITION BY channel ORDER BY m), 0) AS start_customers
      FROM per ORDER BY channel, m`);
    const segments = breakdown.segments.map((segment) => segment.value);
    expect(segments).toEqual(CHANNELS);
    for (const segment of breakdown.segments) {
      const expected = rows.filter((r) => r.channel === segment.value);
      expect(segment.result.map((row) => row.period)).toEqual(expected.map((r) => monthKey(int(r.m))));
      expect(segment.result.map((row) => [row.startCustomers, row.endCustomers, row.acquired, row.retained])).toEqual(
        expected.map((r) => [int(r.start_customers), int(r.end_customers), int(r.acquired), int(r.retained)]),
      );
    }
  });

  test('the customer table’s ids without orders are counted', () => {
    expect(book.unknownCustomers).toBe(100);
  });
});
