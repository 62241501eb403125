/**
 * The time unit of a model summary: days, weeks, or spans of a whole number of days.
 *
 * @module
 */
import { civilFromDays } from '../calendar/days.ts';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';

/**
 * Time unit of `rfmSummary` and of the models fitted on it: `'day'`, `'week'` (7 days, the unit of
 * the papers' CDNOW tables) or `{ days: n }` for spans of n whole days. Fitted rate parameters are per
 * this unit.
 */
export type ModelTimeUnit = 'day' | 'week' | { readonly days: number };

const UNIT_KEYS = optionKeys<{ readonly days: number }>({ days: true });

/**
 * Days in one model time unit.
 *
 * @param unit - `'day'`, `'week'` or `{ days: n }` (n a positive integer); `undefined` means `'day'`
 * @param option - option name for the error message
 * @returns the number of days (1, 7 or n)
 * @throws {@link InvalidOptionError} for anything else (including a `{ days }` object with another key)
 *
 * @example
 * ```ts
 * import { unitDays } from './time-unit.ts';
 * unitDays('week'); // => 7
 * unitDays({ days: 30 }); // => 30
 * ```
 */
export function unitDays(unit: ModelTimeUnit | undefined, option = 'unit'): number {
  if (unit === undefined || unit === 'day') return 1;
  if (unit === 'week') return 7;
  if (typeof unit === 'object' && unit !== null && !Array.isArray(unit)) {
    checkOptionKeys(unit, UNIT_KEYS, `${option}.`);
    const days = (unit as { days?: unknown }).days;
    if (isWholeDays(days)) return days;
    throw new InvalidOptionError(`${option}.days`, days, `${describeValue(days)} is not a whole number of days ≥ 1`);
  }
  throw new InvalidOptionError(option, unit, `${describeValue(unit)} is not 'day', 'week' or { days: n }`);
}

/**
 * Whether a value is a number of days a unit can span: a whole number ≥ 1 (and exact, ≤ 2⁵³ − 1).
 *
 * @param value - what a caller or a summary gave
 * @returns `true` for a whole number of days ≥ 1
 * @internal
 */
export function isWholeDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/**
 * A summary's `unitDays`, checked.
 *
 * @param value - the summary's `unitDays`
 * @returns the days per unit, or `undefined` when the summary does not say
 * @throws {@link InvalidOptionError} (named `summary.unitDays`) for anything but a whole number ≥ 1
 * @internal
 */
export function summaryUnitDays(value: unknown): number | undefined {
  if (value === undefined || isWholeDays(value)) return value;
  throw new InvalidOptionError('summary.unitDays', value, `${describeValue(value)} is not a whole number of days ≥ 1`);
}

/**
 * The unit of `days` days in its canonical form: `'day'` for 1, `'week'` for 7, else `{ days }`.
 *
 * @param days - days per unit (a whole number ≥ 1)
 * @returns the unit as the `unit` options and saved models write it
 * @internal
 */
export function unitOfDays(days: number): ModelTimeUnit {
  return days === 1 ? 'day' : days === 7 ? 'week' : { days };
}

/**
 * A unit for messages: `days`, `weeks`, or `units of 30 days`.
 *
 * @param days - days per unit
 * @returns the unit's name in the plural
 * @internal
 */
export function unitName(days: number): string {
  return days === 1 ? 'days' : days === 7 ? 'weeks' : `units of ${days} days`;
}

/**
 * A local day number as `YYYY-MM-DD`.
 *
 * @internal
 */
export function isoDay(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
