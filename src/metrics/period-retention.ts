/**
 * `periodRetention`: period-over-period retention and churn from transactions.
 *
 * @module
 */
import { assertPeriod, isFixedSpan } from '../calendar/units.ts';
import type { ActiveWhen } from '../cohort/types.ts';
import { InvalidOptionError } from '../errors.ts';
import type { Breakdown } from '../input/breakdown.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { ActivityRule } from './activity-rule.ts';
import { ratio } from './order-totals.ts';
import { type PeriodInfo, type PeriodScan, preparePeriodScan } from './period-scan.ts';
import { PERIOD_KEYS, type PeriodOptions, type PeriodSettings, activityRuleOption, customersAsOf, periodSettings, pinPeriodSettings } from './period-settings.ts';
import { type ReportScopeOptions, SCOPE_KEYS, reportScope, scopedReport } from './report-scope.ts';
import { baseChanges } from './retention-base.ts';

/** Options of {@link periodRetention}. */
export interface PeriodRetentionOptions extends PeriodOptions, ReportScopeOptions {
  /**
   * A customer belongs to the base at the end of a period while they have an order on one of its last
   * `days` calendar days (`{ days: 90 }`: "active within 90 days"). Default: the customer ordered in the
   * period itself.
   */
  activeWithin?: { days: number };
  /**
   * A stricter rule for "active": at least `minOrders` orders whose amounts (refunds not subtracted) sum
   * to at least `minAmount` — in the period itself, or with `activeWithin` on its last `days` days.
   * Default: one order of any amount.
   */
  activeWhen?: ActiveWhen;
}

/** One period of {@link periodRetention}. */
export interface PeriodRetentionRow extends PeriodInfo {
  /** S: customers in the base at the start (= the end of the previous period). */
  startCustomers: number;
  /** E: customers in the base at the end. */
  endCustomers: number;
  /** Customers in E whose first order is in this period. */
  acquired: number;
  /**
   * Customers in E who were not in S and not new: they came back (or, under `activeWhen`, meet the rule
   * for the first time after their first order's period).
   */
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

/** @internal The keys of {@link PeriodRetentionOptions}. */
export const PERIOD_RETENTION_KEYS = [
  ...PERIOD_KEYS,
  ...SCOPE_KEYS,
  ...optionKeys<Pick<PeriodRetentionOptions, 'activeWithin' | 'activeWhen'>>({ activeWithin: true, activeWhen: true }),
];

/**
 * Period-over-period retention from transactions: per calendar period p, of the customers in the base
 * at the start of p (S), how many are still there at its end (retained), how many were lost, and how
 * many joined (acquired, reactivated), so that E = retained + acquired + reactivated and
 * S = retained + lost. By default the base at the end of p is the customers who ordered in p — "of the
 * customers active in p − 1, the share active again in p". With `activeWithin: { days: n }` a customer
 * stays in the base while their last order is within the last n calendar days of the period.
 * Refunds never make a customer active. The period containing `asOf` is flagged `complete: false`.
 *
 * `activeWhen: { minOrders, minAmount }` asks more of "active": the orders in the period (with
 * `activeWithin`, on its last n days) must be at least `minOrders`, their amounts summing to at least
 * `minAmount`. A customer is acquired in the period of their first order when they are in the base at
 * its end; one whose first period falls short of the rule joins the base later as reactivated.
 *
 * `where` keeps the matching orders only ("retention of book buyers": a customer is active in p with a
 * matching order there, new with their first matching order); `by` breaks the report down by an
 * attribute (see {@link Breakdown}). Every segment, and a filtered report, covers the same periods as
 * the report over the whole ledger: the same `asOf` (default: the whole ledger's last event) and first
 * period (default: the whole ledger's first order's), with rows of zeros where a part has no customers
 * yet. A segment's `customers` are those whose first order is at or before `asOf`; a value without
 * any has no segment.
 *
 * @param data - a ledger or records (`where` and `by` need a ledger with attributes)
 * @param options - `period` (required), `weekStartsOn`, `activeWithin`, `activeWhen`, `where`, `by`,
 *   `segmentRule`, `asOf`, `from`, ledger options
 * @returns one row per period from the first (or `from`) to the one containing `asOf`, `[]` without
 *   orders; with `by`, a {@link Breakdown} of such rows
 * @throws {@link InvalidOptionError} for a fixed-span or unknown period, a bad `activeWithin`,
 *   `activeWhen`, `where`, `by`, `segmentRule` or date
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
 * const twice = periodRetention(
 *   [
 *     { customerId: 'a', date: '2024-01-10', amount: 10 },
 *     { customerId: 'a', date: '2024-02-03', amount: 10 },
 *     { customerId: 'a', date: '2024-02-20', amount: 10 },
 *   ],
 *   { period: 'month', activeWhen: { minOrders: 2 } },
 * );
 * twice.map((r) => [r.endCustomers, r.acquired, r.reactivated]); // => [[0, 0, 0], [1, 0, 1]]
 * ```
 */
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions & { by?: undefined }): PeriodRetentionRow[];
/**
 * {@link periodRetention} broken down by an attribute: the rows over everyone (`total`) and over each
 * value's segment, every segment with the total's periods.
 *
 * @param data - a ledger with the attribute
 * @param options - as above, with `by` (and `segmentRule`)
 * @returns the breakdown
 * @throws {@link InvalidOptionError} for a `by` that is not an attribute of the ledger, or bad options
 *
 * @example
 * ```ts
 * import { ledger, periodRetention } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'a', date: '2024-01-10', amount: 10, channel: 'ads' },
 *     { customerId: 'b', date: '2024-02-12', amount: 10, channel: 'mail' },
 *     { customerId: 'a', date: '2024-02-03', amount: 10, channel: 'mail' },
 *   ],
 *   { attributes: { channel: 'channel' } },
 * );
 * const split = periodRetention(book, { period: 'month', by: 'channel' });
 * split.total.map((r) => r.endCustomers); // => [1, 2]
 * split.segments.map((s) => [s.value, s.result.map((r) => r.endCustomers)]); // => [['ads', [1, 1]], ['mail', [0, 1]]]
 * ```
 */
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions & { by: string }): Breakdown<PeriodRetentionRow[]>;
/**
 * {@link periodRetention} with options whose `by` is known only when it runs (a `string | undefined`):
 * the rows without `by`, their breakdown with it.
 *
 * @param data - a ledger or records (a ledger with the attribute, for `by`)
 * @param options - as in the first form, `by` (and `segmentRule`) optional
 * @returns the rows, or with `by` a {@link Breakdown} of them
 * @throws {@link InvalidOptionError} for a `by` that is not an attribute of the ledger, or bad options
 *
 * @example
 * ```ts
 * import { type PeriodRetentionOptions, periodRetention } from 'retention-metrics';
 * const options: PeriodRetentionOptions = { period: 'month' };
 * Array.isArray(periodRetention([{ customerId: 'a', date: '2024-01-10', amount: 10 }], options)); // => true
 * ```
 */
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions): PeriodRetentionRow[] | Breakdown<PeriodRetentionRow[]>;
export function periodRetention(data: LedgerInput, options: PeriodRetentionOptions): PeriodRetentionRow[] | Breakdown<PeriodRetentionRow[]> {
  const settings = periodRetentionSettings(data, options);
  // One scan of the whole ledger serves the filtered ledger and every segment: their settings are pinned to the whole's.
  const scan = preparePeriodScan(settings, settings.windowDays);
  return scopedReport(
    settings.book,
    reportScope(options),
    (part) => retentionRows(pinPeriodSettings(settings, part), scan),
    (_, part) => customersAsOf(part, settings.asOf),
  );
}

/** @internal What `periodRetention` computes with: the period settings, the active window and the rule. */
export interface PeriodRetentionSettings extends PeriodSettings {
  /** `activeWithin` in days, cut where a longer window keeps the same customers; 0 without it. */
  readonly windowDays: number;
  /** When a customer is active. */
  readonly activity: ActivityRule;
}

/**
 * @internal Read the data and options of a `periodRetention` call.
 *
 * @param data - a ledger or records
 * @param options - the options as the caller gave them
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, bad period options, a bad `activeWithin` or `activeWhen`
 */
export function periodRetentionSettings(data: LedgerInput, options: PeriodRetentionOptions): PeriodRetentionSettings {
  checkOptionKeys(options, PERIOD_RETENTION_KEYS);
  const settings = periodSettings(data, options);
  const { book, asOf, dayOf } = settings;
  // A window that reaches past the period of asOf from the earliest event keeps the same customers in
  // the base as any longer one: it is cut there, so the day table never outgrows the report.
  const reach = dayOf(asOf) - dayOf(book.minTime ?? asOf) + MAX_PERIOD_DAYS;
  const windowDays = options.activeWithin === undefined ? 0 : Math.min(activeDays(options.activeWithin), Math.max(reach, 1));
  return { ...settings, windowDays, activity: activityRuleOption(options.activeWhen, book.currencyDigits) };
}

/**
 * @internal The rows of {@link periodRetention}.
 *
 * @param settings - the call's settings (of the ledger, or of a part pinned to the whole ledger's)
 * @param scan - the period look-ups, covering `windowDays` past the last day: of the settings' ledger,
 *   or of the whole ledger that the part's settings are pinned to
 * @returns one row per reported period
 */
export function retentionRows(settings: PeriodRetentionSettings, scan: PeriodScan = preparePeriodScan(settings, settings.windowDays)): PeriodRetentionRow[] {
  const { firstPeriod, lastPeriod } = settings;
  if (firstPeriod === null) return [];
  const span = lastPeriod - firstPeriod + 1;
  const { book, asOf, dayOf, windowDays, activity } = settings;
  const { periodOfDay } = scan;
  const { inBase, keptDiff, acquired } = baseChanges({ book, asOf, dayOf, periodOfDay, windowDays, activity, firstPeriod, span });
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
    const { period, start, end, complete } = scan.info(firstPeriod + k);
    rows.push({
      period,
      start,
      end,
      complete,
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

/** Days in the longest calendar period (a leap year), so that a day plus this lies past the end of its period. */
const MAX_PERIOD_DAYS = 367;

function activeDays(value: unknown): number {
  const span = assertPeriod(value, 'activeWithin');
  if (!isFixedSpan(span)) throw new InvalidOptionError('activeWithin', value, 'must be { days: n } with n a positive integer');
  return span.days;
}
