/**
 * Attributes of events and customers, dictionary-encoded: a code per entry and the list of values the
 * codes stand for.
 *
 * @module
 */
import { describeValue } from '../errors.ts';

/** Codes of an attribute: one byte per entry while it has at most 255 values, two up to 65,535, else four. */
export type AttributeCodes = Uint8Array | Uint16Array | Uint32Array;

/**
 * One named attribute of a ledger's events (or customers), dictionary-encoded: entry `i` has the value
 * `values[codes[i]]`. Code 0 is the missing value: `values[0]` is `null`, and the other values are
 * distinct strings in order of first appearance in the input.
 */
export interface AttributeColumn {
  /** The code of each entry (event, or account for a customer attribute). */
  readonly codes: AttributeCodes;
  /** The value of each code; `values[0]` is `null` (missing). */
  readonly values: readonly (string | null)[];
}

/** The widest code a dictionary hands out. */
const MAX_CODE = 2 ** 32 - 1;

/**
 * @internal Encodes one attribute's values while entries are read: the dictionary grows with each new
 * value, and the codes widen from one byte to two and four when it outgrows them.
 */
export class AttributeDictionary {
  #codes: AttributeCodes;
  readonly #index = new Map<string, number>();
  readonly #values: (string | null)[] = [null];

  /** @param capacity - the number of entries (codes are allocated for all of them) */
  constructor(private readonly capacity: number) {
    this.#codes = new Uint8Array(capacity);
  }

  /**
   * The code of a value, a new one for a value not seen before.
   *
   * @param value - a string, or `null` / `undefined` for a missing value
   * @returns its code, or −1 for a value that is neither (the caller reports it)
   */
  codeOf(value: unknown): number {
    if (value === null || value === undefined) return 0;
    if (typeof value !== 'string') return -1;
    const known = this.#index.get(value);
    if (known !== undefined) return known;
    const code = this.#values.length;
    if (code > MAX_CODE) throw new RangeError('an attribute has more than 2^32 − 1 distinct values');
    this.#values.push(value);
    this.#index.set(value, code);
    if (code === 256 || code === 65536) this.#widen(code);
    return code;
  }

  /**
   * Store the code of entry `k`.
   *
   * @param k - the entry
   * @param code - its code, from {@link codeOf}
   */
  set(k: number, code: number): void {
    this.#codes[k] = code;
  }

  /** @returns the codes (of all `capacity` entries) and the values */
  finish(): AttributeColumn {
    return { codes: this.#codes, values: Object.freeze(this.#values.slice()) };
  }

  #widen(code: number): void {
    const wider = code === 256 ? new Uint16Array(this.capacity) : new Uint32Array(this.capacity);
    wider.set(this.#codes);
    this.#codes = wider;
  }
}

/**
 * @internal The order of an attribute's values among events otherwise equal: the missing value first,
 * then in code-unit order.
 *
 * @param a - a value
 * @param b - another
 * @returns negative when `a` comes first, positive when `b` does, 0 for the same value
 */
export function compareAttributeValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * @internal Codes for `length` entries of a dictionary of `values` (with the missing value).
 *
 * @param length - the number of entries
 * @param values - how many values the dictionary has, including the missing one
 * @returns zero-filled codes of the narrowest width that holds every code
 */
export function allocateCodes(length: number, values: number): AttributeCodes {
  if (values <= 256) return new Uint8Array(length);
  if (values <= 65536) return new Uint16Array(length);
  return new Uint32Array(length);
}

/** Positions grouped by code: code c's positions are `positions[first[c]] … positions[first[c + 1] − 1]`, ascending. */
export interface CodeBuckets {
  readonly positions: Uint32Array;
  readonly first: Uint32Array;
}

/**
 * @internal Group positions `0 … n − 1` by their code (a stable counting sort), leaving out those of
 * code −1.
 *
 * @param n - the number of positions
 * @param size - the number of codes (codes are −1 … size − 1)
 * @param codeOf - the code of a position; called twice per position, so it must be cheap and pure
 * @returns the positions by code
 */
export function bucketByCode(n: number, size: number, codeOf: (position: number) => number): CodeBuckets {
  const first = new Uint32Array(size + 1);
  for (let i = 0; i < n; i++) {
    const code = codeOf(i);
    if (code >= 0) first[code + 1]++;
  }
  for (let c = 0; c < size; c++) first[c + 1] += first[c];
  const positions = new Uint32Array(first[size]);
  const next = first.slice(0, size);
  for (let i = 0; i < n; i++) {
    const code = codeOf(i);
    if (code >= 0) positions[next[code]++] = i;
  }
  return { positions, first };
}

/**
 * @internal Describe a value that is not an attribute value, for an error message.
 *
 * @param value - the value
 * @returns the reason it was refused
 */
export function explainAttributeValue(value: unknown): string {
  return `${describeValue(value)} is not a string (an attribute is a string, or null where a record has none)`;
}
