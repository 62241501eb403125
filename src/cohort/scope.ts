/**
 * Which customers and events a cohort table counts: everyone with all their orders by default, the
 * orders a `where` filter keeps, or one attribute value's segment.
 *
 * Every scope is over the whole ledger, so accounts keep their numbers and the table keeps the ledger's
 * calendar and its last event as the default `asOf`; a filter or a segment only says which accounts take
 * part and which of their events count.
 *
 * @module
 * @internal
 */
import type { AttributeCodes } from '../input/attribute-dictionary.ts';
import { firstOrderEvent } from '../input/attribute-lookup.ts';
import type { Ledger } from '../input/types.ts';
import type { CohortOf } from './types.ts';

/** @internal The customers of a table (or of one part of it) and the events its cells count. */
export interface CohortScope {
  /** The accounts taking part, ascending (the ledger's account order). */
  readonly accounts: Uint32Array;
  /** For each of `accounts`: the event of the order that puts the customer in their cohort. */
  readonly entry: Uint32Array;
  /**
   * 1 for each event that may start a customer's cohort — the filter's, under `cohortOf: 'first-match'` —
   * or `null` for every order; a same-value segment's `entry` has the segment's value besides.
   */
  readonly entryAmong: Uint8Array | null;
  /** 1 for each event of the ledger the `where` filter keeps; `null` without a filter. */
  readonly kept: Uint8Array | null;
  /** A same-value segment: only events whose attribute code is `code` count (besides the filter's). */
  readonly sameValue: { readonly codes: AttributeCodes; readonly code: number } | null;
  /** The segment of every row counted in this scope: an attribute's value (`null`: missing), or `null` unsplit. */
  readonly segment: string | null;
}

/**
 * @internal Every customer of the ledger with the event that starts their cohort: their first order, or
 * under a filter with `cohortOf: 'first-match'` their first kept order (a customer without one takes no
 * part). With `cohortOf: 'first-order'` every customer takes part, and only kept events count.
 *
 * @param book - the ledger
 * @param kept - the filter's events, or `null`
 * @param cohortOf - which order starts a customer's cohort under the filter
 * @returns the scope, not split into segments
 */
export function wholeScope(book: Ledger, kept: Uint8Array | null, cohortOf: CohortOf): CohortScope {
  const accounts = new Uint32Array(book.ids.length);
  const entry = new Uint32Array(book.ids.length);
  const entryAmong = cohortOf === 'first-order' ? null : kept;
  let n = 0;
  for (let account = 0; account < book.ids.length; account++) {
    const event = entryAmong === null ? firstOrder(book, account) : firstKeptOrder(book, account, entryAmong);
    if (event < 0) continue;
    accounts[n] = account;
    entry[n] = event;
    n++;
  }
  return { accounts: accounts.slice(0, n), entry: entry.slice(0, n), entryAmong, kept, sameValue: null, segment: null };
}

/** The account's first order, −1 for an account with refunds only. */
function firstOrder(book: Ledger, account: number): number {
  return book.orders[account] === 0 ? -1 : firstOrderEvent(book, account);
}

/** The account's first order the filter keeps, −1 for none. */
function firstKeptOrder(book: Ledger, account: number, kept: Uint8Array): number {
  for (let event = book.start[account]; event < book.start[account + 1]; event++) {
    if (book.minor[event] >= 0 && kept[event] === 1) return event;
  }
  return -1;
}
