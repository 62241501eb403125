/**
 * Calendar units and fixed spans, their validation, and the integer arithmetic that maps a local day
 * number to a period index and back. No time zone here: see `period.ts` for instants.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { MAX_DAY, integerArgument } from './arguments.ts';
import { civilFromDays, daysFromCivil } from './days.ts';

/** A calendar unit. */
export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** First day of the week: 0 = Sunday, 1 = Monday (the default, ISO 8601) … 6 = Saturday. */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A fixed span of `days` × 24 hours, counted from each customer's first order. */
export interface FixedSpan {
  /** Length of the span in days (a positive integer). */
  days: number;
}

/** A period: a calendar unit in a time zone, or a fixed span. */
export type Period = CalendarUnit | FixedSpan;

/** Where calendar questions are answered. */
export interface CalendarOptions {
  /** IANA zone, `'UTC'` or a fixed offset such as `'+05:30'`. Default `'UTC'`. */
  timeZone?: string;
  /** First day of the week for `'week'`. Default 1 (Monday, ISO weeks). */
  weekStartsOn?: WeekStartsOn;
}

const UNITS: readonly string[] = ['day', 'week', 'month', 'quarter', 'year'];

/**
 * Check that a value is a calendar unit.
 *
 * @param value - the value to check
 * @param option - the option name used in the error message (default `'period'`)
 * @returns the unit
 * @throws {@link InvalidOptionError} if it is not `'day' | 'week' | 'month' | 'quarter' | 'year'`
 *
 * @example
 * ```ts
 * import { assertCalendarUnit } from './units.ts';
 * assertCalendarUnit('month'); // => 'month'
 * ```
 */
export function assertCalendarUnit(value: unknown, option = 'period'): CalendarUnit {
  if (typeof value === 'string' && UNITS.includes(value)) return value as CalendarUnit;
  throw new InvalidOptionError(option, value, `${describeValue(value)} is not a calendar unit (day, week, month, quarter, year)`);
}

/** The one key of a fixed span. */
const SPAN_KEYS = optionKeys<FixedSpan>({ days: true });

/**
 * Check that a value is a period: a calendar unit or a fixed span `{ days: n }` with n a positive integer.
 *
 * @param value - the value to check
 * @param option - the option name used in the error message (default `'period'`)
 * @returns the unit, or a fresh `{ days }` object
 * @throws {@link InvalidOptionError} for anything else, naming the key of an object with one other
 *   than `days` (`{ day: 7 }` is a slip; `{ days: 3, weeks: 1 }` is not ten days)
 *
 * @example
 * ```ts
 * import { assertPeriod } from './units.ts';
 * assertPeriod('week'); // => 'week'
 * assertPeriod({ days: 30 }); // => { days: 30 }
 * ```
 */
export function assertPeriod(value: unknown, option = 'period'): Period {
  if (typeof value === 'string') return assertCalendarUnit(value, option);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    checkOptionKeys(value, SPAN_KEYS, `${option}.`);
    if ('days' in value) return { days: assertSpanDays((value as { days: unknown }).days, `${option}.days`) };
  }
  throw new InvalidOptionError(
    option,
    value,
    `${describeValue(value)} is not a period (day, week, month, quarter, year, or { days: n })`,
  );
}

function assertSpanDays(days: unknown, option: string): number {
  if (typeof days === 'number' && Number.isSafeInteger(days) && days >= 1) return days;
  throw new InvalidOptionError(option, days, `${describeValue(days)} is not a positive whole number of days`);
}

/**
 * Whether a period is a fixed span rather than a calendar unit.
 *
 * @param p - a period
 * @returns `true` for `{ days: n }`
 * @throws never
 *
 * @example
 * ```ts
 * import { isFixedSpan } from './units.ts';
 * isFixedSpan({ days: 7 }); // => true
 * isFixedSpan('week'); // => false
 * ```
 */
export function isFixedSpan(p: Period): p is FixedSpan {
  return typeof p === 'object';
}

/**
 * Check a `weekStartsOn` option: an integer 0 (Sunday) … 6 (Saturday); `undefined` gives 1 (Monday).
 *
 * @param value - the value to check
 * @param option - the option name used in the error message (default `'weekStartsOn'`)
 * @returns the day the week starts on
 * @throws {@link InvalidOptionError} for anything else
 *
 * @example
 * ```ts
 * import { assertWeekStartsOn } from './units.ts';
 * assertWeekStartsOn(undefined); // => 1
 * assertWeekStartsOn(0); // => 0
 * ```
 */
export function assertWeekStartsOn(value: unknown, option = 'weekStartsOn'): WeekStartsOn {
  if (value === undefined) return 1;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6) return value as WeekStartsOn;
  throw new InvalidOptionError(option, value, `${describeValue(value)} is not a day of the week 0 (Sunday) … 6 (Saturday)`);
}

/** Day number of the first week start on or after 1970-01-01 (a Thursday). */
function weekAnchor(weekStartsOn: number): number {
  return (weekStartsOn + 3) % 7;
}

/**
 * The index of the period containing a local day: consecutive periods have consecutive indices.
 *
 * - `day`: the day number itself;
 * - `week`: `floor((day − k) / 7)`, k the first day number ≥ 0 that is a `weekStartsOn` weekday;
 * - `month`: `year × 12 + (month − 1)`; `quarter`: `year × 4 + (quarter − 1)`; `year`: the year.
 *
 * @param day - local day number (days since 1970-01-01)
 * @param unit - the calendar unit
 * @param weekStartsOn - first day of the week for `'week'` (default 1, Monday)
 * @returns the period index
 * @throws {@link InvalidOptionError} for a day that is not an integer day number, an invalid `unit` or `weekStartsOn`
 *
 * @example
 * ```ts
 * import { periodOfDay } from './units.ts';
 * import { daysFromCivil } from './days.ts';
 * const day = daysFromCivil(2024, 3, 7);
 * periodOfDay(day, 'month'); // => 24290
 * periodOfDay(day, 'quarter'); // => 8096
 * periodOfDay(day, 'year'); // => 2024
 * periodOfDay(day + 1, 'week') - periodOfDay(day, 'week'); // => 0
 * ```
 */
export function periodOfDay(day: number, unit: CalendarUnit, weekStartsOn: WeekStartsOn = 1): number {
  integerArgument('day', day, -MAX_DAY, MAX_DAY);
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return Math.floor((day - weekAnchor(assertWeekStartsOn(weekStartsOn))) / 7);
    case 'month': {
      const { year, month } = civilFromDays(day);
      return year * 12 + month - 1;
    }
    case 'quarter': {
      const { year, month } = civilFromDays(day);
      return year * 4 + Math.floor((month - 1) / 3);
    }
    case 'year':
      return civilFromDays(day).year;
    default:
      return assertCalendarUnit(unit) as never;
  }
}

/**
 * The local day number of the first day of a period: the inverse of {@link periodOfDay}.
 *
 * @param index - the period index
 * @param unit - the calendar unit
 * @param weekStartsOn - first day of the week for `'week'` (default 1, Monday)
 * @returns the day number of the period's first day
 * @throws {@link InvalidOptionError} for a non-integer index, an invalid `unit` or `weekStartsOn`
 *
 * @example
 * ```ts
 * import { periodFirstDay } from './units.ts';
 * import { civilFromDays } from './days.ts';
 * civilFromDays(periodFirstDay(24290, 'month')); // => { year: 2024, month: 3, day: 1 }
 * civilFromDays(periodFirstDay(8096, 'quarter')); // => { year: 2024, month: 1, day: 1 }
 * ```
 */
export function periodFirstDay(index: number, unit: CalendarUnit, weekStartsOn: WeekStartsOn = 1): number {
  if (!Number.isSafeInteger(index)) throw new InvalidOptionError('index', index, `${describeValue(index)} is not an integer period index`);
  switch (unit) {
    case 'day':
      return index;
    case 'week':
      return index * 7 + weekAnchor(assertWeekStartsOn(weekStartsOn));
    case 'month': {
      const year = Math.floor(index / 12);
      return daysFromCivil(year, index - year * 12 + 1, 1);
    }
    case 'quarter': {
      const year = Math.floor(index / 4);
      return daysFromCivil(year, (index - year * 4) * 3 + 1, 1);
    }
    case 'year':
      return daysFromCivil(index, 1, 1);
    default:
      return assertCalendarUnit(unit) as never;
  }
}
