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
 * One allocation instead of several matters when the caller holds millions of objects: V8 counts
 * typed-array memory as external memory and, each time that grows by another step (64 MiB), marks the
 * whole JavaScript heap — with ten million records alive, about a second per marking. Columns that
 * live and die together are therefore allocated together, and columns needed later in the same build
 * are allocated early, while the marking the first allocation started is still under way.
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
