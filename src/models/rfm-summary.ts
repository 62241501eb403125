/**
 * `rfmSummary`: the customer-base summary (x, t_x, T, mean repeat value, holdout counts) that the
 * buy-till-you-die models are fitted on, computed from transactions in one linear scan.
 *
 * @module
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import { type LedgerInput, calendarZone, toLedger } from '../input/ledger.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { CustomerId, DateInput } from '../input/types.ts';
import type { SpendSummary } from './gamma-gamma.ts';
import { compressDays } from './compress-days.ts';
import { MAX_SUMMARY_DAYS } from './limits.ts';
import type { CompressedSummary, FrequencySummary } from './summary.ts';
import { type ModelTimeUnit, isoDay, unitDays } from './time-unit.ts';

/** Options of {@link rfmSummary}. */
export interface RfmSummaryOptions extends LedgerBaseOptions {
  /**
   * Last day of the calibration period (its whole local calendar day is inside). Default: the day of
   * the ledger's last event.
   */
  calibrationEnd?: DateInput;
  /** Last day of the holdout period (whole day inside); must be after `calibrationEnd`. */
  holdoutEnd?: DateInput;
  /** Time unit of `tx` and `T`: `'day'` (default), `'week'` or `{ days: n }`. */
  unit?: ModelTimeUnit;
}

const RFM_SUMMARY_KEYS = [
  ...LEDGER_BASE_KEYS,
  ...optionKeys<Omit<RfmSummaryOptions, keyof LedgerBaseOptions>>({ calibrationEnd: true, holdoutEnd: true, unit: true }),
];

/** The result of {@link rfmSummary}: one row per customer, as columns. */
export interface RfmSummary {
  /** Customer ids, row order (the ledger's account order). */
  readonly ids: readonly CustomerId[];
  /** Repeat transaction days in the calibration period (days with an order after the first). */
  readonly x: Uint32Array;
  /** Recency: time from the first to the last transaction day, in `unit`s. */
  readonly tx: Float64Array;
  /** Age: time from the first transaction day to the calibration end day, in `unit`s. */
  readonly T: Float64Array;
  /** Mean value of the repeat transaction days in major units (0 when x = 0): the Gamma-Gamma `zbar`. */
  readonly zbar: Float64Array;
  /** Sum of the repeat days' order amounts in minor units (exact; `zbar = repeatMinor / x / 10^digits`). */
  readonly repeatMinor: Float64Array;
  /** Local day number (days since 1970-01-01) of each customer's first transaction. */
  readonly firstDay: Int32Array;
  /** Transaction days in the holdout period per customer, or `null` without `holdoutEnd`. */
  readonly holdout: Uint32Array | null;
  /** Days per unit (1, 7 or n). */
  readonly unitDays: number;
  /** The ledger's time zone (the days above are local days there). */
  readonly timeZone: string;
  /** The ledger's currency digits. */
  readonly currencyDigits: number;
  /** Calibration end day as `YYYY-MM-DD` (inclusive). */
  readonly calibrationEnd: string;
  /** Calibration end as a local day number (days since 1970-01-01). */
  readonly calibrationEndDay: number;
  /** Holdout end day as `YYYY-MM-DD` (inclusive), or `null`. */
  readonly holdoutEnd: string | null;
  /** Length of the holdout period in units (`(holdoutEnd − calibrationEnd) days / unitDays`), or `null`. */
  readonly holdoutLength: number | null;
  /** Customers whose first order falls on the calibration end day (T = 0): left out, counted here. */
  readonly excludedOnLastDay: number;
  /** Local day of the earliest first transaction: period 1 of {@link RfmSummary.repeatByPeriod} starts there. */
  readonly originDay: number;
  /**
   * Repeat transaction days of the summary's customers per period of `unitDays` days counted from
   * `originDay`, through the holdout end (or the calibration end): the actual series of the tracking plot.
   */
  readonly repeatByPeriod: Float64Array;
  /** `{ x, tx, T, unitDays }` for the fitters (views of the columns above). */
  toFrequencySummary(): FrequencySummary & { readonly unitDays: number };
  /** Distinct `(x, tx, T)` rows with weights, sorted; what the fitters run on. */
  compress(): CompressedSummary;
  /** `{ x, zbar, weight }` for `fitGammaGamma` (weight 0 for repeat buyers whose repeat days are all zero-value). */
  toSpendSummary(): SpendSummary & { readonly x: Uint32Array; readonly zbar: Float64Array; readonly weight: Float64Array };
  /** The summary as plain data (typed-array columns as arrays, no methods), for `JSON.stringify`. */
  toJSON(): RfmSummaryJson;
}

/** A typed-array column as an array of numbers (`null` stays `null`). */
type PlainColumn<V> = V extends ArrayBufferView ? number[] : V;

/** An {@link RfmSummary} as plain data: its typed-array columns as arrays of numbers, without the methods. */
export type RfmSummaryJson = {
  readonly [K in keyof RfmSummary as RfmSummary[K] extends (...args: never[]) => unknown ? never : K]: PlainColumn<RfmSummary[K]>;
};

/**
 * The customer-base summary of the buy-till-you-die models, per customer (docs/definitions.md).
 *
 * Transactions are order days: every order (amount ≥ 0, zero-value orders included) on one local
 * calendar day (in the ledger's time zone) is one transaction; refunds are never transactions.
 * - `x` = order days after the first, up to and including the calibration end day;
 * - `tx` = (last order day − first order day) ÷ unit;
 * - `T` = (calibration end day − first order day) ÷ unit: whole days *between* the two days, so a
 *   customer who first bought on 1997-01-01 has T = 272 days = 38.86 weeks at a calibration end of
 *   1997-09-30, while an order on 1997-09-30 itself still counts. This is the convention of the
 *   published CDNOW summary (and of `lifetimes`), which it reproduces exactly;
 * - `zbar` = mean over the repeat days of the day's summed order amounts (the first day excluded);
 * - `holdout` = order days in (calibration end day, holdout end day].
 *
 * Only customers whose first order is on or before the calibration end day are rows; those whose
 * first order is *on* that day have T = 0 (nothing observed) and are counted in `excludedOnLastDay`
 * instead. Rows keep the ledger's account order. One linear scan over the ledger's typed arrays.
 *
 * @param data - a ledger, or records (read with the ledger options given here)
 * @param options - `calibrationEnd` (default: the last event's day), `holdoutEnd`, `unit` (default
 *   `'day'`), and the ledger options for records
 * @returns the summary columns, with `toFrequencySummary()`, `compress()`, `toSpendSummary()` and
 *   `toJSON()`; `unitDays` travels with the columns into the fits, which record it in the model
 * @throws {@link InvalidOptionError} for an unknown option, an unreadable date, a bad unit,
 *   `holdoutEnd` not after `calibrationEnd`, or a summary spanning more than 36,525 days (100 years)
 *   from the earliest first purchase to its end
 * @throws {@link InvalidInputError} for unreadable records
 *
 * @example
 * ```ts
 * import { rfmSummary } from 'retention-metrics';
 * const s = rfmSummary(
 *   [
 *     { customerId: 'ann', date: '2024-01-01', amount: '20.00' },
 *     { customerId: 'ann', date: '2024-01-01', amount: '5.00' },
 *     { customerId: 'ann', date: '2024-01-15', amount: '30.00' },
 *     { customerId: 'ann', date: '2024-01-29', amount: '10.00' },
 *     { customerId: 'ann', date: '2024-01-29', amount: '-10.00' },
 *     { customerId: 'bob', date: '2024-01-08', amount: '40.00' },
 *     { customerId: 'bob', date: '2024-02-20', amount: '15.00' },
 *   ],
 *   { calibrationEnd: '2024-02-12', holdoutEnd: '2024-03-11', unit: 'week' },
 * );
 * s.ids; // => ['ann', 'bob']
 * [...s.x]; // => [2, 0]
 * [...s.tx]; // => [4, 0]
 * [...s.T]; // => [6, 5]
 * [...s.zbar]; // => [20, 0]
 * [...(s.holdout ?? [])]; // => [0, 1]
 * ```
 */
export function rfmSummary(data: LedgerInput, options: RfmSummaryOptions = {}): RfmSummary {
  const { calibrationEnd, holdoutEnd, unit, ...ledgerOptions } = checkOptionKeys(options, RFM_SUMMARY_KEYS);
  const book = toLedger(data, ledgerOptions);
  const u = unitDays(unit);
  const zone = calendarZone(book, ledgerOptions);
  const dayOf = makeDayIndexer(zone);
  const lastEvent = book.maxTime ?? 0;
  const calEndDay = dayOf(calibrationEnd === undefined ? lastEvent : dateOption('calibrationEnd', calibrationEnd, zone));
  let holdEndDay = calEndDay;
  if (holdoutEnd !== undefined) {
    holdEndDay = dayOf(dateOption('holdoutEnd', holdoutEnd, zone));
    if (holdEndDay <= calEndDay) {
      throw new InvalidOptionError('holdoutEnd', holdoutEnd, `must be a day after calibrationEnd (${isoDay(calEndDay)})`);
    }
  }
  const { start, time, minor, orders } = book;
  const accounts = book.ids.length;

  // Pass 1: the first order day of every customer (usually the account's first event).
  const first = new Int32Array(accounts);
  let origin = Number.POSITIVE_INFINITY;
  for (let a = 0; a < accounts; a++) {
    if ((orders[a] ?? 0) === 0) continue;
    let p = start[a] ?? 0;
    while ((minor[p] ?? 0) < 0) p++;
    const d = dayOf(time[p] ?? 0);
    first[a] = d;
    if (d < calEndDay && d < origin) origin = d;
  }
  const originDay = Number.isFinite(origin) ? origin : calEndDay;
  if (holdEndDay - originDay + 1 > MAX_SUMMARY_DAYS) {
    const [option, value] = holdoutEnd === undefined ? ['calibrationEnd', calibrationEnd] : ['holdoutEnd', holdoutEnd];
    throw new InvalidOptionError(option, value, `the summary would span ${holdEndDay - originDay + 1} days from the earliest first purchase (${isoDay(originDay)}) to ${isoDay(holdEndDay)}; at most ${MAX_SUMMARY_DAYS} (100 years)`);
  }
  const periods = Math.max(0, Math.ceil((holdEndDay + 1 - originDay) / u));
  const repeatByPeriod = new Float64Array(periods);

  // Pass 2: one scan per customer, no allocation per row.
  const rowAccount = new Uint32Array(accounts);
  const x = new Uint32Array(accounts);
  const lastDay = new Int32Array(accounts);
  const repeatMinor = new Float64Array(accounts);
  const hold = holdoutEnd === undefined ? null : new Uint32Array(accounts);
  let rows = 0;
  let excludedOnLastDay = 0;
  for (let a = 0; a < accounts; a++) {
    if ((orders[a] ?? 0) === 0) continue;
    const d0 = first[a] ?? 0;
    if (d0 > calEndDay) continue;
    if (d0 === calEndDay) {
      excludedOnLastDay++;
      continue;
    }
    const end = start[a + 1] ?? 0;
    let prev = d0;
    let repeats = 0;
    let last = d0;
    let sum = 0;
    let held = 0;
    for (let q = start[a] ?? 0; q < end; q++) {
      const amount = minor[q] ?? 0;
      if (amount < 0) continue;
      const d = dayOf(time[q] ?? 0);
      if (d > holdEndDay) break;
      if (d !== prev) {
        prev = d;
        repeatByPeriod[Math.floor((d - originDay) / u)] = (repeatByPeriod[Math.floor((d - originDay) / u)] ?? 0) + 1;
        if (d <= calEndDay) {
          repeats++;
          last = d;
        } else held++;
      }
      if (d !== d0 && d <= calEndDay) sum += amount;
    }
    rowAccount[rows] = a;
    x[rows] = repeats;
    first[rows] = d0; // rows ≤ a: compact in place
    lastDay[rows] = last;
    repeatMinor[rows] = sum;
    if (hold !== null) hold[rows] = held;
    rows++;
  }

  const scale = 10 ** book.currencyDigits;
  const ids: CustomerId[] = new Array<CustomerId>(rows);
  const tx = new Float64Array(rows);
  const T = new Float64Array(rows);
  const zbar = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    ids[i] = book.ids[rowAccount[i] ?? 0] ?? '';
    const d0 = first[i] ?? 0;
    const xi = x[i] ?? 0;
    tx[i] = ((lastDay[i] ?? 0) - d0) / u;
    T[i] = (calEndDay - d0) / u;
    zbar[i] = xi > 0 ? (repeatMinor[i] ?? 0) / xi / scale : 0;
  }
  const xs = x.slice(0, rows);
  const firstDay = first.slice(0, rows);
  const txDays = new Int32Array(rows);
  for (let i = 0; i < rows; i++) txDays[i] = (lastDay[i] ?? 0) - (firstDay[i] ?? 0);
  const holdout = hold === null ? null : hold.slice(0, rows);
  const minorCol = repeatMinor.slice(0, rows);
  const columns = {
    ids,
    x: xs,
    tx,
    T,
    zbar,
    repeatMinor: minorCol,
    firstDay,
    holdout,
    unitDays: u,
    timeZone: zone,
    currencyDigits: book.currencyDigits,
    calibrationEnd: isoDay(calEndDay),
    calibrationEndDay: calEndDay,
    holdoutEnd: hold === null ? null : isoDay(holdEndDay),
    holdoutLength: hold === null ? null : (holdEndDay - calEndDay) / u,
    excludedOnLastDay,
    originDay,
    repeatByPeriod,
  };
  return {
    ...columns,
    toFrequencySummary: () => ({ x: xs, tx, T, unitDays: u }),
    compress: () => compressDays(xs, txDays, firstDay, calEndDay, u),
    toSpendSummary: () => {
      const weight = new Float64Array(rows);
      for (let i = 0; i < rows; i++) weight[i] = (xs[i] ?? 0) > 0 && (zbar[i] ?? 0) <= 0 ? 0 : 1;
      return { x: xs, zbar, weight };
    },
    toJSON: () => ({
      ...columns,
      ids: [...ids],
      x: Array.from(xs),
      tx: Array.from(tx),
      T: Array.from(T),
      zbar: Array.from(zbar),
      repeatMinor: Array.from(minorCol),
      firstDay: Array.from(firstDay),
      holdout: holdout === null ? null : Array.from(holdout),
      repeatByPeriod: Array.from(repeatByPeriod),
    }),
  };
}
