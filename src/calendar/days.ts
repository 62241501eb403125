/**
 * Day numbers: whole days since 1970-01-01 in the proleptic Gregorian calendar, and the local day of an
 * instant in a time zone. Calendar periods are computed from day numbers with integer arithmetic.
 *
 * @module
 */
import { MAX_DAY, MAX_YEAR, instantArgument, integerArgument } from './arguments.ts';
import { DAY_MS, ZoneCache, zoneCache } from './offset.ts';

/** Days in a 400-year Gregorian era. */
const ERA_DAYS = 146_097;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of `month` (1–12) in `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a calendar date (proleptic Gregorian, astronomical years: 0 = 1 BC).
 *
 * Pure integer arithmetic (Howard Hinnant's `days_from_civil`), independent of any time zone. The date is
 * taken as given: `month` must be 1–12 and `day` 1–31; a day past the end of the month (`2023-02-29`)
 * counts on into the next month.
 *
 * @param year - the year, an integer within ±300,000
 * @param month - the month, 1–12
 * @param day - the day of the month, 1–31
 * @returns the day number (negative before 1970)
 * @throws {@link InvalidOptionError} when an argument is not an integer in its range
 *
 * @example
 * ```ts
 * import { daysFromCivil } from './days.ts';
 * daysFromCivil(1970, 1, 1); // => 0
 * daysFromCivil(2024, 2, 29); // => 19782
 * daysFromCivil(1969, 12, 31); // => -1
 * ```
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  integerArgument('year', year, -MAX_YEAR, MAX_YEAR);
  integerArgument('month', month, 1, 12);
  integerArgument('day', day, 1, 31);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * ERA_DAYS + dayOfEra - 719_468;
}

/**
 * The calendar date of a day number: the inverse of {@link daysFromCivil}.
 *
 * @param days - days since 1970-01-01, an integer within ±110,000,000
 * @returns `{ year, month, day }` with `month` 1–12 and `day` 1–31
 * @throws {@link InvalidOptionError} when `days` is not an integer in that range
 *
 * @example
 * ```ts
 * import { civilFromDays } from './days.ts';
 * civilFromDays(19782); // => { year: 2024, month: 2, day: 29 }
 * civilFromDays(-1); // => { year: 1969, month: 12, day: 31 }
 * ```
 */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  integerArgument('days', days, -MAX_DAY, MAX_DAY);
  const z = days + 719_468;
  const era = Math.floor(z / ERA_DAYS);
  const dayOfEra = z - era * ERA_DAYS;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
 *
 * @param days - days since 1970-01-01, an integer
 * @returns 0–6
 * @throws {@link InvalidOptionError} when `days` is not a safe integer
 *
 * @example
 * ```ts
 * import { dayOfWeek, daysFromCivil } from './days.ts';
 * dayOfWeek(daysFromCivil(2024, 3, 7)); // => 4
 * ```
 */
export function dayOfWeek(days: number): number {
  integerArgument('days', days, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return (((days + 4) % 7) + 7) % 7;
}

/**
 * The local calendar day of an instant in a time zone, as a day number (days since 1970-01-01).
 *
 * `floor((epochMs + offset) / 86 400 000)` with the zone's offset at that instant; agrees with
 * `startOfDay(new TZDate(epochMs, timeZone))` from date-fns. For many rows in one zone use
 * {@link makeDayIndexer}, which skips the zone lookup.
 *
 * @param epochMs - the instant, in ms since 1970-01-01T00:00:00Z
 * @param timeZone - IANA zone, `'UTC'` or a fixed offset (`'+05:30'`); default `'UTC'`
 * @returns the local day number
 * @throws {@link InvalidOptionError} if the zone is unknown or `epochMs` is not an instant a `Date` can hold
 *
 * @example
 * ```ts
 * import { dayNumber, civilFromDays } from './days.ts';
 * const instant = Date.parse('2024-03-07T23:30:00Z');
 * civilFromDays(dayNumber(instant, 'UTC')); // => { year: 2024, month: 3, day: 7 }
 * civilFromDays(dayNumber(instant, 'Europe/Berlin')); // => { year: 2024, month: 3, day: 8 }
 * ```
 */
export function dayNumber(epochMs: number, timeZone = 'UTC'): number {
  instantArgument('epochMs', epochMs);
  if (timeZone === 'UTC') return Math.floor(epochMs / DAY_MS);
  const cache = zoneCache(timeZone);
  const offset = epochMs >= cache.lo && epochMs < cache.hi ? cache.off : cache.lookup(epochMs);
  return Math.floor((epochMs + offset) / DAY_MS);
}

/**
 * The UTC day of an instant. One function for every UTC indexer: a hot loop that calls the indexer it
 * was given keeps its optimized code from one report to the next (a new function each time would
 * not be the call target the code was optimized for).
 */
const utcDayOf = Object.freeze((epochMs: number): number => Math.floor(epochMs / DAY_MS));

/**
 * A fast function from instant to local day number in one zone, for hot loops over many rows.
 *
 * The zone is validated once; the returned closure holds the zone's offset cache directly. In `'UTC'`
 * it is pure arithmetic, and every call returns the same (frozen) function. The closure does not validate its argument: pass finite epoch ms that a `Date`
 * can hold (`NaN` gives `NaN` in UTC and throws {@link InvalidOptionError} in other zones).
 *
 * @param timeZone - IANA zone, `'UTC'` or a fixed offset; default `'UTC'`
 * @returns `(epochMs) => local day number`, equal to {@link dayNumber}
 * @throws {@link InvalidOptionError} if the zone is unknown
 *
 * @example
 * ```ts
 * import { makeDayIndexer } from './days.ts';
 * const dayOf = makeDayIndexer('America/New_York');
 * dayOf(Date.parse('2024-03-08T03:00:00Z')); // => 19789
 * ```
 */
export function makeDayIndexer(timeZone = 'UTC'): (epochMs: number) => number {
  if (timeZone === 'UTC') return utcDayOf;
  const cache: ZoneCache = zoneCache(timeZone);
  return (epochMs) => Math.floor((epochMs + (epochMs >= cache.lo && epochMs < cache.hi ? cache.off : cache.lookup(epochMs))) / DAY_MS);
}
