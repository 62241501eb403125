/**
 * The calendar options of the period activity query and of its finishers, read once into one resolved
 * form, so that the query and the finishers read the same periods.
 *
 * @module
 * @internal
 */
import { type CalendarUnit, type WeekStartsOn, assertCalendarUnit, assertWeekStartsOn } from '../calendar/units.ts';
import { periodIndex } from '../calendar/period.ts';
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import type { DateInput } from '../input/types.ts';
import { optionKeys } from '../option-keys.ts';
import { activeWhenOption } from '../cohort/settings.ts';
import type { ActiveWhen } from '../cohort/types.ts';
import { ANY_ORDER, type ActivityRule, activityRule } from '../metrics/activity-rule.ts';

/** The calendar of the period reports computed in an engine: the same choices as `periodRetention`'s and `periodLifecycle`'s. */
export interface SqlPeriodCalendar {
  /** Calendar period: `'day' | 'week' | 'month' | 'quarter' | 'year'`. */
  period: CalendarUnit;
  /** First day of the week for `'week'`: 0 Sunday … 6 Saturday (default 1, Monday). */
  weekStartsOn?: WeekStartsOn;
  /** IANA time zone of the calendar (default `'UTC'`), as a ledger's `timeZone`. */
  timeZone?: string;
  /** Last instant taken into account (required: the report's horizon). Later events are ignored. */
  asOf: DateInput;
  /** First period reported: the one containing this instant (default: the first order's period). */
  from?: DateInput;
  /** Decimal digits of the currency's minor unit (default 2). */
  currencyDigits?: number;
  /** When a customer is active in a period: `{ minOrders, minAmount }`, as the reports' `activeWhen`. */
  activeWhen?: ActiveWhen;
}

/** @internal The keys of {@link SqlPeriodCalendar}. */
export const PERIOD_CALENDAR_KEYS = optionKeys<SqlPeriodCalendar>({ period: true, weekStartsOn: true, timeZone: true, asOf: true, from: true, currencyDigits: true, activeWhen: true });

/** @internal {@link SqlPeriodCalendar}, checked. */
export interface ResolvedPeriodCalendar {
  readonly period: CalendarUnit;
  readonly weekStartsOn: WeekStartsOn;
  readonly timeZone: string;
  /** Epoch ms. */
  readonly asOf: number;
  /** The period index of `from`, −∞ without it. */
  readonly fromPeriod: number;
  /** The period index containing `asOf`. */
  readonly lastPeriod: number;
  readonly digits: number;
  /** When a customer is active in a period, money in minor units. */
  readonly rule: ActivityRule;
}

/**
 * @internal Read the calendar options.
 *
 * @param options - the options (their keys are checked by the caller)
 * @returns the resolved calendar
 * @throws {@link InvalidOptionError} for options that are not an object, a bad period, zone, week start,
 *   `currencyDigits`, an unreadable `from` or a missing or unreadable `asOf`
 */
export function resolvePeriodCalendar(options: SqlPeriodCalendar): ResolvedPeriodCalendar {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', options, 'must be an object with at least period and asOf');
  const period = assertCalendarUnit(options.period, 'period');
  const timeZone = assertTimeZone(options.timeZone ?? 'UTC');
  const weekStartsOn = assertWeekStartsOn(options.weekStartsOn);
  if (options.asOf === undefined) throw new InvalidOptionError('asOf', undefined, 'is required: the instant the report is computed as of');
  const asOf = dateOption('asOf', options.asOf, timeZone);
  const calendar = { timeZone, weekStartsOn };
  const fromPeriod = options.from === undefined ? Number.NEGATIVE_INFINITY : periodIndex(dateOption('from', options.from, timeZone), period, calendar);
  const digits = assertCurrencyDigits(options.currencyDigits ?? 2);
  const rule = options.activeWhen === undefined ? ANY_ORDER : activityRule(activeWhenOption(options.activeWhen), digits);
  return { period, weekStartsOn, timeZone, asOf, fromPeriod, lastPeriod: periodIndex(asOf, period, calendar), digits, rule };
}
