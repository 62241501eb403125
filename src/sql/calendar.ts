/**
 * The calendar in SQL: the period index of an instant in an IANA time zone, the same integer as the
 * library's `periodIndex` (`retention-metrics/calendar`), built from the dialect's local date.
 *
 * - `day`: days since 1970-01-01 of the local date;
 * - `week`: `⌊(day − k) ÷ 7⌋`, k the first day ≥ 0 that is a `weekStartsOn` weekday (1970-01-01 was
 *   a Thursday, so k = (weekStartsOn + 3) mod 7);
 * - `month`: `year · 12 + month − 1`; `quarter`: `year · 4 + ⌊(month − 1) ÷ 3⌋`; `year`: the year.
 *
 * @module
 * @internal
 */
import type { CalendarUnit, WeekStartsOn } from '../calendar/units.ts';
import { type Expr, floorDiv, int, op } from './expression.ts';

/**
 * @internal The period index of an instant.
 *
 * @param ms - the instant, epoch ms
 * @param zone - the IANA time zone (an expression: a parameter)
 * @param unit - the calendar unit
 * @param weekStartsOn - the first day of the week (for `week`)
 * @returns the index expression
 */
export function periodExpr(ms: Expr, zone: Expr, unit: CalendarUnit, weekStartsOn: WeekStartsOn): Expr {
  const date: Expr = { kind: 'local-date', ms, zone };
  const year: Expr = { kind: 'date-part', part: 'year', date };
  const month: Expr = { kind: 'date-part', part: 'month', date };
  switch (unit) {
    case 'day':
      return { kind: 'day-number', date };
    case 'week':
      return floorDiv(op({ kind: 'day-number', date }, '-', int((weekStartsOn + 3) % 7)), 7);
    case 'month':
      return op(op(op(year, '*', int(12)), '+', month), '-', int(1));
    case 'quarter':
      return op(op(year, '*', int(4)), '+', floorDiv(op(month, '-', int(1)), 3));
    case 'year':
      return year;
  }
}
