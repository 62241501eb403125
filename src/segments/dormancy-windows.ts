/**
 * The rules that put a customer into `active | atRisk | dormant | lost`: fixed day windows, windows
 * scaled to the customer's own rhythm, or thresholds on a model's probability that they are alive.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { CustomerId } from '../input/types.ts';

/** A dormancy segment, from most to least engaged. */
export type DormancySegment = 'active' | 'atRisk' | 'dormant' | 'lost';

/** The four segments in order. */
export const DORMANCY_SEGMENTS: readonly DormancySegment[] = ['active', 'atRisk', 'dormant', 'lost'];

/** @internal The segments' names as reports, tables and charts write them. */
export const DORMANCY_SEGMENT_NAMES: Readonly<Record<DormancySegment, string>> = { active: 'Active', atRisk: 'At risk', dormant: 'Dormant', lost: 'Lost' };

/**
 * Fixed windows: the last day (days since the last order) of each segment; beyond `dormant` is `lost`.
 * Defaults 90 / 180 / 365: active ≤ 90, atRisk 91–180, dormant 181–365, lost > 365.
 */
export interface FixedWindows {
  /** Last day counted as active (default 90). */
  active?: number;
  /** Last day counted as at risk (default 180). */
  atRisk?: number;
  /** Last day counted as dormant (default 365). */
  dormant?: number;
}

/**
 * Windows scaled to each customer's median gap g between order days: active while days since the last
 * order ≤ `active`·g, at risk ≤ `atRisk`·g, dormant ≤ `dormant`·g, else lost. Defaults 2 / 4 / 8:
 * for a customer buying at a steady random (Poisson) rate, a silence longer than k median gaps has
 * probability 2^−k, so the boundaries sit at 1 in 4, 1 in 16 and 1 in 256 for a customer who is still
 * buying. Customers with a single order day have no gap and use `fallback` (default fixed windows).
 */
export interface AdaptiveWindows {
  /** Multipliers of the median gap (defaults 2, 4, 8). */
  adaptive: { active?: number; atRisk?: number; dormant?: number };
  /** Fixed windows for customers with one order day (default 90 / 180 / 365). */
  fallback?: FixedWindows;
}

/**
 * What a probability-alive function sees of one customer, in days, in the convention of the
 * buy-till-you-die models (`rfmSummary`): orders on one calendar day are one transaction.
 */
export interface AliveInput {
  /** The customer's id. */
  readonly id: CustomerId;
  /** Orders up to `asOf` (every order, not collapsed by day). */
  readonly orders: number;
  /** Repeat transaction days: order days after the first. */
  readonly x: number;
  /** Days from the first to the last order day. */
  readonly tx: number;
  /** Days from the first order day to the as-of day. */
  readonly T: number;
  /** Days since the last order (`T − tx`). */
  readonly daysSince: number;
}

/**
 * Model-based segments: a probability that the customer is still alive (e.g. a fitted BG/NBD model's
 * `pAlive(x, tx, T)`, fitted in days) and the lowest probability of each segment.
 * Defaults: active ≥ 0.75, atRisk ≥ 0.5, dormant ≥ 0.25, lost below.
 */
export interface AliveWindows {
  /** The probability, in [0, 1], that a customer is alive as of `asOf`. */
  probabilityAlive: (customer: AliveInput) => number;
  /** Lowest probability of each segment (defaults 0.75 / 0.5 / 0.25). */
  thresholds?: { active?: number; atRisk?: number; dormant?: number };
}

/** The `windows` option of `dormancy`. */
export type DormancyWindows = 'fixed' | 'adaptive' | FixedWindows | AdaptiveWindows | AliveWindows;

/** Validated windows. @internal */
export type ResolvedWindows =
  | { readonly kind: 'fixed'; readonly days: readonly [number, number, number] }
  | { readonly kind: 'adaptive'; readonly multipliers: readonly [number, number, number]; readonly days: readonly [number, number, number] }
  | { readonly kind: 'alive'; readonly probabilityAlive: (customer: AliveInput) => number; readonly thresholds: readonly [number, number, number] };

const THREE_KEYS = optionKeys<FixedWindows>({ active: true, atRisk: true, dormant: true });
const ADAPTIVE_KEYS = optionKeys<AdaptiveWindows>({ adaptive: true, fallback: true });
const ALIVE_KEYS = optionKeys<AliveWindows>({ probabilityAlive: true, thresholds: true });
/** Every key of every form of `windows`, so that a slip in any of them gets the closest name. */
const WINDOW_KEYS = [...new Set([...THREE_KEYS, ...ADAPTIVE_KEYS, ...ALIVE_KEYS])];

const DEFAULT_DAYS = [90, 180, 365] as const;
const DEFAULT_MULTIPLIERS = [2, 4, 8] as const;
const DEFAULT_THRESHOLDS = [0.75, 0.5, 0.25] as const;

function three(
  option: string,
  value: unknown,
  defaults: readonly [number, number, number],
  check: (v: number) => boolean,
  what: string,
  increasing: boolean,
): [number, number, number] {
  if (value === undefined) return [...defaults];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError(option, value, 'must be an object { active, atRisk, dormant }');
  }
  const v = checkOptionKeys(value as { active?: unknown; atRisk?: unknown; dormant?: unknown }, THREE_KEYS, `${option}.`);
  const out: [number, number, number] = [...defaults];
  const keys = ['active', 'atRisk', 'dormant'] as const;
  keys.forEach((key, i) => {
    const x = v[key];
    if (x === undefined) return;
    if (typeof x !== 'number' || !check(x)) throw new InvalidOptionError(`${option}.${key}`, x, `${describeValue(x)} is not ${what}`);
    out[i] = x;
  });
  const ordered = increasing ? out[0] < out[1] && out[1] < out[2] : out[0] > out[1] && out[1] > out[2];
  if (!ordered) {
    throw new InvalidOptionError(
      option,
      value,
      `active, atRisk and dormant must be strictly ${increasing ? 'increasing' : 'decreasing'} (got ${out.join(', ')})`,
    );
  }
  return out;
}

const wholeDays = (x: number) => Number.isInteger(x) && x >= 0;
const positive = (x: number) => Number.isFinite(x) && x > 0;
const probability = (x: number) => x >= 0 && x <= 1;

/**
 * Validate the `windows` option of `dormancy`, its keys and those of its nested objects included.
 *
 * @internal
 */
export function resolveWindows(value: DormancyWindows | undefined): ResolvedWindows {
  if (value === undefined || value === 'fixed') return { kind: 'fixed', days: DEFAULT_DAYS };
  if (value === 'adaptive') return { kind: 'adaptive', multipliers: DEFAULT_MULTIPLIERS, days: DEFAULT_DAYS };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError('windows', value, `must be 'fixed', 'adaptive', { active, atRisk, dormant }, { adaptive } or { probabilityAlive }`);
  }
  // Every key of every form first (a slip gets the closest name of any form), then those of the form used.
  checkOptionKeys(value, WINDOW_KEYS, 'windows.');
  if ('probabilityAlive' in value) {
    checkOptionKeys(value, ALIVE_KEYS, 'windows.');
    if (typeof value.probabilityAlive !== 'function') {
      throw new InvalidOptionError('windows.probabilityAlive', value.probabilityAlive, 'must be a function (customer) => probability');
    }
    const thresholds = three('windows.thresholds', value.thresholds, DEFAULT_THRESHOLDS, probability, 'a probability from 0 to 1', false);
    return { kind: 'alive', probabilityAlive: value.probabilityAlive, thresholds };
  }
  if ('adaptive' in value) {
    checkOptionKeys(value, ADAPTIVE_KEYS, 'windows.');
    const multipliers = three('windows.adaptive', value.adaptive, DEFAULT_MULTIPLIERS, positive, 'a positive number', true);
    const days = three('windows.fallback', value.fallback, DEFAULT_DAYS, wholeDays, 'a whole number of days ≥ 0', true);
    return { kind: 'adaptive', multipliers, days };
  }
  checkOptionKeys(value, THREE_KEYS, 'windows.');
  return { kind: 'fixed', days: three('windows', value, DEFAULT_DAYS, wholeDays, 'a whole number of days ≥ 0', true) };
}

/**
 * The segment of `days` since the last order given the last day of each segment.
 *
 * @internal
 */
export function segmentByDays(days: number, limits: readonly [number, number, number]): DormancySegment {
  return DORMANCY_SEGMENTS[segmentIndexByDays(days, limits)];
}

/**
 * {@link segmentByDays} as an index into {@link DORMANCY_SEGMENTS} (0 active … 3 lost).
 *
 * @internal
 */
export function segmentIndexByDays(days: number, limits: readonly [number, number, number]): number {
  if (days <= limits[0]) return 0;
  if (days <= limits[1]) return 1;
  if (days <= limits[2]) return 2;
  return 3;
}

/**
 * The segment of a probability alive given the lowest probability of each segment.
 *
 * @internal
 */
export function segmentByProbability(p: number, thresholds: readonly [number, number, number]): DormancySegment {
  return DORMANCY_SEGMENTS[segmentIndexByProbability(p, thresholds)];
}

/**
 * {@link segmentByProbability} as an index into {@link DORMANCY_SEGMENTS} (0 active … 3 lost).
 *
 * @internal
 */
export function segmentIndexByProbability(p: number, thresholds: readonly [number, number, number]): number {
  if (p >= thresholds[0]) return 0;
  if (p >= thresholds[1]) return 1;
  if (p >= thresholds[2]) return 2;
  return 3;
}
