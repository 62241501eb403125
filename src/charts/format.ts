/**
 * How charts write numbers and periods: percentages as percentages, money with its currency, period
 * units by name. Written by hand rather than with `Intl`, so a chart reads the same in every locale.
 *
 * @module
 * @internal
 */
import { dayNumber } from '../calendar/days.ts';
import type { Period } from '../calendar/units.ts';
import { groupDigits } from '../group-digits.ts';
import { isoDay } from '../models/time-unit.ts';

/**
 * @internal A ratio as a percentage: one decimal below 10 %, whole percents above (`0.045` → `"4.5%"`,
 * `0.4` → `"40%"`).
 *
 * @param ratio - a ratio (1 = 100 %)
 * @returns the percentage's text
 */
export function percent(ratio: number): string {
  const p = ratio * 100;
  const text = Math.abs(p) < 10 && Math.round(p * 10) % 10 !== 0 ? p.toFixed(1) : p.toFixed(0);
  return `${text === '-0' ? '0' : text}%`;
}

/**
 * @internal A tick label of a percentage axis (`0.25` → `"25%"`), with the decimals the step needs.
 *
 * @param ratio - a ratio
 * @returns the label
 */
export function percentTick(ratio: number): string {
  const p = Math.round(ratio * 100 * 1000) / 1000;
  return `${p}%`;
}

/**
 * @internal A whole number with comma thousands (`12345` → `"12,345"`), the same in every locale.
 *
 * @param value - a number
 * @returns the text
 */
export function count(value: number): string {
  const sign = value < 0 ? '−' : '';
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = groupDigits(whole);
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

/**
 * @internal An axis label's money unit: `" (USD)"`, or `" (currency units)"` without a currency.
 *
 * @param currency - the ISO 4217 code, or `null`
 * @returns the suffix
 */
export function moneyUnit(currency: string | null): string {
  return currency === null ? ' (currency units)' : ` (${currency})`;
}

const UNIT_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  year: ['year', 'years'],
};

/**
 * @internal A period's name: `'month'` → `"month"` (or `"months"`), `{ days: 7 }` → `"7-day period"`.
 *
 * @param period - a calendar unit or a fixed span
 * @param plural - the plural form
 * @returns the name
 */
export function periodName(period: Period, plural: boolean): string {
  if (typeof period === 'string') {
    const names = UNIT_NAMES[period];
    // A result made by the library always has a known unit; a foreign one is named as it is.
    if (names === undefined) return String(period);
    return plural ? names[1] : names[0];
  }
  return `${period.days}-day period${plural ? 's' : ''}`;
}

/**
 * @internal A name with its first letter capitalised.
 *
 * @param text - the text
 * @returns the text, capitalised
 */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * @internal Every k-th label of a band or point axis, k chosen so that labels of `labelWidth` pixels
 * do not overlap across `width` pixels.
 *
 * @param labels - the axis's labels in order
 * @param width - the axis's length in pixels
 * @param labelWidth - room one label needs, in pixels
 * @returns the labels to show
 */
export function thinTicks(labels: readonly string[], width: number, labelWidth: number): string[] {
  const fit = Math.max(1, Math.floor(width / labelWidth));
  const step = Math.ceil(labels.length / fit);
  return labels.filter((_, i) => i % step === 0);
}

/**
 * @internal Whole-number ticks covering `[min, max]` (and zero), about `n` of them, at steps of 1, 2 or 5
 * times a power of ten: counts of customers have no fractions.
 *
 * @param min - the lowest value shown
 * @param max - the highest value shown
 * @param n - about how many ticks
 * @returns the ticks, ascending; the first and last are the axis's ends
 */
export function integerTicks(min: number, max: number, n: number): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max, lo + 1);
  const rough = (hi - lo) / Math.max(1, n);
  const power = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= Math.ceil(hi / step) * step; v += step) ticks.push(v);
  return ticks;
}

/**
 * @internal An amount of money for a label: whole amounts without decimals, others with two
 * (`12` → `"12"`, `8.333` → `"8.33"`), thousands grouped as in {@link count}.
 *
 * @param value - the amount in major units
 * @returns the text
 */
export function amount(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Number.isInteger(rounded) ? count(rounded) : count(Number(rounded.toFixed(2))).replace(/\.(\d)$/, '.$10');
}

/**
 * @internal An exact amount with two decimals for a label (`"1,062,972.46"`), thousands grouped as in
 * {@link count}.
 *
 * @param value - the amount, as a `Decimal`
 * @returns the text
 */
export function money(value: { toFixed(digits: number): string }): string {
  const [whole, fraction] = value.toFixed(2).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  return `${negative ? '−' : ''}${groupDigits(digits)}.${fraction}`;
}

/**
 * @internal The calendar day (`YYYY-MM-DD`) of an instant in a time zone.
 *
 * @param instant - the instant
 * @param timeZone - an IANA time zone (a result's own)
 * @returns the local day
 */
export function localDate(instant: Date, timeZone: string): string {
  return isoDay(dayNumber(instant.getTime(), timeZone));
}
