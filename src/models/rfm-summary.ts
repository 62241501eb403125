/**
 * `rfmSummary`: the customer-base summary (x, t_x, T, mean repeat value, holdout counts) that the
 * buy-till-you-die models are fitted on, computed from transactions in one linear scan.
 *
 * @module
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { localDayStart } from '../calendar/zone.ts';
import { dateOption } from '../input/dates.ts';
import { eventsEndAsOf, scanCustomers } from '../input/customer-scan.ts';
import { type LedgerInput, calendarZone, toLedger } from '../input/ledger.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { CustomerId, Ledger } from '../input/types.ts';
import type { RfmSummary, RfmSummaryOptions } from './rfm-summary-types.ts';
import { assertSummarySpan, finishRfmSummary, holdoutEndDay } from './rfm-summary-columns.ts';
import { unitDays } from './time-unit.ts';

export type { RfmSummary, RfmSummaryJson, RfmSummaryOptions } from './rfm-summary-types.ts';

const RFM_SUMMARY_KEYS = [
  ...LEDGER_BASE_KEYS,
  ...optionKeys<Omit<RfmSummaryOptions, keyof LedgerBaseOptions>>({ calibrationEnd: true, holdoutEnd: true, unit: true }),
];

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
  const { book, timeZone, dayOf, u, calEndDay, holdEndDay, holdout: withHoldout } = rfmSummarySettings(data, options);
  // The customers as of the last instant of the calibration end day; their orders are then walked up
  // to the last instant of the holdout end day.
  const customers = scanCustomers(book, localDayStart(timeZone, calEndDay + 1) - 1, timeZone);
  const holdEnd = localDayStart(timeZone, holdEndDay + 1) - 1;
  const n = customers.account.length;
  const firstDayOf = new Int32Array(n);
  let origin = Number.POSITIVE_INFINITY;
  let excludedOnLastDay = 0;
  for (let i = 0; i < n; i++) {
    const d0 = dayOf(customers.firstOrder[i]);
    firstDayOf[i] = d0;
    if (d0 === calEndDay) excludedOnLastDay++; // T = 0: nothing observed
    else if (d0 < origin) origin = d0;
  }
  const originDay = Number.isFinite(origin) ? origin : calEndDay;
  assertSummarySpan(originDay, holdEndDay, options.holdoutEnd === undefined ? ['calibrationEnd', options.calibrationEnd] : ['holdoutEnd', options.holdoutEnd]);
  const rows = n - excludedOnLastDay;
  const repeatByPeriod = new Float64Array(Math.max(0, Math.ceil((holdEndDay + 1 - originDay) / u)));
  const ids: CustomerId[] = new Array<CustomerId>(rows);
  const x = new Uint32Array(rows);
  const firstDay = new Int32Array(rows);
  const txDays = new Int32Array(rows);
  const repeatMinor = new Float64Array(rows);
  const holdout = withHoldout ? new Uint32Array(rows) : null;
  const { start, time, minor } = book;
  let row = 0;
  for (let i = 0; i < n; i++) {
    const d0 = firstDayOf[i];
    if (d0 === calEndDay) continue;
    const a = customers.account[i];
    let previous = d0;
    let repeats = 0;
    let last = d0;
    let sum = 0;
    let held = 0;
    const end = eventsEndAsOf(book, a, holdEnd);
    for (let p = start[a]; p < end; p++) {
      if (minor[p] < 0) continue; // a refund: never an order
      const d = dayOf(time[p]);
      if (d !== previous) {
        previous = d;
        repeatByPeriod[Math.floor((d - originDay) / u)]++;
        if (d <= calEndDay) {
          repeats++;
          last = d;
        } else held++;
      }
      if (d !== d0 && d <= calEndDay) sum += minor[p];
    }
    ids[row] = book.ids[a];
    x[row] = repeats;
    firstDay[row] = d0;
    txDays[row] = last - d0;
    repeatMinor[row] = sum;
    if (holdout !== null) holdout[row] = held;
    row++;
  }
  return finishRfmSummary({
    ids,
    x,
    firstDay,
    txDays,
    repeatMinor,
    holdout,
    repeatByPeriod,
    excludedOnLastDay,
    originDay,
    unitDays: u,
    timeZone,
    currencyDigits: book.currencyDigits,
    calibrationEndDay: calEndDay,
    holdoutEndDay: withHoldout ? holdEndDay : null,
  });
}

/** What `rfmSummary` computes with: its data read and every option checked and defaulted. */
interface RfmSummarySettings {
  readonly book: Ledger;
  readonly timeZone: string;
  /** Instant → local day number in `timeZone`. */
  readonly dayOf: (epochMs: number) => number;
  /** Days per unit. */
  readonly u: number;
  /** The calibration end day (inclusive). */
  readonly calEndDay: number;
  /** The holdout end day (inclusive); the calibration end day without a holdout. */
  readonly holdEndDay: number;
  /** Whether a holdout period was asked for. */
  readonly holdout: boolean;
}

/**
 * Read the data and options of an `rfmSummary` call.
 *
 * @throws {@link InvalidOptionError} for an unknown option, an unreadable date, a bad unit, or
 *   `holdoutEnd` not after `calibrationEnd`
 */
function rfmSummarySettings(data: LedgerInput, options: RfmSummaryOptions): RfmSummarySettings {
  const { calibrationEnd, holdoutEnd, unit, ...ledgerOptions } = checkOptionKeys(options, RFM_SUMMARY_KEYS);
  const book = toLedger(data, ledgerOptions);
  const u = unitDays(unit);
  const timeZone = calendarZone(book, ledgerOptions);
  const dayOf = makeDayIndexer(timeZone);
  const calEndDay = dayOf(calibrationEnd === undefined ? (book.maxTime ?? 0) : dateOption('calibrationEnd', calibrationEnd, timeZone));
  const holdEndDay = holdoutEndDay(holdoutEnd, calEndDay, timeZone, dayOf);
  return { book, timeZone, dayOf, u, calEndDay, holdEndDay: holdEndDay ?? calEndDay, holdout: holdEndDay !== null };
}
