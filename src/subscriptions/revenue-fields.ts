/**
 * The fields subscription records and events share — customer, subscription, amount, interval,
 * quantity, plan — read with the reason each wrong value is refused.
 *
 * @module
 * @internal
 */
import { describeValue } from '../errors.ts';
import { explainAmount } from '../input/amount-messages.ts';
import { explainId, isCustomerId } from '../input/ids.ts';
import { toMinorUnits } from '../input/money.ts';
import type { CurrencyCheck } from '../input/currency.ts';
import type { Problems } from '../input/staged-events.ts';
import type { CustomerId } from '../input/types.ts';
import { intervalMonths, monthlyMinor } from './billing-interval.ts';
import { type AttributeReaders, readAttributes } from './revenue-attributes.ts';

/** Most seats or units of one price: sums of them stay exact integers. */
const MAX_QUANTITY = 2 ** 31;

/** @internal A price as read: its monthly revenue, quantity and plan. */
export interface Price {
  readonly mrrMinor: number;
  readonly quantity: number;
  readonly plan: string | null;
  readonly attributes: Readonly<Record<string, string | null>>;
}

/** @internal The fields of a price, as a record or an event holds them. */
export interface PriceFields {
  readonly amount?: unknown;
  readonly interval?: unknown;
  readonly quantity?: unknown;
  readonly plan?: unknown;
  readonly currency?: unknown;
}

/** @internal How records are read: the zone of date-only strings, the currency and its digits. */
export interface ReadCalendar {
  readonly timeZone: string;
  readonly currencyDigits: number;
  /** The book's currency so far, which each record's `currency` must match. */
  readonly currency: CurrencyCheck;
  /** The attributes each record's price carries. */
  readonly attributes: AttributeReaders;
}

/**
 * @internal Read a price, or report the first wrong field.
 *
 * @param fields - the record's fields
 * @param index - the record's position
 * @param calendar - the currency and its digits
 * @param problems - where a wrong field is reported
 * @returns the price, or `null` when a field was reported
 */
export function readPrice(fields: PriceFields & object, index: number, calendar: ReadCalendar, problems: Problems): Price | null {
  const { amount, interval, quantity, plan } = fields;
  const digits = calendar.currencyDigits;
  const minor = toMinorUnits(amount, digits);
  if (Number.isNaN(minor)) return fail(problems, index, 'amount', amount, explainAmount(amount, digits));
  if (minor < 0) return fail(problems, index, 'amount', amount, `${describeValue(amount)} is negative: a price is at least 0 (credits and refunds are no recurring revenue)`);
  const months = intervalMonths(interval);
  if (typeof months === 'string') return fail(problems, index, 'interval', interval, months);
  if (quantity !== undefined && (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY)) {
    return fail(problems, index, 'quantity', quantity, `${describeValue(quantity)} is not a quantity (a whole number of seats or units from 0 to ${MAX_QUANTITY})`);
  }
  if (plan !== undefined && plan !== null && typeof plan !== 'string') return fail(problems, index, 'plan', plan, `${describeValue(plan)} is not a plan name (a string)`);
  const attributes = readAttributes(calendar.attributes, fields, index, problems);
  if (attributes === null) return null;
  // Last: only a record kept may set the book's currency.
  const currency = calendar.currency.check(index, fields.currency, problems.source);
  if (currency !== undefined) return fail(problems, index, 'currency', fields.currency, currency);
  return { mrrMinor: monthlyMinor(minor, months), quantity: quantity ?? 1, plan: plan ?? null, attributes };
}

/**
 * @internal Read a customer id, or report it.
 *
 * @returns the id, or `null` when it was reported
 */
export function readCustomer(value: unknown, index: number, problems: Problems): CustomerId | null {
  if (isCustomerId(value)) return value;
  return fail(problems, index, 'customerId', value, explainId(value));
}

/**
 * @internal Read a subscription id (`undefined` and `null`: none), or report it.
 *
 * @returns the id, `null` for none, or `undefined` when it was reported
 */
export function readSubscriptionId(value: unknown, index: number, problems: Problems): string | number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  problems.report(index, 'subscriptionId', value, `${describeValue(value)} is not a subscription id (use a string or a number)`);
  return undefined;
}

function fail(problems: Problems, index: number, field: Parameters<Problems['report']>[1], value: unknown, reason: string): null {
  problems.report(index, field, value, reason);
  return null;
}
