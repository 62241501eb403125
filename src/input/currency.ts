/**
 * One currency per ledger: an optional `currency` per record (or column entry) is checked against the
 * ledger's, so that USD, EUR and JPY rows are never summed together.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';

/** An ISO 4217 code as records carry it: three letters, any case. */
const CODE = /^[A-Za-z]{3}$/;

/**
 * @internal Check a `currency` option: an ISO 4217 code (`'USD'`, `'eur'`), returned in capitals, or
 * `null` when not given.
 * @throws {@link InvalidOptionError} for anything else
 */
export function assertCurrency(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string' && CODE.test(value)) return value.toUpperCase();
  throw new InvalidOptionError('currency', value, `${describeValue(value)} is not an ISO 4217 currency code such as 'USD'`);
}

/**
 * @internal The decimal digits of a currency's minor unit as the runtime's `Intl` knows them (2 for USD,
 * 0 for JPY, 3 for KWD), or 2 when `Intl` does not know the code.
 */
export function currencyDigitsOf(code: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * @internal The currency of the records read so far: the `currency` option, else the first record's.
 * A record without a currency (`undefined` or `null`) is taken to be in the ledger's.
 */
export class CurrencyCheck {
  #currency: string | null;
  #firstIndex = -1;

  /**
   * @param expected - the `currency` option, or `null` to take the first record's
   * @param holder - what holds one currency, for messages (`ledger`, `book`)
   */
  constructor(
    expected: string | null,
    private readonly holder = 'ledger',
  ) {
    this.#currency = expected;
  }

  /** The ledger's currency: the option's, the first record's, or `null` when no record named one. */
  get currency(): string | null {
    return this.#currency;
  }

  /**
   * Check one record's currency; `undefined` when it is fine, else the reason it is not.
   *
   * @param index - the record's position (the first record with a currency is named in later messages)
   * @param value - the record's currency field
   * @param source - how the input is named in messages (`records`, `columns`)
   */
  check(index: number, value: unknown, source: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !CODE.test(value)) return `${describeValue(value)} is not an ISO 4217 currency code such as "USD"`;
    const code = value.toUpperCase();
    if (this.#currency === null) {
      this.#currency = code;
      this.#firstIndex = index;
      return undefined;
    }
    if (code === this.#currency) return undefined;
    const since = this.#firstIndex < 0 ? 'the `currency` option' : `${source}[${this.#firstIndex}]`;
    return `${describeValue(value)} differs from the ${this.holder}'s currency ${this.#currency} (from ${since}); a ${this.holder} holds one currency: build one ${this.holder} per currency`;
  }
}
