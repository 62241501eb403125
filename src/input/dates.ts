/**
 * Dates as the library accepts them — `Date`, numeric dates (epoch milliseconds by default), ISO-8601
 * strings — to epoch milliseconds, within years 0001–9999.
 *
 * @module
 */
import { daysFromCivil, daysInMonth } from '../calendar/days.ts';
import { DAY_MS } from '../calendar/offset.ts';
import { localToEpoch } from '../calendar/zone.ts';
import { dateTimeValue } from '../date-value.ts';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { type EpochUnit, bigintToEpochMs, numberToEpochMs } from './epoch-unit.ts';


function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

// Consecutive records usually share their date: remember the last one converted.
let lastDateKey = -1;
let lastDateMs = 0;

/** Epoch ms of a UTC date's midnight (cached for repeats of the same date). */
function dayMs(year: number, month: number, day: number): number {
  const key = (year * 100 + month) * 100 + day;
  if (key !== lastDateKey) {
    lastDateMs = daysFromCivil(year, month, day) * DAY_MS;
    lastDateKey = key;
  }
  return lastDateMs;
}

/**
 * The most common exchange form, `YYYY-MM-DDTHH:MM:SSZ`, read in one straight pass; `NaN` for any
 * deviation (the general reader then decides). `text` is 20 characters long and ends in `Z`.
 */
function parseUtcSeconds(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN;
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const mo0 = text.charCodeAt(5) - 48;
  const mo1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  const h0 = text.charCodeAt(11) - 48;
  const h1 = text.charCodeAt(12) - 48;
  const mi0 = text.charCodeAt(14) - 48;
  const mi1 = text.charCodeAt(15) - 48;
  const s0 = text.charCodeAt(17) - 48;
  const s1 = text.charCodeAt(18) - 48;
  // Every character a digit: each value, read unsigned, is at most 9.
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (mo0 >>> 0) > 9 || (mo1 >>> 0) > 9 ||
    (d0 >>> 0) > 9 || (d1 >>> 0) > 9 || (h0 >>> 0) > 9 || (h1 >>> 0) > 9 || (mi0 >>> 0) > 9 || (mi1 >>> 0) > 9 ||
    (s0 >>> 0) > 9 || (s1 >>> 0) > 9) return Number.NaN;
  const year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return Number.NaN;
  }
  return dayMs(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000;
}

/**
 * Parse an ISO-8601 date or date-time string into epoch ms; `NaN` if it is not one.
 *
 * Accepted: `YYYY-MM-DD`, and `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]]` optionally followed by `Z` or an
 * offset `±HH:MM`, `±HHMM` or `±HH`. With `Z` or an offset the string is an instant; without one it is a
 * wall-clock time (or the start of a day) in `timeZone`.
 */
export function parseIsoDate(text: string, timeZone: string): number {
  const n = text.length;
  if (n === 20 && text.charCodeAt(19) === 90 /* Z */) {
    const fast = parseUtcSeconds(text);
    if (fast === fast) return fast; // not NaN; anything unusual is left to the general reading below
  }
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (n === 10) return timeZone === 'UTC' ? dayMs(year, month, day) : localToEpoch(timeZone, year, month, day);
  const sep = text.charCodeAt(10);
  if ((sep !== 84 && sep !== 32 && sep !== 116) || n < 16 || text.charCodeAt(13) !== 58) return Number.NaN;
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (i < n && text.charCodeAt(i) === 58) {
    second = digitsAt(text, i + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    i += 3;
    if (i < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44)) {
      i++;
      let fractionDigits = 0;
      let scale = 100;
      while (i < n) {
        const c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale; // digits past the millisecond are truncated
        scale /= 10;
        fractionDigits++;
        i++;
      }
      if (fractionDigits === 0 || fractionDigits > 9) return Number.NaN;
      ms = Math.floor(ms);
    }
  }
  const wall = dayMs(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  if (i === n) return timeZone === 'UTC' ? wall : localToEpoch(timeZone, year, month, day, hour, minute, second, ms);
  const zone = text.charCodeAt(i);
  if ((zone === 90 || zone === 122) && i + 1 === n) return wall;
  if (zone !== 43 && zone !== 45) return Number.NaN;
  const rest = n - i - 1;
  const offsetHours = digitsAt(text, i + 1, 2);
  let offsetMinutes = 0;
  if (rest === 5 && text.charCodeAt(i + 3) === 58) offsetMinutes = digitsAt(text, i + 4, 2);
  else if (rest === 4) offsetMinutes = digitsAt(text, i + 3, 2);
  else if (rest !== 2) return Number.NaN;
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return zone === 43 ? wall - offset : wall + offset;
}

/** Earliest instant a record or date option may hold: 0001-01-01T00:00:00Z. */
export const MIN_DATE_MS = -62_135_596_800_000;

/** Latest instant a record or date option may hold: 9999-12-31T23:59:59.999Z. */
export const MAX_DATE_MS = 253_402_300_799_999;

/**
 * Convert a date input to epoch milliseconds; `NaN` when it is not a usable date.
 *
 * @param value - a `Date`, a numeric date (number or `bigint`, in `unit`) or an ISO-8601 string
 * @param timeZone - zone in which date-only and offset-less strings are read
 * @param unit - the unit of numeric dates (default milliseconds)
 * @returns epoch milliseconds within years 0001–9999, or `NaN`
 */
export function toEpochMs(value: unknown, timeZone: string, unit: EpochUnit = 'ms'): number {
  let ms: number;
  if (typeof value === 'number') ms = numberToEpochMs(value, unit);
  else if (typeof value === 'string') ms = parseIsoDate(value.trim(), timeZone);
  else if (typeof value === 'bigint') ms = bigintToEpochMs(value, unit);
  else if (typeof value === 'object' && value !== null) ms = dateTimeValue(value) ?? Number.NaN;
  else return Number.NaN;
  return ms >= MIN_DATE_MS && ms <= MAX_DATE_MS ? ms : Number.NaN;
}

/**
 * Why {@link toEpochMs} rejected `value` — a sentence a person can act on.
 *
 * @param value - the rejected date
 * @param unit - the unit numeric dates were read in
 * @returns e.g. `"2024-02-30" is not a valid ISO-8601 date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)`
 */
export function explainDate(value: unknown, unit: EpochUnit = 'ms'): string {
  const range = 'outside the years 0001–9999 that dates may take';
  if (value === undefined || value === null) return `is missing (${String(value)}); every record needs a date`;
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) return `${describeValue(value)} is not a date`;
    return `${describeValue(value)} read as epoch ${UNIT_NAMES[unit]} is ${range} (set the \`timeUnit\` option for numeric dates in another unit)`;
  }
  if (typeof value === 'string') {
    if (!Number.isNaN(parseIsoDate(value.trim(), 'UTC'))) return `${describeValue(value)} is ${range}`;
    return `${describeValue(value)} is not a valid ISO-8601 date (use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or YYYY-MM-DDTHH:MM:SSZ)`;
  }
  if (typeof value === 'object') {
    const time = dateTimeValue(value);
    if (time === undefined) {
      return isDateLike(value)
        ? 'looks like a Date but is not one (a Proxy around a Date, or an object made from Date.prototype): pass the Date itself'
        : `${describeValue(value)} is not a date (use a Date, epoch milliseconds or an ISO-8601 string)`;
    }
    return Number.isNaN(time) ? 'is an invalid Date' : `${new Date(time).toISOString()} is ${range}`;
  }
  return `${describeValue(value)} is not a date (use a Date, epoch milliseconds or an ISO-8601 string)`;
}

const UNIT_NAMES: Readonly<Record<EpochUnit, string>> = { s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds' };

/** Whether an object claims to be a `Date` (its prototype chain has `Date.prototype`), read without running traps' errors into the caller. */
function isDateLike(value: object): boolean {
  try {
    return value instanceof Date;
  } catch {
    return false;
  }
}

/**
 * Read a date option (such as `asOf`, `from`, `to`) into epoch ms, or throw `InvalidOptionError`.
 *
 * @param option - the option's name, for the message
 * @param value - the option's value
 * @param timeZone - zone for date-only and offset-less strings
 * @returns epoch milliseconds
 * @throws {@link InvalidOptionError} when the value is not a date within years 0001–9999
 */
export function dateOption(option: string, value: unknown, timeZone: string): number {
  const ms = toEpochMs(value, timeZone);
  if (Number.isNaN(ms)) throw new InvalidOptionError(option, value, explainDate(value));
  return ms;
}
