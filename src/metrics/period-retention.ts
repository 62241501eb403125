/**
 * `periodRetention`: period-over-period retention and churn from transactions.
 *
 * @module
 */
import { assertPeriod, isFixedSpan } from '../calendar/units.ts';
import { CHUNK } from '../chunks.ts';
import { InvalidOptionError } from '../errors.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { Ledger } from '../input/types.ts';
import { ratio } from './order-totals.ts';
import { PERIOD_KEYS, type PeriodInfo, type PeriodOptions, preparePeriodScan } from './period-scan.ts';

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
  checkOptionKeys(options, PERIOD_RETENTION_KEYS);
  const scan = preparePeriodScan(data, options);
  const { book, asOf, periodOf, dayOf, firstPeriod, lastPeriod } = scan;
  // A window that reaches past the period of asOf from the earliest event keeps the same customers in
  // the base as any longer one: it is cut there, so the day table never outgrows the report.
  const reach = dayOf(asOf) - dayOf(book.minTime ?? asOf) + MAX_PERIOD_DAYS;
  const windowDays = options.activeWithin === undefined ? 0 : Math.min(activeDays(options.activeWithin), Math.max(reach, 1));
  if (firstPeriod === null) return [];
  const periodOfDay = scan.dayLookup(windowDays);
  const span = lastPeriod - firstPeriod + 1;
  const inBase = new Int32Array(span + 1); // difference array: customers in the base at the end of p
  const keptDiff = new Int32Array(span + 1); // difference array: in the base at the end of p − 1 and p
  const acquired = new Int32Array(span);
  const runs: BaseRuns = { asOf, periodOf, dayOf, periodOfDay, firstPeriod, span, windowDays, inBase, keptDiff, acquired };
  const accounts = book.ids.length;
  for (let a = 0; a < accounts; a += CHUNK) addBaseRuns(book, runs, a, Math.min(accounts, a + CHUNK));
  const rows: PeriodRetentionRow[] = [];
  let base = 0;
  let kept = 0;
  let previousEnd = 0;
  const reportFrom = scan.reportFrom - firstPeriod;
  for (let k = 0; k < span; k++) {
    base += inBase[k] ?? 0;
    kept += keptDiff[k] ?? 0;
    const s = previousEnd;
    previousEnd = base;
    if (k < reportFrom) continue;
    const newCustomers = acquired[k] ?? 0;
    rows.push({
      ...scan.info(firstPeriod + k),
      startCustomers: s,
      endCustomers: base,
      acquired: newCustomers,
      reactivated: base - kept - newCustomers,
      retained: kept,
      lost: s - kept,
      retentionRate: ratio(kept, s),
      churnRate: ratio(s - kept, s),
    });
  }
  return rows;
}

/** What {@link addBaseRuns} reads and adds to (difference arrays over the period offsets, and acquisitions). */
interface BaseRuns {
  readonly asOf: number;
  readonly periodOf: (epochMs: number) => number;
  readonly dayOf: (epochMs: number) => number;
  readonly periodOfDay: (day: number) => number;
  readonly firstPeriod: number;
  readonly span: number;
  readonly windowDays: number;
  readonly inBase: Int32Array;
  readonly keptDiff: Int32Array;
  readonly acquired: Int32Array;
}

/** The runs of periods in the base of accounts `lo … hi − 1` (one chunk, see {@link CHUNK}), added to the difference arrays. */
function addBaseRuns(book: Ledger, runs: BaseRuns, lo: number, hi: number): void {
  const { start, time, minor } = book;
  const { asOf, periodOf, dayOf, periodOfDay, firstPeriod, span, windowDays, inBase, keptDiff, acquired } = runs;
  for (let a = lo; a < hi; a++) {
    let runFrom = -1;
    let runTo = -2;
    let firstFrom = -1; // period of the first order
    let inBaseFirst = false; // in the base at the end of that period
    for (let p = start[a] ?? 0; p < (start[a + 1] ?? 0); p++) {
      const t = time[p] ?? 0;
      if (t > asOf) break;
      if ((minor[p] ?? 0) < 0) continue;
      const from = periodOf(t) - firstPeriod;
      // In the base at the end of every period whose last day lies in [day, day + windowDays − 1].
      const to = Math.min(windowDays === 0 ? from : periodOfDay(dayOf(t) + windowDays) - 1 - firstPeriod, span - 1);
      if (firstFrom < 0) firstFrom = from;
      if (from === firstFrom && to >= from) inBaseFirst = true;
      if (from <= runTo + 1) {
        runTo = Math.max(runTo, to);
      } else {
        addRun(inBase, keptDiff, runFrom, runTo);
        runFrom = from;
        runTo = to;
      }
    }
    addRun(inBase, keptDiff, runFrom, runTo);
    // A new customer is acquired in their first period if they are in the base at its end.
    if (inBaseFirst) acquired[firstFrom] = (acquired[firstFrom] ?? 0) + 1;
  }
}

/** Record a run [from, to] of periods in the base (and [from + 1, to] kept from one period to the next). */
function addRun(inBase: Int32Array, keptDiff: Int32Array, from: number, to: number): void {
  if (from < 0 || to < from) return;
  inBase[from] = (inBase[from] ?? 0) + 1;
  inBase[to + 1] = (inBase[to + 1] ?? 0) - 1;
  if (to > from) {
    keptDiff[from + 1] = (keptDiff[from + 1] ?? 0) + 1;
    keptDiff[to + 1] = (keptDiff[to + 1] ?? 0) - 1;
  }
}

/** Days in the longest calendar period (a leap year), so that a day plus this lies past the end of its period. */
const MAX_PERIOD_DAYS = 367;

const ACTIVE_WITHIN_KEYS = optionKeys<{ days: number }>({ days: true });

function activeDays(value: unknown): number {
  if (typeof value === 'object' && value !== null) checkOptionKeys(value, ACTIVE_WITHIN_KEYS, 'activeWithin.');
  const span = assertPeriod(value, 'activeWithin');
  if (!isFixedSpan(span)) throw new InvalidOptionError('activeWithin', value, 'must be { days: n } with n a positive integer');
  return span.days;
}
