// `npm run bench`: the warehouse line. The reference workload — W1 summary, W2 monthly cohorts (offsets
// up to 35), W3 RFM and W4 dormancy as of the last event — over generated orders, computed three ways:
// in process from columns (`ledger.fromColumns`, then the reports); as the emitted SQL run by DuckDB and
// finished in JavaScript (`summary`, `cohortCells`, `customerTotals`, then `rfm` and `dormancy` of the
// customer state); and, when clickhouse-server is on the PATH, the same SQL on one ClickHouse node and on
// a Distributed table over two shards (by customer). Every way's results are checked equal to the
// in-process ones. For the SQL ways it prints the time of the queries and of the finish, and the
// JavaScript memory held by the largest result — the state's rows, one per customer — which is what
// must grow with the customers, not with the orders.
// Usage: tsx bench/warehouse.bench.ts [rows] (default 1,000,000; docs/performance.md quotes 10,000,000).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Cohort, type CustomerState, dormancy, ledger, rfm, summarize } from '../src/index.ts';
import { type QueryResult, type SqlQuery, type SqlSourceOptions, cohortCells, cohortTableFromCells, customerStateFromRows, customerTotals, summary, summaryFromRows } from '../src/sql.ts';
import { Cluster, type Server, findServerProgram } from '../test/sql/clickhouse-servers.ts';
import { generateColumns } from './generate.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const generated = generateColumns(rows);
// Whole seconds: ClickHouse 18.16's DateTime holds no milliseconds.
const time = Float64Array.from(generated.time, (ms) => Math.floor(ms / 1000) * 1000);
const { customer, cents } = generated;
const gc = (globalThis as { gc?: () => void }).gc;

/** Milliseconds of `f`, and its result. */
async function timed<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await f();
  return [performance.now() - t0, value];
}

/** JavaScript memory in use (heap and array buffers), after a collection when `--expose-gc` allows one. */
function jsBytes(): number {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

// In process, from columns.
const [inProcessMs, expected] = await timed(() => {
  const book = ledger.fromColumns({ customerId: customer, date: time, amount: cents });
  const table = Cohort.from(book).by('month').maxOffset(35).table();
  return { summary: summarize(book), table, rfm: rfm(book, { segments: null }), dormancy: dormancy(book), customers: book.customerCount, ids: book.ids };
});
console.log(`warehouse: ${rows.toLocaleString('en-US')} rows, ${expected.customers.toLocaleString('en-US')} customers`);
console.log(`  in process from columns: W1–W4 ${inProcessMs.toFixed(0)} ms`);

/** Run W1–W4 as SQL with `run`, finish in JavaScript, check against the in-process results, print. */
async function sqlWorkload(label: string, source: SqlSourceOptions, run: (query: SqlQuery) => Promise<QueryResult>): Promise<void> {
  const before = jsBytes();
  let queryMs = 0;
  const query = async (q: SqlQuery): Promise<QueryResult> => {
    const [ms, result] = await timed(() => run(q));
    queryMs += ms;
    return result;
  };
  const stateRows = await query(customerTotals(source));
  const held = jsBytes() - before;
  const [finishState, state] = await timed(() => customerStateFromRows(stateRows, source));
  const calendar = { by: 'month', maxOffset: 35, asOf: state.asOf ?? 0 } as const;
  const cellRows = await query(cohortCells({ ...source, ...calendar }));
  const summaryRows = await query(summary(source));
  const [finishMs, results] = await timed(() => finish(state, summaryRows, cellRows, { ...source, ...calendar }));
  check(label, results);
  const customers = state.ids.length;
  console.log(`  ${label}: queries ${queryMs.toFixed(0)} ms, finish ${(finishState + finishMs).toFixed(0)} ms; JS holds ${mb(held)} for ${customers.toLocaleString('en-US')} customers' rows (${(held / Math.max(1, customers)).toFixed(0)} B each)`);
}

function finish(state: CustomerState, summaryRows: QueryResult, cellRows: QueryResult, options: Parameters<typeof cohortTableFromCells>[1]) {
  return { summary: summaryFromRows(summaryRows), table: cohortTableFromCells(cellRows, options), rfm: rfm(state, { segments: null }), dormancy: dormancy(state), ids: state.ids };
}

/** The SQL way's results equal the in-process ones, or the bench stops. */
function check(label: string, got: ReturnType<typeof finish>): void {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  // Customer by customer: an engine may hand integer ids over as text (ClickHouse's UInt64 in JSON),
  // and ids tied on their first event are then in another order.
  const row = new Map<string, number>();
  expected.rfm.columns.account.forEach((a, i) => row.set(String(expected.ids[a]), i));
  const columnsEqual =
    got.rfm.columns.account.length === expected.rfm.columns.account.length &&
    (['recency', 'frequency', 'monetaryMinor', 'r', 'f', 'm'] as const).every((name) => {
      const a = got.rfm.columns[name];
      const b = expected.rfm.columns[name];
      return got.rfm.columns.account.every((account, i) => a[i] === b[row.get(String(got.ids[account])) ?? -1]);
    });
  const equal = same(got.summary, expected.summary) && same(got.table, expected.table) && columnsEqual && same(got.dormancy.segments, expected.dormancy.segments);
  if (!equal) {
    const parts = { summary: same(got.summary, expected.summary), table: same(got.table, expected.table), rfm: columnsEqual, dormancy: same(got.dormancy.segments, expected.dormancy.segments) };
    throw new Error(`${label}: the results differ from the in-process ones (${JSON.stringify(parts)})`);
  }
}

/** Events as CSV lines `customer,ms,amount` (amount in major units). */
function* csvChunks(lineCount = 1_000_000): Generator<string> {
  for (let from = 0; from < customer.length; from += lineCount) {
    const lines: string[] = [];
    for (let i = from; i < Math.min(from + lineCount, customer.length); i++) lines.push(`${customer[i]},${time[i]},${(cents[i] / 100).toFixed(2)}\n`);
    yield lines.join('');
  }
}

// DuckDB, in process: the table is loaded from a CSV file, then queried.
{
  const folder = mkdtempSync(join(tmpdir(), 'retention-metrics-warehouse-'));
  const file = join(folder, 'orders.csv');
  writeFileSync(file, '');
  for (const chunk of csvChunks()) writeFileSync(file, chunk, { flag: 'a' });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE orders AS SELECT customer_id, TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_milliseconds(ms) AS created_at, total
    FROM read_csv('${file}', header = false, columns = { 'customer_id': 'BIGINT', 'ms': 'BIGINT', 'total': 'DECIMAL(18, 2)' })`);
  rmSync(folder, { recursive: true, force: true });
  const source = { table: 'orders', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: 'duckdb' } as const;
  // Read as columns: @duckdb/node-api builds row objects of many text values much more slowly.
  await sqlWorkload('DuckDB, emitted SQL + finish', source, async (q) => (await connection.runAndReadAll(q.text, [...q.params])).getColumnsObjectJS());
  connection.closeSync();
  instance.closeSync();
}

// ClickHouse: one node, and a Distributed table over two shards by customer.
const program = findServerProgram();
if (program === null) {
  console.log('  ClickHouse: skipped (no clickhouse-server on the PATH)');
} else {
  const cluster = await Cluster.start(program);
  try {
    const [first, second] = cluster.servers;
    const columns = '(customer_id UInt64, created_at DateTime, total Decimal(18, 2))';
    const tsv = function* (): Generator<string> {
      for (const chunk of csvChunks()) yield chunk.replace(/^(\d+),(\d+),/gm, (_, c: string, ms: string) => `${c}\t${Number(ms) / 1000}\t`);
    };
    for (const server of [first, second]) await server.sql(`CREATE TABLE default.orders_local ${columns} ENGINE = MergeTree ORDER BY (customer_id, created_at)`);
    await first.sql(`CREATE TABLE default.orders_one ${columns} ENGINE = MergeTree ORDER BY (customer_id, created_at)`);
    await first.sql(`CREATE TABLE default.orders_two ${columns} ENGINE = Distributed(two, default, orders_local, sipHash64(customer_id))`);
    for (const chunk of tsv()) {
      await first.sql('INSERT INTO default.orders_one FORMAT TabSeparated', chunk);
      await first.sql('INSERT INTO default.orders_two FORMAT TabSeparated', chunk, { insert_distributed_sync: '1' });
    }
    const run = (server: Server) => (q: SqlQuery) => clickhouseColumns(server, q.text);
    const source = (table: string) => ({ table: `default.${table}`, columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: 'clickhouse' }) as const;
    await sqlWorkload('ClickHouse, one node', source('orders_one'), run(first));
    await sqlWorkload('ClickHouse, two shards', source('orders_two'), run(first));
  } finally {
    await cluster.stop();
  }
}

/**
 * A ClickHouse result as columns of text, read from the HTTP response as it streams
 * (`TabSeparatedWithNames`): a customer per row is too much for one JavaScript string at this size.
 */
async function clickhouseColumns(server: Server, text: string): Promise<Record<string, (string | null)[]>> {
  const response = await fetch(`http://127.0.0.1:${server.ports.http}/`, { method: 'POST', body: `${text}\nFORMAT TabSeparatedWithNames` });
  if (!response.ok || response.body === null) throw new Error(`ClickHouse: ${await response.text()}`);
  const decoder = new TextDecoder();
  let names: string[] | null = null;
  let columns: (string | null)[][] = [];
  let rest = '';
  const line = (l: string): void => {
    const fields = l.split('\t');
    if (names === null) {
      names = fields;
      columns = fields.map(() => []);
      return;
    }
    fields.forEach((value, c) => columns[c]?.push(value === '\\N' ? null : value));
  };
  for await (const chunk of response.body) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    lines.forEach(line);
  }
  if (rest !== '') line(rest);
  const header: string[] = names ?? [];
  return Object.fromEntries(header.map((name, c) => [name, columns[c] ?? []]));
}
