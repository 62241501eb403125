/**
 * What a better retention rate is worth: the same simulation with the retention rate raised.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { GROWTH_KEYS, type GrowthOptions, type GrowthResult, type ResolvedGrowth, resolveGrowth, runGrowth } from './growth.ts';
import { Exact, ratio, toCount, toMoney } from '../input/option-values.ts';

/** Options of {@link retentionUplift}: those of {@link simulateGrowth} plus the uplift. */
export interface RetentionUpliftOptions extends GrowthOptions {
  /**
   * Change of the retention rate in absolute points (0.05 = five points: 0.80 → 0.85). Negative for a
   * fall. The improved rate r + uplift must stay within [0, 1].
   */
  uplift: number;
}

/** Base value, improved value, and the change between them. */
export interface UpliftChange<T> {
  /** Value with the given retention rate. */
  base: T;
  /** Value with the retention rate raised by the uplift. */
  improved: T;
  /** improved − base. */
  change: T;
  /** (improved − base) ÷ |base|, `null` when base is 0 (so a gain is positive even from a loss). */
  relativeChange: number | null;
}

/** Result of {@link retentionUplift}. */
export interface RetentionUpliftResult {
  /** The retention rate of the base simulation. */
  retentionRate: number;
  /** The raised rate, r + uplift (computed in decimal, so 0.9 + 0.05 is 0.95). */
  improvedRetentionRate: number;
  /** Customers at the end of the horizon. */
  endCustomers: UpliftChange<number>;
  /** Profit summed over the horizon. */
  cumulativeProfit: UpliftChange<Decimal>;
  /** Present value of the profit over the horizon. */
  presentValue: UpliftChange<Decimal>;
  /** The full base simulation. */
  base: GrowthResult;
  /** The full improved simulation. */
  improved: GrowthResult;
}

function change(base: Decimal, improved: Decimal): { change: Decimal; relativeChange: number | null } {
  const difference = new Exact(improved).minus(base);
  return { change: difference, relativeChange: ratio(difference, new Exact(base).abs()) };
}

/**
 * The profit effect of raising retention by `uplift` absolute points: runs {@link simulateGrowth}
 * twice over the same horizon, with r and with r + uplift, everything else equal, and reports the
 * absolute and relative change of end customers, cumulative profit and its present value.
 *
 * Everything follows from the simulation's conventions: with acquisition as a rate, a larger base also
 * acquires more; each extra retained customer brings its revenue and costs its `retentionCost`. The
 * relative change divides by the absolute base value, so an improvement is positive even when the
 * base loses money.
 *
 * @param options - the options of {@link simulateGrowth} and `uplift`
 * @returns base, improved and their difference; see {@link RetentionUpliftResult}
 * @throws {@link InvalidOptionError} for any invalid simulation option, or when `uplift` is not a
 *   finite number or r + uplift falls outside [0, 1]
 *
 * @example
 * ```ts
 * import { retentionUplift } from 'retention-metrics';
 * const worth = retentionUplift({
 *   customers: 1000, retentionRate: 0.8, acquisition: { rate: 0.2 }, periods: 7,
 *   revenuePerCustomer: 100, uplift: 0.1,
 * });
 * worth.improvedRetentionRate; // => 0.9
 * worth.endCustomers.relativeChange; // => 0.9487
 * worth.cumulativeProfit.base.toString(); // => '700000'
 * worth.cumulativeProfit.change.toFixed(0); // => '343589'
 * ```
 */
export function retentionUplift(options: RetentionUpliftOptions): RetentionUpliftResult {
  const uplift = resolveUplift(options);
  const baseResult = runGrowth(uplift.base);
  const improvedResult = runGrowth(uplift.improved);
  const profit = change(baseResult.totalProfit, improvedResult.totalProfit);
  const pv = change(baseResult.presentValue, improvedResult.presentValue);
  const customers = change(new Exact(baseResult.endCustomers), new Exact(improvedResult.endCustomers));
  return {
    retentionRate: options.retentionRate,
    improvedRetentionRate: toCount(uplift.improved.retentionRate),
    endCustomers: {
      base: baseResult.endCustomers,
      improved: improvedResult.endCustomers,
      change: toCount(customers.change),
      relativeChange: customers.relativeChange,
    },
    cumulativeProfit: {
      base: baseResult.totalProfit,
      improved: improvedResult.totalProfit,
      change: toMoney(profit.change),
      relativeChange: profit.relativeChange,
    },
    presentValue: {
      base: baseResult.presentValue,
      improved: improvedResult.presentValue,
      change: toMoney(pv.change),
      relativeChange: pv.relativeChange,
    },
    base: baseResult,
    improved: improvedResult,
  };
}

/** The checked inputs of {@link retentionUplift}: the two simulations, alike but for the retention rate. */
interface ResolvedUplift {
  readonly base: ResolvedGrowth;
  readonly improved: ResolvedGrowth;
}

/** Check the simulation options and the uplift, and raise the retention rate by it (in decimal). */
function resolveUplift(options: RetentionUpliftOptions): ResolvedUplift {
  checkOptionKeys(options, [...GROWTH_KEYS, 'uplift']);
  const { uplift, ...growthOptions } = options;
  const base = resolveGrowth(growthOptions);
  if (typeof uplift !== 'number' || !Number.isFinite(uplift)) {
    throw new InvalidOptionError('uplift', uplift, `${describeValue(uplift)} is not a finite number`);
  }
  const raised = base.retentionRate.plus(uplift);
  if (raised.isNegative() || raised.greaterThan(1)) {
    throw new InvalidOptionError(
      'uplift',
      uplift,
      `${uplift} takes the retention rate ${options.retentionRate} to ${raised.toString()}, outside [0, 1]`,
    );
  }
  return { base, improved: { ...base, retentionRate: raised } };
}
