/**
 * Loyalty programs: tiers, the qualifying basis, the qualification window — and their validation.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { civilFromDays, daysFromCivil, daysInMonth } from '../calendar/days.ts';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { toMinorUnits } from '../input/money.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { DateInput } from '../input/types.ts';

/** One tier of a loyalty program. */
export interface LoyaltyTier {
  /** The tier's name, unique in the program. */
  name: string;
  /**
   * The qualifying amount from which the tier is reached (inclusive): money in major units for
   * `'spend'` (`"500.00"`, `500` or a `Decimal`), a count for `'orders'`, points for `'points'`.
   */
  threshold: number | string | Decimal;
}

/** What qualifies for a tier: net spend, orders, or points (spend × `pointsPerUnit`, rounded down per event). */
export type LoyaltyBasis = 'spend' | 'orders' | 'points';

/**
 * The qualification window, ending on the as-of day (local days in the ledger's zone):
 * `'lifetime'`; `'calendarYear'` (from 1 January of the as-of year); `{ rollingDays: n }` (the last n
 * days including the as-of day); `{ rollingMonths: n }` (the days after the same date n months before).
 */
export type QualificationWindow = 'lifetime' | 'calendarYear' | { rollingMonths: number } | { rollingDays: number };

/** Options of a loyalty program, shared by `loyaltyTiers` and `tierFor`. */
export interface LoyaltyProgramOptions {
  /** The tiers, strictly increasing thresholds, unique names. */
  tiers: readonly LoyaltyTier[];
  /** What qualifies (default `'spend'`). */
  basis?: LoyaltyBasis;
  /** The qualification window (default `'lifetime'`). */
  window?: QualificationWindow;
  /** The instant of the decision (default: the last event). Later events are ignored. */
  asOf?: DateInput;
  /** Points per major unit for `basis: 'points'` (default 1). */
  pointsPerUnit?: number;
  /** Keep a tier earned in the previous qualification window through the current one (default `false`). */
  keepPreviousTier?: boolean;
}

/** A validated program. @internal */
export interface Program {
  readonly names: readonly string[];
  /** Thresholds in internal units: minor units for spend, counts, points. */
  readonly thresholds: Float64Array;
  readonly basis: LoyaltyBasis;
  readonly window: QualificationWindow;
  readonly pointsPerUnit: number;
  readonly keepPreviousTier: boolean;
}

const TIER_KEYS = optionKeys<LoyaltyTier>({ name: true, threshold: true });
const WINDOW_KEYS = ['rollingMonths', 'rollingDays'] as const;
const WINDOW_LIMITS = { rollingMonths: 1200, rollingDays: 36_500 } as const;

function windowOption(value: unknown): QualificationWindow {
  if (value === undefined || value === 'lifetime' || value === 'calendarYear') return value ?? 'lifetime';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = checkOptionKeys(value as { rollingMonths?: unknown; rollingDays?: unknown }, WINDOW_KEYS, 'window.');
    const given = WINDOW_KEYS.filter((key) => key in v);
    if (given.length > 1) throw new InvalidOptionError('window', value, 'takes one of `rollingMonths` and `rollingDays`, not both');
    const key = given[0];
    if (key !== undefined) {
      const n = v[key];
      const max = WINDOW_LIMITS[key];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
        throw new InvalidOptionError(`window.${key}`, n, `${describeValue(n)} is not a whole number from 1 to ${max}`);
      }
      return key === 'rollingMonths' ? { rollingMonths: n } : { rollingDays: n };
    }
  }
  throw new InvalidOptionError('window', value, `must be 'lifetime', 'calendarYear', { rollingMonths: n } or { rollingDays: n }`);
}

/**
 * Validate a program's options.
 *
 * @internal
 */
export function resolveProgram(options: LoyaltyProgramOptions, currencyDigits: number): Program {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', options, 'must be an object with `tiers`');
  const basis = options.basis ?? 'spend';
  if (basis !== 'spend' && basis !== 'orders' && basis !== 'points') {
    throw new InvalidOptionError('basis', basis, `must be 'spend', 'orders' or 'points'`);
  }
  const pointsPerUnit = options.pointsPerUnit ?? 1;
  if (typeof pointsPerUnit !== 'number' || !Number.isFinite(pointsPerUnit) || pointsPerUnit <= 0) {
    throw new InvalidOptionError('pointsPerUnit', pointsPerUnit, `${describeValue(pointsPerUnit)} is not a positive number`);
  }
  const keepPreviousTier = options.keepPreviousTier ?? false;
  if (typeof keepPreviousTier !== 'boolean') throw new InvalidOptionError('keepPreviousTier', keepPreviousTier, 'must be true or false');
  const tiers: unknown = options.tiers;
  if (!Array.isArray(tiers) || tiers.length === 0) throw new InvalidOptionError('tiers', tiers, 'must be a non-empty array of { name, threshold }');
  const names: string[] = [];
  const thresholds = new Float64Array(tiers.length);
  tiers.forEach((tier: unknown, i) => {
    if (typeof tier !== 'object' || tier === null || Array.isArray(tier)) {
      throw new InvalidOptionError(`tiers[${i}]`, tier, 'must be an object { name, threshold }');
    }
    const { name, threshold } = checkOptionKeys(tier as { name?: unknown; threshold?: unknown }, TIER_KEYS, `tiers[${i}].`);
    if (typeof name !== 'string' || name === '') throw new InvalidOptionError(`tiers[${i}].name`, name, 'must be a non-empty string');
    if (names.includes(name)) throw new InvalidOptionError(`tiers[${i}].name`, name, `${describeValue(name)} is used by two tiers`);
    names.push(name);
    const value = basis === 'spend' ? toMinorUnits(threshold, currencyDigits) : typeof threshold === 'number' ? threshold : Number.NaN;
    if (Number.isNaN(value) || !Number.isFinite(value) || (basis === 'orders' && !Number.isInteger(value))) {
      const what = basis === 'spend' ? `an amount with at most ${currencyDigits} decimals` : basis === 'orders' ? 'a whole number of orders' : 'a number of points';
      throw new InvalidOptionError(`tiers[${i}].threshold`, threshold, `${describeValue(threshold)} is not ${what}`);
    }
    if (value < 0) throw new InvalidOptionError(`tiers[${i}].threshold`, threshold, `${describeValue(threshold)} is negative`);
    if (i > 0 && value <= thresholds[i - 1]) {
      throw new InvalidOptionError(
        `tiers[${i}].threshold`,
        threshold,
        `tiers must be listed by strictly increasing threshold (${describeValue(name)} is not above ${describeValue(names[i - 1])})`,
      );
    }
    thresholds[i] = value;
  });
  return { names, thresholds, basis, window: windowOption(options.window), pointsPerUnit, keepPreviousTier };
}

/** The day `months` calendar months before or after `day` (the day of the month clamped to the month's end). */
function addMonths(day: number, months: number): number {
  const { year, month, day: dom } = civilFromDays(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(dom, daysInMonth(y, m)));
}

/**
 * The first local day of the current qualification window and of the previous one (both `-Infinity`
 * for `'lifetime'`, which has no previous window). The current window ends on `asOfDay`, the
 * previous one on the day before the current one starts.
 *
 * @internal
 */
export function windowStarts(window: QualificationWindow, asOfDay: number): [number, number] {
  if (window === 'lifetime') return [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  if (window === 'calendarYear') {
    const { year } = civilFromDays(asOfDay);
    return [daysFromCivil(year, 1, 1), daysFromCivil(year - 1, 1, 1)];
  }
  if ('rollingDays' in window) return [asOfDay - window.rollingDays + 1, asOfDay - 2 * window.rollingDays + 1];
  return [addMonths(asOfDay, -window.rollingMonths) + 1, addMonths(asOfDay, -2 * window.rollingMonths) + 1];
}
