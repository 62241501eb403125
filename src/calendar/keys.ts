/**
 * Period keys: the strings results are labelled with (`2024-03-07`, `2024-W09`, `2024-03`, `2024-Q1`,
 * `2024`), and their parser.
 *
 * Years 0–9999 are written with four digits (`0999-12`); other years use ISO 8601's expanded form, a sign
 * and six digits (`+010000-01`, `-000001-Q4`), as `Date.prototype.toISOString` does.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { civilFromDays, daysFromCivil, daysInMonth } from './days.ts';
import { type CalendarUnit, type WeekStartsOn, assertCalendarUnit, assertWeekStartsOn, periodFirstDay, periodOfDay } from './units.ts';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
}

function formatDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  return `${formatYear(year)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

/** The ISO week-numbering year and week (1–53) of the week whose Monday is `monday`. */
function isoWeekOf(monday: number): { year: number; week: number } {
  const thursday = monday + 3;
  const year = civilFromDays(thursday).year;
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** Day number of the Monday of ISO week 1 of `year` (the week holding January 4). */
function isoWeekOneMonday(year: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - ((((jan4 + 3) % 7) + 7) % 7);
}

/**
 * The key of a period, as results label it.
 *
 * - `day`: `2024-03-07`;
 * - `week` starting Monday (the default): the ISO week `2024-W09`, whose year is the ISO week-numbering
 *   year (2024-12-30 is in `2025-W01`, 2021-01-03 in `2020-W53`);
 * - `week` starting on another day: the date of the week's first day, `2024-03-03`;
 * - `month`: `2024-03`; `quarter`: `2024-Q1`; `year`: `2024`.
 *
 * Years outside 0–9999 are written `+010000` / `-000001` (ISO 8601 expanded years).
 *
 * @param index - the period index (see `periodOfDay`)
 * @param unit - the calendar unit
 * @param weekStartsOn - first day of the week for `'week'` (default 1, Monday)
 * @returns the key
 * @throws {@link InvalidOptionError} for a non-integer index, an invalid `unit` or `weekStartsOn`
 *
 * @example
 * ```ts
 * import { periodKey } from 'retention-metrics/calendar';
 * import { periodOfDay } from './units.ts';
 * import { daysFromCivil } from './days.ts';
 * const day = daysFromCivil(2024, 3, 7);
 * periodKey(periodOfDay(day, 'week'), 'week'); // => '2024-W10'
 * periodKey(periodOfDay(day, 'week', 0), 'week', 0); // => '2024-03-03'
 * periodKey(periodOfDay(day, 'quarter'), 'quarter'); // => '2024-Q1'
 * periodKey(periodOfDay(daysFromCivil(2024, 12, 30), 'week'), 'week'); // => '2025-W01'
 * ```
 */
export function periodKey(index: number, unit: CalendarUnit, weekStartsOn: WeekStartsOn = 1): string {
  const first = periodFirstDay(index, unit, weekStartsOn);
  switch (unit) {
    case 'day':
      return formatDay(first);
    case 'week': {
      if (weekStartsOn !== 1) return formatDay(first);
      const { year, week } = isoWeekOf(first);
      return `${formatYear(year)}-W${pad(week, 2)}`;
    }
    case 'month': {
      const year = Math.floor(index / 12);
      return `${formatYear(year)}-${pad(index - year * 12 + 1, 2)}`;
    }
    case 'quarter': {
      const year = Math.floor(index / 4);
      return `${formatYear(year)}-Q${index - year * 4 + 1}`;
    }
    default:
      return formatYear(index);
  }
}

const YEAR = '(\\d{4}|[+-]\\d{6})';
const PATTERNS: Record<'day' | 'isoWeek' | 'month' | 'quarter' | 'year', RegExp> = {
  day: new RegExp(`^${YEAR}-(\\d\\d)-(\\d\\d)$`),
  isoWeek: new RegExp(`^${YEAR}-W(\\d\\d)$`),
  month: new RegExp(`^${YEAR}-(\\d\\d)$`),
  quarter: new RegExp(`^${YEAR}-Q([1-4])$`),
  year: new RegExp(`^${YEAR}$`),
};
const EXAMPLES: Record<CalendarUnit | 'isoWeek', string> = {
  day: '2024-03-07',
  isoWeek: '2024-W09',
  week: '2024-03-03',
  month: '2024-03',
  quarter: '2024-Q1',
  year: '2024',
};

/**
 * The period index of a key written by {@link periodKey}: `parsePeriodKey(periodKey(i, u), u) === i`.
 *
 * Only canonical keys are accepted: four-digit years for 0–9999 (expanded `±YYYYYY` otherwise, and not
 * `-000000`), real dates, ISO weeks that exist in their year (W53 only in long years), and for weeks
 * not starting on Monday a date that is the first day of a week.
 *
 * @param key - the key
 * @param unit - the calendar unit the key is for
 * @param weekStartsOn - first day of the week for `'week'` (default 1, Monday)
 * @returns the period index
 * @throws {@link InvalidOptionError} (option `key`) if the key is not a valid key of that unit
 *
 * @example
 * ```ts
 * import { parsePeriodKey, periodKey } from 'retention-metrics/calendar';
 * parsePeriodKey('2024-03', 'month'); // => 24290
 * periodKey(parsePeriodKey('2020-W53', 'week'), 'week'); // => '2020-W53'
 * ```
 */
export function parsePeriodKey(key: string, unit: CalendarUnit, weekStartsOn: WeekStartsOn = 1): number {
  assertCalendarUnit(unit, 'unit');
  const start = assertWeekStartsOn(weekStartsOn);
  const kind = unit === 'week' ? (start === 1 ? 'isoWeek' : 'day') : unit;
  const fail = (why: string): never => {
    const example = EXAMPLES[unit === 'week' && start === 1 ? 'isoWeek' : unit];
    throw new InvalidOptionError('key', key, `${describeValue(key)} is not a ${unit} key (${why}; e.g. "${example}")`);
  };
  const match = typeof key === 'string' ? PATTERNS[kind].exec(key) : null;
  if (match === null) return fail('wrong format');
  // Every pattern captures the year; all but the year's capture a part (week, month or quarter) next,
  // and the day's the day of the month third.
  const yearText = match[1];
  const year = Number(yearText);
  if (yearText === '-000000' || (yearText.length === 7 && year >= 0 && year <= 9999)) return fail('the year is not written canonically');
  const part = kind === 'year' ? 1 : Number(match[2]);
  switch (kind) {
    case 'day': {
      const dayOfMonth = Number(match[3]);
      if (part < 1 || part > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, part)) return fail('no such date');
      const day = daysFromCivil(year, part, dayOfMonth);
      if (unit === 'day') return day;
      const index = periodOfDay(day, 'week', start);
      return periodFirstDay(index, 'week', start) === day ? index : fail(`not the first day of a week starting on day ${start}`);
    }
    case 'isoWeek': {
      const monday = isoWeekOneMonday(year) + (part - 1) * 7;
      if (part < 1 || isoWeekOf(monday).year !== year) return fail('no such ISO week');
      return periodOfDay(monday, 'week', 1);
    }
    case 'month':
      if (part < 1 || part > 12) return fail('no such month');
      return year * 12 + part - 1;
    case 'quarter':
      return year * 4 + part - 1;
    default:
      return year;
  }
}
