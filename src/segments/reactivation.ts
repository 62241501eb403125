/**
 * `reactivationPotential`: what a win-back campaign to dormant customers could bring back.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { Exact, toMoney } from '../input/exact.ts';
import { InvalidOptionError } from '../errors.ts';
import { type ReactivationOptions, reactivationSettings } from './dormancy-settings.ts';
import type { DormancySegment } from './dormancy-windows.ts';
import type { DormancyReport } from './dormancy-types.ts';

export type { ReactivationOptions } from './dormancy-settings.ts';

/** A low/high range. */
export interface Range<T> {
  /** At the low receptive rate. */
  low: T;
  /** At the high receptive rate. */
  high: T;
}

/** The result of {@link reactivationPotential}. */
export interface ReactivationPotential {
  /** The segments targeted: `['dormant']` or `['dormant', 'lost']`. */
  segments: DormancySegment[];
  /** Customers in the targeted segments. */
  customers: number;
  /** Their historical value (net revenue to date). */
  historicalValue: Decimal;
  /** Expected receptive customers: customers × rate (not rounded). */
  receptive: Range<number>;
  /** Value at stake: historical value × rate (exact). */
  value: Range<Decimal>;
}

/**
 * Of the dormant (and optionally lost) customers of a {@link dormancy} report, the expected number
 * receptive to a win-back and the value at stake, as a low/high range: customers × rate and historical
 * value × rate, for the low and high receptive rates (default 25 %–60 %). The value is
 * the customers' own past net revenue, a yardstick of what is at stake rather than a forecast.
 *
 * @param report - the result of `dormancy`
 * @param options - `receptiveRate` (default `[0.25, 0.6]`), `includeLost` (default `false`)
 * @returns counts and money for the targeted segments
 * @throws {@link InvalidOptionError} for an unknown option, a rate outside [0, 1] or low > high, or when
 *   `report` is not a dormancy report
 *
 * @example
 * ```ts
 * import { dormancy, reactivationPotential } from 'retention-metrics';
 * const report = dormancy(
 *   [
 *     { customerId: 'a', date: '2024-01-10', amount: '100.00' },
 *     { customerId: 'b', date: '2024-02-01', amount: '60.00' },
 *     { customerId: 'c', date: '2024-12-01', amount: '10.00' },
 *   ],
 *   { asOf: '2024-12-31' },
 * );
 * const potential = reactivationPotential(report);
 * potential.customers; // => 2
 * potential.receptive; // => { low: 0.5, high: 1.2 }
 * potential.value.low.toFixed(2); // => '40.00'
 * potential.value.high.toFixed(2); // => '96.00'
 * ```
 */
export function reactivationPotential(report: DormancyReport, options?: ReactivationOptions): ReactivationPotential {
  if (typeof report !== 'object' || report === null || typeof report.segments !== 'object' || report.segments === null) {
    throw new InvalidOptionError('report', report, 'must be the result of dormancy()');
  }
  const { low, high, segments } = reactivationSettings(options);
  let customers = 0;
  let value = new Exact(0);
  for (const s of segments) {
    const total: unknown = report.segments[s];
    const { customers: c, value: v } = (typeof total === 'object' && total !== null ? total : {}) as Partial<DormancyReport['segments'][DormancySegment]>;
    if (typeof c !== 'number' || !Decimal.isDecimal(v)) throw new InvalidOptionError('report', report, 'must be the result of dormancy()');
    customers += c;
    value = value.plus(v);
  }
  return {
    segments,
    customers,
    historicalValue: toMoney(value),
    receptive: { low: customers * low, high: customers * high },
    value: { low: toMoney(value.times(low)), high: toMoney(value.times(high)) },
  };
}
