/**
 * Per-event columns carved out of one `ArrayBuffer`.
 *
 * @module
 */

/** An instant and an amount per event: the columns a ledger keeps. */
export interface EventColumns {
  /** Epoch milliseconds of each event. */
  readonly time: Float64Array;
  /** Amount of each event in minor units. */
  readonly minor: Float64Array;
}

/** The columns of events being staged: also a (provisional) account number per event. */
export interface StagingColumns extends EventColumns {
  /** Provisional account number of each event. */
  readonly account: Uint32Array;
}

/**
 * Allocate a ledger's two event columns of `length` events in a single buffer (16 bytes per event).
 *
 * The columns live and die together, so they are one allocation: the collector weighs typed-array
 * memory by the allocations that add to it, and a caller holding millions of records pays for every
 * collection such an allocation starts. For the same reason the build allocates these columns together
 * with the staging ones (see {@link allocateStagingColumns}), before it needs them.
 *
 * @param length - the number of events
 * @returns zero-filled columns sharing one buffer
 */
export function allocateEventColumns(length: number): EventColumns {
  const buffer = new ArrayBuffer(length * 16);
  return { time: new Float64Array(buffer, 0, length), minor: new Float64Array(buffer, length * 8, length) };
}

/**
 * Allocate the three staging columns of `length` events in a single buffer (20 bytes per event), for
 * the reason given at {@link allocateEventColumns}.
 *
 * @param length - the number of events
 * @returns zero-filled columns sharing one buffer
 */
export function allocateStagingColumns(length: number): StagingColumns {
  const buffer = new ArrayBuffer(length * 20);
  return {
    time: new Float64Array(buffer, 0, length),
    minor: new Float64Array(buffer, length * 8, length),
    account: new Uint32Array(buffer, length * 16, length),
  };
}
