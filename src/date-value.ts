/**
 * The time value of a real `Date`, read from its internal slot: a `Date` from any realm (another frame,
 * a `vm` context) has one, while a `Proxy` around a `Date` or an object made from `Date.prototype`
 * does not, and no trap or getter of the object runs.
 *
 * @module
 * @internal
 */

/** @internal The `Date`'s time value (`NaN` for an invalid `Date`), or `undefined` for any other object. */
export function dateTimeValue(value: object): number | undefined {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}
