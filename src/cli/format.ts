/**
 * How the program writes numbers in its tables: counts with thousands separators, money with the
 * ledger's currency digits, ratios as percentages, and a dash for "no value". Every format is fixed
 * (never the machine's locale), so a report reads the same everywhere.
 *
 * @module
 */
import { localDay } from './local-day.ts';
import { groupDigits } from '../group-digits.ts';

/** Something with `toFixed`, as `Decimal` and `number` both are. */
export interface Fixable {
  toFixed(digits: number): string;
}

/** The dash written for a value that does not exist (a rate of no customers, a missing mean). */
export const NO_VALUE = '–';

/**
 * A count with thousands separators.
 *
 * @param value - a whole number
 * @returns e.g. `'23,570'`
 * @example
 * ```ts
 * import { formatCount } from './format.ts';
 * formatCount(23570); // => '23,570'
 * ```
 */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + groupDigits(String(Math.abs(Math.round(value))));
}

/**
 * An amount of money with thousands separators, or a dash.
 *
 * @param value - a `Decimal` or a number, or `null`
 * @param digits - decimal places (the ledger's currency digits; default 2)
 * @returns e.g. `'2,500,315.63'`
 * @example
 * ```ts
 * import { formatMoney } from './format.ts';
 * formatMoney(-1234.5); // => '-1,234.50'
 * formatMoney(null); // => '–'
 * ```
 */
export function formatMoney(value: Fixable | null, digits = 2): string {
  if (value === null) return NO_VALUE;
  const text = value.toFixed(digits);
  const negative = text.startsWith('-');
  const [whole = '', fraction] = (negative ? text.slice(1) : text).split('.');
  return `${negative ? '-' : ''}${groupDigits(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A ratio as a percentage with one decimal, or a dash.
 *
 * @param value - a ratio (0.25 is 25 %), or `null`
 * @returns e.g. `'25.0%'`
 * @example
 * ```ts
 * import { formatPercent } from './format.ts';
 * formatPercent(0.2468); // => '24.7%'
 * ```
 */
export function formatPercent(value: number | null): string {
  return value === null ? NO_VALUE : `${(value * 100).toFixed(1)}%`;
}

/**
 * A number with fixed decimals, or a dash.
 *
 * @param value - the number, or `null`
 * @param digits - decimal places
 * @returns e.g. `'2.955'`
 * @example
 * ```ts
 * import { formatNumber } from './format.ts';
 * formatNumber(2.95486, 3); // => '2.955'
 * ```
 */
export function formatNumber(value: number | null, digits: number): string {
  return value === null ? NO_VALUE : value.toFixed(digits);
}

/**
 * The calendar date of an instant in the report's time zone, or a dash.
 *
 * @param value - an instant, or `null`
 * @param timeZone - the report's IANA time zone
 * @returns `YYYY-MM-DD`
 * @example
 * ```ts
 * import { formatDay } from './format.ts';
 * formatDay(new Date('1997-01-01T00:00:00Z'), 'UTC'); // => '1997-01-01'
 * formatDay(new Date('1997-01-01T00:00:00Z'), 'America/Los_Angeles'); // => '1996-12-31'
 * ```
 */
export function formatDay(value: Date | null, timeZone: string): string {
  return value === null ? NO_VALUE : localDay(value.getTime(), timeZone);
}

/** C0 and C1 control characters and DEL, but tab and line breaks. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text from a file made safe to print on a terminal: each control character (an escape sequence
 * hidden in a customer id or a column name would be run by the terminal) becomes U+FFFD.
 *
 * @param text - text read from the data
 * @returns the text without control characters
 * @example
 * ```ts
 * import { printable } from './format.ts';
 * printable('ann\u001b[2J'); // => 'ann\uFFFD[2J'
 * printable('Café\tBar'); // => 'Café\tBar'
 * ```
 */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}
