/**
 * What every segment function does with its data and options before segmenting: read the ledger with
 * the ledger options alone, and the as-of instant.
 *
 * @module
 * @internal
 */
import { type LedgerInput, toLedger } from '../input/ledger.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import { type AsOfOptions, resolveAsOf } from '../input/customer-scan.ts';
import type { Ledger } from '../input/types.ts';
import { type CustomerState, isCustomerState } from '../input/customer-state-type.ts';

/**
 * @internal The ledger options among a function's options, and nothing else: the ledger is read with
 * the options that concern reading records, never with the function's own (a segment option is not
 * a ledger option).
 *
 * @param options - the function's options, keys already checked
 * @returns the ledger options
 */
export function ledgerOptionsOf(options: LedgerBaseOptions | undefined): LedgerBaseOptions {
  if (options === undefined) return {};
  const out: Record<string, unknown> = {};
  for (const key of LEDGER_BASE_KEYS) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as LedgerBaseOptions;
}

/**
 * @internal The ledger of a segment call (records read with the ledger options alone), the zone of its
 * calendar, and the as-of instant (default: the ledger's last event; `null` for an empty ledger).
 *
 * @param data - a ledger, records or a customer state
 * @param options - the function's options, keys already checked
 * @returns the ledger, the as-of instant and the calendar's zone
 * @throws {@link InvalidOptionError} for an unreadable `asOf` or ledger option
 * @throws {@link InvalidInputError} for an unreadable record
 */
export function readSegmentInput(data: LedgerInput | CustomerState, options: AsOfOptions | undefined): { book: Ledger; asOf: number | null; timeZone: string } {
  return resolveAsOf(isCustomerState(data) ? data : toLedger(data, ledgerOptionsOf(options)), options);
}
