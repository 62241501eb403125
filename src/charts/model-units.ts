/**
 * How the model charts name their time unit.
 *
 * @module
 * @internal
 */

/**
 * @internal The name of a model time unit of `days` days: `"week"`/`"weeks"`, `"day"`/`"days"`,
 * `"10-day period"`/`"10-day periods"`, or `"time unit"`/`"time units"` when not known.
 *
 * @param days - days per unit, or `null`
 * @param plural - the plural form
 * @returns the name
 */
export function modelUnitName(days: number | null, plural: boolean): string {
  const s = plural ? 's' : '';
  if (days === null) return `time unit${s}`;
  if (days === 1) return `day${s}`;
  if (days === 7) return `week${s}`;
  return `${days}-day period${s}`;
}
