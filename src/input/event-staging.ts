/**
 * Staging events: the one path by which `ledger(records)` and `ledger.fromColumns(columns)` turn a
 * read, validated entry into an event — the checks every source shares, the account of its id, and
 * its place in the staged columns.
 *
 * @module
 * @internal
 */
import type { CurrencyCheck } from './currency.ts';
import { type EventColumns, allocateEventColumns, allocateStagingColumns } from './event-columns.ts';
import type { EventAttributes } from './event-attributes.ts';
import { OVER_TOTAL, explainOrderId, withoutBigint } from './field-hints.ts';
import { type AccountNumbering, isCustomerId } from './ids.ts';
import { MAX_EXACT_MINOR } from './money.ts';
import type { Problems, StagedEvents } from './staged-events.ts';
import type { CustomerId } from './types.ts';

/**
 * @internal Events staged one at a time, in input order. A source reads an entry's id, instant and
 * amount and checks them in its own terms; then the checks below, then {@link EventStaging.add}.
 */
export class EventStaging {
  private readonly time: Float64Array;
  private readonly minor: Float64Array;
  private readonly account: Uint32Array;
  /** Input position of each event; `null` while every event is at its own position (nothing skipped). */
  private index: Uint32Array | null = null;
  /** Order id of each event; `null` until an entry names one. */
  private orderIds: (string | number | undefined)[] | null = null;
  private count = 0;
  private ordered = true;
  private lastTime = Number.NEGATIVE_INFINITY;
  private absTotal = 0;
  /**
   * The ledger's own columns, allocated together with the staging columns: memory that grows in two
   * steps close together costs the collector one look at the caller's heap, not two (see
   * `allocateEventColumns`).
   */
  private readonly output: EventColumns;

  /**
   * @param capacity - the number of entries (the most events there can be)
   * @param numbering - numbers the events' ids into accounts
   * @param problems - where refused entries are reported
   * @param currency - the ledger's currency so far
   * @param attributes - the entries' attributes, or `null` when none is read
   */
  constructor(
    private readonly capacity: number,
    private readonly numbering: AccountNumbering,
    private readonly problems: Problems,
    private readonly currency: CurrencyCheck,
    private readonly attributes: EventAttributes | null = null,
  ) {
    const staging = allocateStagingColumns(capacity);
    this.time = staging.time;
    this.minor = staging.minor;
    this.account = staging.account;
    this.output = allocateEventColumns(capacity);
  }

  /**
   * Whether an amount keeps the sum of absolute amounts within exact range (reported when not).
   *
   * @param input - the entry's position
   * @param minor - its amount in minor units
   * @param value - the amount as given (for the message)
   * @returns `true` when it fits
   */
  fitsExactTotal(input: number, minor: number, value: unknown): boolean {
    if (this.absTotal + Math.abs(minor) <= MAX_EXACT_MINOR) return true;
    this.problems.report(input, 'amount', value, OVER_TOTAL);
    return false;
  }

  /**
   * An entry's order id: `undefined` when it names none, `null` when it is no id (reported).
   *
   * @param input - the entry's position
   * @param value - the order id as given (a `bigint` is read as the number it equals)
   * @returns the order id, `undefined`, or `null`
   */
  orderIdOf(input: number, value: unknown): CustomerId | undefined | null {
    if (value === undefined || value === null) return undefined;
    const id = withoutBigint(value);
    if (isCustomerId(id)) return id;
    this.problems.report(input, 'orderId', value, explainOrderId(value));
    return null;
  }

  /**
   * Whether an entry's currency is the ledger's (reported when not).
   *
   * @param input - the entry's position
   * @param value - its currency as given (`undefined` or `null`: the ledger's)
   * @returns `true` when it is
   */
  currencyMatches(input: number, value: unknown): boolean {
    const problem = this.currency.check(input, value, this.problems.source);
    if (problem === undefined) return true;
    this.problems.report(input, 'currency', value, problem);
    return false;
  }

  /**
   * Whether every attribute of an entry is a string or missing (reported when not); the codes read are
   * those of the entry staged next.
   *
   * @param input - the entry's position
   * @param record - the entry's record (columns: any object)
   * @returns `true` when they are
   */
  attributesRead(input: number, record: object): boolean {
    return this.attributes === null || this.attributes.read(record, input, this.problems);
  }

  /**
   * Stage an event that passed every check (and {@link attributesRead}, when there are attributes).
   *
   * @param input - the entry's position
   * @param id - its customer id
   * @param time - its instant, epoch ms
   * @param minor - its amount, minor units
   * @param orderId - its order id, or `undefined`
   */
  add(input: number, id: CustomerId, time: number, minor: number, orderId: CustomerId | undefined): void {
    const k = this.count++;
    this.account[k] = this.numbering.accountOf(id);
    this.time[k] = time;
    this.minor[k] = minor;
    if (time < this.lastTime) this.ordered = false;
    this.lastTime = time;
    this.absTotal += Math.abs(minor);
    if (orderId !== undefined) {
      this.orderIds ??= new Array<CustomerId | undefined>(this.capacity).fill(undefined);
      this.orderIds[k] = orderId;
    }
    if (this.attributes !== null) this.attributes.store(k);
    if (this.index !== null) this.index[k] = input;
    else if (k !== input) this.index = positionsUpTo(this.capacity, k, input);
  }

  /** @returns the staged events, for the build */
  finish(): StagedEvents {
    return {
      n: this.count,
      account: this.account,
      ids: this.numbering.idsByAccount(),
      time: this.time,
      minor: this.minor,
      index: this.index,
      orderId: this.orderIds,
      ordered: this.ordered,
      absTotal: this.absTotal,
      output: this.output,
      attributes: this.attributes === null ? [] : this.attributes.finish(),
    };
  }
}

/** Input positions of up to `capacity` events whose first `k` are at their own positions, and event `k` at `input`. */
function positionsUpTo(capacity: number, k: number, input: number): Uint32Array {
  const index = new Uint32Array(capacity);
  for (let j = 0; j < k; j++) index[j] = j;
  index[k] = input;
  return index;
}
