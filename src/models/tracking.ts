/**
 * The tracking series of a holdout evaluation: cumulative repeat transactions of the whole cohort,
 * expected by the model and actual, period by period.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { MAX_SUMMARY_DAYS } from './limits.ts';
import type { RfmSummary } from './rfm-summary.ts';
import { isoDay } from './time-unit.ts';

/** One period of the tracking series (cumulative repeat transactions of the whole cohort). */
export interface TrackingRow {
  /** Period number, 1 = the period starting on the earliest first-purchase day. */
  readonly period: number;
  /** Last day of the period (`YYYY-MM-DD`, local). */
  readonly lastDay: string;
  /** Whether the period ends after the calibration end day. */
  readonly holdout: boolean;
  /** Expected repeat transactions in the period: `Σᵢ E[X(tᵢ)]` difference (unconditional). */
  readonly expected: number;
  /** Actual repeat transaction days in the period. */
  readonly actual: number;
  /** Expected cumulative repeat transactions at the period's end. */
  readonly expectedCumulative: number;
  /** Actual cumulative repeat transactions at the period's end. */
  readonly actualCumulative: number;
}

/**
 * The tracking series: for each period of the summary's unit counted from the earliest first
 * purchase, expected cumulative = `Σᵢ E[X(tᵢ)]` with `tᵢ` = (period's last day − the customer's first
 * day) ÷ unit, and the actual repeat transaction days.
 *
 * E[X(t)] depends on the customer only through the age in days, so it is computed once per age (at
 * most the summary's span in days) and the series costs (periods × distinct first days) additions.
 *
 * @param model - E[X(t)] of the model (answers already checked)
 * @param summary - an `rfmSummary` with a holdout
 * @returns one row per period
 * @throws {@link InvalidOptionError} when the summary's day fields are not those of an `rfmSummary`
 *   (a span past 36,525 days, days that are not whole numbers)
 * @internal
 */
export function trackingSeries(model: { expectedTransactions(t: number): number }, summary: RfmSummary): TrackingRow[] {
  const { unitDays: u, originDay: origin, calibrationEndDay: calEnd, repeatByPeriod: actualBy, firstDay } = summary;
  const holdoutDays = Math.round((summary.holdoutLength ?? 0) * u);
  for (const [name, value] of [['unitDays', u], ['originDay', origin], ['calibrationEndDay', calEnd], ['holdoutLength', holdoutDays]] as const) {
    if (!Number.isSafeInteger(value)) throw new InvalidOptionError(`summary.${name}`, value, `${describeValue(value)} is not a whole number: not an rfmSummary`);
  }
  const span = calEnd - origin;
  if (u < 1 || span < 0 || span + holdoutDays + 1 > MAX_SUMMARY_DAYS) {
    throw new InvalidOptionError('summary', summary.calibrationEnd, `spans ${span + holdoutDays + 1} days; at most ${MAX_SUMMARY_DAYS} (100 years)`);
  }
  const periods = Math.min(actualBy.length, Math.ceil((span + holdoutDays + 1) / u));
  // customers per first day, as offsets from the origin
  const perDay = new Float64Array(span);
  for (let i = 0; i < firstDay.length; i++) {
    const k = firstDay[i] - origin;
    if (k >= 0 && k < span) perDay[k] = perDay[k] + 1;
  }
  const offsets: number[] = [];
  for (let f = 0; f < span; f++) if (perDay[f] > 0) offsets.push(f);
  const lastDayOfAll = Math.min(origin + periods * u - 1, calEnd + holdoutDays);
  const expectedAtAge = new Float64Array(Math.max(lastDayOfAll - origin + 1, 1));
  for (let age = 1; age < expectedAtAge.length; age++) expectedAtAge[age] = model.expectedTransactions(age / u);
  const rows: TrackingRow[] = [];
  let prevExpected = 0;
  let actualCumulative = 0;
  for (let k = 1; k <= periods; k++) {
    const last = Math.min(origin + k * u - 1, lastDayOfAll);
    let expectedCumulative = 0;
    for (const f of offsets) {
      const age = last - (origin + f);
      if (age > 0) expectedCumulative += perDay[f] * expectedAtAge[age];
    }
    const actual = actualBy[k - 1];
    actualCumulative += actual;
    rows.push({
      period: k,
      lastDay: isoDay(last),
      holdout: last > calEnd,
      expected: expectedCumulative - prevExpected,
      actual,
      expectedCumulative,
      actualCumulative,
    });
    prevExpected = expectedCumulative;
  }
  return rows;
}
