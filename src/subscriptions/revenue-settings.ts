/**
 * What every subscription revenue report reads first: the book (given, or read from records), the
 * report's instant and calendar.
 *
 * @module
 * @internal
 */
import { type WeekStartsOn, assertWeekStartsOn } from '../calendar/units.ts';
import { InvalidOptionError } from '../errors.ts';
import type { Breakdown, SegmentRule } from '../input/breakdown.ts';
import { dateOption } from '../input/dates.ts';
import type { DateInput } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { SubscriptionInterval, SubscriptionRevenue, SubscriptionRevenueOptions } from './revenue-types.ts';
import { isSubscriptionRevenue, subscriptionRevenue } from './subscription-revenue.ts';

/** Options every subscription revenue report takes: reading records, and the report's instant. */
export interface RevenueReportOptions extends SubscriptionRevenueOptions {
  /** The instant of the report (default: the book's latest start or end); later changes are left out. */
  asOf?: DateInput;
}

/** Options of the reports that break down by plan. */
export interface PlanBreakdownOptions {
  /**
   * `'plan'`, or an attribute of the book: the report over every customer and over each value's (see
   * `segmentRule`), as a {@link Breakdown}.
   */
  by?: string;
  /**
   * With `by`: `'customer'` (default) puts each customer in the value of their first paid interval with
   * all their subscriptions, so the values add up to the whole; `'same-value'` keeps each value's
   * intervals, so a move from plan A to plan B is a churn in A and a new customer in B.
   */
  segmentRule?: SegmentRule;
}

/** @internal The keys of {@link RevenueReportOptions}. */
export const REVENUE_REPORT_KEYS = optionKeys<RevenueReportOptions>({ asOf: true, timeZone: true, currency: true, currencyDigits: true, onInvalid: true, attributes: true });

/** @internal The keys of {@link PlanBreakdownOptions}. */
export const PLAN_BREAKDOWN_KEYS = optionKeys<PlanBreakdownOptions>({ by: true, segmentRule: true });

/** @internal A report's input, read. */
export interface RevenueSettings {
  readonly book: SubscriptionRevenue;
  /** The report's instant; `null` for a book without intervals. */
  readonly asOf: number | null;
  readonly calendar: { readonly timeZone: string; readonly weekStartsOn: WeekStartsOn };
}

/**
 * @internal Read a report's data and common options.
 *
 * @param data - a book, or priced intervals
 * @param options - the report's options
 * @param ownKeys - the keys of the report's own options
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, a reading option with a book, or a bad
 *   `asOf` or `weekStartsOn`
 */
export function revenueSettings(data: SubscriptionRevenue | Iterable<SubscriptionInterval>, options: RevenueReportOptions & { weekStartsOn?: WeekStartsOn }, ownKeys: readonly string[]): RevenueSettings {
  const { asOf, weekStartsOn, timeZone, currency, currencyDigits, onInvalid, attributes } = checkOptionKeys(options, [...REVENUE_REPORT_KEYS, ...ownKeys]) as RevenueReportOptions & { weekStartsOn?: WeekStartsOn };
  const reading = {
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(currency === undefined ? {} : { currency }),
    ...(currencyDigits === undefined ? {} : { currencyDigits }),
    ...(onInvalid === undefined ? {} : { onInvalid }),
    ...(attributes === undefined ? {} : { attributes }),
  };
  const [given] = Object.entries(reading);
  if (isSubscriptionRevenue(data) && given !== undefined) {
    throw new InvalidOptionError(given[0], given[1], 'is an option of reading records: a book was read with its own');
  }
  const book = isSubscriptionRevenue(data) ? data : subscriptionRevenue(data, reading);
  return {
    book,
    asOf: asOf === undefined ? book.lastInstant : dateOption('asOf', asOf, book.timeZone),
    calendar: { timeZone: book.timeZone, weekStartsOn: weekStartsOn === undefined ? 1 : assertWeekStartsOn(weekStartsOn) },
  };
}
