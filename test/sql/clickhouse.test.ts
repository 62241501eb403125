// The emitted ClickHouse SQL, run by real clickhouse-server processes started for this file, finished
// in JavaScript, equals the in-process result: on one node and on a cluster of two shards (a
// Distributed table sharded by customer, and one sharded by row, so that a customer's rows are on both
// shards), on the CDNOW file and on random ledgers in zones with DST.
// The suite runs when clickhouse-server (or clickhouse) is on the PATH and is skipped otherwise,
// unless RETENTION_METRICS_REQUIRE_SERVERS=1, which makes a missing server fail the run.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { ledger, periodLifecycle, periodRetention, summarize } from '../../src/index.ts';
import type { Ledger } from '../../src/input/types.ts';
import {
  type SqlPeriodCalendar,
  type SqlSourceOptions,
  cohortCells,
  cohortTableFromCells,
  periodActivity,
  periodLifecycleFromRows,
  periodRetentionFromRows,
  summary,
  summaryFromRows,
} from '../../src/sql.ts';
import { clickhouseString } from '../../src/sql/clickhouse.ts';
import { type ClickHouseEngine, Cluster, findServerProgram, serversRequired, shardedCluster, singleNode } from './clickhouse-servers.ts';
import { DAY, HOUR, START, type Unit, eventsOf, inProcessCohorts, json, recordsArbitrary, toRecords } from './ledgers.ts';

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

async function periodReports(engine: ClickHouseEngine, table: string, book: Ledger, calendar: SqlPeriodCalendar & { asOf: Date }) {
  const rows = await engine.run(periodActivity({ ...source(engine, table), ...calendar }));
  return {
    engine: { retention: periodRetentionFromRows(rows, calendar), lifecycle: periodLifecycleFromRows(rows, calendar) },
    inProcess: { retention: periodRetention(book, calendar), lifecycle: periodLifecycle(book, calendar) },
  };
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
    test('the summary of CDNOW equals summarize, over the whole history and over a half-open window', async () => {
      const engine = engineNamed(name);
      expect(json(summaryFromRows(await engine.run(summary(source(engine, 'cdnow')))))).toEqual(json(summarize(cdnow)));
      const window = { from: new Date('1997-03-01T00:00:00Z'), to: new Date('1997-09-01T00:00:00Z') };
      const windowed = summaryFromRows(await engine.run(summary({ ...source(engine, 'cdnow'), ...window })));
      expect(windowed).toEqual(summarize(cdnow, window));
    });

    test.each([
      { by: 'month', every: 'month', timeZone: 'America/New_York', asOf: new Date('1998-06-30T12:00:00Z') },
      { by: 'week', every: 'week', timeZone: 'Europe/Berlin', asOf: new Date('1997-12-31T23:00:00Z'), weekStartsOn: 0 },
      { by: 'quarter', every: 'quarter', timeZone: 'UTC', asOf: new Date('1998-06-30T23:59:59.999Z') },
      { by: 'month', every: 'week', timeZone: 'Europe/Berlin', asOf: new Date('1997-06-15T00:00:00Z') },
    ] as const)('the CDNOW cohort table by $by every $every in $timeZone equals Cohort.table()', async (calendar) => {
      const table = await engineCohorts(engineNamed(name), 'cdnow', calendar);
      expect(table).toEqual(inProcessCohorts(cdnow, calendar));
    });

    test.each([
      { period: 'month', timeZone: 'America/New_York', asOf: new Date('1998-06-30T12:00:00Z') },
      { period: 'quarter', timeZone: 'Europe/Berlin', asOf: new Date('1998-06-30T21:59:59.999Z'), from: new Date('1997-07-01T00:00:00Z') },
    ] as const)('the CDNOW period reports by $period in $timeZone equal periodRetention and periodLifecycle', async (calendar) => {
      const { engine, inProcess } = await periodReports(engineNamed(name), 'cdnow', cdnow, calendar);
      expect(engine).toEqual(inProcess);
    });

    test('on random ledgers, the summary equals summarize, whole and windowed', async () => {
      const engine = engineNamed(name);
      const bound = fc.option(fc.integer({ min: -5, max: 430 }).map((day) => new Date(START + day * DAY + 23 * HOUR)), { nil: undefined });
      await fc.assert(
        fc.asyncProperty(recordsArbitrary, bound, bound, async (raw, a, b) => {
          const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
          const window = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
          const book = ledger(toRecords(raw));
          await engine.load('random', eventsOf(book));
          expect(json(summaryFromRows(await engine.run(summary({ ...source(engine, 'random'), ...window }))))).toEqual(json(summarize(book, window)));
        }),
        { numRuns: 10, seed: 20231001 },
      );
    });

    test('on random order lines, lines of one order merge as in a ledger: the summary and a cohort table are equal', async () => {
      const engine = engineNamed(name);
      const lines = fc.array(fc.constantFrom(undefined, 0, 1, 2), { minLength: 40, maxLength: 40 });
      await fc.assert(
        fc.asyncProperty(recordsArbitrary, lines, async (raw, orders) => {
          // An order id belongs to one customer: it names the customer.
          const records: { customerId: string; date: Date; amount: string; orderId?: string }[] = toRecords(raw).map((r, i) =>
            orders[i] === undefined ? r : { ...r, orderId: `${r.customerId}-${orders[i]}` },
          );
          await engine.load('lines', records.map((r) => ({ customerId: r.customerId, ms: r.date.getTime(), amount: r.amount, ...(r.orderId === undefined ? {} : { orderId: r.orderId }) })));
          const book = ledger(records);
          const withLines = { ...source(engine, 'lines'), columns: { ...source(engine, 'lines').columns, orderId: 'order_id' } };
          expect(json(summaryFromRows(await engine.run(summary(withLines))))).toEqual(json(summarize(book)));
          const calendar = { by: 'month', every: 'month', timeZone: 'Europe/Berlin', asOf: new Date(START + 430 * DAY) } as const;
          const options = { ...withLines, ...calendar };
          expect(json(cohortTableFromCells(await engine.run(cohortCells(options)), options))).toEqual(json(inProcessCohorts(book, calendar)));
        }),
        { numRuns: 6, seed: 20231002 },
      );
    });

    test('on random ledgers, classic cohort tables equal Cohort.table() in zones with DST', async () => {
      const engine = engineNamed(name);
      const calendar = fc.record({
        units: fc.constantFrom<[Unit, Unit]>(['month', 'month'], ['week', 'week'], ['quarter', 'quarter'], ['month', 'week']),
        timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York'),
        asOfDay: fc.integer({ min: 0, max: 430 }),
        asOfHour: fc.constantFrom(-1, 0, 4, 22, 23),
        weekStartsOn: fc.constantFrom<0 | 1>(0, 1),
      });
      await fc.assert(
        fc.asyncProperty(recordsArbitrary, calendar, async (raw, c) => {
          const book = ledger(toRecords(raw));
          await engine.load('random', eventsOf(book));
          const options = { by: c.units[0], every: c.units[1], timeZone: c.timeZone, weekStartsOn: c.weekStartsOn, asOf: new Date(START + c.asOfDay * DAY + c.asOfHour * HOUR) };
          expect(json(await engineCohorts(engine, 'random', options))).toEqual(json(inProcessCohorts(book, options)));
        }),
        { numRuns: 10, seed: 20231003 },
      );
    });

    test('on random ledgers, the period reports equal periodRetention and periodLifecycle in zones with DST', async () => {
      const engine = engineNamed(name);
      const calendar = fc.record({
        period: fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
        timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York'),
        asOfDay: fc.integer({ min: -2, max: 430 }),
        asOfHour: fc.constantFrom(-1, 0, 4, 22, 23),
        fromDay: fc.option(fc.integer({ min: -40, max: 440 }), { nil: undefined }),
        weekStartsOn: fc.constantFrom<0 | 1>(0, 1),
      });
      await fc.assert(
        fc.asyncProperty(recordsArbitrary, calendar, async (raw, c) => {
          const book = ledger(toRecords(raw));
          await engine.load('random', eventsOf(book));
          const options = {
            period: c.period,
            timeZone: c.timeZone,
            weekStartsOn: c.weekStartsOn,
            asOf: new Date(START + c.asOfDay * DAY + c.asOfHour * HOUR),
            ...(c.fromDay === undefined ? {} : { from: new Date(START + c.fromDay * DAY + 23 * HOUR) }),
          };
          const reports = await periodReports(engine, 'random', book, options);
          expect(json(reports.engine)).toEqual(json(reports.inProcess));
        }),
        { numRuns: 10, seed: 20231004 },
      );
    });
  });
});
