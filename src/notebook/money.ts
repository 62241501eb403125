/**
 * The currency a display writes money with, read from what the report was computed from: a ledger, a
 * subscription book or a customer state knows its currency and digits; for records, the `currency` and
 * `currencyDigits` options say it (a currency named only inside the records is not looked for: the
 * records may be an iterable read once).
 *
 * @module
 * @internal
 */
import { currencyDigitsOf } from '../input/currency.ts';
import { type MoneyFormat, PLAIN_MONEY } from './format.ts';

/** The currency fields of a ledger, a subscription book, a customer state or reading options. */
interface CurrencyFields {
  readonly currency?: unknown;
  readonly currencyDigits?: unknown;
}

function fieldsOf(value: unknown): CurrencyFields {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as CurrencyFields) : {};
}

/**
 * @internal How money of a report is written.
 *
 * @param data - the report's data argument (a ledger, a book, a state, or records)
 * @param options - the report's options
 * @returns the currency code (or `null`) and digits
 */
export function moneyFormatOf(data: unknown, options: unknown): MoneyFormat {
  const own = fieldsOf(data);
  const fields = typeof own.currencyDigits === 'number' ? own : fieldsOf(options);
  const currency = typeof fields.currency === 'string' ? fields.currency : null;
  const digits = typeof fields.currencyDigits === 'number' ? fields.currencyDigits : currency === null ? PLAIN_MONEY.digits : currencyDigitsOf(currency);
  return { currency, digits };
}
