// Test helper: the equality tests every engine passes — the summary, classic cohort tables, order
// lines, the period reports and a where filter, from the emitted SQL, finished in JavaScript, equal to the in-process
// results on the CDNOW file and on random ledgers (refunds, zero-value orders, ties at one instant,
// instants near local midnight in zones with DST). A suite file starts its engines and calls
// `equalityTests` inside a `describe` per engine.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Cohort, customerState, filterLedger, ledger, periodLifecycle, periodRetention, rfm, summarize } from '../../src/index.ts';
import type { Ledger } from '../../src/input/types.ts';
import {
  type ResultRow,
  type SqlPeriodCalendar,
  type SqlQuery,
  type SqlSourceOptions,
  cohortCells,
  cohortTableFromCells,
  customerStateFromRows,
  customerTotals,
  periodActivity,
  periodLifecycleFromRows,
  periodRetentionFromRows,
  summary,
  summaryFromRows,
} from '../../src/sql.ts';
import type { EngineEvent } from './engines.ts';
import { DAY, HOUR, START, type Unit, eventsOf, inProcessCohorts, json, recordsArbitrary, toRecords } from './ledgers.ts';

/** An engine as the tests use it: its dialect, a loader and a runner (and the name of a loaded table, where it differs). */
export interface SuiteEngine {
  readonly dialect: SqlSourceOptions['dialect'];
  load(table: string, events: readonly EngineEvent[]): Promise<void>;
  run(query: SqlQuery): Promise<ResultRow[]>;
  table?(name: string): string;
}

const source = (engine: SuiteEngine, table: string): SqlSourceOptions => ({
  table: engine.table?.(table) ?? table,
  columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
  dialect: engine.dialect,
});

async function engineSummary(engine: SuiteEngine, table: string, window: { from?: Date; to?: Date }) {
  return summaryFromRows(await engine.run(summary({ ...source(engine, table), ...window })));
}

async function engineCohorts(engine: SuiteEngine, table: string, calendar: { by: Unit; every: Unit; timeZone: string; asOf: Date; weekStartsOn?: 0 | 1 }) {
  const options = { ...source(engine, table), ...calendar };
  return cohortTableFromCells(await engine.run(cohortCells(options)), options);
}

/** Both period reports from the engine's rows, and in process, for one calendar. */
async function periodReports(engine: SuiteEngine, table: string, book: Ledger, calendar: SqlPeriodCalendar & { asOf: Date }) {
  const rows = await engine.run(periodActivity({ ...source(engine, table), ...calendar }));
  return {
    engine: { retention: periodRetentionFromRows(rows, calendar), lifecycle: periodLifecycleFromRows(rows, calendar) },
    inProcess: { retention: periodRetention(book, calendar), lifecycle: periodLifecycle(book, calendar) },
  };
}

/**
 * Define the equality tests for one engine. The table `cdnow` must hold `cdnow`'s events.
 *
 * @param engineOf - the engine, once started
 * @param cdnow - the CDNOW ledger loaded as `cdnow`
 * @param options - `scale` of the property tests' runs (1: as written), and a `seed` to fix them
 */
export function equalityTests(engineOf: () => SuiteEngine, cdnow: Ledger, options: { scale: number; seed?: number }): void {
  const runs = (numRuns: number) => ({ numRuns: Math.max(1, Math.round(numRuns * options.scale)), ...(options.seed === undefined ? {} : { seed: options.seed }) });
  test('the summary of CDNOW equals summarize, over the whole history and over a half-open window', async () => {
    const engine = engineOf();
    expect(json(await engineSummary(engine, 'cdnow', {}))).toEqual(json(summarize(cdnow)));
    const window = { from: new Date('1997-03-01T00:00:00Z'), to: new Date('1997-09-01T00:00:00Z') };
    const windowed = await engineSummary(engine, 'cdnow', window);
    expect(windowed).toEqual(summarize(cdnow, window));
    expect(json(windowed)).toEqual(json(summarize(cdnow, window)));
  });

  test.each([
    { by: 'month', every: 'month', timeZone: 'America/New_York', asOf: new Date('1998-06-30T12:00:00Z') },
    { by: 'week', every: 'week', timeZone: 'Europe/Berlin', asOf: new Date('1997-12-31T23:00:00Z'), weekStartsOn: 0 },
    { by: 'quarter', every: 'quarter', timeZone: 'UTC', asOf: new Date('1998-06-30T23:59:59.999Z') },
    { by: 'month', every: 'week', timeZone: 'Europe/Berlin', asOf: new Date('1997-06-15T00:00:00Z') },
  ] as const)('the CDNOW cohort table by $by every $every in $timeZone equals Cohort.table()', async (calendar) => {
    const table = await engineCohorts(engineOf(), 'cdnow', calendar);
    const expected = inProcessCohorts(cdnow, calendar);
    expect(table).toEqual(expected);
    expect(json(table)).toEqual(json(expected));
  });

  test('on random ledgers, the summary equals summarize, whole and windowed', async () => {
    const engine = engineOf();
    const bound = fc.option(fc.integer({ min: -5, max: 430 }).map((day) => new Date(START + day * DAY + 23 * HOUR)), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(recordsArbitrary, bound, bound, async (raw, a, b) => {
        const records = toRecords(raw);
        const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
        const window = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
        const book = ledger(records);
        await engine.load('random', eventsOf(book));
        expect(json(await engineSummary(engine, 'random', window))).toEqual(json(summarize(book, window)));
      }),
      runs(40),
    );
  });

  test('on random order lines, lines of one order merge as in a ledger: the summary and a cohort table are equal', async () => {
    const engine = engineOf();
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
      runs(25),
    );
  });

  test('on random ledgers, classic cohort tables equal Cohort.table() in zones with DST', async () => {
    const engine = engineOf();
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
      runs(40),
    );
  });

  test.each([
    { period: 'month', timeZone: 'America/New_York', asOf: new Date('1998-06-30T12:00:00Z') },
    { period: 'quarter', timeZone: 'Europe/Berlin', asOf: new Date('1998-06-30T21:59:59.999Z'), from: new Date('1997-07-01T00:00:00Z') },
  ] as const)('the CDNOW period reports by $period in $timeZone equal periodRetention and periodLifecycle', async (calendar) => {
    const { engine, inProcess } = await periodReports(engineOf(), 'cdnow', cdnow, calendar);
    expect(engine).toEqual(inProcess);
    expect(json(engine)).toEqual(json(inProcess));
  });

  test('on random ledgers, the period reports equal periodRetention and periodLifecycle in zones with DST', async () => {
    const engine = engineOf();
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
      runs(40),
    );
  });

  test('on random ledgers, a where filter on a column gives every report of the orders it keeps', async () => {
    const engine = engineOf();
    const channels = fc.array(fc.constantFrom('email', 'ads', null), { minLength: 40, maxLength: 40 });
    const wanted = fc.subarray(['email', 'ads', null] as (string | null)[]);
    await fc.assert(
      fc.asyncProperty(recordsArbitrary, channels, wanted, async (raw, channel, values) => {
        const records = toRecords(raw).map((r, i) => ({ ...r, channel: channel[i] ?? null }));
        const book = ledger(records, { timeZone: 'Europe/Berlin', attributes: { channel: 'channel' } });
        // The engines' order_id column holds the channel here: a text column, not read as order ids.
        await engine.load('channels', records.map((r) => ({ customerId: r.customerId, ms: r.date.getTime(), amount: r.amount, ...(r.channel === null ? {} : { orderId: r.channel }) })));
        const filtered = { ...source(engine, 'channels'), where: { order_id: values } };
        const where = { channel: values };
        const asOf = new Date(START + 300 * DAY);
        expect(json(summaryFromRows(await engine.run(summary(filtered))))).toEqual(json(summarize(book, { where })));
        const calendar = { by: 'month', timeZone: 'Europe/Berlin', asOf } as const;
        const cells = await engine.run(cohortCells({ ...filtered, ...calendar }));
        expect(json(cohortTableFromCells(cells, calendar))).toEqual(json(Cohort.from(book).timeZone('Europe/Berlin').asOf(asOf).where(where).table()));
        const period = { period: 'month', timeZone: 'Europe/Berlin', asOf } as const;
        const periods = await engine.run(periodActivity({ ...filtered, ...period }));
        expect(json(periodRetentionFromRows(periods, period))).toEqual(json(periodRetention(book, { ...period, where })));
        const state = customerStateFromRows(await engine.run(customerTotals({ ...filtered, asOf, timeZone: 'Europe/Berlin' })), { asOf, timeZone: 'Europe/Berlin' });
        expect(JSON.stringify(rfm(state))).toBe(JSON.stringify(rfm(customerState(filterLedger(book, where), { asOf }))));
      }),
      runs(30),
    );
  });

  test('on random ledgers, a customerWhere filter gives the reports of a segment of the breakdown by first-order value', async () => {
    const engine = engineOf();
    const channels = fc.array(fc.constantFrom('email', 'ads', 'Ads', null), { minLength: 40, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(recordsArbitrary, channels, fc.constantFrom('email', 'ads', 'Ads', null), async (raw, channel, value) => {
        const records = toRecords(raw).map((r, i) => ({ ...r, channel: channel[i] ?? null }));
        const book = ledger(records, { timeZone: 'Europe/Berlin', attributes: { channel: 'channel' } });
        // The engines' order_id column holds the channel here: a text column, not read as order ids.
        await engine.load('segments', records.map((r) => ({ customerId: r.customerId, ms: r.date.getTime(), amount: r.amount, ...(r.channel === null ? {} : { orderId: r.channel }) })));
        const segment = { ...source(engine, 'segments'), customerWhere: { order_id: [value] } };
        // The naive oracle: each customer's value on their first order (earliest, then largest, then missing
        // first, then least by code unit), and a ledger of the customers of `value`, all their records.
        const ordersOf = new Map<string, (typeof records)[number][]>();
        for (const r of records) if (Number(r.amount) >= 0) ordersOf.set(r.customerId, [...(ordersOf.get(r.customerId) ?? []), r]);
        const byValue = (x: string | null, y: string | null): number => (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1);
        const kept = new Set(
          [...ordersOf].flatMap(([customer, orders]) => {
            const [first] = orders.sort((x, y) => x.date.getTime() - y.date.getTime() || Number(y.amount) - Number(x.amount) || byValue(x.channel, y.channel));
            return first?.channel === value ? [customer] : [];
          }),
        );
        const part = ledger(records.filter((r) => kept.has(r.customerId)), { timeZone: 'Europe/Berlin' });
        expect(json(summaryFromRows(await engine.run(summary(segment))))).toEqual(json(summarize(part)));
        const calendar = { by: 'month', timeZone: 'Europe/Berlin', asOf: new Date(START + 300 * DAY) } as const;
        const cells = await engine.run(cohortCells({ ...segment, ...calendar }));
        expect(json(cohortTableFromCells(cells, calendar))).toEqual(json(Cohort.from(part).timeZone('Europe/Berlin').asOf(calendar.asOf).table()));
        const period = { period: 'month', timeZone: 'Europe/Berlin', asOf: calendar.asOf } as const;
        const rows = periodRetentionFromRows(await engine.run(periodActivity({ ...segment, ...period })), period);
        const expected = periodRetention(book, { ...period, by: 'channel' }).segments.find((s) => s.value === value);
        if (expected === undefined) expect(rows.every((r) => r.endCustomers === 0)).toBe(true);
        else expect(json(rows)).toEqual(json(expected.result));
      }),
      runs(30),
    );
  });
}
