/**
 * The options of `ledger.append`: a batch is read as the ledger's own records were, so every option
 * that decides what a ledger holds must agree with the ledger — its time zone, its currency and
 * currency digits, the names of its attributes — and a ledger built with a customers table takes the
 * table again.
 *
 * @module
 * @internal
 */
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { assertCurrency, currencyDigitsOf } from './currency.ts';
import { type CustomerRow, type CustomerTable, readCustomerTable } from './customer-table.ts';
import { assertCurrencyDigits } from './money.ts';
import type { LedgerBaseOptions } from './options.ts';
import type { Ledger } from './types.ts';

/** What `ledger.append` reads of its options beyond the ones records are read with. */
interface AppendOptionsIn extends LedgerBaseOptions {
  readonly attributes?: Readonly<Record<string, unknown>> | undefined;
  readonly customers?: Iterable<CustomerRow> | undefined;
}

/**
 * @internal Check the options of an append against the ledger, and complete them with the ledger's
 * time zone, currency and currency digits for reading the batch.
 *
 * @param book - the ledger appended to
 * @param options - the append's options
 * @param batchIsLedger - whether the batch is a ledger (its attributes are its own, not the option's)
 * @returns the options to read the batch with (without `customers`), and the customers table, if any
 * @throws {@link InvalidOptionError} when an option disagrees with the ledger, or the ledger was built
 *   with a customers table and none is given
 */
export function appendOptions<O extends AppendOptionsIn>(book: Ledger, options: O | undefined, batchIsLedger: boolean): { read: O; customers: CustomerTable | null } {
  if (options?.timeZone !== undefined && assertTimeZone(options.timeZone) !== book.timeZone) {
    throw new InvalidOptionError('timeZone', options.timeZone, `differs from the ledger's time zone ${book.timeZone}; a batch is read in its ledger's zone (leave timeZone out)`);
  }
  const named = assertCurrency(options?.currency);
  const currency = named ?? book.currency;
  if (book.currency !== null && currency !== book.currency) {
    throw new InvalidOptionError('currency', options?.currency, `differs from the ledger's currency ${book.currency}; a ledger holds one currency`);
  }
  // The digits the options give, as building would resolve them: their own, else the named currency's.
  const digits = options?.currencyDigits !== undefined ? assertCurrencyDigits(options.currencyDigits) : named === null ? null : currencyDigitsOf(named);
  if (digits !== null && digits !== book.currencyDigits) {
    const option = options?.currencyDigits !== undefined ? 'currencyDigits' : 'currency';
    throw new InvalidOptionError(option, options?.[option], `gives ${digits} currency digits, the ledger has ${book.currencyDigits} (leave ${option} out)`);
  }
  // A batch that is a ledger already has its attributes (compared when the two are merged).
  if (!batchIsLedger) checkAttributeNames(book, options?.attributes === undefined ? [] : Object.keys(options.attributes), 'attributes');
  const customers = options?.customers === undefined ? null : readCustomerTable(options.customers);
  if (customers === null && (Object.keys(book.customerAttributes).length > 0 || book.unknownCustomers > 0)) {
    throw new InvalidOptionError(
      'customers',
      undefined,
      'the ledger was built with a customers table: pass the table again (it is joined to every account, the new ones included)',
    );
  }
  // The batch is read without the table (it is joined once, to the merged accounts).
  const read: Record<string, unknown> = { ...options, timeZone: book.timeZone, currencyDigits: book.currencyDigits };
  delete read.customers;
  if (currency === null) delete read.currency;
  else read.currency = currency;
  return { read: read as O, customers };
}

/**
 * @internal Check that a batch has the ledger's attributes: the same names (in any order).
 *
 * @param book - the ledger appended to
 * @param names - the batch's attribute names
 * @param option - how the batch's attributes are named in the message
 * @throws {@link InvalidOptionError} when the names differ
 */
export function checkAttributeNames(book: Ledger, names: readonly string[], option: string): void {
  const own = Object.keys(book.attributes);
  const missing = own.filter((name) => !names.includes(name));
  const extra = names.filter((name) => !own.includes(name));
  if (missing.length === 0 && extra.length === 0) return;
  const list = (items: readonly string[]): string => items.map((name) => JSON.stringify(name)).join(', ');
  const parts = [missing.length > 0 ? `lacks the ledger's ${list(missing)}` : '', extra.length > 0 ? `names ${list(extra)}, which the ledger has not` : ''];
  throw new InvalidOptionError(option, names, `${parts.filter((p) => p !== '').join(' and ')}: a batch has the attributes of its ledger (${own.length === 0 ? 'none' : list(own)})`);
}
