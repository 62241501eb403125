/**
 * The last step of every way to an {@link RfmSummary} — from a ledger (`rfmSummary`) or from a
 * warehouse's rows (`rfmSummaryFromRows` of `retention-metrics/sql`): the per-customer day counts and
 * sums turned into the summary's columns in units, with its methods.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import type { CustomerId, DateInput } from '../input/types.ts';
import { compressDays } from './compress-days.ts';
import { MAX_SUMMARY_DAYS } from './limits.ts';
import type { RfmSummary } from './rfm-summary-types.ts';
import { isoDay } from './time-unit.ts';

/** @internal What a summary is made of, in days and minor units (rows in the ledger's account order). */
export interface SummaryDays {
  readonly ids: readonly CustomerId[];
  /** Repeat order days up to the calibration end day. */
  readonly x: Uint32Array;
  /** Local day of the first order. */
  readonly firstDay: Int32Array;
  /** Days from the first to the last order day up to the calibration end. */
  readonly txDays: Int32Array;
  /** Sum of the repeat days' order amounts, minor units. */
  readonly repeatMinor: Float64Array;
  /** Order days in the holdout period, or `null` without one. */
  readonly holdout: Uint32Array | null;
  /** Repeat order days of all rows per period of `unitDays` days from `originDay`. */
  readonly repeatByPeriod: Float64Array;
  readonly excludedOnLastDay: number;
  readonly originDay: number;
  readonly unitDays: number;
  readonly timeZone: string;
  readonly currencyDigits: number;
  readonly calibrationEndDay: number;
  /** The holdout end day, or `null` without a holdout. */
  readonly holdoutEndDay: number | null;
}

/**
 * @internal Refuse a summary spanning more days than {@link MAX_SUMMARY_DAYS}.
 *
 * @param originDay - the earliest first purchase day
 * @param endDay - the last day of the summary (holdout end, or calibration end)
 * @param option - the option that sets the end, and its value, for the message
 * @throws {@link InvalidOptionError} when the span is too long
 */
export function assertSummarySpan(originDay: number, endDay: number, [name, value]: readonly [string, unknown]): void {
  if (endDay - originDay + 1 <= MAX_SUMMARY_DAYS) return;
  throw new InvalidOptionError(name, value, `the summary would span ${endDay - originDay + 1} days from the earliest first purchase (${isoDay(originDay)}) to ${isoDay(endDay)}; at most ${MAX_SUMMARY_DAYS} (100 years)`);
}

/**
 * @internal The holdout end day of a summary: the local day of `holdoutEnd`, which must come after the
 * calibration end day.
 *
 * @param holdoutEnd - the option
 * @param calEndDay - the calibration end day
 * @param timeZone - the zone `holdoutEnd` is read in
 * @param dayOf - instant → local day in that zone
 * @returns the day, or `null` without a holdout
 * @throws {@link InvalidOptionError} for an unreadable `holdoutEnd` or one not after `calibrationEnd`
 */
export function holdoutEndDay(holdoutEnd: DateInput | undefined, calEndDay: number, timeZone: string, dayOf: (epochMs: number) => number): number | null {
  if (holdoutEnd === undefined) return null;
  const day = dayOf(dateOption('holdoutEnd', holdoutEnd, timeZone));
  if (day <= calEndDay) throw new InvalidOptionError('holdoutEnd', holdoutEnd, `must be a day after calibrationEnd (${isoDay(calEndDay)})`);
  return day;
}

/**
 * @internal The summary of the days: `tx`, `T` in units, `zbar` in major units, and the methods.
 *
 * @param days - the per-customer days and sums
 * @returns the summary
 */
export function finishRfmSummary(days: SummaryDays): RfmSummary {
  const { ids, x, firstDay, txDays, repeatMinor, holdout, unitDays: u, calibrationEndDay: calEndDay, holdoutEndDay } = days;
  const rows = ids.length;
  const scale = 10 ** days.currencyDigits;
  const tx = new Float64Array(rows);
  const T = new Float64Array(rows);
  const zbar = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    tx[i] = txDays[i] / u;
    T[i] = (calEndDay - firstDay[i]) / u;
    zbar[i] = x[i] > 0 ? repeatMinor[i] / x[i] / scale : 0;
  }
  const columns = {
    ids,
    x,
    tx,
    T,
    zbar,
    repeatMinor,
    firstDay,
    holdout,
    unitDays: u,
    timeZone: days.timeZone,
    currencyDigits: days.currencyDigits,
    calibrationEnd: isoDay(calEndDay),
    calibrationEndDay: calEndDay,
    holdoutEnd: holdoutEndDay === null ? null : isoDay(holdoutEndDay),
    holdoutLength: holdoutEndDay === null ? null : (holdoutEndDay - calEndDay) / u,
    excludedOnLastDay: days.excludedOnLastDay,
    originDay: days.originDay,
    repeatByPeriod: days.repeatByPeriod,
  };
  return {
    ...columns,
    toFrequencySummary: () => ({ x, tx, T, unitDays: u }),
    compress: () => compressDays(x, txDays, firstDay, calEndDay, u),
    toSpendSummary: () => {
      const weight = new Float64Array(rows);
      for (let i = 0; i < rows; i++) weight[i] = x[i] > 0 && zbar[i] <= 0 ? 0 : 1;
      return { x, zbar, weight };
    },
    toJSON: () => ({
      ...columns,
      ids: [...ids],
      x: Array.from(x),
      tx: Array.from(tx),
      T: Array.from(T),
      zbar: Array.from(zbar),
      repeatMinor: Array.from(repeatMinor),
      firstDay: Array.from(firstDay),
      holdout: holdout === null ? null : Array.from(holdout),
      repeatByPeriod: Array.from(columns.repeatByPeriod),
    }),
  };
}
