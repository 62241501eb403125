// Test helper: the breakdown equality tests every engine passes — a query with `by` (`segmentBy` for
// cohort cells), finished, equals the in-process `Breakdown` of summarize, periodRetention,
// periodLifecycle and the Cohort builder, under both segment rules, alone and after a where or
// customerWhere filter, on random ledgers whose attribute values have ties at one instant, missing
// values and values that differ in case only, in zones with DST. A suite file starts its engines and
// calls `breakdownTests` inside a `describe` per engine.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Cohort, type SegmentRule, ledger, periodLifecycle, periodRetention, summarize } from '../../src/index.ts';
import {
  type SqlSourceOptions,
  cohortCells,
  cohortTableFromCells,
  periodActivity,
  periodLifecycleFromRows,
  periodRetentionFromRows,
  summary,
  summaryFromRows,
} from '../../src/sql.ts';
import type { SuiteEngine } from './equality-suite.ts';
import { DAY, HOUR, START, json, recordsArbitrary, toRecords } from './ledgers.ts';

/**
 * The channel of each record — values tied at one instant, missing, and equal but for case — and
 * whether a record tied with the previous one takes its amount too (orders equal in instant and
 * amount, which the values break).
 */
const channelsArbitrary = fc.array(fc.tuple(fc.constantFrom('email', 'ads', 'Ads', null), fc.boolean()), { minLength: 40, maxLength: 40 });

/** A filter before the breakdown: none, a where filter or a customerWhere filter, on the channel. */
const scopeArbitrary = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constantFrom('where' as const, 'customerWhere' as const), values: fc.subarray(['email', 'ads', 'Ads', null] as (string | null)[], { minLength: 1 }) }),
);
type Scope = { kind: 'where' | 'customerWhere'; values: (string | null)[] } | null;

/**
 * The records with channels, loaded into the engine's table `breakdowns`, whose `order_id` column holds
 * the channel (a text column, not read as order ids); and as a ledger whose event attribute `order_id`
 * is the channel and whose customer attribute `first` is the naive oracle of a customer's value:
 * the channel of their first order (earliest, then largest, then missing first, then least by code
 * unit), `'-'` (no channel listed by a filter) for a customer without orders.
 */
async function load(engine: SuiteEngine, raw: Parameters<typeof toRecords>[0], channel: readonly [string | null, boolean][], timeZone: string) {
  const records = toRecords(raw).map((r, i) => ({ ...r, channel: channel[i]?.[0] ?? null }));
  for (let i = 1; i < records.length; i++) {
    const [previous, record] = [records[i - 1], records[i]];
    if (channel[i]?.[1] === true && previous !== undefined && record !== undefined && previous.customerId === record.customerId && previous.date.getTime() === record.date.getTime()) {
      records[i] = { ...record, amount: previous.amount };
    }
  }
  await engine.load('breakdowns', records.map((r) => ({ customerId: r.customerId, ms: r.date.getTime(), amount: r.amount, ...(r.channel === null ? {} : { orderId: r.channel }) })));
  const byValue = (x: string | null, y: string | null): number => (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1);
  const customers = [...new Set(records.map((r) => r.customerId))].map((customerId) => {
    const orders = records.filter((r) => r.customerId === customerId && Number(r.amount) >= 0);
    const [first] = orders.sort((x, y) => x.date.getTime() - y.date.getTime() || Number(y.amount) - Number(x.amount) || byValue(x.channel, y.channel));
    return { customerId, first: first === undefined ? '-' : first.channel };
  });
  // A row without records (an unknown customer) declares the attribute also for a ledger without records.
  return ledger(records, { timeZone, attributes: { order_id: 'channel' }, customers: [...customers, { customerId: '~', first: '-' }] });
}

/** The engine's source options, with the scope's filter. */
function sourceOf(engine: SuiteEngine, scope: Scope): SqlSourceOptions {
  const source: SqlSourceOptions = { table: engine.table?.('breakdowns') ?? 'breakdowns', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: engine.dialect };
  return scope === null ? source : { ...source, [scope.kind]: { order_id: scope.values } };
}

/** The in-process filter of the scope: a customerWhere filter is a filter on the customer attribute `first`. */
function whereOf(scope: Scope): { where?: Record<string, (string | null)[]> } {
  if (scope === null) return {};
  return { where: { [scope.kind === 'where' ? 'order_id' : 'first']: scope.values } };
}

/**
 * Define the breakdown equality tests for one engine.
 *
 * @param engineOf - the engine, once started
 * @param options - `scale` of the property tests' runs (1: as written), and a `seed` to fix them
 */
export function breakdownTests(engineOf: () => SuiteEngine, options: { scale: number; seed?: number }): void {
  const runs = (numRuns: number) => ({ numRuns: Math.max(1, Math.round(numRuns * options.scale)), ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const rule = fc.constantFrom<SegmentRule>('customer', 'same-value');
  const zone = fc.constantFrom('Europe/Berlin', 'America/New_York');

  test('on random ledgers, the summary by a column equals the breakdown of summarize, both rules, whole and windowed, after a filter', async () => {
    const engine = engineOf();
    const bound = fc.option(fc.integer({ min: -5, max: 430 }).map((day) => new Date(START + day * DAY + 23 * HOUR)), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(recordsArbitrary, channelsArbitrary, rule, scopeArbitrary, zone, bound, bound, async (raw, channel, segmentRule, scope, timeZone, a, b) => {
        const book = await load(engine, raw, channel, timeZone);
        const [from, to] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
        const window = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
        const split = summaryFromRows(await engine.run(summary({ ...sourceOf(engine, scope), ...window, by: 'order_id', segmentRule })), { by: 'order_id', segmentRule });
        expect(json(split)).toEqual(json(summarize(book, { ...window, ...whereOf(scope), by: 'order_id', segmentRule })));
      }),
      runs(30),
    );
  });

  test('on random ledgers, the period reports by a column equal the breakdowns of periodRetention and periodLifecycle, both rules, after a filter', async () => {
    const engine = engineOf();
    const calendar = fc.record({
      period: fc.constantFrom('week', 'month', 'quarter'),
      asOfDay: fc.integer({ min: -2, max: 430 }),
      asOfHour: fc.constantFrom(-1, 0, 4, 22, 23),
      fromDay: fc.option(fc.integer({ min: -40, max: 440 }), { nil: undefined }),
      minOrders: fc.constantFrom(1, 2),
    });
    await fc.assert(
      fc.asyncProperty(recordsArbitrary, channelsArbitrary, rule, scopeArbitrary, zone, calendar, async (raw, channel, segmentRule, scope, timeZone, c) => {
        const book = await load(engine, raw, channel, timeZone);
        const period = {
          period: c.period,
          timeZone,
          asOf: new Date(START + c.asOfDay * DAY + c.asOfHour * HOUR),
          ...(c.fromDay === undefined ? {} : { from: new Date(START + c.fromDay * DAY + 23 * HOUR) }),
          ...(c.minOrders === 1 ? {} : { activeWhen: { minOrders: c.minOrders } }),
        };
        const split = { by: 'order_id', segmentRule };
        const rows = await engine.run(periodActivity({ ...sourceOf(engine, scope), ...period, ...split }));
        expect(json(periodRetentionFromRows(rows, { ...period, ...split }))).toEqual(json(periodRetention(book, { ...period, ...whereOf(scope), ...split })));
        expect(json(periodLifecycleFromRows(rows, { ...period, ...split }))).toEqual(json(periodLifecycle(book, { ...period, ...whereOf(scope), ...split })));
      }),
      runs(30),
    );
  });

  test('on random ledgers, cohort cells by a column equal Cohort.segmentBy(…).breakdown(), both rules, any counting and activeWhen, after a filter', async () => {
    const engine = engineOf();
    const calendar = fc.record({
      units: fc.constantFrom<['month' | 'week', 'month' | 'week']>(['month', 'month'], ['week', 'week'], ['month', 'week']),
      asOfDay: fc.integer({ min: 0, max: 430 }),
      counting: fc.constantFrom('classic' as const, 'unbounded' as const, 'brackets' as const),
      minOrders: fc.constantFrom(1, 2),
    });
    await fc.assert(
      fc.asyncProperty(recordsArbitrary, channelsArbitrary, rule, scopeArbitrary, zone, calendar, async (raw, channel, segmentRule, scope, timeZone, c) => {
        const book = await load(engine, raw, channel, timeZone);
        const counting = c.counting === 'brackets' ? { brackets: [[0], [1, 3]] as const } : { mode: c.counting };
        const choices = { by: c.units[0], every: c.units[1], timeZone, asOf: new Date(START + c.asOfDay * DAY + 22 * HOUR), ...counting, activeWhen: { minOrders: c.minOrders }, segmentBy: 'order_id', segmentRule };
        const cells = await engine.run(cohortCells({ ...sourceOf(engine, scope), ...choices }));
        let cohort = Cohort.from(book).by(choices.by).every(choices.every).timeZone(timeZone).asOf(choices.asOf).activeWhen(choices.activeWhen);
        cohort = 'brackets' in counting ? cohort.brackets(counting.brackets) : cohort.mode(counting.mode);
        const { where } = whereOf(scope);
        if (where !== undefined) cohort = cohort.where(where);
        expect(json(cohortTableFromCells(cells, choices))).toEqual(json(cohort.segmentBy('order_id', { segmentRule }).breakdown()));
      }),
      runs(30),
    );
  });
}
