// Reference: dormancy segments (benchmark W4) on the CDNOW master file as of its last day, and on the
// benchmark's hand-made edge file, computed by the library and by the same rules in DuckDB SQL.
import { beforeAll, describe, expect, test } from 'vitest';
import { type Row, cdnowAndEdgeReference } from '../helpers/reference-db.ts';
import type { Ledger } from '../../src/input/types.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { reactivationPotential } from '../../src/segments/reactivation.ts';

let cdnow: Ledger;
let edge: Ledger;
let query: (sql: string) => Promise<Row[]>;

beforeAll(async () => {
  ({ cdnow, edge, query } = await cdnowAndEdgeReference());
}, 60_000);

/** W4 in SQL, plus each segment's historical value (net cents of all the customer's rows). */
const w4 = (table: string) => `
  WITH as_of AS (SELECT max(day) AS day FROM ${table}),
  per AS (
    SELECT customer, (SELECT day FROM as_of) - max(day) FILTER (WHERE cents >= 0) AS rec, sum(cents) AS net
    FROM ${table} GROUP BY customer HAVING count(*) FILTER (WHERE cents >= 0) > 0
  )
  SELECT CASE WHEN rec <= 90 THEN 'active' WHEN rec <= 180 THEN 'atRisk' WHEN rec <= 365 THEN 'dormant' ELSE 'lost' END AS segment,
         count(*) AS customers, sum(net) AS net
  FROM per GROUP BY segment`;

const int = (value: unknown) => Number(value);

async function compare(book: Ledger, table: string) {
  const sql = new Map((await query(w4(table))).map((r) => [String(r.segment), r]));
  const report = dormancy(book);
  for (const segment of ['active', 'atRisk', 'dormant', 'lost'] as const) {
    const row = sql.get(segment);
    expect([segment, report.segments[segment].customers]).toEqual([segment, row === undefined ? 0 : int(row.customers)]);
    expect(report.segments[segment].value.times(100).toNumber()).toBe(row === undefined ? 0 : int(row.net));
  }
  return report;
}

describe('dormancy (W4) against DuckDB', () => {
  test('CDNOW as of its last day', async () => {
    const report = await compare(cdnow, 'cdnow');
    const counts = Object.values(report.segments).map((s) => s.customers);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(23_570);
    const potential = reactivationPotential(report);
    expect(potential.customers).toBe(report.segments.dormant.customers);
    expect(potential.value.low.toFixed(2)).toBe(report.segments.dormant.value.times(0.25).toFixed(2));
  });

  test('the benchmark edge file: hand-checked counts', async () => {
    const report = await compare(edge, 'edge');
    expect(Object.fromEntries(Object.entries(report.segments).map(([k, v]) => [k, v.customers]))).toEqual({
      active: 4,
      atRisk: 1,
      dormant: 0,
      lost: 1,
    });
    expect(report.customers.find((c) => c.id === 'c0000004')?.daysSince).toBe(91);
    expect(report.customers.find((c) => c.id === 'c0000001')?.value.toFixed(2)).toBe('5.00');
  });
});
