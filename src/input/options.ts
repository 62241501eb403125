/**
 * Options shared by every way of building a ledger.
 *
 * @module
 */
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { assertCurrency, currencyDigitsOf } from './currency.ts';
import { type EpochUnit, assertEpochUnit } from './epoch-unit.ts';
import { type AmountRounding, assertCurrencyDigits, assertRounding } from './money.ts';
import { optionKeys } from '../option-keys.ts';

/** What to do with a record that cannot be read. */
export type OnInvalid = 'throw' | 'skip';

/** Options of {@link ledger} and `ledger.fromColumns`. */
export interface LedgerBaseOptions {
  /**
   * IANA zone for date-only / offset-less strings and for every calendar question (days, weeks, months).
   * Default `'UTC'`. With a ready ledger it overrides the ledger's zone for that call; the other
   * options here only apply to reading records.
   */
  timeZone?: string;
  /**
   * The ledger's currency, an ISO 4217 code (`'USD'`). Records whose `currency` field names another are
   * an error (a ledger holds one currency); without this option the first record that names a currency
   * sets it. Also sets the default of `currencyDigits` (0 for `'JPY'`).
   */
  currency?: string;
  /** Decimal digits of the currency: 2 (default) for USD/EUR, 0 for JPY, 3 for KWD. */
  currencyDigits?: number;
  /**
   * The unit of numeric dates (numbers and `bigint`s): `'ms'` (default, epoch milliseconds), `'s'`
   * (epoch seconds), `'us'` or `'ns'`. Finer units are rounded down to the millisecond.
   */
  timeUnit?: EpochUnit;
  /** Round amounts with more decimals than `currencyDigits` allows (default: such amounts are an error). */
  rounding?: AmountRounding;
  /**
   * `'throw'` (default): the first unreadable record throws an `InvalidInputError`.
   * `'skip'`: unreadable records are left out and listed in the ledger's `skipped`.
   */
  onInvalid?: OnInvalid;
}

/** The keys of {@link LedgerBaseOptions}, for the unknown-option check of every function that takes them. */
export const LEDGER_BASE_KEYS = optionKeys<LedgerBaseOptions>({
  timeZone: true,
  currency: true,
  currencyDigits: true,
  timeUnit: true,
  rounding: true,
  onInvalid: true,
});

/** Validated base options. */
export interface ResolvedLedgerOptions {
  readonly timeZone: string;
  readonly currency: string | null;
  readonly currencyDigits: number;
  readonly timeUnit: EpochUnit;
  readonly rounding: AmountRounding | undefined;
  readonly skip: boolean;
}

/** Validate the options shared by every ledger builder. */
export function resolveLedgerOptions(options: LedgerBaseOptions | undefined): ResolvedLedgerOptions {
  const currency = assertCurrency(options?.currency);
  return {
    timeZone: assertTimeZone(options?.timeZone ?? 'UTC'),
    currency,
    currencyDigits: assertCurrencyDigits(options?.currencyDigits ?? (currency === null ? 2 : currencyDigitsOf(currency))),
    timeUnit: assertEpochUnit(options?.timeUnit),
    rounding: assertRounding(options?.rounding),
    skip: skipInvalid(options?.onInvalid),
  };
}

/** Check an `onInvalid` option: `true` to skip unreadable records, `false` (default) to throw. */
export function skipInvalid(onInvalid: unknown): boolean {
  if (onInvalid === undefined || onInvalid === 'throw') return false;
  if (onInvalid === 'skip') return true;
  throw new InvalidOptionError('onInvalid', onInvalid, `must be 'throw' or 'skip'`);
}
