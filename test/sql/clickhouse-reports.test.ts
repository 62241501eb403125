// The customer state, the models' summary, loyalty tiers (the tests of tier-suite.ts), cohort tables
// of every kind and period reports with a stricter "active", from the emitted ClickHouse SQL run by
// real clickhouse-server processes started for this file: on one node and on two shards (by customer,
// and by row), equal to the in-process results on CDNOW and on a few seeded random ledgers. Skipped
// without a server on the PATH, unless RETENTION_METRICS_REQUIRE_SERVERS=1.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { customerState, ledger, mergeCustomerStates, periodLifecycle, periodRetention, rfm, rfmSummary } from '../../src/index.ts';
import {
  cohortCells,
  cohortTableFromCells,
  customerStateFromRows,
  customerTotals,
  modelSummary,
  periodActivity,
  periodLifecycleFromRows,
  periodRetentionFromRows,
  rfmSummaryFromRows,
} from '../../src/sql.ts';
import { type ClickHouseEngine, Cluster, findServerProgram, serversRequired, shardedCluster, singleNode } from './clickhouse-servers.ts';
import { tierTests } from './tier-suite.ts';
import { DAY, HOUR, START, cohortChoicesArbitrary, cohortOfChoices, eventsOf, hourlyEventsArbitrary, json, recordsArbitrary, toRecords } from './ledgers.ts';

const program = findServerProgram();
const ZONE = 'America/New_York';
/** CDNOW with its ids as text, as the tables hold them, its calendar in New York. */
const cdnow = ledger(
  readCdnow().map((r) => ({ ...r, customerId: String(r.customerId) })),
  { timeZone: ZONE },
);
const AS_OF = '1998-03-31T23:59:59.999-05:00';

type EngineName = 'one node' | 'two shards by customer' | 'two shards by row';
let cluster: Cluster | undefined;
let engines: Record<EngineName, ClickHouseEngine> | undefined;

function engineNamed(name: EngineName): ClickHouseEngine {
  if (engines === undefined) throw new Error('the servers have not started');
  return engines[name];
}

const source = (engine: ClickHouseEngine, table: string) => ({
  table: engine.table(table),
  columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
  dialect: engine.dialect,
});

describe.runIf(program !== null || serversRequired)('ClickHouse', () => {
  beforeAll(async () => {
    if (program === null) throw new Error('RETENTION_METRICS_REQUIRE_SERVERS=1, but neither clickhouse-server nor clickhouse is on the PATH');
    cluster = await Cluster.start(program);
    engines = {
      'one node': await singleNode(cluster),
      'two shards by customer': await shardedCluster(cluster, 'sharded', 'sipHash64(customer_id)'),
      'two shards by row': await shardedCluster(cluster, 'scattered', 'sipHash64(customer_id, toUInt32(created_at))'),
    };
    for (const engine of Object.values(engines)) await engine.load('cdnow', eventsOf(cdnow));
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  describe.each(['one node', 'two shards by customer', 'two shards by row'] as const)('%s', (name) => {
    tierTests(() => engineNamed(name), cdnow, { scale: 0.25, seed: 20261207 });

    test('the customer state of CDNOW equals customerState, and its RFM report the ledger\'s', async () => {
      const engine = engineNamed(name);
      const options = { ...source(engine, 'cdnow'), asOf: AS_OF, timeZone: ZONE };
      const state = customerStateFromRows(await engine.run(customerTotals(options)), options);
      const expected = customerState(cdnow, { asOf: AS_OF });
      expect([...state.ids]).toEqual([...expected.ids]);
      expect([...state.netMinor, ...state.orders, ...state.lastOrder]).toEqual([...expected.netMinor, ...expected.orders, ...expected.lastOrder]);
      expect(JSON.stringify(rfm(state))).toBe(JSON.stringify(rfm(cdnow, { asOf: AS_OF })));
    });

    test('the models\' summary of CDNOW equals rfmSummary', async () => {
      const engine = engineNamed(name);
      const calendar = { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', timeZone: ZONE } as const;
      const rows = await engine.run(modelSummary({ ...source(engine, 'cdnow'), ...calendar }));
      expect(JSON.stringify(rfmSummaryFromRows(rows, { ...calendar, unit: 'week' }))).toBe(JSON.stringify(rfmSummary(cdnow, { ...calendar, unit: 'week' })));
    });

    test.each([
      { by: 'month', timeZone: ZONE, asOf: AS_OF, mode: 'unbounded', maxOffset: 8 },
      { by: 'month', timeZone: ZONE, asOf: AS_OF, brackets: [[0], [1, 2], [3, 5]], activeWhen: { minAmount: '30.00' } },
      { by: 'quarter', every: { days: 45 }, timeZone: ZONE, asOf: AS_OF },
    ] as const)('the CDNOW cohort table with $mode $brackets $every equals the Cohort table', async (choices) => {
      const engine = engineNamed(name);
      const options = { ...source(engine, 'cdnow'), ...choices };
      expect(json(cohortTableFromCells(await engine.run(cohortCells(options)), options))).toEqual(json(cohortOfChoices(cdnow, choices)));
    });

    test('the CDNOW period reports with activeWhen equal the in-process ones', async () => {
      const engine = engineNamed(name);
      const calendar = { period: 'month', timeZone: ZONE, asOf: AS_OF, activeWhen: { minOrders: 2 } } as const;
      const rows = await engine.run(periodActivity({ ...source(engine, 'cdnow'), ...calendar }));
      expect(json(periodRetentionFromRows(rows, calendar))).toEqual(json(periodRetention(cdnow, calendar)));
      expect(json(periodLifecycleFromRows(rows, calendar))).toEqual(json(periodLifecycle(cdnow, calendar)));
    });

    test('on seeded random ledgers, states of the whole and of two parts merged equal customerState', async () => {
      const engine = engineNamed(name);
      await fc.assert(
        fc.asyncProperty(recordsArbitrary, async (raw) => {
          // ClickHouse's DateTime holds whole seconds.
          const records = toRecords(raw).map((r) => ({ ...r, date: new Date(Math.floor(r.date.getTime() / 1000) * 1000) }));
          const book = ledger(records, { timeZone: 'Europe/Berlin' });
          const asOf = new Date(START + 300 * DAY);
          const calendar = { asOf, timeZone: 'Europe/Berlin' };
          const stateOf = async (table: string, part: typeof records) => {
            await engine.load(table, eventsOf(ledger(part)));
            const options = { ...source(engine, table), ...calendar };
            return customerStateFromRows(await engine.run(customerTotals(options)), options);
          };
          const whole = await stateOf('random', records);
          const parts = [await stateOf('first', records.filter((_, i) => i % 2 === 0)), await stateOf('second', records.filter((_, i) => i % 2 === 1))];
          const expected = customerState(book, { asOf });
          for (const state of [whole, mergeCustomerStates(...parts)]) {
            expect([...state.ids, ...state.grossMinor, ...state.netMinor]).toEqual([...expected.ids, ...expected.grossMinor, ...expected.netMinor]);
          }
        }),
        { numRuns: 6, seed: 25 },
      );
    });
    test('on seeded random ledgers, cohort tables of any counting, span, cap, bounds and rule equal the Cohort table', async () => {
      const engine = engineNamed(name);
      await fc.assert(
        fc.asyncProperty(hourlyEventsArbitrary, cohortChoicesArbitrary, async (events, choices) => {
          await engine.load('modes', events);
          const book = ledger(events.map((e) => ({ customerId: e.customerId, date: e.ms, amount: e.amount })));
          const options = { ...source(engine, 'modes'), ...choices };
          expect(json(cohortTableFromCells(await engine.run(cohortCells(options)), options))).toEqual(json(cohortOfChoices(book, choices)));
        }),
        { numRuns: 8, seed: 26 },
      );
    });

    test('on seeded random ledgers, the models\' summary equals rfmSummary', async () => {
      const engine = engineNamed(name);
      await fc.assert(
        fc.asyncProperty(hourlyEventsArbitrary, fc.integer({ min: 0, max: 300 }), fc.constantFrom(1, 7), async (events, cal, days) => {
          const calibrationEnd = new Date(START + cal * DAY + 12 * HOUR);
          const calendar = { calibrationEnd, holdoutEnd: new Date(calibrationEnd.getTime() + 60 * DAY), timeZone: ZONE };
          await engine.load('summary', events);
          const book = ledger(events.map((e) => ({ customerId: e.customerId, date: e.ms, amount: e.amount })), { timeZone: ZONE });
          const rows = await engine.run(modelSummary({ ...source(engine, 'summary'), ...calendar }));
          expect(JSON.stringify(rfmSummaryFromRows(rows, { ...calendar, unit: { days } }))).toBe(JSON.stringify(rfmSummary(book, { ...calendar, unit: { days } })));
        }),
        { numRuns: 8, seed: 27 },
      );
    });
  });
});
