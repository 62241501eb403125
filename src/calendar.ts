/**
 * The calendar periods the reports of `retention-metrics` are labelled with: which period an instant
 * falls in, its key, its first instant and the first instant after it, in any IANA time zone.
 *
 * @module retention-metrics/calendar
 */
// Public API of `retention-metrics/calendar`. Exports only: no logic lives here.
export { periodIndex, periodStart, periodEnd, fixedSpanIndex } from './calendar/period.ts';
export { periodKey, parsePeriodKey } from './calendar/keys.ts';
export type { CalendarUnit, WeekStartsOn, FixedSpan, Period, CalendarOptions } from './calendar/units.ts';
// The class of every error the functions above throw; the same class as `retention-metrics` exports.
export { InvalidOptionError } from './errors.ts';
