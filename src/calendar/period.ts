/**
 * Calendar periods of instants in a time zone, and fixed spans.
 *
 * A period is identified by an integer index (see `periodOfDay`): the hot path is "instant → local day
 * number → period index", all integer arithmetic once the zone's offset is known. Calendar units and
 * their validation live in `units.ts`, period keys in `keys.ts`.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { instantArgument } from './arguments.ts';
import { dayNumber } from './days.ts';
import {
  type CalendarOptions,
  type CalendarUnit,
  type FixedSpan,
  type WeekStartsOn,
  assertPeriod,
  assertWeekStartsOn,
  isFixedSpan,
  periodFirstDay,
  periodOfDay,
} from './units.ts';
import { assertTimeZone, localDayStart } from './zone.ts';
import { DAY_MS } from './offset.ts';

const CALENDAR_KEYS = optionKeys<CalendarOptions>({ timeZone: true, weekStartsOn: true });

/** Calendar options, checked: the zone (`'UTC'` or a canonical IANA name) and the first day of the week. */
interface ResolvedCalendar {
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
}

/** Check calendar options once per call: their keys, the zone and the first day of the week. */
function resolveCalendar(options: CalendarOptions | undefined): ResolvedCalendar {
  checkOptionKeys(options, CALENDAR_KEYS);
  const timeZone = options?.timeZone;
  return {
    timeZone: timeZone === undefined || timeZone === 'UTC' ? 'UTC' : assertTimeZone(timeZone),
    weekStartsOn: assertWeekStartsOn(options?.weekStartsOn),
  };
}

/**
 * The index of the calendar period containing an instant, in a time zone.
 *
 * `periodOfDay(dayNumber(epochMs, timeZone), unit, weekStartsOn)`; agrees with date-fns `startOfDay`,
 * `startOfWeek`, `startOfMonth`, `startOfQuarter`, `startOfYear` on `new TZDate(epochMs, timeZone)`.
 *
 * @param epochMs - the instant
 * @param unit - the calendar unit
 * @param options - `timeZone` (default `'UTC'`) and `weekStartsOn` (default 1, Monday)
 * @returns the period index
 * @throws {@link InvalidOptionError} for an invalid unit, zone, `weekStartsOn`, or instant
 *
 * @example
 * ```ts
 * import { periodIndex, periodKey } from 'retention-metrics/calendar';
 * const instant = Date.parse('2024-03-31T22:30:00Z');
 * periodKey(periodIndex(instant, 'month'), 'month'); // => '2024-03'
 * periodKey(periodIndex(instant, 'month', { timeZone: 'Europe/Berlin' }), 'month'); // => '2024-04'
 * periodKey(periodIndex(instant, 'quarter', { timeZone: 'Europe/Berlin' }), 'quarter'); // => '2024-Q2'
 * ```
 */
export function periodIndex(epochMs: number, unit: CalendarUnit, options?: CalendarOptions): number {
  const { timeZone, weekStartsOn } = resolveCalendar(options);
  return periodOfDay(dayNumber(epochMs, timeZone), unit, weekStartsOn);
}

/**
 * The first instant of a period: local midnight of its first day in the zone or, where that midnight
 * does not exist (a DST gap at midnight), the first instant of that day that does.
 *
 * @param index - the period index
 * @param unit - the calendar unit
 * @param options - `timeZone` (default `'UTC'`) and `weekStartsOn` (default 1, Monday)
 * @returns epoch ms
 * @throws {@link InvalidOptionError} for an invalid index, unit, zone or `weekStartsOn`
 *
 * @example
 * ```ts
 * import { periodStart, parsePeriodKey } from 'retention-metrics/calendar';
 * const march = parsePeriodKey('2024-03', 'month');
 * new Date(periodStart(march, 'month', { timeZone: 'America/New_York' })).toISOString(); // => '2024-03-01T05:00:00.000Z'
 * ```
 */
export function periodStart(index: number, unit: CalendarUnit, options?: CalendarOptions): number {
  const { timeZone, weekStartsOn } = resolveCalendar(options);
  return localDayStart(timeZone, periodFirstDay(index, unit, weekStartsOn));
}

/**
 * The end of a period, exclusive: the start of the next one. A period holds the instants
 * `periodStart(i) <= t < periodEnd(i)`.
 *
 * @param index - the period index
 * @param unit - the calendar unit
 * @param options - `timeZone` (default `'UTC'`) and `weekStartsOn` (default 1, Monday)
 * @returns epoch ms
 * @throws {@link InvalidOptionError} for an invalid index, unit, zone or `weekStartsOn`
 *
 * @example
 * ```ts
 * import { periodStart, periodEnd, parsePeriodKey } from 'retention-metrics/calendar';
 * // the day Berlin springs forward is 23 hours long
 * const day = parsePeriodKey('2024-03-31', 'day');
 * const options = { timeZone: 'Europe/Berlin' };
 * (periodEnd(day, 'day', options) - periodStart(day, 'day', options)) / 3_600_000; // => 23
 * ```
 */
export function periodEnd(index: number, unit: CalendarUnit, options?: CalendarOptions): number {
  if (!Number.isSafeInteger(index)) throw new InvalidOptionError('index', index, `${describeValue(index)} is not an integer period index`);
  return periodStart(index + 1, unit, options);
}

/**
 * The index of the fixed span containing an instant, counted from an anchor (a customer's first order):
 * `floor((epochMs − anchorMs) / (days × 86 400 000))`; 0 for the first span, negative before the anchor.
 *
 * Fixed spans measure elapsed time ("N-day retention": did the customer come back within 30 × 24 hours
 * of their first order?), so they ignore time zones and DST: a span is always exactly `days` × 24 h.
 * Use a calendar unit for "which month" questions.
 *
 * @param epochMs - the instant
 * @param anchorMs - the instant span 0 starts at
 * @param span - `{ days: n }`, n a positive integer
 * @returns the span index
 * @throws {@link InvalidOptionError} if an instant is not one a `Date` can hold, or `span` is not `{ days: n }` with n a positive integer
 *
 * @example
 * ```ts
 * import { fixedSpanIndex } from 'retention-metrics/calendar';
 * const first = Date.parse('2024-01-01T18:00:00Z');
 * fixedSpanIndex(Date.parse('2024-01-31T17:59:59Z'), first, { days: 30 }); // => 0
 * fixedSpanIndex(Date.parse('2024-01-31T18:00:00Z'), first, { days: 30 }); // => 1
 * ```
 */
export function fixedSpanIndex(epochMs: number, anchorMs: number, span: FixedSpan): number {
  instantArgument('epochMs', epochMs);
  instantArgument('anchorMs', anchorMs);
  const period = assertPeriod(span);
  if (!isFixedSpan(period)) {
    throw new InvalidOptionError('period', span, `${describeValue(span)} is not a fixed span { days: n }`);
  }
  return Math.floor((epochMs - anchorMs) / (period.days * DAY_MS));
}
