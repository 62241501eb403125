/**
 * `dormancy`: every customer as active, at risk, dormant or lost, as of a date.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { CHUNK } from '../chunks.ts';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { lazyField } from '../lazy.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { CustomerId } from '../input/types.ts';
import { type AsOfOptions, type CustomerScan, scanCustomers } from '../input/customer-scan.ts';
import {
  DORMANCY_SEGMENTS,
  type DormancySegment,
  type DormancyWindows,
  resolveWindows,
  segmentByDays,
  segmentIndexByDays,
  segmentByProbability,
} from './dormancy-windows.ts';
import { OrderDayGaps } from './order-day-gaps.ts';
import { readSegmentInput } from './segment-input.ts';

const DORMANCY_KEYS = [...LEDGER_BASE_KEYS, ...optionKeys<Omit<DormancyOptions, keyof LedgerBaseOptions>>({ asOf: true, windows: true })];

/** Options of {@link dormancy}. */
export interface DormancyOptions extends AsOfOptions {
  /**
   * How days since the last order become a segment: `'fixed'` (default; active ≤ 90, atRisk 91–180,
   * dormant 181–365, lost > 365 days), your own `{ active, atRisk, dormant }` last days, `'adaptive'`
   * (2 / 4 / 8 × the customer's median gap; one-order-day customers use the fixed windows),
   * `{ adaptive: { … }, fallback?: { … } }`, or `{ probabilityAlive, thresholds? }` to segment by a
   * model's probability that the customer is alive.
   */
  windows?: DormancyWindows;
}

/** One customer of a {@link DormancyReport}. */
export interface DormancyCustomer {
  /** The customer's id. */
  id: CustomerId;
  /** Instant of the last order at or before `asOf`. */
  lastOrder: Date;
  /** Whole local calendar days from the last order's day to the as-of day (0 = ordered that day). */
  daysSince: number;
  /** Orders at or before `asOf`. */
  orders: number;
  /** Median gap in days between distinct order days; `null` with a single order day. */
  medianGap: number | null;
  /** The probability alive given by `windows.probabilityAlive`; `null` with day windows. */
  probabilityAlive: number | null;
  /** The customer's segment. */
  segment: DormancySegment;
  /** Historical value: net revenue (orders plus refunds) at or before `asOf`. */
  value: Decimal;
}

/** Count and value of one segment. */
export interface DormancySegmentTotal {
  /** Customers in the segment. */
  customers: number;
  /** Sum of their historical value. */
  value: Decimal;
}

/** The per-customer numbers of a {@link DormancyReport} as typed arrays (same order as `customers`). */
export interface DormancyColumns {
  /** Ledger account number of the customer (`book.ids[account]` is the id). */
  account: Uint32Array;
  /** Whole days since the last order. */
  daysSince: Float64Array;
  /** Index of the segment in `DORMANCY_SEGMENTS` (0 active, 1 atRisk, 2 dormant, 3 lost). */
  segment: Uint8Array;
  /** Historical value (net revenue) in minor units. */
  valueMinor: Float64Array;
}

/** The result of {@link dormancy}. */
export interface DormancyReport {
  /** The as-of instant, or `null` for an empty ledger. */
  asOf: Date | null;
  /** The rule used. */
  windows: 'fixed' | 'adaptive' | 'probabilityAlive';
  /**
   * Every customer as of `asOf`, in ledger account order. The row objects are built on first access;
   * {@link DormancyReport.columns} holds the same numbers as typed arrays for bulk use.
   */
  readonly customers: DormancyCustomer[];
  /** The per-customer numbers as typed arrays, index i = `customers[i]`. */
  columns: DormancyColumns;
  /** Per segment: customers (adding up to `customers.length`) and value. */
  segments: Record<DormancySegment, DormancySegmentTotal>;
  /**
   * The report as JSON-safe plain data (what `JSON.stringify` writes): the customers as rows, money as
   * exact decimal strings, instants as ISO-8601 strings. `columns` is left out: it holds the numbers of
   * `customers` again, keyed by ledger account numbers that mean nothing outside this process.
   */
  toJSON(): DormancyReportJson;
}

/** One customer of {@link DormancyReportJson}: {@link DormancyCustomer} with the instant and money as strings. */
export type DormancyCustomerJson = Omit<DormancyCustomer, 'lastOrder' | 'value'> & { lastOrder: string; value: string };

/** A {@link DormancyReport} as JSON-safe plain data. */
export interface DormancyReportJson {
  asOf: string | null;
  windows: DormancyReport['windows'];
  customers: DormancyCustomerJson[];
  segments: Record<DormancySegment, { customers: number; value: string }>;
}

/** Where the fixed-window classification of {@link classifyByDays} reads its limits and writes. */
interface DayClassification {
  readonly limits: readonly [number, number, number];
  readonly daysSinceOf: Float64Array;
  readonly segmentOf: Uint8Array;
  readonly counts: Uint32Array;
  readonly totals: Float64Array;
}

/** Fixed windows, customers `lo … hi − 1` (one chunk, see {@link CHUNK}): days since the last order, segment, and the per-segment sums. */
function classifyByDays(scan: CustomerScan, out: DayClassification, lo: number, hi: number): void {
  const { dayOf, asOfDay, lastOrder, netMinor } = scan;
  const { limits, daysSinceOf, segmentOf, counts, totals } = out;
  // Read by index: destructuring goes through the iterator protocol on every call until compiled.
  const active = limits[0];
  const atRisk = limits[1];
  const dormant = limits[2];
  for (let i = lo; i < hi; i++) {
    const daysSince = asOfDay - dayOf(lastOrder[i] ?? 0);
    const k = segmentIndexByDays(daysSince, active, atRisk, dormant);
    daysSinceOf[i] = daysSince;
    segmentOf[i] = k;
    counts[k] = (counts[k] ?? 0) + 1;
    totals[k] = (totals[k] ?? 0) + (netMinor[i] ?? 0);
  }
}

/**
 * Segment every customer by the whole days since their last order, as of a date.
 *
 * Days are local calendar days in the ledger's time zone: `daysSince` = day of `asOf` − day of the
 * last order at or before `asOf`. Refunds never make a customer active, but they lower the customer's
 * historical value (net revenue to date). Events after `asOf` are ignored, so a customer whose only
 * order is after `asOf` is not in the report. Fixed windows: active ≤ 90, atRisk 91–180,
 * dormant 181–365, lost > 365 days by default. Adaptive windows scale to each customer's median gap g
 * between distinct order days: active ≤ 2g, atRisk ≤ 4g, dormant ≤ 8g, else lost (customers with one
 * order day fall back to the fixed windows). With `{ probabilityAlive }` the segment comes from a
 * model: active p ≥ 0.75, atRisk ≥ 0.5, dormant ≥ 0.25, else lost (thresholds configurable).
 * Cost: one pass over the events, plus a sort of each customer's gaps.
 *
 * @param data - a ledger or records
 * @param options - `asOf` (default: the last event), `windows`, ledger options for raw records
 * @returns per-customer rows and per-segment counts and value
 * @throws {@link InvalidOptionError} for an unknown option, a bad `asOf` or windows (not increasing,
 *   negative, not whole days), or when `probabilityAlive` returns something that is not a probability
 *
 * @example
 * ```ts
 * import { dormancy } from 'retention-metrics';
 * const report = dormancy(
 *   [
 *     { customerId: 'ann', date: '2024-10-02', amount: '40.00' },
 *     { customerId: 'bob', date: '2024-07-03', amount: '25.00' },
 *     { customerId: 'bob', date: '2024-07-10', amount: '-5.00' },
 *     { customerId: 'cy', date: '2023-06-30', amount: '90.00' },
 *   ],
 *   { asOf: '2024-12-31' },
 * );
 * report.customers.map((c) => [c.id, c.daysSince, c.segment]); // => [['cy', 550, 'lost'], ['bob', 181, 'dormant'], ['ann', 90, 'active']]
 * report.segments.dormant.value.toFixed(2); // => '20.00'
 * ```
 */
export function dormancy(data: LedgerInput, options?: DormancyOptions): DormancyReport {
  const opts = checkOptionKeys(options, DORMANCY_KEYS);
  const windows = resolveWindows(opts.windows);
  const { book, asOf, timeZone } = readSegmentInput(data, opts);
  const scan = scanCustomers(book, asOf, timeZone);
  const { dayOf, asOfDay } = scan;
  const { ids } = book;
  const digits = book.currencyDigits;
  const n = scan.account.length;
  const totals = new Float64Array(4);
  const counts = new Uint32Array(4);
  const daysSinceOf = new Float64Array(n);
  const segmentOf = new Uint8Array(n);
  const aliveOf = windows.kind === 'alive' ? new Float64Array(n) : null;
  const gaps = new OrderDayGaps(scan);
  if (windows.kind === 'fixed') {
    const days = { limits: windows.days, daysSinceOf, segmentOf, counts, totals };
    for (let lo = 0; lo < n; lo += CHUNK) classifyByDays(scan, days, lo, Math.min(n, lo + CHUNK));
  } else {
    for (let i = 0; i < n; i++) {
      const a = scan.account[i] ?? 0;
      const lastDay = dayOf(scan.lastOrder[i] ?? 0);
      const daysSince = asOfDay - lastDay;
      let segment: DormancySegment;
      if (windows.kind === 'alive') {
        const orders = scan.orders[i] ?? 0;
        const gapCount = gaps.collect(i);
        const id = ids[a] ?? '';
        const p = windows.probabilityAlive({ id, orders, x: gapCount, tx: lastDay - gaps.firstDay, T: asOfDay - gaps.firstDay, daysSince });
        if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
          throw new InvalidOptionError(
            'windows.probabilityAlive',
            p,
            `returned ${describeValue(p)} for customer ${describeValue(id)}; it must return a probability from 0 to 1`,
          );
        }
        if (aliveOf !== null) aliveOf[i] = p;
        segment = segmentByProbability(p, windows.thresholds);
      } else {
        const medianGap = windows.kind === 'adaptive' ? gaps.median(i) : null;
        if (windows.kind === 'adaptive' && medianGap !== null) {
          const [k1, k2, k3] = windows.multipliers;
          segment = segmentByDays(daysSince, [k1 * medianGap, k2 * medianGap, k3 * medianGap]);
        } else {
          segment = segmentByDays(daysSince, windows.days);
        }
      }
      const k = DORMANCY_SEGMENTS.indexOf(segment);
      daysSinceOf[i] = daysSince;
      segmentOf[i] = k;
      counts[k] = (counts[k] ?? 0) + 1;
      totals[k] = (totals[k] ?? 0) + (scan.netMinor[i] ?? 0);
    }
  }
  const buildRows = (): DormancyCustomer[] => {
    const rows = new Array<DormancyCustomer>(n);
    for (let i = 0; i < n; i++) {
      rows[i] = {
        id: ids[scan.account[i] ?? 0] ?? '',
        lastOrder: new Date(scan.lastOrder[i] ?? 0),
        daysSince: daysSinceOf[i] ?? 0,
        orders: scan.orders[i] ?? 0,
        medianGap: gaps.median(i),
        probabilityAlive: aliveOf === null ? null : (aliveOf[i] ?? 0),
        segment: DORMANCY_SEGMENTS[segmentOf[i] ?? 0] ?? 'lost',
        value: fromMinorUnits(scan.netMinor[i] ?? 0, digits),
      };
    }
    return rows;
  };
  const total = (k: number): DormancySegmentTotal => ({ customers: counts[k] ?? 0, value: fromMinorUnits(totals[k] ?? 0, digits) });
  const report = lazyField(
    {
      asOf: asOf === null ? null : new Date(asOf),
      windows: windows.kind === 'alive' ? ('probabilityAlive' as const) : windows.kind,
      columns: { account: scan.account, daysSince: daysSinceOf, segment: segmentOf, valueMinor: scan.netMinor.slice() },
      segments: { active: total(0), atRisk: total(1), dormant: total(2), lost: total(3) },
    },
    'customers',
    buildRows,
  );
  // Not enumerable: the report's fields stay its data, and `JSON.stringify` still finds it.
  Object.defineProperty(report, 'toJSON', { value: () => reportJson(report), enumerable: false });
  return report as typeof report & Pick<DormancyReport, 'toJSON'>;
}

/** A dormancy report as JSON-safe plain data (see {@link DormancyReport.toJSON}). */
function reportJson(report: Omit<DormancyReport, 'toJSON'>): DormancyReportJson {
  const segment = (s: DormancySegmentTotal) => ({ customers: s.customers, value: s.value.toString() });
  const { active, atRisk, dormant, lost } = report.segments;
  return {
    asOf: report.asOf === null ? null : report.asOf.toISOString(),
    windows: report.windows,
    customers: report.customers.map((c) => ({ ...c, lastOrder: c.lastOrder.toISOString(), value: c.value.toString() })),
    segments: { active: segment(active), atRisk: segment(atRisk), dormant: segment(dormant), lost: segment(lost) },
  };
}
