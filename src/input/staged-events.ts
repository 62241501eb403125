/**
 * What a ledger builder hands to the shared build: the staged events, and the collector of skipped
 * records.
 *
 * @module
 * @internal
 */
import { InvalidInputError } from '../errors.ts';
import type { EventColumns, Scratch } from './event-columns.ts';
import type { CustomerId, SkippedRecord } from './types.ts';

/** Parsed, validated events in input order, before grouping. */
export interface StagedEvents {
  /** Number of staged events. */
  n: number;
  /** Provisional account number per event (index into `ids`); `buildLedger` reuses the array. */
  idOf: Uint32Array;
  /** Account ids in order of first appearance (the ledger may keep this very array). */
  ids: CustomerId[];
  /** Epoch ms per event. */
  time: Float64Array;
  /** Minor units per event. */
  minor: Float64Array;
  /** Input position per event (for messages about merged records); `null` when it is the event's own index. */
  index: Uint32Array | null;
  /** Order id per event when any record had one, else `null`. */
  orderId: (string | number | undefined)[] | null;
  /**
   * Columns for the ledger allocated together with the staged ones (room for `n` events): allocating
   * both at once lets one garbage collection answer both (see `allocateEventColumns`). Without them,
   * or when far fewer events remain, the ledger's columns are allocated at the end.
   */
  output?: EventColumns;
  /**
   * Memory free until the ledger's columns are written (usually theirs): the build takes its
   * per-account temporaries from it. Whatever the staging kept there is dead by the time of the build.
   */
  scratch?: Scratch;
  /** Whether the staged instants never decrease (found out by the staging pass, which reads them anyway). */
  ordered: boolean;
  /** Σ |minor| over the staged events (summed by the staging pass). */
  absTotal: number;
  /**
   * Sum the per-account totals while building (for callers that hold no row objects, see
   * `allocateEventColumns`); otherwise they are summed on first read.
   */
  eagerTotals?: boolean;
}

/** Collects skipped records (or throws the first problem when not skipping). */
export class Problems {
  readonly skipped: SkippedRecord[] = [];
  constructor(private readonly skip: boolean, readonly source: string) {}

  /** Report a problem; throws unless skipping. */
  report(index: number, field: InvalidInputError['field'], value: unknown, reason: string): void {
    if (!this.skip) throw new InvalidInputError(index, field, value, reason, this.source);
    this.skipped.push(Object.freeze({ index, field, value, reason }));
  }
}
