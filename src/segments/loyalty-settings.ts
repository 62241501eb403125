/**
 * The options of `loyaltyTiers` and `tierFor`, read once: every check and default in one place, the
 * result a plain object.
 *
 * @module
 * @internal
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { isCustomerState } from '../input/customer-state-type.ts';
import { refuseStateFor } from '../input/state-ledger.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions, type ResolvedLedgerOptions, resolveLedgerOptions } from '../input/options.ts';
import type { Ledger } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type ByAttribute, byAttribute } from './by-value.ts';
import { type LoyaltyProgramOptions, type Program, resolveProgram } from './loyalty-options.ts';
import type { LoyaltyTiersOptions } from './loyalty-tiers.ts';
import { ledgerOptionsOf, readSegmentInput } from './segment-input.ts';

/** The keys of a loyalty program's options. */
const PROGRAM_KEYS = optionKeys<LoyaltyProgramOptions>({ tiers: true, basis: true, window: true, asOf: true, pointsPerUnit: true, keepPreviousTier: true });
const LOYALTY_KEYS = [...LEDGER_BASE_KEYS, ...PROGRAM_KEYS];
/** The keys of `loyaltyTiers`' options: the program's, the ledger's, and its own. */
const LOYALTY_TIERS_KEYS = [...LOYALTY_KEYS, ...optionKeys<Omit<LoyaltyTiersOptions, keyof LoyaltyProgramOptions | keyof LedgerBaseOptions>>({ by: true })];

/** @internal What `loyaltyTiers` computes with: its data read and every option checked and defaulted. */
export interface LoyaltyTiersSettings {
  readonly book: Ledger;
  /** The as-of instant; `null` for an empty ledger. */
  readonly asOf: number | null;
  /** The zone of the calendar that places events in windows. */
  readonly timeZone: string;
  readonly program: Program;
  /** The attribute of the summary per value, or `null` without `by`. */
  readonly by: ByAttribute | null;
}

/**
 * @internal Read the data and options of a `loyaltyTiers` call.
 *
 * @param data - a ledger or records
 * @param options - the options as the caller gave them (required: they name the tiers)
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, a bad program or `asOf` (see `loyaltyTiers`),
 *   or a `by` the ledger has no attribute of
 * @throws {@link InvalidInputError} for an unreadable record
 */
export function loyaltyTiersSettings(data: LedgerInput, options: LoyaltyTiersOptions): LoyaltyTiersSettings {
  // The options are required: `resolveProgram` names a missing `tiers`.
  const opts = checkOptionKeys(options, LOYALTY_TIERS_KEYS);
  refuseStateFor(isCustomerState(data), 'tiers', opts.tiers, 'a loyalty program');
  const { book, asOf, timeZone } = readSegmentInput(data, options);
  const program = resolveProgram(options, book.currencyDigits);
  return { book, asOf, timeZone, program, by: byAttribute(book, opts.by) };
}

/** @internal What `tierFor` computes with: the options for reading the history, the program and the instant. */
export interface TierForSettings {
  /** How the history's events are read (zone, digits, rounding, time unit, skip). */
  readonly read: ResolvedLedgerOptions;
  readonly program: Program;
  /** The instant of the decision. */
  readonly asOf: number;
  /** Its local day. */
  readonly asOfDay: number;
  /** Instant → local day in the zone of `read`. */
  readonly dayOf: (epochMs: number) => number;
}

/**
 * @internal Read the options of a `tierFor` call.
 *
 * @param options - the options as the caller gave them (required: `asOf` and the tiers)
 * @returns the settings
 * @throws {@link InvalidOptionError} for a missing or unreadable `asOf`, an unknown option or a bad program
 */
export function tierForSettings(options: LoyaltyProgramOptions & LedgerBaseOptions): TierForSettings {
  checkOptionKeys(options, LOYALTY_KEYS);
  if (options?.asOf === undefined) {
    throw new InvalidOptionError('asOf', undefined, 'is required: pass the instant of the decision (at checkout, the current instant)');
  }
  const read = resolveLedgerOptions(ledgerOptionsOf(options));
  const program = resolveProgram(options, read.currencyDigits);
  const asOf = dateOption('asOf', options.asOf, read.timeZone);
  const dayOf = makeDayIndexer(read.timeZone);
  return { read, program, asOf, asOfDay: dayOf(asOf), dayOf };
}
