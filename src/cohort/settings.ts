/**
 * The options of the two cohort builders, in one place: each step's value is checked when it is set,
 * and the collected choices are resolved into the settings an engine runs on, once, when a table is
 * computed. Dates (`asOf`, `between`) are read then, in the time zone chosen by that time.
 *
 * @module
 * @internal
 */
import { type CalendarUnit, type Period, type WeekStartsOn, assertPeriod } from '../calendar/units.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import type { DateInput, Ledger } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { Decimal } from 'decimal.js';
import { moneyOption } from '../input/option-values.ts';
import type { AttributeSplit, EventFilter } from './attribute-choices.ts';
import type { ActiveWhen, Bracket, CohortSettings, CustomerProfile } from './types.ts';
import { activityRule } from '../metrics/activity-rule.ts';

/** @internal The calendar both builders are set up with: `.by()`, `.every()`, `.timeZone()`, `.weekStartsOn()`, `.asOf()`. */
export interface CalendarChoice {
  readonly by: CalendarUnit;
  /** `null`: measured in the cohort period. */
  readonly every: Period | null;
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
  /** As given; read when the table is computed. `undefined`: the data's last instant. */
  readonly asOf: DateInput | undefined;
}

/** @internal The calendar of a table, resolved: `asOf` as epoch ms, `null` when the data decides it. */
export interface ResolvedCalendar {
  readonly by: CalendarUnit;
  readonly every: Period;
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
  readonly asOf: number | null;
}

/** @internal What `.between()`, `.mode()`, `.brackets()`, `.maxOffset()`, `.segmentBy()`, `.cohortKey()`, `.activeWhen()` and `.where()` of `Cohort` set. */
export interface CohortChoice extends CalendarChoice {
  readonly between: readonly [DateInput | undefined, DateInput | undefined];
  readonly mode: 'classic' | 'unbounded';
  /** Set by `.brackets()` (bracket mode), cleared by `.mode()`. */
  readonly brackets: readonly Bracket[] | null;
  readonly maxOffset: number;
  /** A function of the customer, or an attribute of the ledger. */
  readonly segmentBy: ((customer: CustomerProfile) => string) | AttributeSplit | null;
  readonly cohortKey: ((customer: CustomerProfile) => string) | null;
  /** Set by `.activeWhen()`. */
  readonly activeWhen: { readonly minOrders: number; readonly minAmount: Decimal | null };
  /** Set by `.where()`. */
  readonly where: EventFilter | null;
}

/**
 * @internal The defaults of both builders: monthly cohorts measured monthly, weeks from Monday, as of
 * the data's last instant.
 *
 * @param timeZone - the calendar's zone, already checked
 * @returns the calendar choice
 */
export function defaultCalendar(timeZone: string): CalendarChoice {
  return { by: 'month', every: null, timeZone, weekStartsOn: 1, asOf: undefined };
}

/**
 * @internal The defaults of `Cohort`: {@link defaultCalendar}, classic counting, every observable
 * offset, every customer and order, no segments.
 *
 * @param timeZone - the calendar's zone, already checked
 * @returns the cohort choice
 */
export function defaultCohortChoice(timeZone: string): CohortChoice {
  return {
    ...defaultCalendar(timeZone),
    between: [undefined, undefined],
    mode: 'classic',
    brackets: null,
    maxOffset: Number.POSITIVE_INFINITY,
    segmentBy: null,
    cohortKey: null,
    activeWhen: { minOrders: 1, minAmount: null },
    where: null,
  };
}

/**
 * @internal Resolve the calendar: `every` defaults to `by`, and `asOf` is read in the chosen zone.
 *
 * @param choice - the builder's calendar
 * @returns the resolved calendar
 * @throws {@link InvalidOptionError} for an unreadable `asOf`
 */
export function resolveCalendar(choice: CalendarChoice): ResolvedCalendar {
  return {
    by: choice.by,
    every: choice.every ?? choice.by,
    timeZone: choice.timeZone,
    weekStartsOn: choice.weekStartsOn,
    asOf: choice.asOf === undefined ? null : dateOption('asOf', choice.asOf, choice.timeZone),
  };
}

/**
 * @internal Resolve a `Cohort` builder's choices into the settings of the cohort engine: dates read,
 * `asOf` defaulting to the ledger's last event (the whole ledger's, whatever the filter), the mode
 * following the brackets. Which customers and events take part (`where`, a split by an attribute) is
 * resolved into the table's scopes.
 *
 * @param choice - the builder's choices
 * @param book - the ledger (its last event is the default `asOf`)
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unreadable `asOf` or `between` date
 */
export function resolveCohortSettings(choice: CohortChoice, book: Ledger): CohortSettings {
  const calendar = resolveCalendar(choice);
  const [from, to] = choice.between;
  return {
    ...calendar,
    // An empty ledger has no last event; it has no customers either, so any instant gives its empty table.
    asOf: calendar.asOf ?? book.maxTime ?? 0,
    from: from === undefined ? Number.NEGATIVE_INFINITY : dateOption('between.from', from, choice.timeZone),
    to: to === undefined ? Number.POSITIVE_INFINITY : dateOption('between.to', to, choice.timeZone),
    mode: choice.brackets === null ? choice.mode : 'bracket',
    brackets: choice.brackets,
    maxOffset: choice.maxOffset,
    segmentBy: typeof choice.segmentBy === 'function' ? choice.segmentBy : null,
    cohortKey: choice.cohortKey,
    ...activityRule(choice.activeWhen, book.currencyDigits),
  };
}

const ACTIVE_WHEN_KEYS = optionKeys<ActiveWhen>({ minOrders: true, minAmount: true });

/**
 * @internal Check `.activeWhen()`.
 *
 * @param value - the option
 * @returns the minimum orders (default 1) and amount (`null`: none)
 * @throws {@link InvalidOptionError} for an unknown key, a `minOrders` that is not a whole number ≥ 1,
 *   or a `minAmount` that is not an amount ≥ 0
 */
export function activeWhenOption(value: unknown): CohortChoice['activeWhen'] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidOptionError('activeWhen', value, 'must be an object such as { minOrders: 2 } or { minAmount: "50.00" }');
  }
  const rule = checkOptionKeys(value as ActiveWhen, ACTIVE_WHEN_KEYS, 'activeWhen.');
  const minOrders = rule.minOrders ?? 1;
  if (!Number.isSafeInteger(minOrders) || minOrders < 1) {
    throw new InvalidOptionError('activeWhen.minOrders', minOrders, 'must be a whole number ≥ 1');
  }
  return { minOrders, minAmount: rule.minAmount === undefined ? null : moneyOption('activeWhen.minAmount', rule.minAmount) };
}

/**
 * @internal Check an `every` period; a `{ days: n }` span may have no other key (`{ day: 7 }` is a slip).
 *
 * @param period - the option
 * @returns the period
 * @throws {@link InvalidOptionError} for an unknown key or something that is not a period
 */
export function periodOption(period: unknown): Period {
  return assertPeriod(period, 'every');
}

/**
 * @internal Check `.mode()`: brackets have a step of their own.
 *
 * @param mode - the option
 * @returns the mode
 * @throws {@link InvalidOptionError} for anything but `'classic'` or `'unbounded'`
 */
export function modeOption(mode: unknown): 'classic' | 'unbounded' {
  if (mode === 'classic' || mode === 'unbounded') return mode;
  throw new InvalidOptionError('mode', mode, `must be 'classic' or 'unbounded' (use .brackets() for brackets)`);
}

/**
 * @internal Check `.brackets()`: a non-empty list of `[k]` or `[from, to]` whole offsets, ascending and
 * not overlapping.
 *
 * @param value - the option
 * @returns the brackets, frozen copies
 * @throws {@link InvalidOptionError} naming the first bad bracket
 */
export function bracketsOption(value: unknown): readonly Bracket[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidOptionError('brackets', value, 'must be a non-empty array of [k] or [from, to] offset ranges');
  }
  let previousEnd = -1;
  return Object.freeze(
    value.map((bracket: unknown, i): Bracket => {
      const wellFormed =
        Array.isArray(bracket) &&
        (bracket.length === 1 || bracket.length === 2) &&
        bracket.every((k) => Number.isSafeInteger(k) && (k as number) >= 0);
      const from = wellFormed ? (bracket[0] as number) : -1;
      const to = wellFormed ? (bracket[bracket.length - 1] as number) : -1;
      if (!wellFormed || to < from) {
        throw new InvalidOptionError(`brackets[${i}]`, bracket, 'must be [k] or [from, to] with whole offsets 0 ≤ from ≤ to');
      }
      if (from <= previousEnd) {
        throw new InvalidOptionError(`brackets[${i}]`, bracket, 'brackets must be in ascending order and must not overlap');
      }
      previousEnd = to;
      return Object.freeze(bracket.length === 1 ? [from] : [from, to]) as Bracket;
    }),
  );
}

/**
 * @internal Check `.maxOffset()`.
 *
 * @param offset - the option
 * @returns the offset
 * @throws {@link InvalidOptionError} for anything but a whole number ≥ 0
 */
export function maxOffsetOption(offset: unknown): number {
  if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  throw new InvalidOptionError('maxOffset', offset, 'must be a whole number ≥ 0');
}

/**
 * @internal Check `.segmentBy()` or `.cohortKey()`: a function of the customer.
 *
 * @param option - the option's name
 * @param value - the option
 * @returns the function
 * @throws {@link InvalidOptionError} for anything but a function
 */
export function customerFunctionOption(option: string, value: unknown): (customer: CustomerProfile) => string {
  if (typeof value !== 'function') {
    const reason = option === 'segmentBy' ? 'must be a function of the customer or the name of an attribute of the ledger' : 'must be a function of the customer';
    throw new InvalidOptionError(option, value, reason);
  }
  return value as (customer: CustomerProfile) => string;
}

/**
 * @internal Check what a `.segmentBy()` or `.cohortKey()` function returned for a customer: a string,
 * or a finite number (as its string).
 *
 * @param option - the option's name
 * @param value - the function's result
 * @returns the key
 * @throws {@link InvalidOptionError} for anything else
 */
export function customerKey(option: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InvalidOptionError(option, value, 'must return a string (or a finite number) for every customer');
}
