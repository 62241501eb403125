/**
 * The options of the per-period metrics (`periodRetention`, `periodLifecycle`, `simpleClvFromData`),
 * read once: every check and default in one place, the result a plain object.
 *
 * @module
 * @internal
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { periodKey } from '../calendar/keys.ts';
import { type CalendarUnit, type WeekStartsOn, assertPeriod, assertWeekStartsOn, isFixedSpan, periodOfDay } from '../calendar/units.ts';
import { activeWhenOption } from '../cohort/settings.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import { type LedgerInput, calendarZone, toLedger } from '../input/ledger.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { DateInput, Ledger } from '../input/types.ts';
import { optionKeys } from '../option-keys.ts';
import { ANY_ORDER, type ActivityRule, activityRule } from './activity-rule.ts';

/** Options shared by the per-period metrics. */
export interface PeriodOptions extends LedgerBaseOptions {
  /** Calendar period: `'day' | 'week' | 'month' | 'quarter' | 'year'`. */
  period: CalendarUnit;
  /** First day of the week for `'week'` (0 = Sunday … 6; default 1, Monday). */
  weekStartsOn?: WeekStartsOn;
  /**
   * Last instant taken into account (default: the ledger's last event). Later events are ignored.
   * A date-only string is the start of that day (pass the end of the day, e.g. `'2024-12-31T23:59:59.999Z'`, to count its orders).
   */
  asOf?: DateInput;
  /** First period reported: the one containing this instant (default: the first order's period). */
  from?: DateInput;
}

/** @internal The keys of {@link PeriodOptions}. */
export const PERIOD_KEYS = [
  ...LEDGER_BASE_KEYS,
  ...optionKeys<Omit<PeriodOptions, keyof LedgerBaseOptions>>({ period: true, weekStartsOn: true, asOf: true, from: true }),
];

/**
 * Most periods one report covers, from the first order's period to the period of `asOf`: 100,000 days
 * are 273 years. The rows, and the arrays behind them, grow with this count, so a far-off `asOf` (a
 * `'9999-12-31'` "no end" sentinel) is refused rather than answered with millions of empty rows.
 */
export const MAX_REPORT_PERIODS = 100_000;

/** @internal What a per-period metric computes with: its data read and the period options checked and defaulted. */
export interface PeriodSettings {
  readonly book: Ledger;
  readonly timeZone: string;
  readonly period: CalendarUnit;
  readonly weekStartsOn: WeekStartsOn;
  /** The last instant taken into account (0 for an empty ledger without `asOf`). */
  readonly asOf: number;
  /** Instant → local day number in `timeZone`. */
  readonly dayOf: (epochMs: number) => number;
  /** First period with an order at or before `asOf` (`null` when there is none). */
  readonly firstPeriod: number | null;
  /** The period containing `asOf`. */
  readonly lastPeriod: number;
  /** First period to report (≥ `firstPeriod`; past `lastPeriod` when nothing is reported). */
  readonly reportFrom: number;
}

/**
 * @internal Read the data and the period options of a per-period metric (the caller checks the option keys).
 *
 * @param data - a ledger or records
 * @param options - the options as the caller gave them
 * @returns the settings
 * @throws {@link InvalidOptionError} for a missing, fixed-span or unknown period, a bad `weekStartsOn`,
 *   `asOf` or `from`, or a report of more than {@link MAX_REPORT_PERIODS} periods
 * @throws {@link InvalidInputError} for an unreadable record
 */
export function periodSettings(data: LedgerInput, options: PeriodOptions): PeriodSettings {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', options, 'must be an object with a `period`');
  }
  const period = assertPeriod(options.period, 'period');
  if (isFixedSpan(period)) {
    throw new InvalidOptionError('period', period, 'must be a calendar period (day, week, month, quarter, year)');
  }
  const book = toLedger(data, options);
  const timeZone = calendarZone(book, options);
  const weekStartsOn = assertWeekStartsOn(options.weekStartsOn);
  const asOf = options.asOf === undefined ? (book.maxTime ?? 0) : dateOption('asOf', options.asOf, timeZone);
  const dayOf = makeDayIndexer(timeZone);
  const periodOfInstant = (epochMs: number): number => periodOfDay(dayOf(epochMs), period, weekStartsOn);
  const lastPeriod = periodOfInstant(asOf);
  const firstOrder = earliestOrder(book);
  const firstPeriod = firstOrder <= asOf ? periodOfInstant(firstOrder) : null;
  if (firstPeriod !== null && lastPeriod - firstPeriod + 1 > MAX_REPORT_PERIODS) {
    const count = lastPeriod - firstPeriod + 1;
    const what = `${count} ${period} periods from ${periodKey(firstPeriod, period, weekStartsOn)} to ${periodKey(lastPeriod, period, weekStartsOn)}`;
    const reason = `the report would cover ${what}, more than ${MAX_REPORT_PERIODS}; choose a longer period`;
    if (options.asOf === undefined) throw new InvalidOptionError('period', period, reason);
    throw new InvalidOptionError('asOf', options.asOf, `${reason} or an earlier asOf`);
  }
  const from = options.from === undefined ? Number.NEGATIVE_INFINITY : periodOfInstant(dateOption('from', options.from, timeZone));
  const reportFrom = Math.max(firstPeriod ?? lastPeriod + 1, from);
  return { book, timeZone, period, weekStartsOn, asOf, dayOf, firstPeriod, lastPeriod, reportFrom };
}

/**
 * @internal The settings of a part of the ledger (a filter's, a segment's) pinned to the whole's: the same
 * `asOf`, calendar and first reported period, so that the part's rows are the whole's periods — a part
 * without orders in the early periods has rows of zeros there, not fewer rows.
 *
 * @param whole - the settings over the whole ledger
 * @param book - the part's ledger
 * @returns the settings over the part
 */
export function pinPeriodSettings<S extends PeriodSettings>(whole: S, book: Ledger): S {
  if (book === whole.book) return whole;
  const { asOf, dayOf, period, weekStartsOn, reportFrom, lastPeriod } = whole;
  const firstOrder = earliestOrder(book);
  // The part's history begins at its first order, or at the first reported period when that is earlier.
  const own = firstOrder <= asOf ? periodOfDay(dayOf(firstOrder), period, weekStartsOn) : Number.POSITIVE_INFINITY;
  const firstPeriod = whole.firstPeriod === null ? null : Math.min(own, reportFrom, lastPeriod);
  return { ...whole, book, firstPeriod };
}

/**
 * @internal The customers of a ledger as of an instant: the accounts whose first order is at or before
 * it — those a per-period report over the ledger counts.
 *
 * @param book - the ledger (a part's, in a breakdown)
 * @param asOf - the report's `asOf`
 * @returns how many
 */
export function customersAsOf(book: Ledger, asOf: number): number {
  let customers = 0;
  for (let a = 0; a < book.ids.length; a++) if (book.orders[a] > 0 && book.firstOrder[a] <= asOf) customers++;
  return customers;
}

/**
 * @internal Read the `activeWhen` option of a per-period metric (`Cohort#activeWhen`'s check, and its
 * reading in minor units).
 *
 * @param value - the option as given (`undefined`: the default rule)
 * @param currencyDigits - the ledger's currency digits, for the amount in minor units
 * @returns the rule
 * @throws {@link InvalidOptionError} for an unknown key, a `minOrders` that is not a whole number ≥ 1,
 *   or a `minAmount` that is not an amount ≥ 0
 */
export function activityRuleOption(value: unknown, currencyDigits: number): ActivityRule {
  return value === undefined ? ANY_ORDER : activityRule(activeWhenOption(value), currencyDigits);
}

/** The instant of the ledger's earliest order (+∞ without orders), from the ledger's per-account first orders. */
function earliestOrder(book: Ledger): number {
  let first = Number.POSITIVE_INFINITY;
  for (let a = 0; a < book.ids.length; a++) {
    // An account with refunds only has no first order (its entry is NaN).
    if (book.orders[a] > 0 && book.firstOrder[a] < first) first = book.firstOrder[a];
  }
  return first;
}
