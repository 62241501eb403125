/**
 * What every per-period metric needs before it scans: validated options, the as-of instant, a fast
 * instant → period lookup and the range of periods to report.
 *
 * @module
 */
import { CHUNK } from '../chunks.ts';
import { makeDayIndexer } from '../calendar/days.ts';
import { dayPeriodTable } from '../calendar/day-table.ts';
import { periodEnd, periodKey, periodStart } from '../calendar/period.ts';
import { type CalendarUnit, type WeekStartsOn, assertPeriod, assertWeekStartsOn, isFixedSpan, periodOfDay } from '../calendar/units.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import { type LedgerInput, calendarZone, toLedger } from '../input/ledger.ts';
import { optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { DateInput, Ledger } from '../input/types.ts';

/** Options shared by the per-period metrics. */
export interface PeriodOptions extends LedgerBaseOptions {
  /** Calendar period: `'day' | 'week' | 'month' | 'quarter' | 'year'`. */
  period: CalendarUnit;
  /** First day of the week for `'week'` (0 = Sunday … 6; default 1, Monday). */
  weekStartsOn?: WeekStartsOn;
  /**
   * Last instant taken into account (default: the ledger's last event). Later events are ignored.
   * A date-only string is the start of that day (pass the end of the day, e.g. `'2024-12-31T23:59:59.999Z'`, to count its orders).
   */
  asOf?: DateInput;
  /** First period reported: the one containing this instant (default: the first order's period). */
  from?: DateInput;
}

/** The identity of one reported period. */
export interface PeriodInfo {
  /** Period key: `2024-03-07`, `2024-W09`, `2024-03`, `2024-Q1`, `2024`. */
  period: string;
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
  /** `false` when the period extends past `asOf` (its numbers are still moving). */
  complete: boolean;
}

/** A prepared scan: the ledger, the as-of instant and the periods to report. */
export interface PeriodScan {
  readonly book: Ledger;
  readonly asOf: number;
  /** Period index of an event instant (valid for instants from the ledger's first event to `asOf`). */
  readonly periodOf: (epochMs: number) => number;
  /**
   * A fast day → period lookup for local day numbers from the ledger's first day to `extraDays` after
   * the last day taken into account (a table built once).
   */
  readonly dayLookup: (extraDays: number) => (day: number) => number;
  /** Local day number of an instant. */
  readonly dayOf: (epochMs: number) => number;
  /** First period with an order at or before `asOf` (`null` when there is none). */
  readonly firstPeriod: number | null;
  /** The period containing `asOf`. */
  readonly lastPeriod: number;
  /** First period to report (≥ firstPeriod). */
  readonly reportFrom: number;
  /** Key, start, end and completeness of a period. */
  readonly info: (index: number) => PeriodInfo;
}

/**
 * Most periods one report covers, from the first order's period to the period of `asOf`: 100,000 days
 * are 273 years. The rows, and the arrays behind them, grow with this count, so a far-off `asOf` (a
 * `'9999-12-31'` "no end" sentinel) is refused rather than answered with millions of empty rows.
 */
export const MAX_REPORT_PERIODS = 100_000;

/** @internal The keys of {@link PeriodOptions}. */
export const PERIOD_KEYS = [
  ...LEDGER_BASE_KEYS,
  ...optionKeys<Omit<PeriodOptions, keyof LedgerBaseOptions>>({ period: true, weekStartsOn: true, asOf: true, from: true }),
];

/** Validate per-period options and prepare the scan (the caller checks the option keys). */
export function preparePeriodScan(data: LedgerInput, options: PeriodOptions): PeriodScan {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', options, 'must be an object with a `period`');
  }
  const period = assertPeriod(options.period, 'period');
  if (isFixedSpan(period)) {
    throw new InvalidOptionError('period', period, 'must be a calendar period (day, week, month, quarter, year)');
  }
  const book = toLedger(data, options);
  const timeZone = calendarZone(book, options);
  const weekStartsOn = assertWeekStartsOn(options.weekStartsOn);
  const calendar = { timeZone, weekStartsOn };
  const asOf = options.asOf === undefined ? (book.maxTime ?? 0) : dateOption('asOf', options.asOf, timeZone);
  const dayOf = makeDayIndexer(timeZone);
  const lastPeriod = periodOfDay(dayOf(asOf), period, weekStartsOn);
  const firstDay = book.minTime === null ? 0 : dayOf(book.minTime);
  const lastDay = book.maxTime === null ? -1 : dayOf(Math.min(book.maxTime, asOf));
  const table = dayPeriodTable(firstDay, lastDay, period, weekStartsOn);
  const periodOf = (epochMs: number): number => table.periods[dayOf(epochMs) - firstDay] ?? 0;
  const earliest = Float64Array.of(Number.POSITIVE_INFINITY);
  const accounts = book.ids.length;
  for (let a = 0; a < accounts; a += CHUNK) earliestOrder(book, a, Math.min(accounts, a + CHUNK), earliest);
  const firstOrder = earliest[0] ?? Number.POSITIVE_INFINITY;
  const firstPeriod = firstOrder <= asOf ? periodOf(firstOrder) : null;
  if (firstPeriod !== null && lastPeriod - firstPeriod + 1 > MAX_REPORT_PERIODS) {
    const count = lastPeriod - firstPeriod + 1;
    const what = `${count} ${period} periods from ${periodKey(firstPeriod, period, weekStartsOn)} to ${periodKey(lastPeriod, period, weekStartsOn)}`;
    const reason = `the report would cover ${what}, more than ${MAX_REPORT_PERIODS}; choose a longer period`;
    if (options.asOf === undefined) throw new InvalidOptionError('period', period, reason);
    throw new InvalidOptionError('asOf', options.asOf, `${reason} or an earlier asOf`);
  }
  const from = options.from === undefined ? null : periodOfDay(dayOf(dateOption('from', options.from, timeZone)), period, weekStartsOn);
  return {
    book,
    asOf,
    periodOf,
    dayLookup: (extraDays) => {
      const extended = dayPeriodTable(firstDay, lastDay + extraDays, period, weekStartsOn).periods;
      return (day) => extended[day - firstDay] ?? periodOfDay(day, period, weekStartsOn);
    },
    dayOf,
    firstPeriod,
    lastPeriod,
    reportFrom: Math.max(firstPeriod ?? lastPeriod + 1, from ?? Number.NEGATIVE_INFINITY),
    info: (index) => {
      const endMs = periodEnd(index, period, calendar);
      return {
        period: periodKey(index, period, weekStartsOn),
        start: new Date(periodStart(index, period, calendar)),
        end: new Date(endMs),
        complete: endMs <= asOf + 1,
      };
    },
  };
}

/** The earliest first order among accounts `lo … hi − 1` (one chunk, see {@link CHUNK}), folded into `earliest[0]`. */
function earliestOrder(book: Ledger, lo: number, hi: number, earliest: Float64Array): void {
  const { start, time, minor } = book;
  let first = earliest[0] ?? Number.POSITIVE_INFINITY;
  for (let a = lo; a < hi; a++) {
    for (let p = start[a] ?? 0; p < (start[a + 1] ?? 0); p++) {
      if ((minor[p] ?? 0) >= 0) {
        if ((time[p] ?? 0) < first) first = time[p] ?? 0;
        break;
      }
    }
  }
  earliest[0] = first;
}
