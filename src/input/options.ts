/**
 * Options shared by every way of building a ledger.
 *
 * @module
 */
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { type AmountRounding, assertCurrencyDigits, assertRounding } from './money.ts';

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
  /** Decimal digits of the currency: 2 (default) for USD/EUR, 0 for JPY, 3 for KWD. */
  currencyDigits?: number;
  /** Round amounts with more decimals than `currencyDigits` allows (default: such amounts are an error). */
  rounding?: AmountRounding;
  /**
   * `'throw'` (default): the first unreadable record throws an `InvalidInputError`.
   * `'skip'`: unreadable records are left out and listed in the ledger's `skipped`.
   */
  onInvalid?: OnInvalid;
}

/** Validated base options. */
export interface ResolvedLedgerOptions {
  readonly timeZone: string;
  readonly currencyDigits: number;
  readonly rounding: AmountRounding | undefined;
  readonly skip: boolean;
}

/** Validate the options shared by every ledger builder. */
export function resolveLedgerOptions(options: LedgerBaseOptions | undefined): ResolvedLedgerOptions {
  return {
    timeZone: assertTimeZone(options?.timeZone ?? 'UTC'),
    currencyDigits: assertCurrencyDigits(options?.currencyDigits ?? 2),
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
