/**
 * Sequential ids: integers from 0 (`10482`), or one prefix and digits of one width (`"c0187525"`,
 * `"00042"`) — what numbering customers in order of sign-up gives. Each such id stands for an integer
 * (its digits), so a set of them whose integers lie in a narrow range is numbered through a table
 * indexed by that integer (`dense-ids.ts`) instead of a hash table.
 *
 * @module
 * @internal
 */
import type { CustomerId } from './types.ts';

/** Most digits read (beyond 15, a number is no longer exact; tables are far smaller anyway). */
const MAX_DIGITS = 15;

/**
 * @internal The shape of the first id of a set: a number, or a string's prefix and its width. An id
 * has the shape when it is of the same kind and its value (below) is defined.
 */
export class SequentialShape {
  private constructor(
    /** `null` for integer ids; for string ids, the text before the digits. */
    private readonly prefix: string | null,
    /** The length of every string id of the shape. */
    private readonly width: number,
  ) {}

  /**
   * @internal The shape set by an id, or `null` for an id of no sequential shape (a number that is no
   * integer from 0, a string not ending in 1–15 digits).
   *
   * @param first - the first id of a set
   * @returns the shape, or `null`
   */
  static of(first: CustomerId): SequentialShape | null {
    if (typeof first === 'number') return Number.isSafeInteger(first) && first >= 0 ? new SequentialShape(null, 0) : null;
    let digitsFrom = first.length;
    while (digitsFrom > 0 && isDigit(first.charCodeAt(digitsFrom - 1))) digitsFrom--;
    const digits = first.length - digitsFrom;
    if (digits === 0 || digits > MAX_DIGITS) return null;
    return new SequentialShape(first.slice(0, digitsFrom), first.length);
  }

  /**
   * @internal The value of an id of this shape: a number id itself, or a string's digits read as a
   * number; −1 for an id of another shape. Two distinct ids of one shape never have the same value
   * (strings of one prefix and one width differ in their digits).
   *
   * @param id - a customer id
   * @returns its value, or −1
   */
  valueOfId(id: CustomerId): number {
    const prefix = this.prefix;
    if (prefix === null) return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : -1;
    if (typeof id !== 'string' || id.length !== this.width || !id.startsWith(prefix)) return -1;
    let value = 0;
    for (let i = prefix.length; i < id.length; i++) {
      const code = id.charCodeAt(i);
      if (!isDigit(code)) return -1;
      value = 10 * value + (code - 48);
    }
    return value;
  }
}

/** Whether a UTF-16 code unit is an ASCII digit. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
