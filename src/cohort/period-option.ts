/**
 * The `every` option of the cohort builders: a calendar unit or `{ days: n }`, the object's keys checked.
 *
 * @module
 * @internal
 */
import { type Period, assertPeriod } from '../calendar/units.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';

const SPAN_KEYS = optionKeys<{ days: number }>({ days: true });

/**
 * @internal Check an `every` period; a `{ days: n }` span may have no other key (`{ day: 7 }` is a slip).
 *
 * @param period - the option
 * @returns the period
 * @throws {@link InvalidOptionError} for an unknown key or something that is not a period
 */
export function periodOption(period: unknown): Period {
  if (typeof period === 'object' && period !== null && !Array.isArray(period)) checkOptionKeys(period, SPAN_KEYS, 'every.');
  return assertPeriod(period, 'every');
}
