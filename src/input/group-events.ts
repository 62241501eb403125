/**
 * Grouping staged events by account: a stable counting sort into the ledger's columns.
 *
 * @module
 * @internal
 */
import type { GroupedEvents } from './account-totals.ts';
import { allocateCodes } from './attribute-dictionary.ts';
import { allocateEventColumns } from './event-columns.ts';
import type { StagedAttribute } from './event-attributes.ts';
import type { StagedEvents } from './staged-events.ts';

/** What {@link countAccounts} finds: per provisional account, its live events and its first instant. */
export interface AccountCounts {
  /** Live events of each account. */
  readonly events: Uint32Array;
  /** Earliest instant of each account's live events; +∞ for an account without any. */
  readonly first: Float64Array;
}

/**
 * @internal Count each account's live events and find its first instant.
 *
 * @param staged - the staged events
 * @param dead - events merged away or refused (1), or `null` when there is none
 * @returns the counts and first instants, by provisional account number
 */
export function countAccounts(staged: StagedEvents, dead: Uint8Array | null): AccountCounts {
  const { n, account, time, ids, ordered } = staged;
  const events = new Uint32Array(ids.length);
  const first = new Float64Array(ids.length).fill(Number.POSITIVE_INFINITY);
  if (dead === null && ordered) {
    // Every event live and in time order: accounts are numbered in order of first sight, so an event
    // opens its account exactly when the account is the first number not seen yet, and that event is
    // the account's earliest.
    let unseen = 0;
    for (let i = 0; i < n; i++) {
      const a = account[i];
      events[a]++;
      if (a === unseen) first[unseen++] = time[i];
    }
    return { events, first };
  }
  for (let i = 0; i < n; i++) {
    if (dead !== null && dead[i] === 1) continue;
    const a = account[i];
    events[a]++;
    if (time[i] < first[a]) first[a] = time[i];
  }
  return { events, first };
}

/** Events grouped by account, with their attributes. */
export interface GroupedLedgerEvents extends GroupedEvents {
  /** The events' attributes, codes in the grouped order. */
  readonly attributes: readonly StagedAttribute[];
}

/**
 * @internal The live events grouped by account in canonical order, input order kept within an account
 * (a stable counting sort); their attributes move with them.
 *
 * @param staged - the staged events
 * @param dead - events merged away or refused (1), or `null` when there is none
 * @param order - the provisional accounts in canonical order (those from `accounts` on have no events),
 *   or `null` when that is their own numbering
 * @param counts - the live events of each provisional account
 * @param accounts - the number of accounts with events
 * @returns the grouped columns
 */
export function groupByAccount(staged: StagedEvents, dead: Uint8Array | null, order: Uint32Array | null, counts: Uint32Array, accounts: number): GroupedLedgerEvents {
  const { n, account, time, minor, output } = staged;
  const start = new Uint32Array(accounts + 1);
  for (let r = 0; r < accounts; r++) start[r + 1] = start[r] + counts[order === null ? r : order[r]];
  const events = start[accounts];
  // Columns allocated with the staging ones are used when they are not much larger than the events
  // (merged order lines or skipped records can leave far fewer): the ledger keeps their buffer alive.
  const columns = output.time.length <= events + (events >>> 2) ? output : allocateEventColumns(events);
  const grouped = { start, time: columns.time.subarray(0, events), minor: columns.minor.subarray(0, events) };
  // Where the next event of each provisional account goes, indexed by its provisional number.
  const next = new Uint32Array(counts.length);
  for (let r = 0; r < accounts; r++) next[order === null ? r : order[r]] = start[r];
  // Each event's place is found in a pass of its own before any event moves: the moves then store at
  // places read from an array, independent of one another, instead of each waiting on the update of
  // its account's cursor. Dead events keep place 0 and are not moved.
  const place = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (dead !== null && dead[i] === 1) continue;
    place[i] = next[account[i]]++;
  }
  const groupedTime = grouped.time;
  const groupedMinor = grouped.minor;
  for (let i = 0; i < n; i++) {
    if (dead !== null && dead[i] === 1) continue;
    groupedTime[place[i]] = time[i];
    groupedMinor[place[i]] = minor[i];
  }
  const attributes = staged.attributes.map(({ name, column }) => {
    const codes = allocateCodes(events, column.values.length);
    for (let i = 0; i < n; i++) if (dead === null || dead[i] === 0) codes[place[i]] = column.codes[i];
    return { name, column: { codes, values: column.values } };
  });
  return { ...grouped, attributes };
}
