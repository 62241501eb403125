/**
 * `periodRetention`: period-over-period retention and churn from transactions.
 *
 * @module
 */
import { assertPeriod, isFixedSpan } from '../calendar/units.ts';
import { InvalidOptionError } from '../errors.ts';
import { eventsEndAsOf } from '../input/customer-scan.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { ratio } from './order-totals.ts';
import { type PeriodInfo, preparePeriodScan } from './period-scan.ts';
import { PERIOD_KEYS, type PeriodOptions, type PeriodSettings, periodSettings } from './period-settings.ts';

/** Options of {@link periodRetention}. */
export interface PeriodRetentionOptions extends PeriodOptions {
  /**
   * A customer belongs to the base at the end of a period while they have an order on one of its last
   * `days` calendar days (`{ days: 90 }`: "active within 90 days"). Default: the customer ordered in the
   * period itself.
   */
  activeWithin?: { days: number };
}

/** One period of {@link periodRetention}. */
export interface PeriodRetentionRow extends PeriodInfo {
  /** S: customers in the base at the start (= the end of the previous period). */
  startCustomers: number;
  /** E: customers in the base at the end. */
  endCustomers: number;
  /** Customers in E whose first order is in this period. */
  acquired: number;
  /** Customers in E who were not in S and not new: they came back. */
  reactivated: number;
  /** Customers in both S and E. */
  retained: number;
  /** Customers in S not in E: S − retained. */
  lost: number;
  /** retained ÷ S, or `null` when S = 0. */
  retentionRate: number | null;
  /** lost ÷ S, or `null` when S = 0. */
  churnRate: number | null;
}

const PERIOD_RETENTION_KEYS = [...PERIOD_KEYS, ...optionKeys<Pick<PeriodRetentionOptions, 'activeWithin'>>({ activeWithin: true })];

/**
 * Period-over-period retention from transactions: per calendar period p, of the customers in the base
 * at the start of p (S), how many are still there at its end (retained), how many were lost, and how
 * many joined (acquired, reactivated), so that E = retained + acquired + reactivated and
 * S = retained + lost. By default the base at the end of p is the customers who ordered in p — "of the
 * customers active in p − 1, the share active again in p". With `activeWithin: { days: n }` a customer
 * stays in the base while their last order is within the last n calendar days of the period.
 * Refunds never make a customer active. The period containing `asOf` is flagged `complete: false`.
 *
 * @param data - a ledger or records
 * @param options - `period` (required), `weekStartsOn`, `activeWithin`, `asOf`, `from`, ledger options
 * @returns one row per period from the first (or `from`) to the one containing `asOf`; `[]` without orders
 * @throws {@link InvalidOptionError} for a fixed-span or unknown period, a bad `activeWithin` or date
 *
 * @example
 * ```ts
 * import { periodRetention } from 'retention-metrics';
 * const rows = periodRetention(
 *   [
 *     { customerId: 'a', date: '2024-01-10', amount: 10 },
 *     { customerId: 'b', date: '2024-01-12', amount: 10 },
 *     { customerId: 'a', date: '2024-02-03', amount: 10 },
 *     { customerId: 'c', date: '2024-02-04', amount: 10 },
 *   ],
 *   { period: 'month', asOf: '2024-02-29' },
 * );
 * rows.map((r) => r.period); // => ['2024-01', '2024-02']
 * rows[1]?.retentionRate; // => 0.5
 * rows[1]?.acquired; // => 1
 * ```
 */
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions): PeriodRetentionRow[] {
  return retentionRows(periodRetentionSettings(data, options));
}

/** @internal What `periodRetention` computes with: the period settings and the active window. */
export interface PeriodRetentionSettings extends PeriodSettings {
  /** `activeWithin` in days, cut where a longer window keeps the same customers; 0 without it. */
  readonly windowDays: number;
}

/**
 * @internal Read the data and options of a `periodRetention` call.
 *
 * @param data - a ledger or records
 * @param options - the options as the caller gave them
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, bad period options or a bad `activeWithin`
 */
export function periodRetentionSettings(data: LedgerInput, options: PeriodRetentionOptions): PeriodRetentionSettings {
  checkOptionKeys(options, PERIOD_RETENTION_KEYS);
  const settings = periodSettings(data, options);
  const { book, asOf, dayOf } = settings;
  // A window that reaches past the period of asOf from the earliest event keeps the same customers in
  // the base as any longer one: it is cut there, so the day table never outgrows the report.
  const reach = dayOf(asOf) - dayOf(book.minTime ?? asOf) + MAX_PERIOD_DAYS;
  const windowDays = options.activeWithin === undefined ? 0 : Math.min(activeDays(options.activeWithin), Math.max(reach, 1));
  return { ...settings, windowDays };
}

/**
 * @internal The rows of {@link periodRetention}.
 *
 * @param settings - the call's settings
 * @returns one row per reported period
 */
export function retentionRows(settings: PeriodRetentionSettings): PeriodRetentionRow[] {
  const { firstPeriod, lastPeriod } = settings;
  if (firstPeriod === null) return [];
  const scan = preparePeriodScan(settings);
  const span = lastPeriod - firstPeriod + 1;
  const { inBase, keptDiff, acquired } = baseRuns(settings, scan.periodOf, scan.dayLookup(settings.windowDays), firstPeriod, span);
  const rows: PeriodRetentionRow[] = [];
  let base = 0;
  let kept = 0;
  let previousEnd = 0;
  const reportFrom = settings.reportFrom - firstPeriod;
  for (let k = 0; k < span; k++) {
    base += inBase[k];
    kept += keptDiff[k];
    const s = previousEnd;
    previousEnd = base;
    if (k < reportFrom) continue;
    rows.push({
      ...scan.info(firstPeriod + k),
      startCustomers: s,
      endCustomers: base,
      acquired: acquired[k],
      reactivated: base - kept - acquired[k],
      retained: kept,
      lost: s - kept,
      retentionRate: ratio(kept, s),
      churnRate: ratio(s - kept, s),
    });
  }
  return rows;
}

/** Per period offset from the first period: who is in the base at its end, who stays in it, who joins it new. */
interface BaseChanges {
  /** Difference array: customers in the base at the end of p. */
  readonly inBase: Int32Array;
  /** Difference array: customers in the base at the end of p − 1 and of p. */
  readonly keptDiff: Int32Array;
  /** Customers in the base at the end of their first order's period. */
  readonly acquired: Int32Array;
}

/**
 * Each customer's runs of periods in the base, from their orders as of `asOf` walked in order, added
 * to the difference arrays over period offsets `0 … span − 1`.
 */
function baseRuns(
  settings: PeriodRetentionSettings,
  periodOf: (epochMs: number) => number,
  periodOfDay: (day: number) => number,
  firstPeriod: number,
  span: number,
): BaseChanges {
  const { book, asOf, dayOf, windowDays } = settings;
  const { start, time, minor } = book;
  const changes: BaseChanges = { inBase: new Int32Array(span + 1), keptDiff: new Int32Array(span + 1), acquired: new Int32Array(span) };
  for (let a = 0; a < book.ids.length; a++) {
    let runFrom = -1;
    let runTo = -2;
    let firstFrom = -1; // period of the first order
    let inBaseFirst = false; // in the base at the end of that period
    const end = eventsEndAsOf(book, a, asOf);
    for (let p = start[a]; p < end; p++) {
      if (minor[p] < 0) continue; // a refund: never an order
      const t = time[p];
      const from = periodOf(t) - firstPeriod;
      // In the base at the end of every period whose last day lies in [day, day + windowDays − 1].
      const to = Math.min(windowDays === 0 ? from : periodOfDay(dayOf(t) + windowDays) - 1 - firstPeriod, span - 1);
      if (firstFrom < 0) firstFrom = from;
      if (from === firstFrom && to >= from) inBaseFirst = true;
      if (from <= runTo + 1) {
        runTo = Math.max(runTo, to);
      } else {
        addRun(changes, runFrom, runTo);
        runFrom = from;
        runTo = to;
      }
    }
    addRun(changes, runFrom, runTo);
    // A new customer is acquired in their first period if they are in the base at its end.
    if (inBaseFirst) changes.acquired[firstFrom]++;
  }
  return changes;
}

/** Record a run [from, to] of periods in the base (and [from + 1, to] kept from one period to the next). */
function addRun(changes: BaseChanges, from: number, to: number): void {
  if (from < 0 || to < from) return;
  changes.inBase[from]++;
  changes.inBase[to + 1]--;
  if (to > from) {
    changes.keptDiff[from + 1]++;
    changes.keptDiff[to + 1]--;
  }
}
/** Days in the longest calendar period (a leap year), so that a day plus this lies past the end of its period. */
const MAX_PERIOD_DAYS = 367;

function activeDays(value: unknown): number {
  const span = assertPeriod(value, 'activeWithin');
  if (!isFixedSpan(span)) throw new InvalidOptionError('activeWithin', value, 'must be { days: n } with n a positive integer');
  return span.days;
}
