/**
 * Errors thrown by retention-metrics.
 *
 * Every error the library throws on purpose is a {@link RetentionError}. Use
 * {@link isRetentionError} (not `instanceof`) to recognise one: it works across
 * duplicated copies of the package (ESM and CJS side by side, bundled copies).
 *
 * @module
 */

import { dateTimeValue } from './date-value.ts';

const BRAND = Symbol.for('retention-metrics.error');

/**
 * Base class of every error the library throws on purpose.
 *
 * @example
 * ```ts
 * import { RetentionError, isRetentionError } from 'retention-metrics';
 * const error = new RetentionError('something went wrong');
 * isRetentionError(error); // => true
 * error.name; // => 'RetentionError'
 * ```
 */
export class RetentionError extends Error {
  /** @internal brand shared by all copies of the package */
  readonly [BRAND] = true;

  /**
   * @param message - what went wrong, phrased so a person can act on it
   * @param options - standard `ErrorOptions` (`cause`)
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RetentionError';
  }
}

/** The field of an input record that an {@link InvalidInputError} is about. */
export type InputField =
  | 'customerId'
  | 'date'
  | 'amount'
  | 'orderId'
  | 'currency'
  | 'record'
  | 'start'
  | 'end'
  | 'subscriptionId'
  | 'interval'
  | 'quantity'
  | 'plan'
  | 'type'
  | 'at'
  | `attributes.${string}`;

/**
 * A record (or column entry) of the caller's data is unusable.
 *
 * Carries the position of the record in the input (`index`), the field (`field`) and the
 * offending value (`value`), and a message such as
 * `records[12].amount: "12,50" is not a number (use "12.50")`.
 *
 * @example
 * ```ts
 * import { ledger, InvalidInputError } from 'retention-metrics';
 * let caught: unknown;
 * try {
 *   ledger([{ customerId: 'a', date: '2024-01-01', amount: '12,50' }]);
 * } catch (error) {
 *   caught = error;
 * }
 * (caught as InvalidInputError).field; // => 'amount'
 * (caught as InvalidInputError).index; // => 0
 * ```
 */
export class InvalidInputError extends RetentionError {
  /** Position of the record in the input (0-based), or of the entry in its column. */
  readonly index: number;
  /** The field that is wrong. */
  readonly field: InputField;
  /** The offending value, as given. */
  readonly value: unknown;
  /** Short reason without the location prefix, e.g. `"12,50" is not a number (use "12.50")`. */
  readonly reason: string;

  /**
   * @param index - position of the record in the input
   * @param field - the field that is wrong
   * @param value - the offending value
   * @param reason - what is wrong with it and, where possible, how to fix it
   * @param source - how the input is named in the message (`records` or a column name)
   */
  constructor(index: number, field: InputField, value: unknown, reason: string, source = 'records') {
    super(`${source}[${index}]${field === 'record' ? '' : `.${field}`}: ${reason}`);
    this.name = 'InvalidInputError';
    this.index = index;
    this.field = field;
    this.value = value;
    this.reason = reason;
  }
}

/**
 * An option passed to a function is invalid (an unknown time zone, a negative window, …).
 *
 * @example
 * ```ts
 * import { ledger, isRetentionError } from 'retention-metrics';
 * let message = '';
 * try {
 *   ledger([], { timeZone: 'Mars/Base' });
 * } catch (error) {
 *   if (isRetentionError(error)) message = error.message;
 * }
 * message; // => 'timeZone: "Mars/Base" is not an IANA time zone'
 * ```
 */
export class InvalidOptionError extends RetentionError {
  /** Name of the option, e.g. `timeZone`. */
  readonly option: string;
  /** The offending value. */
  readonly value: unknown;

  /**
   * @param option - name of the option
   * @param value - the offending value
   * @param reason - what is wrong with it
   */
  constructor(option: string, value: unknown, reason: string) {
    super(`${option}: ${reason}`);
    this.name = 'InvalidOptionError';
    this.option = option;
    this.value = value;
  }
}

/**
 * Whether `value` is an error thrown by retention-metrics (any copy of the package).
 *
 * @param value - anything caught
 * @returns `true` for {@link RetentionError} and its subclasses
 *
 * @example
 * ```ts
 * import { isRetentionError } from 'retention-metrics';
 * isRetentionError(new Error('x')); // => false
 * ```
 */
export function isRetentionError(value: unknown): value is RetentionError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/** @internal Describe a value for an error message: strings quoted, others as written. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'object') return describeObject(value);
  return `a ${typeof value}`;
}

/**
 * A `Date` (from any realm) by its time, an array as such, anything else as an object. Reads internal
 * slots only, so a `Proxy` (even a revoked one) or an object made from `Date.prototype` is described
 * rather than throwing.
 */
function describeObject(value: object): string {
  const time = dateTimeValue(value);
  if (time !== undefined) return Number.isNaN(time) ? 'Invalid Date' : new Date(time).toISOString();
  try {
    if (Array.isArray(value)) return 'an array';
  } catch {
    // a revoked Proxy
  }
  return 'an object';
}
