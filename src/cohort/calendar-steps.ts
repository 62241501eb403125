/**
 * The calendar steps both cohort builders share: `.by()`, `.every()`, `.timeZone()`, `.weekStartsOn()`
 * and `.asOf()`.
 *
 * @module
 * @internal
 */
import { type CalendarUnit, type Period, type WeekStartsOn, assertCalendarUnit, assertWeekStartsOn } from '../calendar/units.ts';
import { assertTimeZone } from '../calendar/zone.ts';
import type { DateInput } from '../input/types.ts';
import { type CalendarChoice, periodOption } from './settings.ts';

/**
 * @internal The common half of a fluent, immutable cohort builder: the choices made so far, and the
 * calendar steps. Each step checks its value when it is called and returns a new builder (made by
 * {@link CalendarSteps.next}) with that one choice changed; the builder it is called on is left as it is.
 *
 * @typeParam Choice - everything the builder collects (the calendar and its own options)
 * @typeParam Builder - the builder the steps return
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * const orders = [
 *   { customerId: 'a', date: '2024-01-03', amount: 10 },
 *   { customerId: 'a', date: '2024-01-20', amount: 10 },
 * ];
 * const subscriptions = [{ customerId: 'a', start: '2024-01-03', end: '2024-01-20' }];
 * Cohort.from(orders).by('week').asOf('2024-01-31').table().cohorts.map((c) => c.key); // => ['2024-W01']
 * Cohort.fromSubscriptions(subscriptions).by('week').asOf('2024-01-31').table().cohorts.map((c) => c.key); // => ['2024-W01']
 * ```
 */
export abstract class CalendarSteps<Choice extends CalendarChoice, Builder> {
  /** @internal The choices so far; a step never changes them, it makes a new builder. */
  protected readonly choice: Choice;

  protected constructor(choice: Choice) {
    this.choice = choice;
  }

  /**
   * @internal A builder over the same data with `choice`.
   *
   * @param choice - all the choices of the new builder
   * @returns the new builder
   */
  protected abstract next(choice: Choice): Builder;

  /** The next step: a new builder with `change` applied to the calendar. */
  #withCalendar(change: Partial<CalendarChoice>): Builder {
    return this.next({ ...this.choice, ...change });
  }

  /**
   * Cohort period: `'day' | 'week' | 'month' | 'quarter' | 'year'` (default `'month'`).
   *
   * @param unit - the cohort period
   * @returns a new builder
   * @throws {@link InvalidOptionError} for anything but one of those units
   */
  by(unit: CalendarUnit): Builder {
    return this.#withCalendar({ by: assertCalendarUnit(unit, 'by') });
  }

  /**
   * Measurement period: a calendar unit, or `{ days: n }` elapsed spans (default: the cohort period).
   *
   * @param period - the measurement period
   * @returns a new builder
   * @throws {@link InvalidOptionError} for something that is not a period, or a span with another key
   */
  every(period: Period): Builder {
    return this.#withCalendar({ every: periodOption(period) });
  }

  /**
   * IANA time zone of the calendar (default: the data's — the ledger's, or `'UTC'` for subscriptions).
   *
   * @param timeZone - the zone
   * @returns a new builder
   * @throws {@link InvalidOptionError} for a zone the runtime does not know
   */
  timeZone(timeZone: string): Builder {
    return this.#withCalendar({ timeZone: assertTimeZone(timeZone) });
  }

  /**
   * First day of the week for weekly periods: 0 = Sunday … 6 (default 1, Monday).
   *
   * @param day - the first day of the week
   * @returns a new builder
   * @throws {@link InvalidOptionError} for anything but a whole number 0 … 6
   */
  weekStartsOn(day: WeekStartsOn): Builder {
    return this.#withCalendar({ weekStartsOn: assertWeekStartsOn(day) });
  }

  /**
   * The instant the table is computed as of; later events are ignored. Default: the data's last
   * instant — the ledger's last event, or the latest start or end of the subscriptions (pass it
   * explicitly when ends are scheduled in the future). A date-only string is the start of that day
   * (pass the end of the day, e.g. `'2024-12-31T23:59:59.999Z'`, to count its events).
   *
   * @param date - the instant
   * @returns a new builder (the date is read, in the chosen time zone, when the table is computed)
   */
  asOf(date: DateInput): Builder {
    return this.#withCalendar({ asOf: date });
  }
}
