/**
 * The calendar options of the cohort cells query and of its finisher, read once into one resolved
 * form, so that both read the same periods.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import { assertCalendarUnit, assertWeekStartsOn, type CalendarUnit, type WeekStartsOn } from '../calendar/units.ts';
import { assertTimeZone } from '../calendar/zone.ts';
import { dateOption } from '../input/dates.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import type { DateInput } from '../input/types.ts';
import { optionKeys } from '../option-keys.ts';

/** The calendar of a classic cohort table computed in an engine: the same choices as `Cohort`'s. */
export interface SqlCohortCalendar {
  /** Cohort period (default `'month'`), as `Cohort.by`. */
  by?: CalendarUnit;
  /** Measurement period, a calendar unit (default: `by`), as `Cohort.every`. */
  every?: CalendarUnit;
  /** IANA time zone of the calendar (default `'UTC'`). */
  timeZone?: string;
  /** First day of the week for `'week'`: 0 Sunday … 6 Saturday (default 1, Monday). */
  weekStartsOn?: WeekStartsOn;
  /** Events after this instant are ignored (required: the table's horizon), as `Cohort.asOf`. */
  asOf: DateInput;
  /** Decimal digits of the currency's minor unit (default 2). */
  currencyDigits?: number;
}

/** @internal The keys of {@link SqlCohortCalendar}. */
export const COHORT_CALENDAR_KEYS = optionKeys<SqlCohortCalendar>({ by: true, every: true, timeZone: true, weekStartsOn: true, asOf: true, currencyDigits: true });

/** @internal {@link SqlCohortCalendar}, checked. */
export interface ResolvedCohortCalendar {
  readonly by: CalendarUnit;
  readonly every: CalendarUnit;
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
  /** Epoch ms. */
  readonly asOf: number;
  readonly digits: number;
}

/**
 * @internal Read the calendar options.
 *
 * @param options - the options (their keys are checked by the caller)
 * @returns the resolved calendar
 * @throws {@link InvalidOptionError} for options that are not an object, a bad unit, zone, week start, `currencyDigits`, or a missing or unreadable `asOf`
 */
export function resolveCohortCalendar(options: SqlCohortCalendar): ResolvedCohortCalendar {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', options, 'must be an object with at least asOf');
  const by = assertCalendarUnit(options.by ?? 'month', 'by');
  const every = options.every === undefined ? by : assertCalendarUnit(options.every, 'every');
  const timeZone = assertTimeZone(options.timeZone ?? 'UTC');
  const weekStartsOn = assertWeekStartsOn(options.weekStartsOn ?? 1);
  if (options.asOf === undefined) throw new InvalidOptionError('asOf', undefined, 'is required: the instant the table is computed as of');
  const asOf = dateOption('asOf', options.asOf, timeZone);
  return { by, every, timeZone, weekStartsOn, asOf, digits: assertCurrencyDigits(options.currencyDigits ?? 2) };
}
