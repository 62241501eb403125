// The emitted ClickHouse SQL, run by real clickhouse-server processes started for this file, finished
// in JavaScript, equals the in-process result: on one node and on a cluster of two shards (a
// Distributed table sharded by customer, and one sharded by row, so that a customer's rows are on both
// shards), on the CDNOW file and on random ledgers in zones with DST (the tests of equality-suite.ts,
// with a quarter of their runs).
// The suite runs when clickhouse-server (or clickhouse) is on the PATH and is skipped otherwise,
// unless RETENTION_METRICS_REQUIRE_SERVERS=1, which makes a missing server fail the run.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { ledger, summarize } from '../../src/index.ts';
import { type SqlSourceOptions, cohortCells, cohortTableFromCells, summary, summaryFromRows } from '../../src/sql.ts';
import { clickhouseString } from '../../src/sql/clickhouse.ts';
import { type ClickHouseEngine, Cluster, findServerProgram, serversRequired, shardedCluster, singleNode } from './clickhouse-servers.ts';
import { breakdownTests } from './breakdown-suite.ts';
import { equalityTests } from './equality-suite.ts';
import { type Unit, eventsOf, inProcessCohorts, json } from './ledgers.ts';

const program = findServerProgram();
const cdnow = ledger(readCdnow());

type EngineName = 'one node' | 'two shards by customer' | 'two shards by row';
let cluster: Cluster | undefined;
let engines: Record<EngineName, ClickHouseEngine> | undefined;
let sharded: Awaited<ReturnType<typeof shardedCluster>> | undefined;

function engineNamed(name: EngineName): ClickHouseEngine {
  if (engines === undefined) throw new Error('the servers have not started');
  return engines[name];
}

const source = (engine: ClickHouseEngine, table: string): SqlSourceOptions => ({
  table: engine.table(table),
  columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
  dialect: engine.dialect,
});

async function engineCohorts(engine: ClickHouseEngine, table: string, calendar: { by: Unit; every: Unit; timeZone: string; asOf: Date; weekStartsOn?: 0 | 1 }) {
  const options = { ...source(engine, table), ...calendar };
  return cohortTableFromCells(await engine.run(cohortCells(options)), options);
}

describe.runIf(program !== null || serversRequired)('ClickHouse', () => {
  beforeAll(async () => {
    if (program === null) throw new Error('RETENTION_METRICS_REQUIRE_SERVERS=1, but neither clickhouse-server nor clickhouse is on the PATH');
    cluster = await Cluster.start(program);
    sharded = await shardedCluster(cluster, 'sharded', 'sipHash64(customer_id)');
    const scattered = await shardedCluster(cluster, 'scattered', 'sipHash64(customer_id, toUInt32(created_at))');
    engines = { 'one node': await singleNode(cluster), 'two shards by customer': sharded, 'two shards by row': scattered };
    for (const engine of Object.values(engines)) await engine.load('cdnow', eventsOf(cdnow));
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  test('the Distributed table spreads CDNOW over both shards, each customer on one', async () => {
    if (sharded === undefined || cluster === undefined) throw new Error('the servers have not started');
    const rows = await sharded.rowsPerShard('cdnow');
    expect(rows.every((n) => n > 0)).toBe(true);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(cdnow.time.length);
    const customers = await Promise.all(cluster.servers.map(async (s) => Number((await s.sql('SELECT uniqExact(customer_id) FROM sharded.cdnow_local')).trim())));
    expect(customers.reduce((a, b) => a + b, 0)).toBe(cdnow.ids.length);
  });

  test('a text value with quotes and backslashes reaches the server as written', async () => {
    if (cluster === undefined) throw new Error('the servers have not started');
    const value = `it's a \\ path\\'; DROP TABLE x; --"`;
    const line = await cluster.servers[0].sql(`SELECT ${clickhouseString(value)} AS v FORMAT JSONEachRow`);
    expect(JSON.parse(line)).toEqual({ v: value });
  });

  test('the Distributed table sharded by row puts some customers on both shards', async () => {
    if (cluster === undefined) throw new Error('the servers have not started');
    const [a, b] = await Promise.all(cluster.servers.map(async (s) => (await s.sql('SELECT DISTINCT customer_id FROM scattered.cdnow_local')).split('\n')));
    const onFirst = new Set(a);
    expect((b ?? []).filter((id) => id !== '' && onFirst.has(id)).length).toBeGreaterThan(0);
  });

  test('a table and columns whose names hold quotes and backslashes are read as named', async () => {
    const engine = engineNamed('one node');
    const name = 'we"ird\\name';
    const book = ledger([
      { customerId: 'ann', date: '2024-01-31T23:30:00Z', amount: '30.00' },
      { customerId: 'ann', date: '2024-03-05T10:00:00Z', amount: '12.50' },
      { customerId: 'bob', date: '2024-02-10T09:00:00Z', amount: '-5.00' },
    ]);
    if (cluster === undefined) throw new Error('the servers have not started');
    const [server] = cluster.servers;
    // The table is made with backquoted names (a backslash doubled); the query quotes them its own way.
    const quoted = '`we"ird\\\\name`';
    await server.sql(`DROP TABLE IF EXISTS single.${quoted}`);
    await server.sql(`CREATE TABLE single.${quoted} (\`c"id\` String, \`at\\\\\` DateTime, \`a'mt\` Decimal(18, 2)) ENGINE = MergeTree ORDER BY tuple()`);
    await server.sql(`INSERT INTO single.${quoted} FORMAT TabSeparated`, eventsOf(book).map((e) => `${e.customerId}\t${e.ms / 1000}\t${e.amount}\n`).join(''));
    const query = summary({ table: engine.table(name), columns: { customerId: 'c"id', date: 'at\\', amount: "a'mt" }, dialect: 'clickhouse' });
    expect(json(summaryFromRows(await engine.run(query)))).toEqual(json(summarize(book)));
  });

  test.each([
    { by: 'week', every: 'week', timeZone: '+05:30', asOf: new Date('1998-06-30T12:00:00Z') },
    { by: 'month', every: 'month', timeZone: '-0330', asOf: new Date('1998-06-30T12:00:00Z') },
  ] as const)('a fixed-offset zone $timeZone gives the CDNOW cohort table of Cohort.table()', async (calendar) => {
    expect(await engineCohorts(engineNamed('one node'), 'cdnow', calendar)).toEqual(inProcessCohorts(cdnow, calendar));
  });

  describe.each(['one node', 'two shards by customer', 'two shards by row'] as const)('%s', (name) => {
    // A quarter of the property runs of the DuckDB and PostgreSQL suites, seeded.
    equalityTests(() => engineNamed(name), cdnow, { scale: 0.25, seed: 20231001 });
    breakdownTests(() => engineNamed(name), { scale: 0.25, seed: 20231001 });
  });
});
