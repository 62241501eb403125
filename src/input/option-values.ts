/**
 * Checking and converting numeric options (rates, counts, money) of the formula-based functions — CLV
 * formulas and growth simulations — and the private decimal arithmetic they run on.
 *
 * Arithmetic runs on a private decimal.js configuration (40 significant digits, half-even), so the
 * caller's global `Decimal.set(...)` never changes a result. Money leaves as `Decimal` rounded to 20
 * significant digits; counts leave as numbers.
 *
 * @module
 * @internal
 */
import { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { DECIMAL_SYNTAX } from './money.ts';
import { Exact } from './exact.ts';

export { Exact, RESULT_DIGITS, toMoney } from './exact.ts';

/** @internal A count for the caller: the nearest number, never `-0`. */
export function toCount(value: Decimal): number {
  return value.toNumber() + 0;
}

/**
 * @internal Parse a finite money amount (number, numeric string or Decimal), negative allowed.
 * @throws {@link InvalidOptionError} naming `option` otherwise
 */
export function signedMoneyOption(option: string, value: unknown): Decimal {
  let parsed: Decimal | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) parsed = new Exact(value);
  else if (typeof value === 'string' && DECIMAL_SYNTAX.test(value.trim())) parsed = new Exact(value.trim());
  else if (Decimal.isDecimal(value)) parsed = new Exact(value);
  if (parsed === undefined || !parsed.isFinite()) {
    throw new InvalidOptionError(option, value, `${describeValue(value)} is not a finite amount (use a number, a numeric string or a Decimal)`);
  }
  return parsed;
}

/**
 * @internal Parse a finite, non-negative money amount (number, numeric string or Decimal).
 * @throws {@link InvalidOptionError} naming `option` otherwise
 */
export function moneyOption(option: string, value: unknown): Decimal {
  const parsed = signedMoneyOption(option, value);
  if (parsed.isNegative() && !parsed.isZero()) {
    throw new InvalidOptionError(option, value, `${describeValue(value)} is negative`);
  }
  return parsed;
}

/** @internal A rate within [0, 1]. */
export function rateOption(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InvalidOptionError(option, value, `${describeValue(value)} is not a rate from 0 to 1`);
  }
  return value;
}

/** @internal A finite number ≥ 0 (a count of customers, which may be fractional). */
export function countOption(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidOptionError(option, value, `${describeValue(value)} is not a finite number ≥ 0`);
  }
  return value;
}

/** @internal A positive safe integer, at most `max`. */
export function periodsOption(option: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidOptionError(option, value, `${describeValue(value)} is not a positive integer`);
  }
  if (value > max) throw new InvalidOptionError(option, value, `${value} is more than the ${max} periods a simulation runs`);
  return value;
}

/** @internal A discount rate: finite and greater than −1. */
export function discountOption(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= -1) {
    throw new InvalidOptionError(option, value, `${describeValue(value)} is not a finite number greater than -1`);
  }
  return value;
}

/** @internal A share of revenue kept as profit: finite, at most 1 (negative when selling below cost). */
export function marginOption(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value > 1) {
    throw new InvalidOptionError(option, value, `${describeValue(value)} is not a finite share of revenue of at most 1`);
  }
  return value;
}

/** @internal Ratio `value ÷ base` as a number, `null` when the base is 0. */
export function ratio(value: Decimal, base: Decimal): number | null {
  return base.isZero() ? null : toCount(new Exact(value).dividedBy(base));
}
