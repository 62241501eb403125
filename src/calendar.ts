// Public API of `retention-metrics/calendar`: the calendar periods the metrics report in (which period an
// instant falls in, its key, its first and last instant). Exports only: no logic lives here.
export { periodIndex, periodStart, periodEnd, fixedSpanIndex } from './calendar/period.ts';
export { periodKey, parsePeriodKey } from './calendar/keys.ts';
export type { CalendarUnit, WeekStartsOn, FixedSpan, Period, CalendarOptions } from './calendar/units.ts';
