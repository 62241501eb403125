/**
 * The options and the result of `rfmSummary`.
 *
 * @module
 */
import type { LedgerBaseOptions } from '../input/options.ts';
import type { CustomerId, DateInput } from '../input/types.ts';
import type { SpendSummary } from './gamma-gamma.ts';
import type { CompressedSummary, FrequencySummary } from './summary.ts';
import type { ModelTimeUnit } from './time-unit.ts';

/** Options of `rfmSummary`. */
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

/** The result of `rfmSummary`: one row per customer, as columns. */
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
