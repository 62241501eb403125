/**
 * Customer ids: validation and interning into account numbers.
 *
 * @module
 */
import { describeValue } from '../errors.ts';
import type { CustomerId } from './types.ts';

/** Whether `value` can be a customer id: any string, or a finite number. */
export function isCustomerId(value: unknown): value is CustomerId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The account number of `id`, adding it to the dictionary on first sight. A `Map` is used (never a
 * plain object), so `"__proto__"`, `"constructor"` and `""` are ordinary ids, and `1` differs from `"1"`.
 */
export function internId(dictionary: Map<CustomerId, number>, ids: CustomerId[], id: CustomerId): number {
  let number = dictionary.get(id);
  if (number === undefined) {
    number = ids.length;
    dictionary.set(id, number);
    ids.push(id === 0 ? 0 : id); // -0 and 0 are one id
  }
  return number;
}

/** Why `value` is not a usable customer id. */
export function explainId(value: unknown): string {
  if (value === undefined || value === null) return `is missing (${String(value)}); every record needs a customer id`;
  if (typeof value === 'number') return `${describeValue(value)} is not a usable customer id (numbers must be finite)`;
  return `${describeValue(value)} is not a customer id (use a string or a number)`;
}
