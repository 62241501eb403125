/**
 * Staging typed columns in bulk: the fast path of `ledger.fromColumns` for the common columnar input —
 * integer ids in a narrow range, epoch-millisecond dates and minor-unit amounts, all in typed arrays,
 * without order ids or currencies, every entry valid. Such entries need none of the per-entry work of
 * {@link EventStaging} (no message, no merge, no currency), so they are checked in one pass, numbered
 * in another, and their dates and amounts are the staged columns as they stand. Any other input, or a
 * single entry that is not valid, takes the general path, which reports it.
 *
 * Invariant: the ledger built from what this stages equals the one the general path builds from the
 * same columns (property-tested).
 *
 * @module
 * @internal
 */
import { MAX_DATE_MS, MIN_DATE_MS } from './dates.ts';
import { DenseIdTable } from './dense-ids.ts';
import { allocateEventColumns } from './event-columns.ts';
import { MAX_EXACT_MINOR } from './money.ts';
import type { StagedEvents } from './staged-events.ts';

/** What {@link checkTypedColumns} learns of columns whose every entry is valid. */
interface ColumnFacts {
  /** Whether the dates never decrease. */
  readonly ordered: boolean;
  /** Σ |amount|. */
  readonly absTotal: number;
}

/**
 * @internal Stage typed columns in bulk, or `null` when they need the general path.
 *
 * @param ids - the id column (numbers read from `bigint`s already)
 * @param dates - the date column, epoch ms
 * @param amounts - the amount column, minor units
 * @param n - the columns' length
 * @returns the staged events, or `null`
 */
export function stageTypedColumns(ids: ArrayLike<unknown>, dates: ArrayLike<unknown>, amounts: ArrayLike<unknown>, n: number): StagedEvents | null {
  if (!(dates instanceof Float64Array) || !(amounts instanceof Float64Array)) return null;
  const table = DenseIdTable.forColumn(ids, n);
  if (table === null) return null;
  const time = dates.subarray(0, n);
  const minor = amounts.subarray(0, n);
  const facts = checkTypedColumns(time, minor);
  // Beyond the exact range the general path names the entry that crosses it.
  if (facts === null || facts.absTotal > MAX_EXACT_MINOR) return null;
  // forColumn found every id to be an integer in the table's range.
  const account = table.numberColumn(ids as ArrayLike<number>, n);
  return {
    n,
    account,
    ids: table.idsByAccount(),
    // Read only: without order ids no lines merge, so nothing writes into the caller's columns.
    time,
    minor,
    index: null,
    orderId: null,
    ordered: facts.ordered,
    absTotal: facts.absTotal,
    output: allocateEventColumns(n),
    attributes: [],
  };
}

/**
 * Whether every date is within the supported range and every amount an integer of minor units within
 * the exact range (a negative zero is neither an order nor a refund), and if so the facts the build
 * needs; `null` at the first entry that is not.
 */
function checkTypedColumns(time: Float64Array, minor: Float64Array): ColumnFacts | null {
  let ordered = true;
  let absTotal = 0;
  let lastTime = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    const amount = minor[i];
    if (!(t >= MIN_DATE_MS && t <= MAX_DATE_MS)) return null;
    if (!Number.isInteger(amount) || Math.abs(amount) > MAX_EXACT_MINOR || Object.is(amount, -0)) return null;
    if (t < lastTime) ordered = false;
    lastTime = t;
    absTotal += Math.abs(amount);
  }
  return { ordered, absTotal };
}
