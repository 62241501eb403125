/**
 * The options of `rfm`, read once: every check and default in one place, the result a plain object.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import type { LedgerInput } from '../input/ledger.ts';
import type { CustomerState } from '../input/customer-state-type.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { Ledger } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type ByAttribute, byAttribute } from './by-value.ts';
import { assertBins } from './rank-scores.ts';
import { type ResolvedCuts, resolveCuts } from './rfm-cuts.ts';
import type { RfmSegmentMap } from './rfm-segments.ts';
import { segmentMap } from './rfm-sums.ts';
import type { RfmMonetary, RfmOptions } from './rfm-types.ts';
import { readSegmentInput } from './segment-input.ts';

const RFM_KEYS = [...LEDGER_BASE_KEYS, ...optionKeys<Omit<RfmOptions, keyof LedgerBaseOptions>>({ asOf: true, bins: true, monetary: true, cuts: true, segments: true, by: true })];

/** @internal What `rfm` computes with: its data read and every option checked and defaulted. */
export interface RfmSettings {
  readonly book: Ledger;
  /** The as-of instant; `null` for an empty ledger. */
  readonly asOf: number | null;
  /** The zone of the calendar that counts recency days. */
  readonly timeZone: string;
  /** Scores per dimension, 2…100. */
  readonly bins: number;
  readonly monetary: RfmMonetary;
  /** The segment map, or `null` for no segments. */
  readonly segmentMap: RfmSegmentMap | null;
  /** Fixed cut points per dimension, `null` where the dimension is scored by rank. */
  readonly cuts: ResolvedCuts;
  /** The attribute of the summary per value, or `null` without `by`. */
  readonly by: ByAttribute | null;
}

/**
 * @internal Read the data and options of an `rfm` call.
 *
 * @param data - a ledger or records
 * @param options - the options as the caller gave them
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, a bad `asOf`, `bins`, `monetary`, cut points
 *   or segment map, or a `by` the ledger has no attribute of
 * @throws {@link InvalidInputError} for an unreadable record
 */
export function rfmSettings(data: LedgerInput | CustomerState, options: RfmOptions | undefined): RfmSettings {
  const opts = checkOptionKeys(options, RFM_KEYS);
  const bins = assertBins(opts.bins ?? 5);
  const monetary = opts.monetary ?? 'total';
  if (monetary !== 'total' && monetary !== 'mean') {
    throw new InvalidOptionError('monetary', monetary, `must be 'total' or 'mean'`);
  }
  const map = segmentMap(opts.segments, bins);
  const { book, asOf, timeZone } = readSegmentInput(data, opts);
  const cuts = resolveCuts(opts.cuts, bins, book.currencyDigits);
  return { book, asOf, timeZone, bins, monetary, segmentMap: map, cuts, by: byAttribute(book, opts.by) };
}
