// Reference: the order metrics and quarterly retention of the CDNOW master file, computed by the library
// and, independently, by DuckDB SQL over the same file (in-process, no server).
import { beforeAll, describe, expect, test } from 'vitest';
import { type Row, cdnowReference } from '../helpers/reference-db.ts';
import type { Ledger } from '../../src/input/types.ts';
import { periodRetention } from '../../src/metrics/period-retention.ts';
import { summarize } from '../../src/metrics/summarize.ts';

let book: Ledger;
let query: (sql: string) => Promise<Row[]>;

beforeAll(async () => {
  const reference = await cdnowReference('tx');
  book = reference.book;
  const { db } = reference;
  query = db.query;
  // One row per line of the file, in file order; fields split on runs of blanks.
}, 60_000);

const int = (value: unknown) => Number(value);

describe('CDNOW summary against DuckDB', () => {
  test('counts, revenue, repeat customers and repeat revenue', async () => {
    const [sql] = await query(`
      WITH ranked AS (
        SELECT *, row_number() OVER (PARTITION BY customer ORDER BY day, cents DESC) AS rank FROM tx WHERE cents >= 0
      ), per_customer AS (SELECT customer, count(*) AS n FROM ranked GROUP BY customer)
      SELECT
        (SELECT count(*) FROM per_customer) AS customers,
        (SELECT count(*) FROM ranked) AS orders,
        (SELECT count(*) FROM ranked WHERE cents = 0) AS zero_orders,
        (SELECT count(*) FROM tx WHERE cents < 0) AS refunds,
        (SELECT sum(cents) FROM ranked) AS gross,
        (SELECT count(*) FROM per_customer WHERE n >= 2) AS repeat_customers,
        (SELECT sum(cents) FROM ranked WHERE rank >= 2) AS repeat_gross,
        (SELECT min(day)::VARCHAR FROM ranked) AS first_day,
        (SELECT max(day)::VARCHAR FROM ranked) AS last_day`);
    const s = summarize(book);
    expect(sql).toBeDefined();
    expect(s.customers).toBe(int(sql?.customers));
    expect(s.orders).toBe(int(sql?.orders));
    expect(s.zeroValueOrders).toBe(int(sql?.zero_orders));
    expect(s.refunds).toBe(int(sql?.refunds));
    expect(s.grossRevenue.times(100).toNumber()).toBe(int(sql?.gross));
    expect(s.repeatCustomers).toBe(int(sql?.repeat_customers));
    expect(s.repeatRevenue.times(100).toNumber()).toBe(int(sql?.repeat_gross));
    expect(s.firstOrder?.toISOString().slice(0, 10)).toBe(sql?.first_day);
    expect(s.lastOrder?.toISOString().slice(0, 10)).toBe(sql?.last_day);
    // The dataset's published size: 23,570 customers, 69,659 transactions.
    expect([s.customers, s.orders]).toEqual([23_570, 69_659]);
  });

  test('quarter-over-quarter retention, customers active in the quarter', async () => {
    const sql = await query(`
      WITH active AS (
        SELECT DISTINCT customer, year(day) * 4 + quarter(day) - 1 AS q FROM tx WHERE cents >= 0
      ), first AS (SELECT customer, min(q) AS q FROM active GROUP BY customer)
      SELECT a.q, count(*) AS active,
             count(p.customer) AS retained,
             count(*) FILTER (WHERE f.q = a.q) AS acquired
      FROM active a
      LEFT JOIN active p ON p.customer = a.customer AND p.q = a.q - 1
      JOIN first f ON f.customer = a.customer
      GROUP BY a.q ORDER BY a.q`);
    const rows = periodRetention(book, { period: 'quarter', asOf: '1998-06-30T23:59:59.999Z' });
    expect(rows.map((r) => [r.endCustomers, r.retained, r.acquired])).toEqual(
      sql.map((r) => [int(r.active), int(r.retained), int(r.acquired)]),
    );
    expect(rows.every((r) => r.complete)).toBe(true);
  });

  test('quarterly retention with a 180-day activity window', async () => {
    const sql = await query(`
      WITH quarters AS (
        SELECT q, (make_date(CAST(q // 4 AS INTEGER), CAST((q % 4) * 3 + 1 AS INTEGER), 1) + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE AS last_day
        FROM range(1997 * 4, 1998 * 4 + 2) t(q)
      ), base AS (
        SELECT DISTINCT q.q, t.customer FROM quarters q
        JOIN tx t ON t.cents >= 0 AND t.day <= q.last_day AND t.day > q.last_day - 180
      )
      SELECT q.q, count(b.customer) AS base, count(p.customer) AS retained
      FROM quarters q LEFT JOIN base b ON b.q = q.q
      LEFT JOIN base p ON p.customer = b.customer AND p.q = q.q - 1
      GROUP BY q.q ORDER BY q.q`);
    const rows = periodRetention(book, { period: 'quarter', activeWithin: { days: 180 }, asOf: '1998-06-30T23:59:59.999Z' });
    expect(rows.map((r) => [r.endCustomers, r.retained])).toEqual(sql.map((r) => [int(r.base), int(r.retained)]));
  });
});
