/**
 * Retention, churn and lifespan from customer counts (the textbook formulas).
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';

/** Customer counts of one period. */
export interface RetentionCounts {
  /** S: customers at the start of the period. */
  start: number;
  /** E: customers at the end of the period. */
  end: number;
  /** N: customers acquired during the period (included in `end`). */
  acquired: number;
}

function count(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidOptionError(name, value, `${describeValue(value)} is not a non-negative count`);
  }
  return value;
}

/** Validate counts and return the number of customers kept, E − N. */
const COUNT_KEYS = optionKeys<RetentionCounts>({ start: true, end: true, acquired: true });

function kept(counts: RetentionCounts): { start: number; kept: number } {
  if (typeof counts !== 'object' || counts === null) {
    throw new InvalidOptionError('counts', counts, 'must be an object { start, end, acquired }');
  }
  checkOptionKeys(counts, COUNT_KEYS);
  const start = count('start', counts.start);
  const end = count('end', counts.end);
  const acquired = count('acquired', counts.acquired);
  if (acquired > end) {
    throw new InvalidOptionError(
      'acquired',
      acquired,
      `${acquired} acquired is more than the ${end} customers at the end: E − N would be negative`,
    );
  }
  if (end - acquired > start) {
    throw new InvalidOptionError(
      'end',
      end,
      `end − acquired = ${end - acquired} customers kept is more than the ${start} customers at the start`,
    );
  }
  return { start, kept: end - acquired };
}

/**
 * Customer retention rate CRR = (E − N) ÷ S: the share of the customers at the start of a period who
 * are still customers at its end.
 *
 * @param counts - `start` (S), `end` (E) and `acquired` (N) customers
 * @returns a rate in [0, 1], or `null` when S = 0
 * @throws {@link InvalidOptionError} for negative or non-finite counts, N > E, or E − N > S
 *
 * @example
 * ```ts
 * import { retentionRate } from 'retention-metrics';
 * retentionRate({ start: 200, end: 210, acquired: 30 }); // => 0.9
 * retentionRate({ start: 0, end: 5, acquired: 5 }); // => null
 * ```
 */
export function retentionRate(counts: RetentionCounts): number | null {
  const k = kept(counts);
  return k.start === 0 ? null : k.kept / k.start;
}

/**
 * Churn rate = lost ÷ S, with lost = S − (E − N): the share of the start's customers lost in the period.
 *
 * @param counts - `start` (S), `end` (E) and `acquired` (N) customers
 * @returns a rate in [0, 1], or `null` when S = 0
 * @throws {@link InvalidOptionError} for impossible counts (as {@link retentionRate})
 *
 * @example
 * ```ts
 * import { churnRate } from 'retention-metrics';
 * churnRate({ start: 200, end: 210, acquired: 30 }); // => 0.1
 * ```
 */
export function churnRate(counts: RetentionCounts): number | null {
  const k = kept(counts);
  return k.start === 0 ? null : (k.start - k.kept) / k.start;
}

/**
 * Expected customer lifespan = 1 ÷ churn, in periods (a constant-churn, geometric lifetime).
 *
 * @param churn - a churn rate in [0, 1], or counts to derive it from
 * @returns periods, or `null` when churn is 0 (no finite lifespan) or undefined (S = 0)
 * @throws {@link InvalidOptionError} for a churn outside [0, 1] or impossible counts
 *
 * @example
 * ```ts
 * import { customerLifespan } from 'retention-metrics';
 * customerLifespan({ start: 200, end: 210, acquired: 30 }); // => 10
 * customerLifespan(0.25); // => 4
 * customerLifespan(0); // => null
 * ```
 */
export function customerLifespan(churn: number | RetentionCounts): number | null {
  let rate: number | null;
  if (typeof churn === 'number') {
    if (!Number.isFinite(churn) || churn < 0 || churn > 1) {
      throw new InvalidOptionError('churn', churn, `${describeValue(churn)} is not a rate in [0, 1]`);
    }
    rate = churn;
  } else {
    rate = churnRate(churn);
  }
  return rate === null || rate === 0 ? null : 1 / rate;
}
