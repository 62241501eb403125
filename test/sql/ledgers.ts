// Test helper: the ledgers the emitted SQL is checked on, as events an engine loads, and the random
// records (refunds, zero-value orders, ties at one instant, instants near local midnight in zones
// with DST) that the engine equality suites share.
import fc from 'fast-check';
import { Cohort } from '../../src/index.ts';
import type { SqlCohortOptions } from '../../src/sql.ts';
import type { Ledger } from '../../src/input/types.ts';
import type { EngineEvent } from './engines.ts';

export type Unit = 'week' | 'month' | 'quarter';

/** The ledger's events, as the engines load them. */
export function eventsOf(book: Ledger): EngineEvent[] {
  const events: EngineEvent[] = [];
  for (let a = 0; a < book.ids.length; a++) {
    for (let p = book.start[a]; p < book.start[a + 1]; p++) {
      events.push({ customerId: String(book.ids[a]), ms: book.time[p], amount: (book.minor[p] / 100).toFixed(2) });
    }
  }
  return events;
}

/** Plain data: money as exact decimal strings, instants as ISO strings. */
export const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 2023-10-01T00:00Z: the random instants cover the DST changes of 2023-10 to 2024-11 in both zones. */
export const START = Date.UTC(2023, 9, 1);

/** Records at instants near local midnight in Berlin (22–23 h UTC) and New York (4–5 h UTC), many tied. */
export const recordsArbitrary = fc.array(
  fc.record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    // Few days, often: ties at one instant (a first order tied with others) are common.
    day: fc.oneof(fc.integer({ min: 0, max: 420 }), fc.constantFrom(0, 30, 31, 182)),
    hour: fc.constantFrom(-1, 0, 1, 4, 5, 22, 23),
    minute: fc.constantFrom(-1, 0, 1, 59),
    /** At the previous record's customer and instant: a tie. */
    tie: fc.boolean(),
    cents: fc.oneof(fc.constant(0), fc.integer({ min: -3000, max: -1 }), fc.integer({ min: 1, max: 20000 })),
  }),
  { maxLength: 40 },
);

export type RawRecord = { customerId: string; day: number; hour: number; minute: number; tie: boolean; cents: number };

export function toRecords(raw: readonly RawRecord[]) {
  const records: { customerId: string; date: Date; amount: string }[] = [];
  for (const r of raw) {
    const previous = records[records.length - 1];
    const [customerId, date] = r.tie && previous !== undefined ? [previous.customerId, previous.date] : [r.customerId, new Date(START + r.day * DAY + r.hour * HOUR + r.minute * 60_000)];
    records.push({ customerId, date, amount: (r.cents / 100).toFixed(2) });
  }
  return records;
}

export function inProcessCohorts(book: Ledger, calendar: { by: Unit; every: Unit; timeZone: string; asOf: Date; weekStartsOn?: 0 | 1 }) {
  return Cohort.from(book).by(calendar.by).every(calendar.every).timeZone(calendar.timeZone).weekStartsOn(calendar.weekStartsOn ?? 1).asOf(calendar.asOf).table();
}

/**
 * Events at whole hours near local midnight in New York (3–6 h UTC) and Berlin (21–23 h UTC) around
 * their DST changes, with refunds, zero-value orders and ties, each with a shard (0 or 1).
 */
export const hourlyEventsArbitrary = fc.array(
  fc.record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    ms: fc.tuple(fc.integer({ min: 0, max: 420 }), fc.constantFrom(3, 4, 5, 6, 21, 22, 23)).map(([d, h]) => START + d * DAY + h * HOUR),
    amount: fc.oneof(fc.constant(0), fc.integer({ min: -3000, max: -1 }), fc.integer({ min: 1, max: 20000 })).map((c) => (c / 100).toFixed(2)),
    shard: fc.integer({ min: 0, max: 1 }),
  }),
  { maxLength: 40 },
);

/** The cohort choices of `cohortCells` beyond the source. */
export type CohortChoices = Omit<SqlCohortOptions, 'table' | 'columns' | 'dialect'>;

/** The in-process table of the same choices, through the builder's steps. */
export function cohortOfChoices(book: Ledger, c: CohortChoices) {
  let cohort = Cohort.from(book).by(c.by ?? 'month').every(c.every ?? c.by ?? 'month').timeZone(c.timeZone ?? 'UTC').asOf(c.asOf);
  if (c.between !== undefined) cohort = cohort.between(...c.between);
  if (c.mode !== undefined) cohort = cohort.mode(c.mode);
  if (c.brackets !== undefined) cohort = cohort.brackets(c.brackets);
  if (c.maxOffset !== undefined) cohort = cohort.maxOffset(c.maxOffset);
  if (c.activeWhen !== undefined) cohort = cohort.activeWhen(c.activeWhen);
  return cohort.table();
}

/** Random cohort choices in Berlin: any counting, span, cap, bounds and rule. */
export const cohortChoicesArbitrary: fc.Arbitrary<CohortChoices> = fc
  .record(
    {
      every: fc.constantFrom('week', 'month', { days: 10 }) as fc.Arbitrary<'week' | 'month' | { days: number }>,
      counting: fc.constantFrom('classic', 'unbounded', 'brackets'),
      maxOffset: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      from: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      minOrders: fc.constantFrom(1, 2),
      minAmount: fc.constantFrom(undefined, '0.00', '40.00'),
    },
    { requiredKeys: ['every', 'counting', 'minOrders'] },
  )
  .map((r) => ({
    by: 'month' as const,
    every: r.every,
    timeZone: 'Europe/Berlin',
    asOf: new Date(START + 300 * DAY),
    ...(r.counting === 'brackets' ? { brackets: [[0], [1, 3], [5, 8]] as const } : { mode: r.counting as 'classic' | 'unbounded' }),
    ...(r.maxOffset === undefined ? {} : { maxOffset: r.maxOffset }),
    ...(r.from === undefined ? {} : { between: [new Date(START + r.from * DAY), undefined] as const }),
    activeWhen: { minOrders: r.minOrders, ...(r.minAmount === undefined ? {} : { minAmount: r.minAmount }) },
  }));
