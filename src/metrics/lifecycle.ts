/**
 * `periodLifecycle`: new, returning, resurrected and dormant customers per period.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { CHUNK } from '../chunks.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import type { Ledger } from '../input/types.ts';
import { ratio } from './order-totals.ts';
import { PERIOD_KEYS, type PeriodInfo, type PeriodOptions, preparePeriodScan } from './period-scan.ts';

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

const NEW = 0;
const RETURNING = 1;
const RESURRECTED = 2;

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
  const scan = preparePeriodScan(data, options);
  const { book, asOf, periodOf, firstPeriod, lastPeriod } = scan;
  if (firstPeriod === null) return [];
  const span = lastPeriod - firstPeriod + 1;
  const counts = new Float64Array(span * 3);
  const revenue = new Float64Array(span * 3);
  const dormant = new Float64Array(span + 1);
  const tallies: LifecycleTallies = { asOf, periodOf, firstPeriod, counts, revenue, dormant };
  const accounts = book.ids.length;
  for (let a = 0; a < accounts; a += CHUNK) tallyLifecycles(book, tallies, a, Math.min(accounts, a + CHUNK));
  const digits = book.currencyDigits;
  const rows: LifecycleRow[] = [];
  for (let k = scan.reportFrom - firstPeriod; k < span; k++) {
    const fresh = counts[k * 3 + NEW] ?? 0;
    const returning = counts[k * 3 + RETURNING] ?? 0;
    const resurrected = counts[k * 3 + RESURRECTED] ?? 0;
    const lapsed = dormant[k] ?? 0;
    rows.push({
      ...scan.info(firstPeriod + k),
      active: fresh + returning + resurrected,
      new: fresh,
      returning,
      resurrected,
      dormant: lapsed,
      newRevenue: fromMinorUnits(revenue[k * 3 + NEW] ?? 0, digits),
      returningRevenue: fromMinorUnits(revenue[k * 3 + RETURNING] ?? 0, digits),
      resurrectedRevenue: fromMinorUnits(revenue[k * 3 + RESURRECTED] ?? 0, digits),
      quickRatio: ratio(fresh + resurrected, lapsed),
    });
  }
  return rows;
}

/** What {@link tallyLifecycles} reads and adds to: per period offset, counts and revenue by state, and lapses. */
interface LifecycleTallies {
  readonly asOf: number;
  readonly periodOf: (epochMs: number) => number;
  readonly firstPeriod: number;
  readonly counts: Float64Array;
  readonly revenue: Float64Array;
  readonly dormant: Float64Array;
}

/** Each customer's periods among accounts `lo … hi − 1` (one chunk, see {@link CHUNK}), tallied. */
function tallyLifecycles(book: Ledger, tallies: LifecycleTallies, lo: number, hi: number): void {
  const { start, time, minor } = book;
  const { asOf, periodOf, firstPeriod, counts, revenue, dormant } = tallies;
  for (let a = lo; a < hi; a++) {
    let previous = -1; // last active period (offset), −1 before the first order
    let state = NEW;
    for (let p = start[a] ?? 0; p < (start[a + 1] ?? 0); p++) {
      const t = time[p] ?? 0;
      if (t > asOf) break;
      const amount = minor[p] ?? 0;
      if (amount < 0) continue;
      const k = periodOf(t) - firstPeriod;
      if (k !== previous) {
        state = previous < 0 ? NEW : previous === k - 1 ? RETURNING : RESURRECTED;
        if (previous >= 0 && previous < k - 1) dormant[previous + 1] = (dormant[previous + 1] ?? 0) + 1;
        counts[k * 3 + state] = (counts[k * 3 + state] ?? 0) + 1;
        previous = k;
      }
      revenue[k * 3 + state] = (revenue[k * 3 + state] ?? 0) + amount;
    }
    if (previous >= 0) dormant[previous + 1] = (dormant[previous + 1] ?? 0) + 1;
  }
}
