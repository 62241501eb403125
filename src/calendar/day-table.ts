/**
 * A lookup table from local day numbers to period indexes over a range of days, so that hot loops
 * turn a day into a week, month, quarter or year with one array read instead of calendar arithmetic.
 *
 * @module
 */
import type { CalendarUnit, WeekStartsOn } from './units.ts';
import { periodOfDay } from './units.ts';

/** Period indexes of the days `firstDay … firstDay + periods.length − 1`. */
export interface DayPeriodTable {
  /** Day number of the first entry. */
  readonly firstDay: number;
  /** Period index of each day. */
  readonly periods: Int32Array;
}

/**
 * Build the table for the days `firstDay … lastDay` (inclusive); empty when `lastDay < firstDay`.
 *
 * @param firstDay - first local day number
 * @param lastDay - last local day number
 * @param unit - the calendar unit
 * @param weekStartsOn - first day of the week for `'week'`
 * @returns the table; `periods[day − firstDay]` is the period of `day`
 */
export function dayPeriodTable(firstDay: number, lastDay: number, unit: CalendarUnit, weekStartsOn: WeekStartsOn = 1): DayPeriodTable {
  const length = Math.max(0, lastDay - firstDay + 1);
  const periods = new Int32Array(length);
  for (let k = 0; k < length; k++) periods[k] = periodOfDay(firstDay + k, unit, weekStartsOn);
  return { firstDay, periods };
}
