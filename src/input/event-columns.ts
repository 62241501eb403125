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

