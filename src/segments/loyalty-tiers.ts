/**
 * `loyaltyTiers`: every customer's loyalty tier as of a date.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { LedgerInput } from '../input/ledger.ts';
import type { LedgerBaseOptions } from '../input/options.ts';
import type { CustomerId, DateInput } from '../input/types.ts';
import { eventsEndAsOf, scanCustomers } from '../input/customer-scan.ts';
import { type MembersOptions, type SummaryByValue, valueGroups } from './by-value.ts';
import type { LoyaltyBasis, LoyaltyProgramOptions } from './loyalty-options.ts';
import { loyaltyTiersSettings } from './loyalty-settings.ts';
import { type TierContext, type TierStatus, tierStatus } from './tier-engine.ts';
import { loyaltyReportOf } from './tier-report.ts';

/** Options of {@link loyaltyTiers}: the program, `asOf`, and ledger options for raw records. */
export interface LoyaltyTiersOptions extends LoyaltyProgramOptions, LedgerBaseOptions {
  /** The instant of the decision (default: the ledger's last event). Later events are ignored. */
  asOf?: DateInput;
  /**
   * A customer attribute of the ledger (a customer-table attribute, else an event attribute's value on
   * the customer's first order): adds {@link LoyaltyReport.by}, the tier counts per value. Each
   * customer's tier is decided once and counted in the summary of their own value (the customer rule
   * of breakdowns is the only one here).
   */
  by?: string;
}

/** One customer of a {@link LoyaltyReport}. */
export interface LoyaltyCustomer extends TierStatus {
  /** The customer's id. */
  id: CustomerId;
}

/** Count of one tier. */
export interface LoyaltyTierCount {
  /** The tier's name. */
  tier: string;
  /** Its threshold, in the basis' unit (major units for spend). */
  threshold: Decimal;
  /** Customers holding it. */
  customers: number;
}

/**
 * The tiers of the customers with one value of the `by` attribute (see {@link LoyaltyReport.by}).
 *
 * @example
 * ```ts
 * import { ledger, loyaltyTiers } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'a', date: '2024-03-01', amount: '150.00', store: 'web' },
 *     { customerId: 'b', date: '2024-04-01', amount: '20.00', store: 'web' },
 *   ],
 *   { attributes: { store: 'store' } },
 * );
 * const web = loyaltyTiers(book, { tiers: [{ name: 'Silver', threshold: 100 }], by: 'store' }).by?.values[0];
 * [web?.value, web?.customers, web?.tiers[0]?.customers, web?.withoutTier]; // => ['web', 2, 1, 1]
 * ```
 */
export interface LoyaltyValueSummary {
  /** The value; `null` for the customers without one. */
  value: string | null;
  /** Customers with the value. */
  customers: number;
  /** Per tier, in program order: those customers holding it. */
  tiers: LoyaltyTierCount[];
  /** Those customers below the first tier. */
  withoutTier: number;
}

/** The result of {@link loyaltyTiers}. */
export interface LoyaltyReport {
  /** The as-of instant, or `null` for an empty ledger. */
  asOf: Date | null;
  /** What qualifies. */
  basis: LoyaltyBasis;
  /** First instant of the current qualification window (`null` for `'lifetime'` or an empty ledger). */
  windowStart: Date | null;
  /** Every customer as of `asOf` (at least one order by then), in ledger account order. */
  customers: LoyaltyCustomer[];
  /** Per tier, in program order. */
  tiers: LoyaltyTierCount[];
  /** Customers below the first tier. */
  withoutTier: number;
  /**
   * With the `by` option only (a report without it has no such field): the tier counts per value of
   * the attribute, one entry per value with customers, by value (code-unit order), `null` (no value)
   * last. Each customer holds the tier the report gave them, so the values add up to `tiers` and
   * `withoutTier`.
   *
   * @example
   * ```ts
   * import { ledger, loyaltyTiers } from 'retention-metrics';
   * const book = ledger(
   *   [
   *     { customerId: 'ann', date: '2024-02-01', amount: '600.00', store: 'web' },
   *     { customerId: 'bob', date: '2024-03-01', amount: '150.00', store: 'shop' },
   *     { customerId: 'cy', date: '2024-04-01', amount: '50.00', store: 'web' },
   *   ],
   *   { attributes: { store: 'store' } },
   * );
   * const report = loyaltyTiers(book, { tiers: [{ name: 'Silver', threshold: 100 }, { name: 'Gold', threshold: 500 }], by: 'store' });
   * report.by?.values.map((v) => [v.value, v.customers, v.tiers.map((t) => t.customers), v.withoutTier]); // => [['shop', 1, [1, 0], 0], ['web', 2, [0, 1], 1]]
   * ```
   */
  by?: SummaryByValue<LoyaltyValueSummary>;
  /**
   * The ids of the customers holding a tier (`null`: below the first tier), in ledger account order
   * (as in `customers`); with `{ value }`, only those with that value of the `by` attribute. Its length
   * is the tier's `customers` (or `withoutTier`) in the summary it is asked for. Not enumerable: not in
   * spreads, `Object.keys` or JSON.
   *
   * @param tier - a tier of the program, or `null` for the customers without one
   * @param options - `value`: only the customers with this value (`null`: without one); needs `by`
   * @returns the customers' ids: a new array on every call (yours to sort or extend)
   * @throws {@link InvalidOptionError} naming `tier` for a name the program does not have, `value` for a
   *   report without `by` or a value the attribute does not have, or an unknown option
   *
   * @example
   * ```ts
   * import { loyaltyTiers } from 'retention-metrics';
   * const report = loyaltyTiers(
   *   [
   *     { customerId: 'ann', date: '2024-02-01', amount: '600.00' },
   *     { customerId: 'bob', date: '2024-03-01', amount: '150.00' },
   *     { customerId: 'cy', date: '2024-04-01', amount: '700.00' },
   *   ],
   *   { tiers: [{ name: 'Silver', threshold: 100 }, { name: 'Gold', threshold: 500 }] },
   * );
   * report.members('Gold'); // => ['ann', 'cy']
   * report.members(null); // => []
   * ```
   */
  members(tier: string | null, options?: MembersOptions): CustomerId[];
}

/**
 * Every customer's loyalty tier as of a date. The qualifying amount is
 * counted over the qualification window ending on the as-of day (local days in the ledger's zone):
 * net spend (orders plus refunds in the window, never below 0), orders, or points (⌊amount ×
 * `pointsPerUnit`⌋ per event, refunds taking theirs back). A customer holds the highest tier whose
 * threshold the amount reaches (reaching it exactly counts). With `keepPreviousTier`, a higher tier
 * reached in the previous window (the same length, just before) is kept through the current one.
 * Each customer also gets the next tier and what is missing to reach it, and the date the held tier
 * was earned. Customers are the ids with an order at or before `asOf`, whatever the window. With `by`,
 * the tier counts are also given per value of a customer attribute (see {@link LoyaltyReport.by});
 * `report.members(tier)` lists a tier's customers.
 * Cost: one pass over the events (two with `keepPreviousTier`).
 *
 * @param data - a ledger or records
 * @param options - `tiers` (required), `basis`, `window`, `asOf`, `pointsPerUnit`, `keepPreviousTier`, `by`, ledger options
 * @returns per-customer status and per-tier counts
 * @throws {@link InvalidOptionError} for an unknown option (in the tiers and the window too), tiers not
 *   strictly increasing, duplicate names, negative or unreadable thresholds, a bad window, basis,
 *   `pointsPerUnit` or `asOf`, or a `by` that is not an attribute of the ledger
 *
 * @example
 * ```ts
 * import { loyaltyTiers } from 'retention-metrics';
 * const report = loyaltyTiers(
 *   [
 *     { customerId: 'ann', date: '2024-02-01', amount: '300.00' },
 *     { customerId: 'ann', date: '2024-06-01', amount: '200.00' },
 *     { customerId: 'bob', date: '2024-03-01', amount: '450.00' },
 *     { customerId: 'bob', date: '2024-03-09', amount: '-100.00' },
 *   ],
 *   { tiers: [{ name: 'Silver', threshold: 100 }, { name: 'Gold', threshold: 500 }], window: 'calendarYear', asOf: '2024-12-31' },
 * );
 * report.customers.map((c) => [c.id, c.tier, c.amount.toFixed(2), c.nextTier]); // => [['ann', 'Gold', '500.00', null], ['bob', 'Silver', '350.00', 'Gold']]
 * report.customers[1]?.missing?.toFixed(2); // => '150.00'
 * report.customers[0]?.earnedAt?.toISOString(); // => '2024-06-01T00:00:00.000Z'
 * ```
 */
export function loyaltyTiers(data: LedgerInput, options: LoyaltyTiersOptions): LoyaltyReport {
  const { book, asOf, timeZone, program, by } = loyaltyTiersSettings(data, options);
  const scan = scanCustomers(book, asOf, timeZone);
  const context: TierContext = { program, asOfDay: scan.asOfDay, dayOf: scan.dayOf, currencyDigits: book.currencyDigits };
  const statuses = Array.from(scan.account, (a) => {
    // A customer of the scan has an order, so there is an as-of instant.
    const to = asOf === null ? book.start[a] : eventsEndAsOf(book, a, asOf);
    return tierStatus({ time: book.time, minor: book.minor, from: book.start[a], to }, context);
  });
  return loyaltyReportOf({
    program,
    currencyDigits: book.currencyDigits,
    timeZone,
    asOf: asOf === null ? null : { ms: asOf, day: scan.asOfDay },
    book,
    accounts: scan.account,
    statuses,
    groups: by === null ? null : valueGroups(by, scan.account),
  });
}
