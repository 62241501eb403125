/**
 * When a customer counts as active in a period of `periodRetention` and `periodLifecycle`: the
 * `activeWhen` rule, read once — the same rule, and the same reading of it, as `Cohort#activeWhen`.
 *
 * @module
 * @internal
 */
import { activeWhenOption } from '../cohort/settings.ts';

/** @internal A resolved `activeWhen`: a customer is active with at least this many orders summing to at least this amount. */
export interface ActivityRule {
  /** Orders needed, a whole number ≥ 1. */
  readonly minOrders: number;
  /** Sum of those orders' amounts needed (refunds not subtracted), whole minor units ≥ 0. */
  readonly minGrossMinor: number;
}

/** @internal The default rule: one order of any amount (zero-value orders included). */
export const ANY_ORDER: ActivityRule = Object.freeze({ minOrders: 1, minGrossMinor: 0 });

/**
 * @internal Read an `activeWhen` option.
 *
 * @param value - the option as given (`undefined`: the default rule)
 * @param currencyDigits - the ledger's currency digits, for the amount in minor units
 * @returns the rule
 * @throws {@link InvalidOptionError} for an unknown key, a `minOrders` that is not a whole number ≥ 1,
 *   or a `minAmount` that is not an amount ≥ 0
 */
export function activityRuleOption(value: unknown, currencyDigits: number): ActivityRule {
  if (value === undefined) return ANY_ORDER;
  const { minOrders, minAmount } = activeWhenOption(value);
  // Amounts are whole minor units, so "at least 0.005" of a 2-digit currency is "at least 1 cent".
  const minGrossMinor = minAmount === null ? 0 : minAmount.times(10 ** currencyDigits).ceil().toNumber();
  return Object.freeze({ minOrders, minGrossMinor });
}

/**
 * @internal Whether orders meet a rule.
 *
 * @param rule - the rule
 * @param orders - how many orders
 * @param grossMinor - the sum of their amounts, minor units
 * @returns `true` when both minimums are met
 */
export function meetsRule(rule: ActivityRule, orders: number, grossMinor: number): boolean {
  return orders >= rule.minOrders && grossMinor >= rule.minGrossMinor;
}
