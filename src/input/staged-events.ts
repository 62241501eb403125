/**
 * What a ledger's sources hand to the shared build: the staged events, and the collector of skipped
 * records.
 *
 * @module
 * @internal
 */
import { InvalidInputError } from '../errors.ts';
import type { EventColumns } from './event-columns.ts';
import type { StagedAttribute } from './event-attributes.ts';
import type { CustomerId, SkippedRecord } from './types.ts';

/** Parsed, validated events in input order, before grouping. */
export interface StagedEvents {
  /** Number of staged events. */
  readonly n: number;
  /** Account number of each event (index into `ids`), accounts numbered in order of first sight. */
  readonly account: Uint32Array;
  /** Account ids, by account number (the ledger may keep this very array). */
  readonly ids: CustomerId[];
  /** Epoch ms of each event (merging order lines writes into it). */
  readonly time: Float64Array;
  /** Minor units of each event (merging order lines writes into it). */
  readonly minor: Float64Array;
  /** Input position of each event (for messages about merged records); `null` when it is the event's own index. */
  readonly index: Uint32Array | null;
  /** Order id of each event when any entry had one, else `null`. */
  readonly orderId: readonly (string | number | undefined)[] | null;
  /** Whether the staged instants never decrease. */
  readonly ordered: boolean;
  /** Σ |minor| over the staged events. */
  readonly absTotal: number;
  /**
   * The ledger's columns, allocated with the staged ones (room for `n` events or more); the build
   * allocates its own when far fewer events remain.
   */
  readonly output: EventColumns;
  /** The events' attributes (codes by staged event); empty when none is read. */
  readonly attributes: readonly StagedAttribute[];
}

/** Collects skipped records (or throws the first problem when not skipping). */
export class Problems {
  readonly #skipped: SkippedRecord[] = [];

  /**
   * @param skip - whether to skip unreadable records (else the first one throws)
   * @param source - how the input is named in messages (`'records'`, `'columns'`)
   * @param earlier - records skipped before (a ledger's, for a ledger made from it), kept as they are
   */
  constructor(
    private readonly skip: boolean,
    readonly source: string,
    private readonly earlier: readonly SkippedRecord[] = [],
  ) {}

  /** Report a problem; throws unless skipping. */
  report(index: number, field: InvalidInputError['field'], value: unknown, reason: string): void {
    if (!this.skip) throw new InvalidInputError(index, field, value, reason, this.source);
    this.#skipped.push(Object.freeze({ index, field, value, reason }));
  }

  /** @returns every skipped record, frozen (the earlier ones as given when none was added) */
  skipped(): readonly SkippedRecord[] {
    if (this.#skipped.length === 0 && Object.isFrozen(this.earlier)) return this.earlier;
    return Object.freeze([...this.earlier, ...this.#skipped]);
  }
}
