/**
 * `periodLifecycle`: new, returning, resurrected and dormant customers per period.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { eventsEndAsOf } from '../input/customer-scan.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import { ratio } from './order-totals.ts';
import { type PeriodInfo, preparePeriodScan } from './period-scan.ts';
import { PERIOD_KEYS, type PeriodOptions, type PeriodSettings, periodSettings } from './period-settings.ts';

/** Options of {@link periodLifecycle}. */
export type LifecycleOptions = PeriodOptions;

/** One period of {@link periodLifecycle}. */
export interface LifecycleRow extends PeriodInfo {
  /** Customers active in the period (new + returning + resurrected). */
  active: number;
  /** Customers whose first order is in the period. */
  new: number;
  /** Customers active in the period and in the previous one. */
  returning: number;
  /** Customers active in the period, active before, but not in the previous period. */
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
 * @param data - a ledger or records
 * @param options - `period` (required), `weekStartsOn`, `asOf`, `from`, ledger options
 * @returns one row per period, from the first order's period (or `from`) to the one containing `asOf`
 * @throws {@link InvalidOptionError} for a fixed-span or unknown period or an unreadable date
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
 * ```
 */
export function periodLifecycle(data: LedgerInput, options: LifecycleOptions): LifecycleRow[] {
  checkOptionKeys(options, PERIOD_KEYS);
  const settings = periodSettings(data, options);
  const { book, firstPeriod, lastPeriod, reportFrom } = settings;
  if (firstPeriod === null) return [];
  const scan = preparePeriodScan(settings);
  const span = lastPeriod - firstPeriod + 1;
  const tallies = tallyLifecycles(settings, scan.periodOf, firstPeriod, span);
  const digits = book.currencyDigits;
  const rows: LifecycleRow[] = [];
  for (let k = reportFrom - firstPeriod; k < span; k++) {
    const { new: fresh, returning, resurrected } = tallies[k].customers;
    const lapsed = tallies[k].dormant;
    rows.push({
      ...scan.info(firstPeriod + k),
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

/**
 * Every customer's periods as of `asOf`, tallied per period offset `0 … span − 1` from `firstPeriod`:
 * each customer's orders walked in order, a change of period deciding the state in the new one.
 */
function tallyLifecycles(settings: PeriodSettings, periodOf: (epochMs: number) => number, firstPeriod: number, span: number): PeriodTally[] {
  const { book, asOf } = settings;
  const { start, time, minor } = book;
  // One more period than reported: customers active in the last period go dormant in the next.
  const tallies: PeriodTally[] = [];
  for (let k = 0; k <= span; k++) {
    tallies.push({ customers: { new: 0, returning: 0, resurrected: 0 }, revenue: { new: 0, returning: 0, resurrected: 0 }, dormant: 0 });
  }
  for (let a = 0; a < book.ids.length; a++) {
    let previous = -1; // last active period (offset), −1 before the first order
    let state: ActiveState = 'new';
    const end = eventsEndAsOf(book, a, asOf);
    for (let p = start[a]; p < end; p++) {
      if (minor[p] < 0) continue; // a refund: never an order
      const k = periodOf(time[p]) - firstPeriod;
      if (k !== previous) {
        state = previous < 0 ? 'new' : previous === k - 1 ? 'returning' : 'resurrected';
        if (previous >= 0 && previous < k - 1) tallies[previous + 1].dormant++;
        tallies[k].customers[state]++;
        previous = k;
      }
      tallies[k].revenue[state] += minor[p];
    }
    if (previous >= 0) tallies[previous + 1].dormant++;
  }
  return tallies;
}
