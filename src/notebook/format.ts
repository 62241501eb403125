/**
 * How the notebook tables write values: counts with thousands separators, ratios as percentages, money
 * exactly with its currency's digits and code, instants in UTC. Written here rather than with `Intl`, so
 * a table reads the same in every locale and time zone.
 *
 * @module
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { groupDigits } from '../group-digits.ts';

/** How money is written: the currency's code (or `null`: none named) and its decimal digits. */
export interface MoneyFormat {
  readonly currency: string | null;
  readonly digits: number;
}

/** No currency named: two digits, no code (the library's default digits). */
export const PLAIN_MONEY: MoneyFormat = { currency: null, digits: 2 };

/** What a missing value (`null`: undefined ratio, no order) is written as. */
export const MISSING = '—';

/** Thousands separators in the integer part of a plain decimal string (`-1234.5` → `-1,234.5`). */
function grouped(plain: string): string {
  const [whole, fraction] = plain.split('.');
  const digits = groupDigits(whole);
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

/**
 * A whole count.
 *
 * @param n - the count
 * @returns `1,234`
 */
export function formatCount(n: number): string {
  return grouped(String(n));
}

/**
 * A ratio as a percentage with one decimal (`0.4523` → `45.2%`).
 *
 * @param ratio - the ratio, or `null`
 * @returns the percentage, or {@link MISSING}
 */
export function formatRate(ratio: number | null): string {
  if (ratio === null) return MISSING;
  return `${grouped((ratio * 100).toFixed(1))}%`;
}

/**
 * Money, exact, with the currency's digits and its code (`USD 1,234.50`).
 *
 * @param amount - the amount, or `null`
 * @param money - the currency and its digits
 * @returns the amount, or {@link MISSING}
 */
export function formatMoney(amount: Decimal | null, money: MoneyFormat): string {
  if (amount === null) return MISSING;
  const text = grouped(amount.toFixed(money.digits));
  return money.currency === null ? text : `${money.currency} ${text}`;
}

/**
 * A measured number (a parameter, a mean, a log-likelihood): whole numbers as they are, others with
 * four significant digits, very large or small ones in exponent form.
 *
 * @param n - the number, or `null`
 * @returns the number, or {@link MISSING}
 */
export function formatNumber(n: number | null): string {
  if (n === null) return MISSING;
  if (!Number.isFinite(n)) return n > 0 ? '∞' : n < 0 ? '−∞' : MISSING;
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return grouped(String(n));
  const size = Math.abs(n);
  if (size !== 0 && (size < 1e-4 || size >= 1e9)) return n.toExponential(3);
  if (size >= 1000) return grouped(n.toFixed(1));
  return String(Number(n.toPrecision(4)));
}

/**
 * An instant in UTC: the date alone at midnight UTC, else date and minutes.
 *
 * @param date - the instant, or `null`
 * @returns `2024-03-01` or `2024-03-01 14:30 UTC`, or {@link MISSING}
 */
export function formatInstant(date: Date | null): string {
  if (date === null) return MISSING;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
