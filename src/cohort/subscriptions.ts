/**
 * Subscription cohorts: survival per offset with right-censoring (Kaplan–Meier).
 *
 * @module
 */
import type { CalendarUnit, Period } from '../calendar/units.ts';
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { skipInvalid } from '../input/options.ts';
import type { CustomerId, DateInput, SkippedRecord } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { CalendarSteps } from './calendar-steps.ts';
import { type CalendarChoice, defaultCalendar, resolveCalendar } from './settings.ts';
import { survivalTable } from './survival.ts';

/** What the steps of {@link SubscriptionCohort} set, and how unreadable subscriptions are handled. */
interface SubscriptionChoice extends CalendarChoice {
  readonly skip: boolean;
}

/** A subscription: who, when it started, and when it ended (missing or `null`: still active). */
export interface SubscriptionRecord {
  customerId: CustomerId;
  start: DateInput;
  end?: DateInput | null | undefined;
}

/** Options of {@link Cohort.fromSubscriptions}. */
export interface SubscriptionOptions {
  /** IANA zone for date-only strings and calendar periods (default `'UTC'`). */
  timeZone?: string;
  /** `'throw'` (default) or `'skip'` unreadable subscriptions (listed in `skipped`). */
  onInvalid?: 'throw' | 'skip';
}

const SUBSCRIPTION_KEYS = optionKeys<SubscriptionOptions>({ timeZone: true, onInvalid: true });

/** Survival at one offset (Kaplan–Meier). */
export interface SurvivalCell {
  /** Offset k in measurement periods after the subscription's start period. */
  readonly offset: number;
  /** Subscriptions observed at the start of offset k (not ended before it, not censored before it). */
  readonly atRisk: number;
  /** Subscriptions that ended during offset k. */
  readonly ended: number;
  /** Subscriptions still active whose observation stops after offset k (offset k + 1 not yet complete). */
  readonly censored: number;
  /** Probability of still being subscribed at the end of offset k: Π (1 − ended ÷ atRisk). */
  readonly survival: number;
}

/** One start cohort of subscriptions. */
export interface SurvivalCohort {
  readonly key: string;
  readonly start: Date;
  readonly size: number;
  readonly cells: readonly SurvivalCell[];
}

/** Survival by start cohort, and pooled over all subscriptions. */
export interface SurvivalTable {
  readonly by: CalendarUnit;
  readonly every: Period;
  readonly timeZone: string;
  readonly asOf: Date;
  readonly cohorts: readonly SurvivalCohort[];
  /** Kaplan–Meier over every subscription: cohorts of different ages pooled, censoring handled. */
  readonly overall: readonly SurvivalCell[];
  /** Subscriptions skipped under `onInvalid: 'skip'`. */
  readonly skipped: readonly SkippedRecord[];
  /**
   * The table as JSON-safe plain data (what `JSON.stringify` writes): instants as ISO-8601 strings, and a
   * skipped value that JSON cannot hold (a `bigint`, a symbol, a function) as its description.
   */
  toJSON(): unknown;
}

/**
 * @internal Start a subscription analysis (the work behind `Cohort.fromSubscriptions`): check the
 * argument and the options, then a builder with the defaults.
 *
 * @param subscriptions - an array or iterable of subscriptions (read when the table is computed)
 * @param options - `timeZone`, `onInvalid`
 * @returns the builder
 * @throws {@link InvalidOptionError} for something that is not iterable, or a bad or unknown option
 */
export function startSubscriptionCohort(subscriptions: Iterable<SubscriptionRecord>, options?: SubscriptionOptions): SubscriptionCohort {
  if (subscriptions === null || typeof subscriptions !== 'object' || !(Symbol.iterator in subscriptions)) {
    throw new InvalidOptionError('subscriptions', subscriptions, 'must be an array or an iterable of subscriptions');
  }
  const checked = checkOptionKeys(options, SUBSCRIPTION_KEYS);
  const calendar = defaultCalendar(assertTimeZone(checked.timeZone ?? 'UTC'));
  return newSubscriptionCohort(Array.from(subscriptions), { ...calendar, skip: skipInvalid(checked.onInvalid) });
}

/** The private constructor of {@link SubscriptionCohort}, for {@link startSubscriptionCohort}: set by the class. */
let newSubscriptionCohort: (records: readonly unknown[], choice: SubscriptionChoice) => SubscriptionCohort;

/**
 * Subscription cohorts, built fluently like {@link Cohort}: `Cohort.fromSubscriptions(subs)` then
 * `.by()`, `.every()`, `.timeZone()`, `.weekStartsOn()`, `.asOf()` and `.table()`.
 *
 * A subscription's cohort is the `by` period of its start; offset k is the k-th `every` period after
 * the start period (or the k-th `{ days: n }` span after the start instant). A subscription that ended
 * in a complete offset is an event there; one still active (no `end`, or an end after `asOf`) is
 * right-censored after its last complete offset. An end inside the current, incomplete offset is not
 * counted until that offset completes. Survival is the Kaplan–Meier product Π (1 − ended ÷ at risk).
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * const table = Cohort.fromSubscriptions([
 *   { customerId: 1, start: '2024-01-05', end: '2024-02-10' },
 *   { customerId: 2, start: '2024-01-10' },
 *   { customerId: 3, start: '2024-01-20', end: '2024-01-25' },
 *   { customerId: 4, start: '2024-02-01' },
 * ]).asOf('2024-03-31T23:59:59.999Z').table();
 * table.cohorts[0]?.cells.map((c) => c.survival.toFixed(3)); // => ['0.667', '0.333', '0.333']
 * table.overall.map((c) => c.atRisk); // => [4, 3, 1]
 * ```
 */
export class SubscriptionCohort extends CalendarSteps<SubscriptionChoice, SubscriptionCohort> {
  readonly #records: readonly unknown[];

  static {
    newSubscriptionCohort = (records, choice) => new SubscriptionCohort(records, choice);
  }

  private constructor(records: readonly unknown[], choice: SubscriptionChoice) {
    super(choice);
    this.#records = records;
  }

  /**
   * @internal A builder over the same subscriptions with `choice`.
   *
   * @param choice - all the choices of the new builder
   * @returns the new builder
   */
  protected override next(choice: SubscriptionChoice): SubscriptionCohort {
    return new SubscriptionCohort(this.#records, choice);
  }

  /**
   * Compute survival per cohort and overall.
   *
   * @returns the survival table
   * @throws {@link InvalidInputError} for an unreadable subscription (unless skipping)
   * @throws {@link InvalidOptionError} for an unreadable `asOf`, or a table of more than 1,000,000 cells
   *   (cohorts × offsets, the overall curve included: an `asOf` far beyond the data, or offsets too
   *   fine for its span)
   */
  table(): SurvivalTable {
    return survivalTable(this.#records, { ...resolveCalendar(this.choice), skip: this.choice.skip });
  }
}
