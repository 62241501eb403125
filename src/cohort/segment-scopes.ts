/**
 * A cohort table split by an attribute: one scope per value, by the customer rule or PostHog's
 * same-value rule (see {@link SegmentRule}).
 *
 * @module
 * @internal
 */
import { type AttributeColumn, bucketByCode } from '../input/attribute-dictionary.ts';
import { orderValueCode } from '../input/attribute-lookup.ts';
import { type SegmentRule, compareSegmentValues } from '../input/breakdown.ts';
import type { Ledger } from '../input/types.ts';
import type { CohortScope } from './scope.ts';

/** @internal One value's part of a split table. */
export interface ValueScope {
  /** The attribute's value; `null` for the customers (or orders) without one. */
  readonly value: string | null;
  /** Its customers and events, its rows labelled with the value. */
  readonly scope: CohortScope;
}

/**
 * @internal Split a scope by an attribute into one scope per value with customers, by value (code-unit
 * order), the missing value last.
 *
 * Customer rule: each customer goes to the segment of their value — a customer attribute's, or an event
 * attribute's on the order that starts their cohort (with orders tied with it in instant and amount that
 * may start it too, the first of their values, as in every breakdown) — with all the events the scope
 * counts. Same-value rule (event attributes only; on a customer attribute the rules agree, and the
 * customer rule splits): the segment of value v counts the events with v, and a customer enters it with
 * their first counted order with v.
 *
 * @param book - the ledger
 * @param whole - the unsplit scope (its filter applies to every segment)
 * @param name - an attribute of the ledger, already checked
 * @param rule - how customers and events go into segments
 * @returns the segments' scopes
 */
export function segmentScopes(book: Ledger, whole: CohortScope, name: string, rule: SegmentRule): ValueScope[] {
  const byCustomer = Object.hasOwn(book.customerAttributes, name);
  const column = byCustomer ? book.customerAttributes[name] : book.attributes[name];
  const parts = rule === 'same-value' && !byCustomer ? sameValueParts(book, whole, column) : customerParts(book, whole, column, byCustomer);
  return parts.sort((x, y) => compareSegmentValues(x.value, y.value));
}

/** The customer rule: the scope's accounts by their value, each value's in the ledger's account order. */
function customerParts(book: Ledger, whole: CohortScope, column: AttributeColumn, byCustomer: boolean): ValueScope[] {
  const { accounts, entry } = whole;
  const codes = new Uint32Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    codes[i] = byCustomer ? column.codes[accounts[i]] : orderValueCode(book, column, accounts[i], entry[i], whole.entryAmong);
  }
  // Grouped by code, each code's accounts stay ascending.
  const { positions, first } = bucketByCode(accounts.length, column.values.length, (i) => codes[i]);
  const parts: ValueScope[] = [];
  column.values.forEach((value, c) => {
    if (first[c + 1] === first[c]) return;
    const mine = positions.subarray(first[c], first[c + 1]);
    const scope = { ...whole, accounts: mine.map((i) => accounts[i]), entry: mine.map((i) => entry[i]), segment: value };
    parts.push({ value, scope });
  });
  return parts;
}

/** The same-value rule: each value's customers enter with their first counted order with the value. */
function sameValueParts(book: Ledger, whole: CohortScope, column: AttributeColumn): ValueScope[] {
  const { codes, values } = column;
  const accountsOf: number[][] = values.map(() => []);
  const entryOf: number[][] = values.map(() => []);
  // The last account entered into each value's segment: an account enters a segment once.
  const lastAccount = new Float64Array(values.length).fill(-1);
  for (const account of whole.accounts) {
    for (let event = book.start[account]; event < book.start[account + 1]; event++) {
      if (book.minor[event] < 0 || (whole.kept !== null && whole.kept[event] === 0)) continue;
      const code = codes[event];
      if (lastAccount[code] === account) continue;
      lastAccount[code] = account;
      accountsOf[code].push(account);
      entryOf[code].push(event);
    }
  }
  const parts: ValueScope[] = [];
  values.forEach((value, code) => {
    if (accountsOf[code].length === 0) return;
    const scope = {
      accounts: Uint32Array.from(accountsOf[code]),
      entry: Uint32Array.from(entryOf[code]),
      entryAmong: whole.kept,
      kept: whole.kept,
      sameValue: { codes, code },
      segment: value,
    };
    parts.push({ value, scope });
  });
  return parts;
}
