/**
 * `periodLifecycle`: new, returning, resurrected and dormant customers per period.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { ActiveWhen } from '../cohort/types.ts';
import type { Breakdown } from '../input/breakdown.ts';
import { eventsEndAsOf } from '../input/customer-scan.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import { type ActivityRule, meetsRule } from './activity-rule.ts';
import { ratio } from './order-totals.ts';
import { type PeriodInfo, type PeriodScan, preparePeriodScan } from './period-scan.ts';
import { PERIOD_KEYS, type PeriodOptions, type PeriodSettings, activityRuleOption, customersAsOf, periodSettings, pinPeriodSettings } from './period-settings.ts';
import { type ReportScopeOptions, SCOPE_KEYS, reportScope, scopedReport } from './report-scope.ts';

/** Options of {@link periodLifecycle}. */
export interface LifecycleOptions extends PeriodOptions, ReportScopeOptions {
  /**
   * A stricter rule for "active in a period": at least `minOrders` orders there whose amounts (refunds
   * not subtracted) sum to at least `minAmount`. Default: one order of any amount.
   */
  activeWhen?: ActiveWhen;
}

/** @internal The keys of {@link LifecycleOptions}. */
export const LIFECYCLE_KEYS = [...PERIOD_KEYS, ...SCOPE_KEYS, ...optionKeys<Pick<LifecycleOptions, 'activeWhen'>>({ activeWhen: true })];

/** One period of {@link periodLifecycle}. */
export interface LifecycleRow extends PeriodInfo {
  /** Customers active in the period (new + returning + resurrected). */
  active: number;
  /** Customers active in the period whose first order is in it. */
  new: number;
  /** Customers active in the period and in the previous one. */
  returning: number;
  /**
   * Customers active in the period, not in the previous one, whose first order is earlier: active before,
   * or (under `activeWhen`) meeting the rule for the first time.
   */
  resurrected: number;
  /** Customers active in the previous period but not in this one. */
  dormant: number;
  /** Gross revenue of the period's orders by new customers. */
  newRevenue: Decimal;
  /** Gross revenue of the period's orders by returning customers. */
  returningRevenue: Decimal;
  /** Gross revenue of the period's orders by resurrected customers. */
  resurrectedRevenue: Decimal;
  /** Quick ratio (new + resurrected) ÷ dormant: above 1 the active base grows; `null` when nobody went dormant. */
  quickRatio: number | null;
}

/**
 * The lifecycle of the customer base per calendar period (PostHog's lifecycle chart): every customer
 * active in period p (an order in p; refunds never count) is **new** (first order ever in p),
 * **returning** (also active in p − 1) or **resurrected** (active before, not in p − 1); every customer
 * active in p − 1 but not in p is **dormant** in p. The counts reconcile: active(p) = new + returning +
 * resurrected, and active(p − 1) = returning + dormant(p). Revenue is the gross revenue of the period's
 * orders, split by the customer's state in the period — how much of the business is acquisition and
 * how much is retention.
 *
 * `activeWhen: { minOrders, minAmount }` asks more of "active": at least `minOrders` orders in the
 * period whose amounts sum to at least `minAmount`. A customer is still new in the period of their
 * first order (when they are active there — the cohort's rule: membership by first order, activity by
 * the rule); one whose first period falls short of the rule is never new, and counts as resurrected
 * when they first meet it. The orders of a customer not active in their period are in no state's revenue.
 *
 * `where` keeps the matching orders only (new = first matching order); `by` breaks the report down by
 * an attribute (see {@link Breakdown}), every segment with the periods of the report over the whole
 * ledger (its `asOf` and first period), rows of zeros where a segment has no customers yet. A segment's
 * `customers` are those whose first order is at or before `asOf`; a value without any has no segment.
 *
 * @param data - a ledger or records (`where` and `by` need a ledger with attributes)
 * @param options - `period` (required), `weekStartsOn`, `activeWhen`, `where`, `by`, `segmentRule`,
 *   `asOf`, `from`, ledger options
 * @returns one row per period, from the first order's period (or `from`) to the one containing `asOf`;
 *   with `by`, a {@link Breakdown} of such rows
 * @throws {@link InvalidOptionError} for a fixed-span or unknown period, an unreadable date, or a bad
 *   `activeWhen`, `where`, `by` or `segmentRule`
 *
 * @example
 * ```ts
 * import { periodLifecycle } from 'retention-metrics';
 * const rows = periodLifecycle(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: 10 },
 *     { customerId: 'b', date: '2024-01-06', amount: 10 },
 *     { customerId: 'a', date: '2024-02-05', amount: 30 },
 *     { customerId: 'b', date: '2024-03-05', amount: 20 },
 *   ],
 *   { period: 'month' },
 * );
 * rows.map((r) => [r.period, r.new, r.returning, r.resurrected, r.dormant]);
 * // => [['2024-01', 2, 0, 0, 0], ['2024-02', 0, 1, 0, 1], ['2024-03', 0, 0, 1, 1]]
 * rows[1]?.returningRevenue.toFixed(2); // => '30.00'
 * const big = periodLifecycle(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: 10 },
 *     { customerId: 'b', date: '2024-01-06', amount: 60 },
 *     { customerId: 'a', date: '2024-02-05', amount: 80 },
 *   ],
 *   { period: 'month', activeWhen: { minAmount: 50 } },
 * );
 * big.map((r) => [r.new, r.resurrected, r.dormant]); // => [[1, 0, 0], [0, 1, 1]]
 * ```
 */
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions & { by?: undefined }): LifecycleRow[];
/**
 * {@link periodLifecycle} broken down by an attribute: the rows over everyone (`total`) and over each
 * value's segment, every segment with the total's periods.
 *
 * @param data - a ledger with the attribute
 * @param options - as above, with `by` (and `segmentRule`)
 * @returns the breakdown
 * @throws {@link InvalidOptionError} for a `by` that is not an attribute of the ledger, or bad options
 *
 * @example
 * ```ts
 * import { ledger, periodLifecycle } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: 10 },
 *     { customerId: 'b', date: '2024-02-06', amount: 10 },
 *     { customerId: 'a', date: '2024-02-07', amount: 10 },
 *   ],
 *   { customers: [{ customerId: 'a', plan: 'pro' }, { customerId: 'b', plan: 'free' }] },
 * );
 * const split = periodLifecycle(book, { period: 'month', by: 'plan' });
 * split.segments.map((s) => [s.value, s.result.map((r) => [r.new, r.returning])]);
 * // => [['free', [[0, 0], [1, 0]]], ['pro', [[1, 0], [0, 1]]]]
 * ```
 */
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions & { by: string }): Breakdown<LifecycleRow[]>;
/**
 * {@link periodLifecycle} with options whose `by` is known only when it runs (a `string | undefined`):
 * the rows without `by`, their breakdown with it.
 *
 * @param data - a ledger or records (a ledger with the attribute, for `by`)
 * @param options - as in the first form, `by` (and `segmentRule`) optional
 * @returns the rows, or with `by` a {@link Breakdown} of them
 * @throws {@link InvalidOptionError} for a `by` that is not an attribute of the ledger, or bad options
 *
 * @example
 * ```ts
 * import { type LifecycleOptions, periodLifecycle } from 'retention-metrics';
 * const options: LifecycleOptions = { period: 'month' };
 * Array.isArray(periodLifecycle([{ customerId: 'a', date: '2024-01-10', amount: 10 }], options)); // => true
 * ```
 */
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions): LifecycleRow[] | Breakdown<LifecycleRow[]>;
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions): LifecycleRow[] | Breakdown<LifecycleRow[]> {
  const settings = lifecycleSettings(data, options);
  // One scan of the whole ledger serves the filtered ledger and every segment: their settings are pinned to the whole's.
  const scan = preparePeriodScan(settings);
  return scopedReport(
    settings.book,
    reportScope(options),
    (part) => lifecycleRows(pinPeriodSettings(settings, part), scan),
    (_, part) => customersAsOf(part, settings.asOf),
  );
}

/** @internal What `periodLifecycle` computes with: the period settings and the rule. */
export interface LifecycleSettings extends PeriodSettings {
  /** When a customer is active. */
  readonly activity: ActivityRule;
}

/**
 * @internal Read the data and options of a `periodLifecycle` call.
 *
 * @param data - a ledger or records
 * @param options - the options as the caller gave them
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, bad period options or a bad `activeWhen`
 */
export function lifecycleSettings(data: LedgerInput, options: LifecycleOptions): LifecycleSettings {
  checkOptionKeys(options, LIFECYCLE_KEYS);
  const settings = periodSettings(data, options);
  return { ...settings, activity: activityRuleOption(options.activeWhen, settings.book.currencyDigits) };
}

/** The rows of {@link periodLifecycle}, with the period look-ups of the whole ledger the settings are pinned to. */
function lifecycleRows(settings: LifecycleSettings, scan: PeriodScan): LifecycleRow[] {
  const { book, firstPeriod, lastPeriod, reportFrom } = settings;
  if (firstPeriod === null) return [];
  const span = lastPeriod - firstPeriod + 1;
  const tallies = tallyLifecycles(settings, scan.periodOf, firstPeriod, span);
  const digits = book.currencyDigits;
  const rows: LifecycleRow[] = [];
  for (let k = reportFrom - firstPeriod; k < span; k++) {
    const { new: fresh, returning, resurrected } = tallies[k].customers;
    const lapsed = tallies[k].dormant;
    const { period, start, end, complete } = scan.info(firstPeriod + k);
    rows.push({
      period,
      start,
      end,
      complete,
      active: fresh + returning + resurrected,
      new: fresh,
      returning,
      resurrected,
      dormant: lapsed,
      newRevenue: fromMinorUnits(tallies[k].revenue.new, digits),
      returningRevenue: fromMinorUnits(tallies[k].revenue.returning, digits),
      resurrectedRevenue: fromMinorUnits(tallies[k].revenue.resurrected, digits),
      quickRatio: ratio(fresh + resurrected, lapsed),
    });
  }
  return rows;
}

/** A customer's state in a period they are active in. */
type ActiveState = 'new' | 'returning' | 'resurrected';

/** One period's tallies: active customers and their revenue (minor units) by state, and customers gone dormant. */
interface PeriodTally {
  customers: Record<ActiveState, number>;
  revenue: Record<ActiveState, number>;
  dormant: number;
}

/** One customer's orders in the period being read. */
interface Activity {
  /** The period offset being read (−1: none yet). */
  period: number;
  orders: number;
  grossMinor: number;
  /** Offset of the first order's period. */
  first: number;
  /** The last offset the customer was active at, −1 for none. */
  previous: number;
}

/**
 * Every customer's periods as of `asOf`, tallied per period offset `0 … span − 1` from `firstPeriod`:
 * each customer's orders read in order, one period at a time; when the period changes, the one left
 * behind is settled — its state decided if its orders meet the rule.
 */
function tallyLifecycles(settings: LifecycleSettings, periodOf: (epochMs: number) => number, firstPeriod: number, span: number): PeriodTally[] {
  const { book, asOf, activity: rule } = settings;
  const { start, time, minor } = book;
  // One more period than reported: customers active in the last period go dormant in the next.
  const tallies: PeriodTally[] = [];
  for (let k = 0; k <= span; k++) {
    tallies.push({ customers: { new: 0, returning: 0, resurrected: 0 }, revenue: { new: 0, returning: 0, resurrected: 0 }, dormant: 0 });
  }
  const activity: Activity = { period: -1, orders: 0, grossMinor: 0, first: -1, previous: -1 };
  for (let a = 0; a < book.ids.length; a++) {
    activity.period = -1;
    activity.first = -1;
    activity.previous = -1;
    const end = eventsEndAsOf(book, a, asOf);
    for (let p = start[a]; p < end; p++) {
      if (minor[p] < 0) continue; // a refund: never an order
      const k = periodOf(time[p]) - firstPeriod;
      if (k !== activity.period) {
        settle(tallies, rule, activity);
        activity.period = k;
        activity.orders = 0;
        activity.grossMinor = 0;
        if (activity.first < 0) activity.first = k;
      }
      activity.orders++;
      activity.grossMinor += minor[p];
    }
    settle(tallies, rule, activity);
    if (activity.previous >= 0) tallies[activity.previous + 1].dormant++;
  }
  return tallies;
}

/** Tally the period read, if its orders meet the rule: its state, and dormancy after a gap since the last active period. */
function settle(tallies: PeriodTally[], rule: ActivityRule, activity: Activity): void {
  const { period: k, previous } = activity;
  if (k < 0 || !meetsRule(rule, activity.orders, activity.grossMinor)) return;
  const state: ActiveState = k === activity.first ? 'new' : previous >= 0 && previous === k - 1 ? 'returning' : 'resurrected';
  if (previous >= 0 && previous < k - 1) tallies[previous + 1].dormant++;
  tallies[k].customers[state]++;
  tallies[k].revenue[state] += activity.grossMinor;
  activity.previous = k;
}
