/**
 * Subscription cohorts: survival per offset with right-censoring (Kaplan–Meier).
 *
 * @module
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { periodKey, periodStart } from '../calendar/period.ts';
import {
  type CalendarUnit,
  type Period,
  type WeekStartsOn,
  assertCalendarUnit,
  assertPeriod,
  assertWeekStartsOn,
  isFixedSpan,
  periodOfDay,
} from '../calendar/units.ts';
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption, explainDate, toEpochMs } from '../input/dates.ts';
import { explainId, isCustomerId } from '../input/ids.ts';
import { Problems } from '../input/build.ts';
import { skipInvalid } from '../input/options.ts';
import type { CustomerId, DateInput, SkippedRecord } from '../input/types.ts';
import { DAY_MS } from '../calendar/offset.ts';


/** @internal Key of the factory behind `Cohort.fromSubscriptions`. */
export const CREATE: unique symbol = Symbol('SubscriptionCohort.create');

interface SubscriptionState {
  by: CalendarUnit;
  every: Period | null;
  timeZone: string;
  weekStartsOn: WeekStartsOn;
  asOf: DateInput | undefined;
  skip: boolean;
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
}

interface Observed {
  cohort: number;
  /** Offset of the end when observed (a complete offset), else −1. */
  event: number;
  /** Number of complete offsets observed. */
  observed: number;
}

/** Kaplan–Meier cells from observations (offsets 0 … max observed − 1). */
function kaplanMeier(items: readonly Observed[]): SurvivalCell[] {
  let horizon = 0;
  for (const item of items) horizon = Math.max(horizon, item.event >= 0 ? item.event + 1 : item.observed);
  const ended = new Float64Array(horizon);
  const leaving = new Float64Array(horizon + 1); // leave the risk set after offset k
  const censored = new Float64Array(horizon);
  for (const item of items) {
    if (item.event >= 0) {
      ended[item.event] = (ended[item.event] ?? 0) + 1;
      leaving[item.event + 1] = (leaving[item.event + 1] ?? 0) + 1;
    } else if (item.observed > 0) {
      censored[item.observed - 1] = (censored[item.observed - 1] ?? 0) + 1;
      leaving[item.observed] = (leaving[item.observed] ?? 0) + 1;
    } else {
      leaving[0] = (leaving[0] ?? 0) + 1; // nothing observed yet
    }
  }
  const cells: SurvivalCell[] = [];
  let atRisk = items.length;
  let survival = 1;
  for (let k = 0; k < horizon; k++) {
    atRisk -= leaving[k] ?? 0;
    if (atRisk <= 0) break;
    const d = ended[k] ?? 0;
    survival *= 1 - d / atRisk;
    cells.push(Object.freeze({ offset: k, atRisk, ended: d, censored: censored[k] ?? 0, survival }));
  }
  return cells;
}

/** Compute the survival table (the work behind {@link SubscriptionCohort.table}). */
function survivalTable(
  records: readonly unknown[],
  s: { by: CalendarUnit; every: Period; timeZone: string; weekStartsOn: WeekStartsOn; asOf: number | null; skip: boolean },
): SurvivalTable {
  const problems = new Problems(s.skip, 'subscriptions');
  const starts: number[] = [];
  const ends: number[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  records.forEach((record, i) => {
    if (typeof record !== 'object' || record === null) {
      problems.report(i, 'record', record, 'is not a subscription object');
      return;
    }
    const { customerId, start, end } = record as Partial<SubscriptionRecord>;
    if (!isCustomerId(customerId)) return problems.report(i, 'customerId', customerId, explainId(customerId));
    const from = toEpochMs(start, s.timeZone);
    if (Number.isNaN(from)) return problems.report(i, 'start', start, explainDate(start));
    const to = end === undefined || end === null ? Number.NaN : toEpochMs(end, s.timeZone);
    if (end !== undefined && end !== null && Number.isNaN(to)) return problems.report(i, 'end', end, explainDate(end));
    if (to < from) return problems.report(i, 'end', end, 'is before the start');
    starts.push(from);
    ends.push(to);
    latest = Math.max(latest, from, Number.isNaN(to) ? from : to);
  });
  const asOf = s.asOf ?? (Number.isFinite(latest) ? latest : 0);
  const dayOf = makeDayIndexer(s.timeZone);
  const span = isFixedSpan(s.every) ? s.every.days * DAY_MS : 0;
  const unit = isFixedSpan(s.every) ? s.by : s.every;
  const firstIncomplete = periodOfDay(dayOf(asOf + 1), unit, s.weekStartsOn);
  const observations: Observed[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] ?? 0;
    if (from > asOf) continue; // not started as of asOf
    const to = ends[i] ?? Number.NaN;
    const base = span > 0 ? 0 : periodOfDay(dayOf(from), unit, s.weekStartsOn);
    const observed = span > 0 ? Math.max(0, Math.floor((asOf + 1 - from) / span)) : firstIncomplete - base;
    let event = -1;
    if (!Number.isNaN(to) && to <= asOf) {
      const k = span > 0 ? Math.floor((to - from) / span) : periodOfDay(dayOf(to), unit, s.weekStartsOn) - base;
      if (k < observed) event = k; // an end inside the current, incomplete offset is not yet counted
    }
    observations.push({ cohort: periodOfDay(dayOf(from), s.by, s.weekStartsOn), event, observed });
  }
  const byCohort = new Map<number, Observed[]>();
  for (const o of observations) {
    const list = byCohort.get(o.cohort);
    if (list === undefined) byCohort.set(o.cohort, [o]);
    else list.push(o);
  }
  const calendar = { timeZone: s.timeZone, weekStartsOn: s.weekStartsOn };
  const cohorts = [...byCohort.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([index, items]) =>
      Object.freeze({
        key: periodKey(index, s.by, s.weekStartsOn),
        start: new Date(periodStart(index, s.by, calendar)),
        size: items.length,
        cells: Object.freeze(kaplanMeier(items)),
      }),
    );
  return Object.freeze({
    by: s.by,
    every: s.every,
    timeZone: s.timeZone,
    asOf: new Date(asOf),
    cohorts: Object.freeze(cohorts),
    overall: Object.freeze(kaplanMeier(observations)),
    skipped: Object.freeze(problems.skipped.slice()),
  });
}

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
export class SubscriptionCohort {
  readonly #records: readonly unknown[];
  readonly #state: SubscriptionState;

  private constructor(records: readonly unknown[], state: SubscriptionState) {
    this.#records = records;
    this.#state = state;
  }

  /** @internal Reached only through `Cohort.fromSubscriptions` (the key is not exported from the package). */
  static [CREATE](subscriptions: Iterable<SubscriptionRecord>, options?: SubscriptionOptions): SubscriptionCohort {
    if (subscriptions === null || typeof subscriptions !== 'object' || !(Symbol.iterator in subscriptions)) {
      throw new InvalidOptionError('subscriptions', subscriptions, 'must be an array or an iterable of subscriptions');
    }
    return new SubscriptionCohort(Array.from(subscriptions), {
      by: 'month',
      every: null,
      timeZone: assertTimeZone(options?.timeZone ?? 'UTC'),
      weekStartsOn: 1,
      asOf: undefined,
      skip: skipInvalid(options?.onInvalid),
    });
  }

  #with(change: Partial<SubscriptionState>): SubscriptionCohort {
    return new SubscriptionCohort(this.#records, { ...this.#state, ...change });
  }

  /** Cohort period of the start (default `'month'`). */
  by(unit: CalendarUnit): SubscriptionCohort {
    return this.#with({ by: assertCalendarUnit(unit, 'by') });
  }

  /** Measurement period: a calendar unit or `{ days: n }` (default: the cohort period). */
  every(period: Period): SubscriptionCohort {
    return this.#with({ every: assertPeriod(period, 'every') });
  }

  /** IANA time zone of the calendar. */
  timeZone(timeZone: string): SubscriptionCohort {
    return this.#with({ timeZone: assertTimeZone(timeZone) });
  }

  /** First day of the week for weekly periods (default 1, Monday). */
  weekStartsOn(day: WeekStartsOn): SubscriptionCohort {
    return this.#with({ weekStartsOn: assertWeekStartsOn(day) });
  }

  /**
   * The instant the table is computed as of (default: the latest start or end in the data — pass it
   * explicitly when ends are scheduled in the future). A date-only string is the start of that day (pass the end of the day, e.g. `'2024-12-31T23:59:59.999Z'`, to count its orders).
   */
  asOf(date: DateInput): SubscriptionCohort {
    return this.#with({ asOf: date });
  }

  /**
   * Compute survival per cohort and overall.
   *
   * @returns the survival table
   * @throws {@link InvalidInputError} for an unreadable subscription (unless skipping)
   * @throws {@link InvalidOptionError} for an unreadable `asOf`
   */
  table(): SurvivalTable {
    const s = this.#state;
    return survivalTable(this.#records, {
      by: s.by,
      every: s.every ?? s.by,
      timeZone: s.timeZone,
      weekStartsOn: s.weekStartsOn,
      asOf: s.asOf === undefined ? null : dateOption('asOf', s.asOf, s.timeZone),
      skip: s.skip,
    });
  }
}

