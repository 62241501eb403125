/**
 * The type of a customer state, its brand and its guard, apart from the builders: the as-of reading
 * of every segment function recognizes a state without importing how states are built.
 *
 * @module
 */
import type { CustomerId } from './types.ts';

/** @internal The brand of a {@link CustomerState} (the same symbol in every copy of the package). */
export const CUSTOMER_STATE_BRAND: unique symbol = Symbol.for('retention-metrics.customer-state') as never;

/**
 * Each customer's totals as of an instant, in columns (index = row). Rows are the ids with an order or a
 * refund at or before `asOf`, in a ledger's account order: by the instant of their first event, ties by
 * id. A row with refunds only (its order is in another part of a merge, or none) has `orders` 0 and
 * `NaN` first and last orders, as a ledger's refund-only accounts do; it is no report's customer.
 */
export interface CustomerState {
  /** @internal */
  readonly [CUSTOMER_STATE_BRAND]: true;
  /** The instant (epoch ms) the totals are as of: events after it are in none of them; `null` without events. */
  readonly asOf: number | null;
  /** IANA time zone of the calendar questions asked of the state (days since the last order). */
  readonly timeZone: string;
  /** Digits of the currency's minor unit. */
  readonly currencyDigits: number;
  /** Customer ids, one per row. */
  readonly ids: readonly CustomerId[];
  /** Instant of each row's first event, order or refund (what orders the rows). */
  readonly firstEvent: Float64Array;
  /** Instant of each row's first order; `NaN` without orders. */
  readonly firstOrder: Float64Array;
  /** Instant of each row's last order; `NaN` without orders. */
  readonly lastOrder: Float64Array;
  /** Orders (events with amount ≥ 0). */
  readonly orders: Uint32Array;
  /** Sum of order amounts, minor units. */
  readonly grossMinor: Float64Array;
  /** Sum of all amounts, orders and refunds, minor units. */
  readonly netMinor: Float64Array;
}

/**
 * Whether `value` is a {@link CustomerState} (from any copy of the package).
 *
 * @param value - anything
 * @returns `true` for a customer state
 *
 * @example
 * ```ts
 * import { customerState, isCustomerState } from 'retention-metrics';
 * isCustomerState(customerState([])); // => true
 * isCustomerState({}); // => false
 * ```
 */
export function isCustomerState(value: unknown): value is CustomerState {
  return typeof value === 'object' && value !== null && (value as { [CUSTOMER_STATE_BRAND]?: unknown })[CUSTOMER_STATE_BRAND] === true;
}

