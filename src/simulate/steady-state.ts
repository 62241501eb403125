/**
 * The steady-state size of a customer base that keeps a share of its customers and acquires a fixed
 * number of new ones every period.
 *
 * @module
 */
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { Exact, countOption, rateOption, toCount } from '../input/option-values.ts';

/** Options of {@link steadyState}. */
export interface SteadyStateOptions {
  /** Share of customers kept from one period to the next, 0 ≤ r ≤ 1. */
  retentionRate: number;
  /** New customers acquired every period, A ≥ 0 (a fixed count, not a share of the base). */
  acquiredPerPeriod: number;
}

const STEADY_STATE_KEYS = optionKeys<SteadyStateOptions>({ retentionRate: true, acquiredPerPeriod: true });

/**
 * Steady-state customer base N* = A ÷ (1 − r): the size at which the customers lost each period,
 * (1 − r) · N*, equal the A acquired. From any start N₀, the base of {@link simulateGrowth} with
 * `acquisition: { count: A }` approaches it geometrically: N_t − N* = r^t · (N₀ − N*).
 *
 * With r = 1 nobody leaves, so there is no steady state (the base grows by A every period, or, with
 * A = 0, any size stays put): the function returns `null` rather than throwing or returning `Infinity`.
 * (With acquisition as a share a of the base there is no such level either: the base changes by the
 * factor r + a every period and is flat only when r + a = 1.)
 *
 * @param options - `retentionRate` and `acquiredPerPeriod`
 * @returns N* as a (possibly fractional) number of customers, or `null` when r = 1
 * @throws {@link InvalidOptionError} when `retentionRate` is outside [0, 1] or `acquiredPerPeriod` is
 *   negative or not finite
 *
 * @example
 * ```ts
 * import { steadyState } from 'retention-metrics';
 * steadyState({ retentionRate: 0.8, acquiredPerPeriod: 200 }); // => 1000
 * steadyState({ retentionRate: 0.9, acquiredPerPeriod: 200 }); // => 2000
 * steadyState({ retentionRate: 0, acquiredPerPeriod: 50 }); // => 50
 * steadyState({ retentionRate: 1, acquiredPerPeriod: 200 }); // => null
 * ```
 */
export function steadyState(options: SteadyStateOptions): number | null {
  const { retentionRate, acquiredPerPeriod } = resolveSteadyState(options);
  if (retentionRate === 1) return null;
  return toCount(new Exact(acquiredPerPeriod).dividedBy(new Exact(1).minus(retentionRate)));
}

/** The options of {@link steadyState}, checked. */
function resolveSteadyState(options: SteadyStateOptions): SteadyStateOptions {
  checkOptionKeys(options, STEADY_STATE_KEYS);
  return {
    retentionRate: rateOption('retentionRate', options.retentionRate),
    acquiredPerPeriod: countOption('acquiredPerPeriod', options.acquiredPerPeriod),
  };
}
