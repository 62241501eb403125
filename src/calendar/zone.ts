/**
 * Time zones: validation, wall-clock time to instant (with the DST rules written down), the instant a
 * local day starts.
 *
 * Zones are IANA names known to the runtime's `Intl` (`'Europe/Berlin'`, `'UTC'`, `'Etc/GMT+5'`, links
 * such as `'Asia/Calcutta'`), or fixed offsets `±HH:MM`, `±HHMM`, `±HH` (hours 00–23), which
 * `@date-fns/tz` also accepts. Fixed offsets are handled without `Intl`, because Node 20's `Intl` rejects
 * them.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { closestName } from '../closest-name.ts';
import { MAX_YEAR } from './arguments.ts';
import { daysFromCivil, daysInMonth } from './days.ts';
import { DAY_MS, MAX_EPOCH_MS, zoneCache, type ZoneCache } from './offset.ts';

export { zoneOffsetMs } from './offset.ts';
export { makeDayIndexer } from './days.ts';


/**
 * Check that a value is a time zone the library can use, and return it.
 *
 * Accepted: any IANA zone name the runtime's `Intl.DateTimeFormat` knows (case-insensitively, as `Intl`
 * does: `'utc'`, `'europe/berlin'`), and fixed offsets `'+05:30'`, `'-0330'`, `'+05'`. The string is
 * returned unchanged (no canonicalisation).
 *
 * @param timeZone - the value to check
 * @param option - the option name used in the error message (default `'timeZone'`)
 * @returns `timeZone`, typed as a string
 * @throws {@link InvalidOptionError} `timeZone: "Mars/Base" is not an IANA time zone` for anything else
 *
 * @example
 * ```ts
 * import { assertTimeZone } from './zone.ts';
 * assertTimeZone('Asia/Kolkata'); // => 'Asia/Kolkata'
 * assertTimeZone('+05:30'); // => '+05:30'
 * let message = '';
 * try { assertTimeZone('Mars/Base'); } catch (error) { message = (error as Error).message; }
 * message; // => 'timeZone: "Mars/Base" is not an IANA time zone'
 * ```
 */
export function assertTimeZone(timeZone: unknown, option = 'timeZone'): string {
  if (timeZone === 'UTC') return timeZone;
  if (typeof timeZone === 'string' && timeZone !== '') {
    try {
      zoneCache(timeZone);
      return timeZone;
    } catch {
      // reported below, under the caller's option name
    }
  }
  const closest = typeof timeZone === 'string' ? closestZone(timeZone) : undefined;
  throw new InvalidOptionError(option, timeZone, `${describeValue(timeZone)} is not an IANA time zone${closest === undefined ? '' : ` (did you mean '${closest}'?)`}`);
}

/** The zone the runtime knows that is closest to `name` (a slip of case or letters, or a city alone), if any. */
function closestZone(name: string): string | undefined {
  const supportedValuesOf = (Intl as { supportedValuesOf?: (key: 'timeZone') => string[] }).supportedValuesOf;
  if (typeof supportedValuesOf !== 'function') return undefined;
  const zones = supportedValuesOf('timeZone');
  const spelled = name.trim().replaceAll(' ', '_');
  const direct = closestName(spelled, zones);
  if (direct !== undefined) return direct;
  const city = closestName(spelled, zones.map(lastPart));
  return city === undefined ? undefined : zones.find((zone) => lastPart(zone) === city);
}

function lastPart(zone: string): string {
  return zone.slice(zone.lastIndexOf('/') + 1);
}

function offsetNear(cache: ZoneCache, ms: number): number {
  const at = Math.min(MAX_EPOCH_MS, Math.max(-MAX_EPOCH_MS, ms));
  return at >= cache.lo && at < cache.hi ? cache.off : cache.lookup(at);
}

function checkField(name: string, value: number, low: number, high: number): void {
  if (Number.isInteger(value) && value >= low && value <= high) return;
  const reason = Number.isInteger(value) ? `${value} is not within ${low}–${high}` : `${describeValue(value)} is not an integer`;
  throw new InvalidOptionError(name, value, reason);
}

function checkInstant(ms: number, what: string): number {
  if (ms >= -MAX_EPOCH_MS && ms <= MAX_EPOCH_MS) return ms;
  throw new InvalidOptionError('date', ms, `${what} is outside the range of a Date`);
}

/**
 * The instants at which the zone's clock shows `wall` (wall-clock ms since 1970-01-01 "local"):
 * `[earlier, later]` (equal unless the time is ambiguous), or `[after, after]` with `gap` set when the
 * time does not exist; `after` is `wall` minus the offset before the gap (the gap's length later).
 */
function resolveWall(cache: ZoneCache, wall: number): { earlier: number; gap: boolean; offsetBefore: number; offsetAfter: number } {
  const offsetBefore = offsetNear(cache, wall - DAY_MS);
  const offsetAfter = offsetNear(cache, wall + DAY_MS);
  const a = wall - offsetBefore;
  const b = wall - offsetAfter;
  const aValid = offsetNear(cache, a) === offsetBefore;
  const bValid = offsetNear(cache, b) === offsetAfter;
  if (aValid && bValid) return { earlier: Math.min(a, b), gap: false, offsetBefore, offsetAfter };
  if (aValid) return { earlier: a, gap: false, offsetBefore, offsetAfter };
  if (bValid) return { earlier: b, gap: false, offsetBefore, offsetAfter };
  return { earlier: a, gap: true, offsetBefore, offsetAfter };
}

/**
 * The instant at which the clock in `timeZone` shows a given wall-clock time.
 *
 * DST rules (the same as Temporal's `'compatible'` disambiguation and as `new TZDate(…, timeZone)` from
 * `@date-fns/tz`):
 * - a time that does not exist (skipped by a spring-forward gap) is moved forward by the length of the
 *   gap: 02:30 on the morning New York springs from 02:00 to 03:00 becomes 03:30 EDT;
 * - a time that happens twice (fall-back overlap) is the earlier instant: 01:30 on the morning New York
 *   falls back from 02:00 to 01:00 is 01:30 EDT, not EST.
 *
 * @param timeZone - IANA zone, `'UTC'` or a fixed offset
 * @param year - the year
 * @param month - the month, 1–12
 * @param day - the day of the month, 1 to the month's length
 * @param hour - 0–23 (default 0)
 * @param minute - 0–59 (default 0)
 * @param second - 0–59 (default 0)
 * @param ms - 0–999 (default 0)
 * @returns epoch milliseconds
 * @throws {@link InvalidOptionError} for an unknown zone, a field out of range, or a result outside the
 * range of a `Date`
 *
 * @example
 * ```ts
 * import { localToEpoch } from './zone.ts';
 * new Date(localToEpoch('Europe/Berlin', 2024, 7, 1)).toISOString(); // => '2024-06-30T22:00:00.000Z'
 * // spring forward: 02:30 does not exist, it becomes 03:30 EDT
 * new Date(localToEpoch('America/New_York', 2024, 3, 10, 2, 30)).toISOString(); // => '2024-03-10T07:30:00.000Z'
 * // fall back: 01:30 happens twice, the earlier (EDT) wins
 * new Date(localToEpoch('America/New_York', 2024, 11, 3, 1, 30)).toISOString(); // => '2024-11-03T05:30:00.000Z'
 * ```
 */
export function localToEpoch(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  checkField('year', year, -MAX_YEAR, MAX_YEAR);
  checkField('month', month, 1, 12);
  checkField('hour', hour, 0, 23);
  checkField('minute', minute, 0, 59);
  checkField('second', second, 0, 59);
  checkField('ms', ms, 0, 999);
  const last = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > last) throw new InvalidOptionError('day', day, `${day} is not a day of ${year}-${String(month).padStart(2, '0')}`);
  const wall = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  if (timeZone === 'UTC') return checkInstant(wall, 'the local time');
  const cache = zoneCache(assertTimeZone(timeZone));
  return checkInstant(resolveWall(cache, wall).earlier, 'the local time');
}

/**
 * The first instant of a local calendar day: local midnight, or, where midnight does not exist (a DST
 * gap that starts at or spans midnight, as in Asia/Tehran until 2022), the first instant that does, i.e.
 * the instant of the transition. Where midnight happens twice, the earlier.
 *
 * @param timeZone - IANA zone, `'UTC'` or a fixed offset
 * @param day - local day number (days since 1970-01-01)
 * @returns epoch ms of the first instant whose local day is `day` or later
 * @throws {@link InvalidOptionError} for an unknown zone or a day outside the range of a `Date`
 *
 * @example
 * ```ts
 * import { localDayStart } from './zone.ts';
 * import { daysFromCivil } from './days.ts';
 * // 2022-03-22 in Tehran began at 01:00 (+04:30): clocks jumped from 00:00 to 01:00
 * new Date(localDayStart('Asia/Tehran', daysFromCivil(2022, 3, 22))).toISOString(); // => '2022-03-21T20:30:00.000Z'
 * ```
 */
export function localDayStart(timeZone: string, day: number): number {
  if (!Number.isSafeInteger(day)) throw new InvalidOptionError('day', day, `${describeValue(day)} is not an integer day number`);
  const wall = day * DAY_MS;
  if (timeZone === 'UTC') return checkInstant(wall, `day ${day}`);
  const cache = zoneCache(assertTimeZone(timeZone));
  const resolved = resolveWall(cache, wall);
  if (!resolved.gap) return checkInstant(resolved.earlier, `day ${day}`);
  // Midnight falls in a gap: the day starts at the transition, the first instant with the new offset.
  let lo = wall - resolved.offsetAfter; // before the transition (its clock reads before the gap)
  let hi = wall - resolved.offsetBefore; // after it
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetNear(cache, mid) === resolved.offsetBefore) lo = mid;
    else hi = mid;
  }
  return checkInstant(hi, `day ${day}`);
}
