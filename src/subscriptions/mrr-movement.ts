/**
 * MRR movements: each change of a customer's monthly recurring revenue, classified.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { CustomerId } from '../input/types.ts';

/**
 * The kind of a change of a customer's MRR (ChartMogul's five):
 * - `'new'`: from 0 to paying, the first time the customer pays;
 * - `'expansion'`: a paying customer's MRR grows (more seats, a dearer plan, another subscription);
 * - `'contraction'`: it shrinks but stays above 0 (a cancelled subscription among others is one);
 * - `'churn'`: it falls to 0: the customer's last paid price ends (or turns free);
 * - `'reactivation'`: from 0 to paying again, after a churn.
 */
export type MrrMovementType = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

/** The movement types in the order of a report's columns. */
export const MOVEMENT_TYPES: readonly MrrMovementType[] = ['new', 'expansion', 'contraction', 'churn', 'reactivation'];

/** One change of one customer's MRR: all of their subscriptions' changes at one instant, netted. */
export interface MrrMovement {
  /** The customer. */
  customerId: CustomerId;
  /** When the MRR changed. */
  at: Date;
  /** The key of the report period the change falls in (`2024-03` by month). */
  period: string;
  /** What kind of change. */
  type: MrrMovementType;
  /** The size of the change, in major units, always ≥ 0 (a churn of 50.00 is 50.00). */
  amount: Decimal;
  /** The customer's MRR just before. */
  mrrBefore: Decimal;
  /** The customer's MRR from `at` on. */
  mrrAfter: Decimal;
}

/**
 * @internal The movement type of a change of MRR (index into {@link MOVEMENT_TYPES}).
 *
 * @param before - MRR before (minor units)
 * @param after - MRR after; never equal to `before`
 * @param paidBefore - whether the customer paid at any instant before
 * @returns the type's index
 */
export function movementType(before: number, after: number, paidBefore: boolean): number {
  if (before === 0) return paidBefore ? 4 : 0;
  if (after === 0) return 3;
  return after > before ? 1 : 2;
}
