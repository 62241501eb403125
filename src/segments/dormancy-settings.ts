/**
 * The options of `dormancy` and `reactivationPotential`, read once: every check and default in one
 * place, the result a plain object.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { type CustomerState, isCustomerState } from '../input/customer-state-type.ts';
import { refuseStateFor } from '../input/state-ledger.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { Ledger } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type ByAttribute, byAttribute } from './by-value.ts';
import { type DormancySegment, type ResolvedWindows, resolveWindows } from './dormancy-windows.ts';
import type { DormancyOptions } from './dormancy-types.ts';
import { readSegmentInput } from './segment-input.ts';

const DORMANCY_KEYS = [...LEDGER_BASE_KEYS, ...optionKeys<Omit<DormancyOptions, keyof LedgerBaseOptions>>({ asOf: true, windows: true, by: true })];

/** @internal What `dormancy` computes with: its data read and every option checked and defaulted. */
export interface DormancySettings {
  readonly book: Ledger;
  /** The as-of instant; `null` for an empty ledger. */
  readonly asOf: number | null;
  /** The zone of the calendar that counts days since the last order. */
  readonly timeZone: string;
  readonly windows: ResolvedWindows;
  /** The attribute of the summary per value, or `null` without `by`. */
  readonly by: ByAttribute | null;
}

/**
 * @internal Read the data and options of a `dormancy` call.
 *
 * @param data - a ledger or records
 * @param options - the options as the caller gave them
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, a bad `asOf`, bad windows, or a `by` the
 *   ledger has no attribute of
 * @throws {@link InvalidInputError} for an unreadable record
 */
export function dormancySettings(data: LedgerInput | CustomerState, options: DormancyOptions | undefined): DormancySettings {
  const opts = checkOptionKeys(options, DORMANCY_KEYS);
  const windows = resolveWindows(opts.windows);
  refuseStateFor(isCustomerState(data) && windows.kind !== 'fixed', 'windows', opts.windows, `windows: ${windows.kind === 'alive' ? "'probabilityAlive'" : "'adaptive'"}`);
  const { book, asOf, timeZone } = readSegmentInput(data, opts);
  return { book, asOf, timeZone, windows, by: byAttribute(book, opts.by) };
}

/** Options of `reactivationPotential`. */
export interface ReactivationOptions {
  /** Share of the targeted customers expected to respond, as a `[low, high]` range (default `[0.25, 0.6]`). */
  receptiveRate?: readonly [number, number];
  /** Also target the `lost` segment (default `false`: dormant customers only). */
  includeLost?: boolean;
}

const REACTIVATION_KEYS = optionKeys<ReactivationOptions>({ receptiveRate: true, includeLost: true });

/** @internal The options of `reactivationPotential`, checked and defaulted. */
export interface ReactivationSettings {
  /** The receptive rates, 0 ≤ low ≤ high ≤ 1. */
  readonly low: number;
  readonly high: number;
  /** The segments targeted: `['dormant']` or `['dormant', 'lost']`. */
  readonly segments: DormancySegment[];
}

/**
 * @internal Read the options of a `reactivationPotential` call.
 *
 * @param options - the options as the caller gave them
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, a rate outside [0, 1] or low > high, or an
 *   `includeLost` that is not a boolean
 */
export function reactivationSettings(options: ReactivationOptions | undefined): ReactivationSettings {
  const opts = checkOptionKeys(options, REACTIVATION_KEYS);
  const [low, high] = receptiveRate(opts.receptiveRate);
  const includeLost = opts.includeLost ?? false;
  if (typeof includeLost !== 'boolean') throw new InvalidOptionError('includeLost', includeLost, 'must be true or false');
  return { low, high, segments: includeLost ? ['dormant', 'lost'] : ['dormant'] };
}

function receptiveRate(value: unknown): [number, number] {
  if (value === undefined) return [0.25, 0.6];
  if (!Array.isArray(value) || value.length !== 2) {
    throw new InvalidOptionError('receptiveRate', value, 'must be a [low, high] pair of rates');
  }
  const [low, high] = value as unknown[];
  if (typeof low !== 'number' || typeof high !== 'number' || !(low >= 0 && low <= high && high <= 1)) {
    throw new InvalidOptionError('receptiveRate', value, 'must be [low, high] with 0 ≤ low ≤ high ≤ 1');
  }
  return [low, high];
}
