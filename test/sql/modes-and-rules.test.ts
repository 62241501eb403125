// Cohort tables beyond the classic count, and period reports with a stricter "active", from the
// emitted SQL run by DuckDB and PostgreSQL (PGlite): unbounded and bracket counting, `{ days: n }`
// offsets, `maxOffset`, `between` and `activeWhen`, each equal to the in-process result with the same
// choices — on CDNOW and on random ledgers.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { ledger, periodLifecycle, periodRetention } from '../../src/index.ts';
import { type SqlPeriodCalendar, cohortCells, cohortTableFromCells, periodActivity, periodLifecycleFromRows, periodRetentionFromRows } from '../../src/sql.ts';
import { type Engine, useEngines } from './engines.ts';
import { type CohortChoices, DAY, START, cohortChoicesArbitrary, cohortOfChoices, eventsOf, hourlyEventsArbitrary, json } from './ledgers.ts';




/** CDNOW with its ids as text, as the engines' tables hold them. */
const cdnow = ledger(readCdnow().map((r) => ({ ...r, customerId: String(r.customerId) })));

const engineNamed = useEngines({ cdnow: eventsOf(cdnow) });

async function engineTable(engine: Engine, table: string, choices: CohortChoices) {
  const options = { table, columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: engine.dialect, ...choices };
  return cohortTableFromCells(await engine.run(cohortCells(options)), options);
}

const CDNOW_CASES: readonly (CohortChoices & { name: string })[] = [
  { name: 'unbounded, by month in New York', by: 'month', timeZone: 'America/New_York', asOf: '1998-06-30T23:59:59.999-04:00', mode: 'unbounded' },
  { name: 'brackets of months', by: 'month', asOf: '1998-06-30T23:59:59.999Z', brackets: [[0], [1, 2], [3, 5], [6, 17]] },
  { name: 'maxOffset 4 of quarters, unbounded', by: 'quarter', asOf: '1998-06-30T23:59:59.999Z', maxOffset: 4, mode: 'unbounded' },
  { name: '30-day spans from each first order, monthly cohorts in Berlin', by: 'month', every: { days: 30 }, timeZone: 'Europe/Berlin', asOf: '1997-12-31T23:59:59.999Z' },
  { name: 'between March and June 1997', by: 'week', asOf: '1998-06-30T23:59:59.999Z', between: ['1997-03-01', '1997-06-01'], maxOffset: 20 },
  { name: 'active with two orders in a month', by: 'month', asOf: '1998-06-30T23:59:59.999Z', activeWhen: { minOrders: 2 } },
  { name: 'active with 50.00 in a month, unbounded', by: 'month', asOf: '1998-06-30T23:59:59.999Z', activeWhen: { minAmount: '50.00' }, mode: 'unbounded' },
];




describe.each(['duckdb', 'postgres'] as const)('%s', (name) => {
  test.each(CDNOW_CASES)('the CDNOW table, $name, equals the Cohort table', async ({ name: _, ...choices }) => {
    const table = await engineTable(engineNamed(name), 'cdnow', choices);
    expect(json(table)).toEqual(json(cohortOfChoices(cdnow, choices)));
  });

  test('on random ledgers, any counting, span, cap, bounds and rule give the Cohort table', async () => {
    const engine = engineNamed(name);
    await fc.assert(
      fc.asyncProperty(hourlyEventsArbitrary, cohortChoicesArbitrary, async (events, choices) => {
        await engine.load('random', events);
        const book = ledger(events.map((e) => ({ customerId: e.customerId, date: e.ms, amount: e.amount })));
        expect(json(await engineTable(engine, 'random', choices))).toEqual(json(cohortOfChoices(book, choices)));
      }),
      { numRuns: 40 },
    );
  });

  test.each([
    { period: 'month', asOf: '1998-06-30T23:59:59.999Z', activeWhen: { minOrders: 2 } },
    { period: 'quarter', timeZone: 'America/New_York', asOf: '1998-06-30T23:59:59.999Z', activeWhen: { minAmount: '60.00' }, from: '1997-04-01' },
  ] as const)('the CDNOW period reports with activeWhen $activeWhen equal periodRetention and periodLifecycle', async (calendar) => {
    const rows = await periodRows(engineNamed(name), 'cdnow', calendar);
    expect(json(periodRetentionFromRows(rows, calendar))).toEqual(json(periodRetention(cdnowIn(calendar.timeZone), calendar)));
    expect(json(periodLifecycleFromRows(rows, calendar))).toEqual(json(periodLifecycle(cdnowIn(calendar.timeZone), calendar)));
  });

  test('on random ledgers, period reports with any activeWhen equal the in-process ones', async () => {
    const engine = engineNamed(name);
    const rule = fc.record({ minOrders: fc.constantFrom(1, 2, 3), minAmount: fc.constantFrom('0.00', '25.00', '80.00') });
    await fc.assert(
      fc.asyncProperty(hourlyEventsArbitrary, rule, fc.constantFrom('week', 'month') as fc.Arbitrary<'week' | 'month'>, async (events, activeWhen, period) => {
        await engine.load('random', events);
        const book = ledger(events.map((e) => ({ customerId: e.customerId, date: e.ms, amount: e.amount })), { timeZone: 'Europe/Berlin' });
        const calendar = { period, timeZone: 'Europe/Berlin', asOf: new Date(START + 300 * DAY), activeWhen };
        const rows = await periodRows(engine, 'random', calendar);
        expect(json(periodRetentionFromRows(rows, calendar))).toEqual(json(periodRetention(book, calendar)));
        expect(json(periodLifecycleFromRows(rows, calendar))).toEqual(json(periodLifecycle(book, calendar)));
      }),
      { numRuns: 40 },
    );
  });
});

/** CDNOW's events (the instants the engines hold) in a ledger whose calendar is in a zone. */
function cdnowIn(timeZone: string | undefined) {
  return timeZone === undefined ? cdnow : ledger(eventsOf(cdnow).map((e) => ({ customerId: e.customerId, date: e.ms, amount: e.amount })), { timeZone });
}

async function periodRows(engine: Engine, table: string, calendar: SqlPeriodCalendar) {
  return engine.run(periodActivity({ table, columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: engine.dialect, ...calendar }));
}
