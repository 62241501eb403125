/**
 * Thousands separators written the same in every locale, for the numbers of messages, tables and
 * chart labels.
 *
 * @module
 */

/**
 * @internal The digits of a whole number with a comma between groups of three, whatever the locale.
 *
 * @param digits - a whole number's digits (a sign before them is kept; no decimal point)
 * @returns the grouped text
 * @example
 * ```ts
 * import { groupDigits } from './group-digits.ts';
 * groupDigits('1234567'); // => '1,234,567'
 * groupDigits('-1234'); // => '-1,234'
 * groupDigits('999'); // => '999'
 * ```
 */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
