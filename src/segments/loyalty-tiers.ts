/**
 * `loyaltyTiers`: every customer's loyalty tier as of a date.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { localDayStart } from '../calendar/zone.ts';
import type { LedgerInput } from '../input/ledger.ts';
import type { LedgerBaseOptions } from '../input/options.ts';
import type { CustomerId, DateInput } from '../input/types.ts';
import { eventsEndAsOf, scanCustomers } from '../input/customer-scan.ts';
import { type LoyaltyBasis, type LoyaltyProgramOptions, windowStarts } from './loyalty-options.ts';
import { loyaltyTiersSettings } from './loyalty-settings.ts';
import { type TierContext, type TierStatus, tierStatus, toDecimal } from './tier-engine.ts';

/** Options of {@link loyaltyTiers}: the program, `asOf`, and ledger options for raw records. */
export interface LoyaltyTiersOptions extends LoyaltyProgramOptions, LedgerBaseOptions {
  /** The instant of the decision (default: the ledger's last event). Later events are ignored. */
  asOf?: DateInput;
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
}

/**
 * Every customer's loyalty tier as of a date. The qualifying amount is
 * counted over the qualification window ending on the as-of day (local days in the ledger's zone):
 * net spend (orders plus refunds in the window, never below 0), orders, or points (⌊amount ×
 * `pointsPerUnit`⌋ per event, refunds taking theirs back). A customer holds the highest tier whose
 * threshold the amount reaches (reaching it exactly counts). With `keepPreviousTier`, a higher tier
 * reached in the previous window (the same length, just before) is kept through the current one.
 * Each customer also gets the next tier and what is missing to reach it, and the date the held tier
 * was earned. Customers are the ids with an order at or before `asOf`, whatever the window.
 * Cost: one pass over the events (two with `keepPreviousTier`).
 *
 * @param data - a ledger or records
 * @param options - `tiers` (required), `basis`, `window`, `asOf`, `pointsPerUnit`, `keepPreviousTier`, ledger options
 * @returns per-customer status and per-tier counts
 * @throws {@link InvalidOptionError} for an unknown option (in the tiers and the window too), tiers not
 *   strictly increasing, duplicate names, negative or unreadable thresholds, a bad window, basis,
 *   `pointsPerUnit` or `asOf`
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
  const { book, asOf, timeZone, program } = loyaltyTiersSettings(data, options);
  const scan = scanCustomers(book, asOf, timeZone);
  const counts = new Float64Array(program.names.length);
  let withoutTier = 0;
  const customers: LoyaltyCustomer[] = [];
  const context: TierContext = { program, asOfDay: scan.asOfDay, dayOf: scan.dayOf, currencyDigits: book.currencyDigits };
  const tierIndex = new Map(program.names.map((name, k) => [name, k]));
  for (let i = 0; i < scan.account.length; i++) {
    const a = scan.account[i];
    // A customer of the scan has an order, so there is an as-of instant.
    const to = asOf === null ? book.start[a] : eventsEndAsOf(book, a, asOf);
    const status = tierStatus({ time: book.time, minor: book.minor, from: book.start[a], to }, context);
    const k = status.tier === null ? undefined : tierIndex.get(status.tier);
    if (k === undefined) withoutTier++;
    else counts[k] += 1;
    customers.push({ id: book.ids[a], ...status });
  }
  const [from] = windowStarts(program.window, scan.asOfDay);
  return {
    asOf: asOf === null ? null : new Date(asOf),
    basis: program.basis,
    windowStart: asOf === null || !Number.isFinite(from) ? null : new Date(localDayStart(timeZone, from)),
    customers,
    tiers: program.names.map((tier, k) => ({ tier, threshold: toDecimal(program.thresholds[k], context), customers: counts[k] })),
    withoutTier,
  };
}
