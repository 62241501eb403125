// Reference: RFM (benchmark W3) on the CDNOW master file as of its last day, and on the benchmark's
// hand-made edge file, computed by the library and, independently, by the same rules in DuckDB SQL.
import { beforeAll, describe, expect, test } from 'vitest';
import { type Row, cdnowAndEdgeReference } from '../helpers/reference-db.ts';
import type { Ledger } from '../../src/input/types.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { type RfmMonetary, rfm, rfmGrid } from '../../src/segments/rfm.ts';

let cdnow: Ledger;
let edge: Ledger;
let query: (sql: string) => Promise<Row[]>;

beforeAll(async () => {
  ({ cdnow, edge, query } = await cdnowAndEdgeReference());
}, 60_000);

/** W3 in SQL: per customer rec, f, m and the rank scores; `mean` ranks on gross ÷ orders. */
const rfmSql = (table: string, monetary: RfmMonetary, bins = 5) => `
  WITH as_of AS (SELECT max(day) AS day FROM ${table}),
  per AS (
    SELECT customer, (SELECT day FROM as_of) - max(day) AS rec, count(*) AS f, sum(cents) AS m,
           ${monetary === 'total' ? 'sum(cents)::DOUBLE' : 'sum(cents)::DOUBLE / count(*)'} AS mv
    FROM ${table} WHERE cents >= 0 GROUP BY customer
  ), n AS (SELECT count(*) AS n FROM per)
  SELECT customer, rec, f, m,
         1 + (${bins} * (rank() OVER (ORDER BY -rec) - 1)) // (SELECT n FROM n) AS r_score,
         1 + (${bins} * (rank() OVER (ORDER BY f) - 1)) // (SELECT n FROM n) AS f_score,
         1 + (${bins} * (rank() OVER (ORDER BY mv) - 1)) // (SELECT n FROM n) AS m_score
  FROM per ORDER BY customer`;

const int = (value: unknown) => Number(value);

async function compare(book: Ledger, table: string, monetary: RfmMonetary, bins = 5) {
  const sql = await query(rfmSql(table, monetary, bins));
  const report = rfm(book, { monetary, bins });
  const mine = new Map(report.customers.map((c) => [String(c.id), c]));
  expect(report.customers.length).toBe(sql.length);
  for (const row of sql) {
    const c = mine.get(String(row.customer));
    expect(c, String(row.customer)).toBeDefined();
    expect([c?.recency, c?.frequency, c?.r, c?.f, c?.m]).toEqual([int(row.rec), int(row.f), int(row.r_score), int(row.f_score), int(row.m_score)]);
    if (monetary === 'total') expect(c?.monetary.times(100).toNumber()).toBe(int(row.m));
  }
  const grid = Array.from({ length: bins ** 3 }, () => 0);
  for (const row of sql) {
    const k = (int(row.r_score) - 1) * bins * bins + (int(row.f_score) - 1) * bins + int(row.m_score) - 1;
    grid[k] = (grid[k] ?? 0) + 1;
  }
  expect(rfmGrid(report).flat(2)).toEqual(grid);
  return report;
}

describe('RFM (W3) against DuckDB', () => {
  test('CDNOW as of its last day: the 125-cell grid and every customer', async () => {
    const report = await compare(cdnow, 'cdnow', 'total');
    expect(report.asOf?.toISOString()).toBe('1998-06-30T00:00:00.000Z');
    expect(report.customers.length).toBe(23_570);
    // F = 2 is empty, as WORKLOAD.md predicts: over half the customers bought once.
    expect(report.customers.some((c) => c.f === 2)).toBe(false);
  });

  test('CDNOW with mean order value, and with quartiles', async () => {
    await compare(cdnow, 'cdnow', 'mean');
    await compare(cdnow, 'cdnow', 'total', 4);
  });

  test('the benchmark edge file: hand-checked recency, refunds never orders, as_of set by a refund', async () => {
    const report = await compare(edge, 'edge', 'total');
    expect(report.asOf?.toISOString()).toBe('2023-04-02T00:00:00.000Z');
    expect(report.customers.map((c) => [c.id, c.recency, c.frequency, c.monetary.toFixed(2)])).toEqual([
      ['c0001007', 1128, 1, '99.99'],
      ['c0000004', 91, 2, '10.00'],
      ['c0000001', 32, 2, '10.00'],
      ['c0000002', 33, 1, '20.50'],
      ['c0000006', 2, 1, '20.50'],
      ['c0000005', 2, 1, '1.23'],
    ]);
  });
});

describe('RFM settings whose scores agree with dormancy, on CDNOW', () => {
  const asOf = '1998-06-30T23:59:59.999Z';
  const lostChampions = (report: ReturnType<typeof rfm>) => report.customers.filter((c) => c.segment === 'Champions' && c.recency > 365).length;

  test('quintile recency puts 141–431 days into R = 4: 440 Champions are lost by the dormancy windows', () => {
    const report = rfm(cdnow, { asOf });
    const r4 = report.customers.filter((c) => c.r === 4).map((c) => c.recency);
    expect([Math.min(...r4), Math.max(...r4)]).toEqual([141, 431]);
    expect(lostChampions(report)).toBe(440);
  });

  test('fixed recency cuts at the dormancy windows: every Champion is active', () => {
    const report = rfm(cdnow, { asOf, cuts: { recency: [30, 90, 180, 365] } });
    const segmentOf = new Map(dormancy(cdnow, { asOf }).customers.map((c) => [c.id, c.segment]));
    const champions = report.customers.filter((c) => c.segment === 'Champions');
    expect(champions.length).toBeGreaterThan(0);
    expect(lostChampions(report)).toBe(0);
    expect(champions.every((c) => segmentOf.get(c.id) === 'active')).toBe(true);
    // R = 1 is dormancy's lost, R = 2 its dormant, R = 3 at risk, R = 4 and 5 active.
    const dormancyOfR = ['lost', 'dormant', 'atRisk', 'active', 'active'];
    expect(report.customers.every((c) => segmentOf.get(c.id) === dormancyOfR[c.r - 1])).toBe(true);
  });
});
