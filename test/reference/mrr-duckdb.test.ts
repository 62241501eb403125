// Reference: the MRR report of the shipped synthetic billing history, computed by the library and,
// independently, by DuckDB SQL written from docs/definitions.md ("Subscription revenue") over the
// same CSV. Money is compared as exact integer cents; instants as epoch milliseconds (UTC).
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { SUBSCRIPTION_INTERVALS, readSubscriptionIntervals } from '../../example/subscriptions-data.ts';
import { type Row, referenceDb } from '../helpers/reference-db.ts';
import type { MrrReport } from '../../src/subscriptions/mrr-report.ts';
import { mrrReport } from '../../src/subscriptions/mrr-report.ts';
import type { SubscriptionRevenue } from '../../src/subscriptions/revenue-types.ts';
import { subscriptionRevenue } from '../../src/subscriptions/subscription-revenue.ts';

const AS_OF = '2024-12-31T23:59:59.999Z';

/**
 * The definitions in SQL. Instants are read as TIMESTAMP (no zone: the CSV's instants are UTC, so the
 * session's zone plays no part) and months are UTC calendar months.
 * - priced: each interval's MRR in cents, amount ÷ months rounded half to even on integer cents
 *   (round() on DECIMAL rounds half away from zero, so the tie is decided here by the quotient's parity);
 * - steps: each customer's MRR step function, +MRR at a start and −MRR at an end, netted per customer
 *   and instant, instants whose net change is 0 dropped; `after` the running total;
 * - movements: each step classified from before, after and whether the customer paid at an earlier step.
 */
const SETUP = (source: string, asOf: string) => `
  CREATE TABLE raw AS SELECT * FROM ${source};
  CREATE TABLE priced AS
  WITH typed AS (
    SELECT customer_id, subscription_id,
      CAST(replace("start", 'Z', '') AS TIMESTAMP) AS start_ts,
      CASE WHEN coalesce("end", '') = '' THEN NULL ELSE CAST(replace("end", 'Z', '') AS TIMESTAMP) END AS end_ts,
      CAST(CAST(amount AS DECIMAL(18, 2)) * 100 AS BIGINT) AS cents,
      CAST(interval_months AS BIGINT) AS months
    FROM raw
  ), divided AS (SELECT *, cents // months AS whole, cents % months AS rest FROM typed)
  SELECT customer_id, subscription_id, start_ts, end_ts, cents, months,
    whole + CASE WHEN 2 * rest > months OR (2 * rest = months AND whole % 2 = 1) THEN 1 ELSE 0 END AS mrr
  FROM divided;
  CREATE TABLE steps AS
  WITH deltas AS (
    SELECT customer_id, start_ts AS instant, mrr AS delta FROM priced
    UNION ALL
    SELECT customer_id, end_ts AS instant, -mrr AS delta FROM priced WHERE end_ts IS NOT NULL
  ), netted AS (
    SELECT customer_id, instant, CAST(sum(delta) AS BIGINT) AS net FROM deltas
    WHERE instant <= TIMESTAMP '${asOf}'
    GROUP BY customer_id, instant HAVING sum(delta) <> 0
  ), totals AS (
    SELECT *, CAST(sum(net) OVER (PARTITION BY customer_id ORDER BY instant ROWS UNBOUNDED PRECEDING) AS BIGINT) AS after
    FROM netted
  )
  SELECT customer_id, instant, net, after - net AS before, after,
    coalesce(bool_or(after > 0) OVER (PARTITION BY customer_id ORDER BY instant ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS paid_before,
    lead(instant) OVER (PARTITION BY customer_id ORDER BY instant) AS next_instant
  FROM totals;
  CREATE TABLE movements AS
  SELECT customer_id, instant, strftime(instant, '%Y-%m') AS period, abs(net) AS amount, before, after,
    CASE
      WHEN before = 0 AND paid_before THEN 'reactivation'
      WHEN before = 0 THEN 'new'
      WHEN after = 0 THEN 'churn'
      WHEN after > before THEN 'expansion'
      ELSE 'contraction'
    END AS type
  FROM steps;
  CREATE TABLE months AS
  SELECT month_start, month_start + INTERVAL 1 MONTH AS month_end, strftime(month_start, '%Y-%m') AS period
  FROM (SELECT unnest(generate_series(
    (SELECT date_trunc('month', min(instant)) FROM steps), date_trunc('month', TIMESTAMP '${asOf}'), INTERVAL 1 MONTH)) AS month_start);
  CREATE TABLE period_rows AS
  SELECT m.period, m.month_start, m.month_end,
    (SELECT coalesce(sum(net), 0) FROM steps s WHERE s.instant < m.month_start) AS opening,
    (SELECT coalesce(sum(net), 0) FROM steps s WHERE s.instant < m.month_end) AS mrr,
    (SELECT count(*) FROM steps s WHERE s.instant < m.month_end AND (s.next_instant IS NULL OR s.next_instant >= m.month_end) AND s.after > 0) AS customers,
    ${['new', 'expansion', 'contraction', 'churn', 'reactivation']
      .map(
        (type) => `(SELECT coalesce(sum(amount), 0) FROM movements v WHERE v.period = m.period AND v.type = '${type}') AS ${type}_mrr,
    (SELECT count(DISTINCT customer_id) FROM movements v WHERE v.period = m.period AND v.type = '${type}') AS ${type}_customers`,
      )
      .join(',\n    ')}
  FROM months m;`;

/** The CSV as a table source, every column as text. */
const csvSource = (path: string) => `read_csv('${path.replaceAll("'", "''")}', header = true, all_varchar = true)`;

let book: SubscriptionRevenue;
let report: MrrReport;
let query: (sql: string) => Promise<Row[]>;

beforeAll(async () => {
  const db = await referenceDb();
  query = db.query;
  await db.run(SETUP(csvSource(SUBSCRIPTION_INTERVALS), AS_OF.replace('T', ' ').replace('Z', '')));
  book = subscriptionRevenue(readSubscriptionIntervals());
  report = mrrReport(book, { asOf: AS_OF });
}, 60_000);

/** Integer cents of a money `Decimal`, as a string; fails on a fraction of a cent. */
function cents(amount: Decimal): string {
  const scaled = amount.times(100);
  expect(scaled.isInteger()).toBe(true);
  return scaled.toFixed(0);
}
const str = (value: unknown) => String(value);
const ms = (value: unknown) => (value instanceof Date ? value.getTime() : Number.NaN);
/** `minor ÷ count` in major units to 20 significant digits, half to even; `null` for a count of 0. */
function quotient(minor: unknown, count: unknown): string | null {
  if (Number(count) === 0) return null;
  const Exact = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN });
  return new Exact(String(minor)).dividedBy(new Exact(String(count)).times(100)).toString();
}

describe('the billing history', () => {
  test('intervals of one subscription never overlap, and every interval has a start before its end', async () => {
    const [row] = await query(`
      SELECT count(*) FILTER (WHERE end_ts IS NOT NULL AND end_ts <= start_ts) AS empty,
        (SELECT count(*) FROM priced a JOIN priced b USING (subscription_id)
          WHERE a.start_ts < b.start_ts AND (a.end_ts IS NULL OR a.end_ts > b.start_ts)) AS overlapping
      FROM priced`);
    expect([Number(row?.empty), Number(row?.overlapping)]).toEqual([0, 0]);
  });

  test('the book holds one interval per line, each with the MRR the SQL rounds half to even', async () => {
    const rows = await query(`SELECT customer_id, subscription_id, epoch_ms(start_ts) AS start_ms, mrr FROM priced ORDER BY ALL`);
    const library = book.intervals
      .map((i) => [str(book.ids[i.customer]), str(i.subscriptionId), i.start, String(i.mrrMinor)])
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const sql = rows.map((r) => [str(r.customer_id), str(r.subscription_id), Number(r.start_ms), str(r.mrr)]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(book.skipped).toEqual([]);
    expect(library).toEqual(sql);
  });

  test('it holds every case the definitions name', async () => {
    const [row] = await query(`
      WITH instants AS (
        SELECT customer_id, start_ts AS instant, mrr AS delta FROM priced
        UNION ALL SELECT customer_id, end_ts, -mrr FROM priced WHERE end_ts IS NOT NULL
      ), first_paid AS (SELECT customer_id, min(start_ts) AS first_paid FROM priced WHERE mrr > 0 GROUP BY customer_id),
      per_month AS (SELECT customer_id, period, list(type) AS types FROM movements GROUP BY customer_id, period)
      SELECT
        (SELECT count(*) FROM priced JOIN first_paid USING (customer_id) WHERE mrr = 0 AND start_ts < first_paid) AS trials,
        (SELECT count(*) FROM priced WHERE months = 12 AND cents % 12 <> 0) AS annual_not_whole_cents,
        (SELECT count(*) FROM priced WHERE end_ts IS NULL AND mrr > 0) AS running,
        (SELECT count(*) FROM (SELECT customer_id FROM priced GROUP BY customer_id HAVING count(DISTINCT subscription_id) > 1)) AS several_subscriptions,
        (SELECT count(*) FROM (SELECT customer_id, instant FROM instants GROUP BY ALL HAVING sum(delta) = 0 AND max(abs(delta)) > 0)) AS netted_to_zero,
        (SELECT count(*) FROM per_month WHERE list_contains(types, 'contraction') AND list_contains(types, 'expansion')) AS down_and_up_in_a_month,
        (SELECT count(*) FROM per_month WHERE list_contains(types, 'churn') AND list_contains(types, 'reactivation')) AS churn_and_back_in_a_month,
        (SELECT count(*) FROM movements WHERE strftime(instant, '%d %H:%M:%S.%g') = '01 00:00:00.000') AS at_a_month_start,
        (SELECT count(*) FROM movements WHERE strftime(instant + INTERVAL 1 MILLISECOND, '%d %H:%M:%S.%g') = '01 00:00:00.000') AS at_a_month_end`);
    for (const [name, count] of Object.entries(row ?? {})) expect([name, Number(count) > 0]).toEqual([name, true]);
  });

  test('exact halves of a cent occur and round to the even cent', async () => {
    const rows = await query(`SELECT cents, months, mrr FROM priced WHERE 2 * (cents % months) = months ORDER BY cents LIMIT 3`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r.mrr) % 2).toBe(0);
  });
});

describe('MRR report of the billing history against DuckDB', () => {
  test('every movement: customer, instant, period, type, size, MRR before and after', async () => {
    const rows = await query(`SELECT customer_id, epoch_ms(instant) AS at_ms, period, type, amount, before, after FROM movements ORDER BY customer_id, instant`);
    const sql = rows.map((r) => [str(r.customer_id), Number(r.at_ms), str(r.period), str(r.type), str(r.amount), str(r.before), str(r.after)]);
    const library = [...report.movements]
      .sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.at.getTime() - b.at.getTime()))
      .map((m) => [str(m.customerId), m.at.getTime(), m.period, m.type, cents(m.amount), cents(m.mrrBefore), cents(m.mrrAfter)]);
    expect(library.length).toBe(sql.length);
    expect(library).toEqual(sql);
  });

  test('every monthly row, field by field', async () => {
    const rows = await query(`SELECT * FROM period_rows ORDER BY period`);
    const sql = rows.map((r) => ({
      period: str(r.period),
      start: ms(r.month_start),
      end: ms(r.month_end),
      complete: true,
      openingMrr: str(r.opening),
      mrr: str(r.mrr),
      arr: str(BigInt(str(r.mrr)) * 12n),
      customers: Number(r.customers),
      arpa: quotient(r.mrr, r.customers),
      asp: quotient(r.new_mrr, r.new_customers),
      newMrr: str(r.new_mrr),
      expansionMrr: str(r.expansion_mrr),
      contractionMrr: str(r.contraction_mrr),
      churnMrr: str(r.churn_mrr),
      reactivationMrr: str(r.reactivation_mrr),
      netNewMrr: str(BigInt(str(r.mrr)) - BigInt(str(r.opening))),
      newCustomers: Number(r.new_customers),
      expandedCustomers: Number(r.expansion_customers),
      contractedCustomers: Number(r.contraction_customers),
      churnedCustomers: Number(r.churn_customers),
      reactivatedCustomers: Number(r.reactivation_customers),
    }));
    const library = report.periods.map((p) => ({
      period: p.period,
      start: p.start.getTime(),
      end: p.end.getTime(),
      complete: p.complete,
      openingMrr: cents(p.openingMrr),
      mrr: cents(p.mrr),
      arr: cents(p.arr),
      customers: p.customers,
      arpa: p.arpa === null ? null : p.arpa.toString(),
      asp: p.asp === null ? null : p.asp.toString(),
      newMrr: cents(p.newMrr),
      expansionMrr: cents(p.expansionMrr),
      contractionMrr: cents(p.contractionMrr),
      churnMrr: cents(p.churnMrr),
      reactivationMrr: cents(p.reactivationMrr),
      netNewMrr: cents(p.netNewMrr),
      newCustomers: p.newCustomers,
      expandedCustomers: p.expandedCustomers,
      contractedCustomers: p.contractedCustomers,
      churnedCustomers: p.churnedCustomers,
      reactivatedCustomers: p.reactivatedCustomers,
    }));
    expect(sql.map((r) => r.period)).toEqual(report.periods.map((p) => p.period));
    expect(library).toEqual(sql);
  });

  test('the MRR identity holds on every SQL row: mrr = opening + new + expansion − contraction − churn + reactivation', async () => {
    const [row] = await query(`
      SELECT count(*) AS rows, count(*) FILTER (WHERE mrr <> opening + new_mrr + expansion_mrr - contraction_mrr - churn_mrr + reactivation_mrr) AS broken,
        count(*) FILTER (WHERE opening <> coalesce(previous, 0)) AS unchained
      FROM (SELECT *, lag(mrr) OVER (ORDER BY period) AS previous FROM period_rows)`);
    expect(Number(row?.rows)).toBe(36);
    expect([Number(row?.broken), Number(row?.unchained)]).toEqual([0, 0]);
  });
});

// A small history worked by hand from the definitions, to check the SQL itself (the comparison above
// only shows that the SQL and the library agree). Monthly unless noted; all instants 2024, UTC.
// acme: a trial, 30.00, up to 50.00 and back down within March, cancelled, back on 999.90 a year
// (83.325 a month: 83.32, the even cent). globex: 1,000.02 a year from midnight of Feb 1st (83.335: 83.34),
// an add-on 9.00 from Feb 15th to midnight of Apr 1st. initech: 40.00, switched at once to another
// subscription of 40.00 (no movement), which ends on Mar 1st.
const HAND_CASE = `(VALUES
  ('acme', 'a1', '2024-01-05T00:00:00.000Z', '2024-01-19T00:00:00.000Z', '0.00', '1', '1', 'trial'),
  ('acme', 'a1', '2024-01-19T00:00:00.000Z', '2024-03-10T00:00:00.000Z', '30.00', '1', '1', 'p'),
  ('acme', 'a1', '2024-03-10T00:00:00.000Z', '2024-03-20T00:00:00.000Z', '50.00', '1', '1', 'p'),
  ('acme', 'a1', '2024-03-20T00:00:00.000Z', '2024-04-15T00:00:00.000Z', '30.00', '1', '1', 'p'),
  ('acme', 'a2', '2024-04-20T00:00:00.000Z', '', '999.90', '12', '1', 'p'),
  ('globex', 'g1', '2024-02-01T00:00:00.000Z', NULL, '1000.02', '12', '1', 'p'),
  ('globex', 'g2', '2024-02-15T00:00:00.000Z', '2024-04-01T00:00:00.000Z', '9.00', '1', '1', 'p'),
  ('initech', 'i1', '2024-01-10T00:00:00.000Z', '2024-02-10T00:00:00.000Z', '40.00', '1', '1', 'p'),
  ('initech', 'i2', '2024-02-10T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '40.00', '1', '1', 'p')
) AS t(customer_id, subscription_id, "start", "end", amount, interval_months, quantity, plan)`;

describe('the SQL on a history worked by hand', () => {
  test('movements and monthly rows are the ones the definitions give', async () => {
    const db = await referenceDb();
    await db.run(SETUP(HAND_CASE, '2024-04-30 23:59:59.999'));
    const movements = await db.query(`SELECT customer_id, strftime(instant, '%m-%d') AS day, type, amount FROM movements ORDER BY customer_id, instant`);
    expect(movements.map((m) => `${str(m.customer_id)} ${str(m.day)} ${str(m.type)} ${str(m.amount)}`)).toEqual([
      'acme 01-19 new 3000',
      'acme 03-10 expansion 2000',
      'acme 03-20 contraction 2000',
      'acme 04-15 churn 3000',
      'acme 04-20 reactivation 8332',
      'globex 02-01 new 8334',
      'globex 02-15 expansion 900',
      'globex 04-01 contraction 900',
      'initech 01-10 new 4000',
      'initech 03-01 churn 4000',
    ]);
    const rows = await db.query(`SELECT * FROM period_rows ORDER BY period`);
    const columns = ['opening', 'new_mrr', 'expansion_mrr', 'contraction_mrr', 'churn_mrr', 'reactivation_mrr', 'mrr', 'customers'];
    expect(rows.map((r) => [str(r.period), ...columns.map((c) => Number(r[c]))])).toEqual([
      ['2024-01', 0, 7000, 0, 0, 0, 0, 7000, 2],
      ['2024-02', 7000, 8334, 900, 0, 0, 0, 16234, 3],
      ['2024-03', 16234, 0, 2000, 2000, 4000, 0, 12234, 2],
      ['2024-04', 12234, 0, 0, 900, 3000, 8332, 16666, 2],
    ]);
    const counts = ['new_customers', 'expansion_customers', 'contraction_customers', 'churn_customers', 'reactivation_customers'];
    expect(rows.map((r) => counts.map((c) => Number(r[c])))).toEqual([
      [2, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [0, 1, 1, 1, 0],
      [0, 0, 1, 1, 1],
    ]);
  });
});
