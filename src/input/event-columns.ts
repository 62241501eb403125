/**
 * Per-event columns carved out of one `ArrayBuffer`.
 *
 * @module
 */

/** An account number, an instant and an amount per event. */
export interface EventColumns {
  /** Account (or provisional account) number of each event. */
  readonly account: Uint32Array;
  /** Epoch milliseconds of each event. */
  readonly time: Float64Array;
  /** Amount of each event in minor units. */
  readonly minor: Float64Array;
}

/**
 * Allocate the three columns of `length` events in a single buffer (20 bytes per event).
 *
 * One allocation instead of three matters when the caller holds millions of objects: V8 counts
 * typed-array memory as external memory and, each time that grows by another step (64 MiB), marks the
 * whole JavaScript heap — with ten million records alive, about a second per marking. Columns that
 * live and die together are therefore allocated together, and columns needed later in the same build
 * are allocated early, while the marking the first allocation started is still under way.
 *
 * @param length - the number of events
 * @returns zero-filled columns sharing one buffer
 */
export function allocateEventColumns(length: number): EventColumns {
  const buffer = new ArrayBuffer(length * 20);
  return {
    time: new Float64Array(buffer, 0, length),
    minor: new Float64Array(buffer, length * 8, length),
    account: new Uint32Array(buffer, length * 16, length),
  };
}

/** What every account's events add up to: order count, first and last order, gross and net. */
export interface AccountColumns {
  /** Orders (events with amount ≥ 0) per account. */
  readonly orders: Uint32Array;
  /** Instant of each account's first order; `NaN` for an account without orders. */
  readonly firstOrder: Float64Array;
  /** Instant of each account's last order; `NaN` for an account without orders. */
  readonly lastOrder: Float64Array;
  /** Sum of each account's order amounts, minor units. */
  readonly grossMinor: Float64Array;
  /** Sum of each account's amounts, orders and refunds, minor units. */
  readonly netMinor: Float64Array;
}

/**
 * Allocate the per-account columns of `length` accounts in a single buffer (36 bytes per account),
 * for the reason given at {@link allocateEventColumns}.
 *
 * @param length - the number of accounts
 * @returns zero-filled columns sharing one buffer
 */
export function allocateAccountColumns(length: number): AccountColumns {
  const buffer = new ArrayBuffer(length * 36);
  return {
    firstOrder: new Float64Array(buffer, 0, length),
    lastOrder: new Float64Array(buffer, length * 8, length),
    grossMinor: new Float64Array(buffer, length * 16, length),
    netMinor: new Float64Array(buffer, length * 24, length),
    orders: new Uint32Array(buffer, length * 32, length),
  };
}
