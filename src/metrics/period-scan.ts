/**
 * What every per-period metric scans with: a fast instant → period lookup over the ledger's days, and
 * the identity of a reported period.
 *
 * @module
 */
import { dayPeriodTable } from '../calendar/day-table.ts';
import { periodKey } from '../calendar/keys.ts';
import { periodEnd, periodStart } from '../calendar/period.ts';
import type { PeriodSettings } from './period-settings.ts';

export { MAX_REPORT_PERIODS, PERIOD_KEYS, type PeriodOptions } from './period-settings.ts';

/** The identity of one reported period. */
export interface PeriodInfo {
  /** Period key: `2024-03-07`, `2024-W09`, `2024-03`, `2024-Q1`, `2024`. */
  period: string;
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
  /** `false` when the period extends past `asOf` (its numbers are still moving). */
  complete: boolean;
}

/** @internal The period look-ups of a per-period metric. */
export interface PeriodScan {
  /** Period index of an event instant (valid for instants from the ledger's first event to `asOf`). */
  readonly periodOf: (epochMs: number) => number;
  /**
   * Period index of a local day number, from a table built once (valid for the days from the ledger's
   * first day to `extraDays` after the last day taken into account).
   */
  readonly periodOfDay: (day: number) => number;
  /** Key, start, end and completeness of a period. */
  readonly info: (index: number) => PeriodInfo;
}

/**
 * @internal The period look-ups for the days of the ledger up to `asOf`, and `extraDays` past them.
 *
 * The look-ups depend on the calendar (zone, period, week start) and `asOf` alone; the ledger only
 * bounds the days they cover. So the scan of a whole ledger serves every part of it (a filter's, a
 * segment's) under settings pinned to the whole's: a part's events are some of the whole's, its days
 * among the whole's.
 *
 * @param settings - the metric's settings (over the whole ledger, for a report over its parts)
 * @param extraDays - days past the last day taken into account that `periodOfDay` covers
 * @returns the look-ups
 */
export function preparePeriodScan(settings: PeriodSettings, extraDays = 0): PeriodScan {
  const { book, asOf, dayOf, period, weekStartsOn, timeZone } = settings;
  const calendar = { timeZone, weekStartsOn };
  const firstDay = book.minTime === null ? 0 : dayOf(book.minTime);
  const lastDay = book.maxTime === null ? -1 : dayOf(Math.min(book.maxTime, asOf));
  const table = dayPeriodTable(firstDay, lastDay + extraDays, period, weekStartsOn).periods;
  return {
    periodOf: (epochMs) => table[dayOf(epochMs) - firstDay],
    periodOfDay: (day) => table[day - firstDay],
    info: (index) => {
      const endMs = periodEnd(index, period, calendar);
      return {
        period: periodKey(index, period, weekStartsOn),
        start: new Date(periodStart(index, period, calendar)),
        end: new Date(endMs),
        complete: endMs <= asOf + 1,
      };
    },
  };
}
