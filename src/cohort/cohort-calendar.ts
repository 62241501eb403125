/**
 * Where instants fall in a cohort table: the cohort period of a first order, and the offset of each
 * later event from it.
 *
 * Offsets count from a customer's *base*. With calendar offsets (`every` a unit) the base is the `every`
 * period of the first order, and offset k is the k-th period after it: offset 0 holds the first order,
 * and a refund earlier in the same period lands there too. With fixed spans (`every: { days: n }`) the
 * base is the first order's instant, and offset k is `[base + k·span, base + (k + 1)·span)`.
 *
 * @module
 * @internal
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { dayPeriodTable } from '../calendar/day-table.ts';
import { DAY_MS } from '../calendar/offset.ts';
import { isFixedSpan, periodOfDay } from '../calendar/units.ts';
import type { Ledger } from '../input/types.ts';
import type { CohortSettings } from './types.ts';

/** @internal The calendar questions of a cohort table, answered for instants of its ledger up to `asOf`. */
export interface CohortCalendar {
  /** Events after this instant are ignored. */
  readonly asOf: number;
  /** The `by` period (index) of an instant. */
  cohortOf(instant: number): number;
  /** The base of a customer whose first order is at `firstOrder`. */
  baseOf(firstOrder: number): number;
  /** The offset of an event at `instant` for a customer with base `base`; negative before the base's period. */
  offsetOf(instant: number, base: number): number;
  /** The last offset that has begun as of `asOf`, for a customer with base `base`. */
  lastOffset(base: number): number;
  /** Whether offset `offset` has ended as of `asOf`, for a customer with base `base`. */
  isComplete(base: number, offset: number): boolean;
}

/**
 * @internal The calendar of a cohort table over a ledger.
 *
 * `cohortOf`, `baseOf` and `offsetOf` are asked about instants of the ledger's events at or before
 * `asOf` only: they read a table of the period of every local day from the first event's day to that of
 * the last event counted, one array read per instant instead of calendar arithmetic.
 *
 * @param book - the ledger
 * @param settings - the table's settings
 * @returns the calendar
 */
export function cohortCalendar(book: Ledger, settings: CohortSettings): CohortCalendar {
  const { asOf, by, every, weekStartsOn } = settings;
  const dayOf = makeDayIndexer(settings.timeZone);
  // An empty ledger has no instants to ask about: a one-day table serves.
  const lastDay = book.maxTime === null ? 0 : dayOf(Math.min(book.maxTime, asOf));
  const firstDay = book.minTime === null ? 0 : Math.min(dayOf(book.minTime), lastDay);
  const cohortOfDay = dayPeriodTable(firstDay, lastDay, by, weekStartsOn).periods;
  const cohortOf = (instant: number): number => cohortOfDay[dayOf(instant) - firstDay];

  if (isFixedSpan(every)) return fixedSpanCalendar(asOf, every.days, cohortOf);

  // Offsets counted in the cohorts' own unit (monthly cohorts, monthly offsets) read the same table.
  const everyOfDay = every === by ? cohortOfDay : dayPeriodTable(firstDay, lastDay, every, weekStartsOn).periods;
  const everyOf = (instant: number): number => everyOfDay[dayOf(instant) - firstDay];
  const asOfPeriod = periodOfDay(dayOf(asOf), every, weekStartsOn);
  const firstIncompletePeriod = periodOfDay(dayOf(asOf + 1), every, weekStartsOn);
  return {
    asOf,
    cohortOf,
    baseOf: everyOf,
    offsetOf: (instant, base) => everyOf(instant) - base,
    lastOffset: (base) => asOfPeriod - base,
    isComplete: (base, offset) => base + offset < firstIncompletePeriod,
  };
}

/**
 * @internal The calendar of `{ days: n }` offsets: a customer's base is their first order's instant,
 * and offset k is the k-th elapsed span of n days after it.
 *
 * @param asOf - the table's `asOf`
 * @param days - the span in days
 * @param cohortOf - the `by` period of an instant
 * @returns the calendar
 */
export function fixedSpanCalendar(asOf: number, days: number, cohortOf: (instant: number) => number): CohortCalendar {
  const span = days * DAY_MS;
  return {
    asOf,
    cohortOf,
    baseOf: (firstOrder) => firstOrder,
    offsetOf: (instant, base) => Math.floor((instant - base) / span),
    lastOffset: (base) => Math.floor((asOf - base) / span),
    isComplete: (base, offset) => base + (offset + 1) * span <= asOf + 1,
  };
}
