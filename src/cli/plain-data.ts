/**
 * Results as plain JSON data: money (`Decimal`) as a decimal string, instants as ISO-8601 strings,
 * typed arrays as arrays, `undefined` and functions left out.
 *
 * @module
 */
import { Decimal } from '../index.ts';

/** A JSON value. */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/**
 * A value as plain JSON data.
 *
 * @param value - a result of the library (or any mix of plain data, `Decimal`s, `Date`s, typed arrays)
 * @returns the plain data; a non-finite number becomes `null`
 * @example
 * ```ts
 * import { Decimal } from '../index.ts';
 * import { toPlain } from './plain-data.ts';
 * toPlain({ revenue: new Decimal('12.50'), at: new Date(0), rate: null }); // => { revenue: '12.5', at: '1970-01-01T00:00:00.000Z', rate: null }
 * ```
 */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (Decimal.isDecimal(value)) return (value as Decimal).toString();
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, (n) => toPlain(n));
  if (Array.isArray(value)) return value.map((item: unknown) => toPlain(item));
  if (typeof value === 'object') {
    const out: { [key: string]: PlainValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function') continue;
      out[key] = toPlain(item);
    }
    return out;
  }
  return null;
}
