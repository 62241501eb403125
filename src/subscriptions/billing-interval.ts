/**
 * Billing intervals and monthly recurring revenue: how long a price lasts, and the monthly part of it.
 *
 * @module
 */
import { describeValue } from '../errors.ts';

/**
 * How often a price is billed: `'month'`, `'year'` (12 months) or `{ months: n }` (a quarter is
 * `{ months: 3 }`). Weekly and daily prices are not recurring revenue in months and are refused.
 */
export type BillingInterval = 'month' | 'year' | { months: number };

/** Longest interval in months: a price billed once a century is no recurring revenue. */
const MAX_MONTHS = 120;

/**
 * @internal The months of a billing interval, or why it is not one.
 *
 * @param value - the interval as given (`undefined`: a month)
 * @returns the months (1–120), or the reason as a string
 */
export function intervalMonths(value: unknown): number | string {
  if (value === undefined || value === null || value === 'month') return 1;
  if (value === 'year') return 12;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && 'months' in value) {
    const months: unknown = (value as { months: unknown }).months;
    if (typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= MAX_MONTHS) return months;
    return `months: ${describeValue(months)} is not a whole number from 1 to ${MAX_MONTHS}`;
  }
  return `${describeValue(value)} is not a billing interval: use 'month', 'year' or { months: n }`;
}

/**
 * @internal Monthly recurring revenue of a price: the amount billed per interval divided by the
 * interval's months, rounded half to even to the minor unit (an annual 1,000.00 is 83.33 a month).
 * Each price is rounded once, so a report's MRR is a sum of whole minor units and its movements add
 * up to it exactly.
 *
 * @param amountMinor - the amount billed per interval, in minor units (≥ 0)
 * @param months - the interval's months
 * @returns the MRR in minor units
 */
export function monthlyMinor(amountMinor: number, months: number): number {
  const whole = Math.floor(amountMinor / months);
  const twice = 2 * (amountMinor - whole * months);
  if (twice > months || (twice === months && whole % 2 === 1)) return whole + 1;
  return whole;
}
