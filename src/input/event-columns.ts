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

/**
 * Memory that is free for a while — the ledger's columns before the build writes them — handed out as
 * zero-filled typed arrays, one after another. A request that no longer fits is allocated afresh.
 *
 * This is the same concern as at {@link allocateEventColumns}: the build's temporaries (the staged ids'
 * keys, the id table, the per-account counts and ranks) come to tens of megabytes on millions of
 * records, and each 64 MiB of new typed-array memory can cost a marking of the caller's whole heap.
 * Carved out of memory that is already there, they cost nothing of the kind (nor fresh page faults).
 */
export class Scratch {
  private used = 0;
  /** @param memory - the free memory (its contents are overwritten) */
  constructor(private readonly memory: ArrayBufferLike) {}

  /** Hand out the whole memory again: every array handed out so far must no longer be used. */
  reset(): void {
    this.used = 0;
  }

  /** `length` 32-bit signed integers, zero-filled. */
  int32(length: number): Int32Array {
    const at = this.take(length * 4);
    return at < 0 ? new Int32Array(length) : new Int32Array(this.memory, at, length).fill(0);
  }

  /** `length` 32-bit unsigned integers, zero-filled. */
  uint32(length: number): Uint32Array {
    const at = this.take(length * 4);
    return at < 0 ? new Uint32Array(length) : new Uint32Array(this.memory, at, length).fill(0);
  }

  /** `length` doubles, zero-filled. */
  float64(length: number): Float64Array {
    const at = this.take(length * 8);
    return at < 0 ? new Float64Array(length) : new Float64Array(this.memory, at, length).fill(0);
  }

  /** The offset of `bytes` more bytes (8-byte aligned), or −1 when they do not fit. */
  private take(bytes: number): number {
    const at = Math.ceil(this.used / 8) * 8;
    if (at + bytes > this.memory.byteLength) return -1;
    this.used = at + bytes;
    return at;
  }
}
