/**
 * Survival of subscriptions per start cohort and overall, with right-censoring (Kaplan–Meier).
 *
 * @module
 * @internal
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { DAY_MS } from '../calendar/offset.ts';
import { periodKey } from '../calendar/keys.ts';
import { periodStart } from '../calendar/period.ts';
import { isFixedSpan, periodOfDay } from '../calendar/units.ts';
import { describeValue } from '../errors.ts';
import { Problems } from '../input/staged-events.ts';
import { explainDate, toEpochMs } from '../input/dates.ts';
import { explainId, isCustomerId } from '../input/ids.ts';
import { assertTableCells } from './limits.ts';
import type { ResolvedCalendar } from './settings.ts';
import type { SubscriptionRecord, SurvivalCell, SurvivalTable } from './subscriptions.ts';

interface Observed {
  cohort: number;
  /** Offset of the end when observed (a complete offset), else −1. */
  event: number;
  /** Number of complete offsets observed. */
  observed: number;
}

/** Offsets 0 … horizon − 1 hold every end and every censoring of `items`: the most cells of their curve. */
function horizonOf(items: readonly Observed[]): number {
  let horizon = 0;
  for (const item of items) horizon = Math.max(horizon, item.event >= 0 ? item.event + 1 : item.observed);
  return horizon;
}

/** Kaplan–Meier cells from observations (offsets 0 … max observed − 1). */
function kaplanMeier(items: readonly Observed[]): SurvivalCell[] {
  const horizon = horizonOf(items);
  const ended = new Float64Array(horizon);
  const leaving = new Float64Array(horizon + 1); // leave the risk set after offset k
  const censored = new Float64Array(horizon);
  for (const item of items) {
    if (item.event >= 0) {
      ended[item.event] += 1;
      leaving[item.event + 1] += 1;
    } else if (item.observed > 0) {
      censored[item.observed - 1] += 1;
      leaving[item.observed] += 1;
    } else {
      leaving[0] += 1; // nothing observed yet
    }
  }
  const cells: SurvivalCell[] = [];
  let atRisk = items.length;
  let survival = 1;
  for (let k = 0; k < horizon; k++) {
    atRisk -= leaving[k];
    if (atRisk <= 0) break;
    const d = ended[k];
    survival *= 1 - d / atRisk;
    cells.push(Object.freeze({ offset: k, atRisk, ended: d, censored: censored[k], survival }));
  }
  return cells;
}

/** @internal The settings of a survival table: the builder's calendar, resolved, and `onInvalid`. */
export interface SurvivalSettings extends ResolvedCalendar {
  /** Skip unreadable subscriptions (listed in `skipped`) instead of throwing. */
  readonly skip: boolean;
}

/**
 * @internal Compute the survival table (the work behind `SubscriptionCohort.table`).
 *
 * @param records - the subscriptions as given
 * @param settings - the resolved calendar, and whether to skip unreadable subscriptions
 * @returns the table
 * @throws {@link InvalidInputError} for an unreadable subscription (unless skipping)
 * @throws {@link InvalidOptionError} for a table of more than `MAX_TABLE_CELLS` cells
 */
export function survivalTable(records: readonly unknown[], settings: SurvivalSettings): SurvivalTable {
  const problems = new Problems(settings.skip, 'subscriptions');
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
    const from = toEpochMs(start, settings.timeZone);
    if (Number.isNaN(from)) return problems.report(i, 'start', start, explainDate(start));
    const to = end === undefined || end === null ? Number.NaN : toEpochMs(end, settings.timeZone);
    if (end !== undefined && end !== null && Number.isNaN(to)) return problems.report(i, 'end', end, explainDate(end));
    if (to < from) return problems.report(i, 'end', end, 'is before the start');
    starts.push(from);
    ends.push(to);
    latest = Math.max(latest, from, Number.isNaN(to) ? from : to);
  });
  const asOf = settings.asOf ?? (Number.isFinite(latest) ? latest : 0);
  const dayOf = makeDayIndexer(settings.timeZone);
  const span = isFixedSpan(settings.every) ? settings.every.days * DAY_MS : 0;
  const unit = isFixedSpan(settings.every) ? settings.by : settings.every;
  const firstIncomplete = periodOfDay(dayOf(asOf + 1), unit, settings.weekStartsOn);
  const observations: Observed[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    if (from > asOf) continue; // not started as of asOf
    const to = ends[i];
    const base = span > 0 ? 0 : periodOfDay(dayOf(from), unit, settings.weekStartsOn);
    const observed = span > 0 ? Math.max(0, Math.floor((asOf + 1 - from) / span)) : firstIncomplete - base;
    let event = -1;
    if (!Number.isNaN(to) && to <= asOf) {
      const k = span > 0 ? Math.floor((to - from) / span) : periodOfDay(dayOf(to), unit, settings.weekStartsOn) - base;
      if (k < observed) event = k; // an end inside the current, incomplete offset is not yet counted
    }
    observations.push({ cohort: periodOfDay(dayOf(from), settings.by, settings.weekStartsOn), event, observed });
  }
  const byCohort = new Map<number, Observed[]>();
  for (const o of observations) {
    const list = byCohort.get(o.cohort);
    if (list === undefined) byCohort.set(o.cohort, [o]);
    else list.push(o);
  }
  // The cells of every cohort's curve and of the overall one, bounded before any is built.
  let cells = horizonOf(observations);
  for (const items of byCohort.values()) cells += horizonOf(items);
  const beyond = settings.asOf !== null && settings.asOf > latest;
  assertTableCells(cells, beyond ? 'asOf' : 'every', beyond ? new Date(asOf) : settings.every, 'set an earlier asOf or a coarser every (or by)');
  const calendar = { timeZone: settings.timeZone, weekStartsOn: settings.weekStartsOn };
  const cohorts = [...byCohort.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([index, items]) =>
      Object.freeze({
        key: periodKey(index, settings.by, settings.weekStartsOn),
        start: new Date(periodStart(index, settings.by, calendar)),
        size: items.length,
        cells: Object.freeze(kaplanMeier(items)),
      }),
    );
  const table = {
    by: settings.by,
    every: settings.every,
    timeZone: settings.timeZone,
    asOf: new Date(asOf),
    cohorts: Object.freeze(cohorts),
    overall: Object.freeze(kaplanMeier(observations)),
    skipped: problems.skipped(),
  };
  // Not enumerable: the table's fields stay its data, and `JSON.stringify` still finds it.
  Object.defineProperty(table, 'toJSON', { value: () => ({ ...table, skipped: table.skipped.map((r) => ({ ...r, value: jsonValue(r.value) })) }), enumerable: false });
  return Object.freeze(table as typeof table & Pick<SurvivalTable, 'toJSON'>);
}

/** A value as JSON can hold it: a `bigint`, a symbol or a function as its description, anything else as is. */
function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'symbol' || typeof value === 'function') return describeValue(value);
  return value;
}
