// Reference: the monthly acquisition-cohort matrix of the CDNOW master file, cell by cell, computed by the
// Cohort builder and, independently, by DuckDB SQL over the same file (in-process).
import { beforeAll, describe, expect, test } from 'vitest';
import { type Row, cdnowReference } from '../helpers/reference-db.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import type { Ledger } from '../../src/input/types.ts';

let book: Ledger;
let query: (sql: string) => Promise<Row[]>;

beforeAll(async () => {
  const reference = await cdnowReference('tx');
  book = reference.book;
  const { db } = reference;
  query = db.query;
  await db.run(`
    CREATE TABLE cells AS
    WITH tx_m AS (SELECT customer, cents, year(day) * 12 + month(day) - 1 AS m FROM tx),
    cohort AS (SELECT customer, min(m) AS c FROM tx_m WHERE cents >= 0 GROUP BY customer)
    SELECT c.c, t.m - c.c AS k,
           count(DISTINCT t.customer) FILTER (WHERE t.cents >= 0) AS customers,
           count(*) FILTER (WHERE t.cents >= 0) AS orders,
           coalesce(sum(t.cents) FILTER (WHERE t.cents >= 0), 0) AS gross,
           sum(t.cents) AS net
    FROM tx_m t JOIN cohort c USING (customer)
    WHERE t.m >= c.c
    GROUP BY ALL`);
}, 60_000);

const int = (value: unknown) => Number(value);
const monthKey = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

describe('CDNOW monthly cohorts against DuckDB', () => {
  test('sizes and every classic cell (customers, orders, gross, net)', async () => {
    const table = Cohort.from(book).by('month').asOf('1998-06-30T23:59:59.999Z').table();
    const sizes = await query(`
      SELECT c, count(*) AS size FROM (
        SELECT customer, min(year(day) * 12 + month(day) - 1) AS c FROM tx WHERE cents >= 0 GROUP BY customer
      ) GROUP BY c ORDER BY c`);
    expect(table.cohorts.map((c) => [c.key, c.size])).toEqual(sizes.map((r) => [monthKey(int(r.c)), int(r.size)]));
    // CDNOW's customers all first bought in Q1 1997: three cohorts, observed for 18, 17 and 16 months.
    expect(table.cohorts.map((c) => c.cells.length)).toEqual([18, 17, 16]);
    const cells = await query('SELECT * FROM cells ORDER BY c, k');
    const fromSql = new Map(cells.map((r) => [`${monthKey(int(r.c))}+${int(r.k)}`, [int(r.customers), int(r.orders), int(r.gross), int(r.net)]]));
    let compared = 0;
    for (const cohort of table.cohorts) {
      for (const cell of cohort.cells) {
        const expected = fromSql.get(`${cohort.key}+${cell.offset}`) ?? [0, 0, 0, 0];
        expect([cell.customers, cell.orders, cell.grossRevenue.times(100).toNumber(), cell.netRevenue.times(100).toNumber()], `${cohort.key}+${cell.offset}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBe(51);
    expect(table.cohorts.every((c) => c.cells.every((cell) => cell.complete))).toBe(true);
  });

  test('unbounded cells: customers with an order at offset k or later', async () => {
    const table = Cohort.from(book).mode('unbounded').asOf('1998-06-30T23:59:59.999Z').table();
    const rows = await query(`
      WITH tx_m AS (SELECT customer, year(day) * 12 + month(day) - 1 AS m FROM tx WHERE cents >= 0),
      span AS (SELECT customer, min(m) AS c, max(m) - min(m) AS last_k FROM tx_m GROUP BY customer)
      SELECT c, k, count(*) FILTER (WHERE last_k >= k) AS customers
      FROM span, range(0, 18) r(k) WHERE c + k <= 1998 * 12 + 5
      GROUP BY ALL ORDER BY c, k`);
    const ours = table.cohorts.flatMap((c) => c.cells.map((cell) => cell.customers));
    expect(ours).toEqual(rows.map((r) => int(r.customers)));
  });

  test('the average curve weights cohorts by size', () => {
    const table = Cohort.from(book).asOf('1998-06-30T23:59:59.999Z').table();
    const [jan, feb, mar] = table.cohorts;
    const k1 = ((jan?.cells[1]?.customers ?? 0) + (feb?.cells[1]?.customers ?? 0) + (mar?.cells[1]?.customers ?? 0)) /
      ((jan?.size ?? 0) + (feb?.size ?? 0) + (mar?.size ?? 0));
    expect(table.average[1]?.rate).toBeCloseTo(k1, 15);
    expect(table.average[17]?.cohorts).toBe(1);
  });
});
