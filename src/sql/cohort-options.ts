/**
 * The calendar options of the cohort cells query and of its finisher, read once into one resolved
 * form, so that both read the same periods.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import { assertCalendarUnit, assertWeekStartsOn, type CalendarUnit, type Period, type WeekStartsOn } from '../calendar/units.ts';
import { activeWhenOption, bracketsOption, maxOffsetOption, modeOption, periodOption } from '../cohort/settings.ts';
import type { ActiveWhen, Bracket, CohortMode } from '../cohort/types.ts';
import { ANY_ORDER, type ActivityRule, activityRule } from '../metrics/activity-rule.ts';
import { assertTimeZone } from '../calendar/zone.ts';
import { dateOption } from '../input/dates.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import type { DateInput } from '../input/types.ts';
import { optionKeys } from '../option-keys.ts';

/** The calendar and counting of a cohort table computed in an engine: the same choices as `Cohort`'s. */
export interface SqlCohortCalendar {
  /** Cohort period (default `'month'`), as `Cohort.by`. */
  by?: CalendarUnit;
  /** Measurement period: a calendar unit (default: `by`) or `{ days: n }` from each first order, as `Cohort.every`. */
  every?: Period;
  /** IANA time zone of the calendar (default `'UTC'`). */
  timeZone?: string;
  /** First day of the week for `'week'`: 0 Sunday … 6 Saturday (default 1, Monday). */
  weekStartsOn?: WeekStartsOn;
  /** Events after this instant are ignored (required: the table's horizon), as `Cohort.asOf`. */
  asOf: DateInput;
  /** Decimal digits of the currency's minor unit (default 2). */
  currencyDigits?: number;
  /** Customers whose first order is in `[from, to)`, either bound optional, as `Cohort.between(from, to)`. */
  between?: readonly [DateInput | undefined, DateInput | undefined];
  /** `'classic'` (default) or `'unbounded'` counting, as `Cohort.mode`. */
  mode?: 'classic' | 'unbounded';
  /** Bracket counting over `[k]` or `[from, to]` offset ranges, as `Cohort.brackets` (replaces `mode`). */
  brackets?: readonly Bracket[];
  /** The last offset reported, as `Cohort.maxOffset`. */
  maxOffset?: number;
  /** When a customer is active in a period: `{ minOrders, minAmount }`, as `Cohort.activeWhen`. */
  activeWhen?: ActiveWhen;
}

/** @internal The keys of {@link SqlCohortCalendar}. */
export const COHORT_CALENDAR_KEYS = optionKeys<SqlCohortCalendar>({
  by: true,
  every: true,
  timeZone: true,
  weekStartsOn: true,
  asOf: true,
  currencyDigits: true,
  between: true,
  mode: true,
  brackets: true,
  maxOffset: true,
  activeWhen: true,
});

/** @internal {@link SqlCohortCalendar}, checked. */
export interface ResolvedCohortCalendar {
  readonly by: CalendarUnit;
  readonly every: Period;
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
  /** Epoch ms. */
  readonly asOf: number;
  readonly digits: number;
  /** First orders kept: `[from, to)` in epoch ms (±Infinity when open). */
  readonly from: number;
  readonly to: number;
  readonly mode: CohortMode;
  /** The brackets, or `null` without. */
  readonly brackets: readonly Bracket[] | null;
  /** The last offset reported (Infinity: every observable one). */
  readonly maxOffset: number;
  /** When a customer is active in a period, money in minor units. */
  readonly rule: ActivityRule;
}

/**
 * @internal Read the calendar options.
 *
 * @param options - the options (their keys are checked by the caller)
 * @returns the resolved calendar
 * @throws {@link InvalidOptionError} for options that are not an object, a bad unit, zone, week start, `currencyDigits`,
 *   `between`, mode, brackets, `maxOffset` or `activeWhen`, or a missing or unreadable `asOf`
 */
export function resolveCohortCalendar(options: SqlCohortCalendar): ResolvedCohortCalendar {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', options, 'must be an object with at least asOf');
  const by = assertCalendarUnit(options.by ?? 'month', 'by');
  const every = options.every === undefined ? by : periodOption(options.every);
  const timeZone = assertTimeZone(options.timeZone ?? 'UTC');
  const weekStartsOn = assertWeekStartsOn(options.weekStartsOn ?? 1);
  if (options.asOf === undefined) throw new InvalidOptionError('asOf', undefined, 'is required: the instant the table is computed as of');
  const asOf = dateOption('asOf', options.asOf, timeZone);
  const digits = assertCurrencyDigits(options.currencyDigits ?? 2);
  const [from, to] = betweenOption(options.between, timeZone);
  const brackets = options.brackets === undefined ? null : bracketsOption(options.brackets);
  const mode = brackets !== null ? 'bracket' : options.mode === undefined ? 'classic' : modeOption(options.mode);
  const maxOffset = options.maxOffset === undefined ? Number.POSITIVE_INFINITY : maxOffsetOption(options.maxOffset);
  const rule = options.activeWhen === undefined ? ANY_ORDER : activityRule(activeWhenOption(options.activeWhen), digits);
  return { by, every, timeZone, weekStartsOn, asOf, digits, from, to, mode, brackets, maxOffset, rule };
}

/** `between` in epoch ms, each bound ±Infinity when open. */
function betweenOption(between: unknown, timeZone: string): [number, number] {
  if (between === undefined) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  if (!Array.isArray(between) || between.length > 2) throw new InvalidOptionError('between', between, 'must be [from, to], either bound optional, as Cohort.between(from, to)');
  const [from, to] = between as unknown[];
  return [
    from === undefined ? Number.NEGATIVE_INFINITY : dateOption('between.from', from, timeZone),
    to === undefined ? Number.POSITIVE_INFINITY : dateOption('between.to', to, timeZone),
  ];
}
