/**
 * When a customer counts as active: the `activeWhen` rule of `periodRetention` and `periodLifecycle`,
 * its amount in the ledger's minor units.
 *
 * The module imports nothing at run time, so that every report reading the rule (the cohort's too) can
 * take it from here without a cycle of imports.
 *
 * @module
 * @internal
 */
import type { Decimal } from 'decimal.js';

/** @internal A resolved `activeWhen`: a customer is active with at least this many orders summing to at least this amount. */
export interface ActivityRule {
  /** Orders needed, a whole number ≥ 1. */
  readonly minOrders: number;
  /** Sum of those orders' amounts needed (refunds not subtracted), whole minor units ≥ 0. */
  readonly minGrossMinor: number;
}

/** @internal An `activeWhen` checked (by `activeWhenOption`): the minimum orders, and the minimum amount in major units (`null`: none). */
export interface CheckedActiveWhen {
  readonly minOrders: number;
  readonly minAmount: Decimal | null;
}

/** @internal The default rule: one order of any amount (zero-value orders included). */
export const ANY_ORDER: ActivityRule = Object.freeze({ minOrders: 1, minGrossMinor: 0 });

/**
 * @internal The rule of a checked `activeWhen`, its amount in a ledger's minor units.
 *
 * @param activeWhen - the checked option
 * @param currencyDigits - the ledger's currency digits
 * @returns the rule
 */
export function activityRule(activeWhen: CheckedActiveWhen, currencyDigits: number): ActivityRule {
  const { minOrders, minAmount } = activeWhen;
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
