/**
 * `tierFor`: one customer's loyalty tier from their own orders, without a ledger of the whole store.
 *
 * @module
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { dateOption } from '../input/dates.ts';
import { readRecords } from '../input/ledger.ts';
import type { LedgerBaseOptions } from '../input/options.ts';
import type { AmountInput, DateInput } from '../input/types.ts';
import { type LoyaltyProgramOptions, resolveProgram } from './loyalty-options.ts';
import { type TierStatus, tierStatus } from './tier-engine.ts';

/** One event of a customer's history: an order (amount ≥ 0) or a refund (amount < 0). */
export interface HistoryEvent {
  /** When: a `Date`, epoch ms or ISO-8601 string. */
  date: DateInput;
  /** Major units; negative = refund. */
  amount: AmountInput;
  /** Optional order id: lines sharing it are one order. */
  orderId?: string | number | null | undefined;
}

/** Options of {@link tierFor}: the program plus `timeZone`, `currencyDigits`, `rounding`, `onInvalid`. */
export interface TierForOptions extends LoyaltyProgramOptions, LedgerBaseOptions {}

/**
 * One customer's loyalty tier from their own history — the same answer `loyaltyTiers` gives for that
 * customer at the same `asOf` (pass it: the default here is the customer's own last event, while
 * `loyaltyTiers` defaults to the store's last event), cheap enough to call per request at checkout (O(k log k) for k events; no store-wide
 * ledger). The history may be in any order; the rules are those of `loyaltyTiers`. A customer without
 * orders gets the tier of a zero amount (a tier with threshold 0, or none).
 *
 * @param history - the customer's orders and refunds (any order)
 * @param options - `tiers`, `basis`, `window`, `asOf` (default: the last event), `pointsPerUnit`,
 *   `keepPreviousTier`, and `timeZone` / `currencyDigits` for reading the history
 * @returns tier, qualifying amount, next tier, amount missing, date earned
 * @throws {@link InvalidOptionError} for a bad program (see `loyaltyTiers`) or `asOf`
 * @throws {@link InvalidInputError} for an unreadable event
 *
 * @example
 * ```ts
 * import { tierFor } from 'retention-metrics';
 * const program = { tiers: [{ name: 'Member', threshold: 0 }, { name: 'VIP', threshold: 5 }], basis: 'orders' as const };
 * const status = tierFor(
 *   [
 *     { date: '2024-05-01', amount: '20.00' },
 *     { date: '2024-01-01', amount: '10.00' },
 *   ],
 *   { ...program, window: { rollingMonths: 12 }, asOf: '2024-06-01' },
 * );
 * status.tier; // => 'Member'
 * status.missing?.toNumber(); // => 3
 * tierFor([], program).tier; // => 'Member'
 * ```
 */
export function tierFor(history: Iterable<HistoryEvent>, options: TierForOptions): TierStatus {
  const book = readRecords(history, { ...options, fields: { customerId: () => 0 } });
  const program = resolveProgram(options, book.currencyDigits);
  const asOf = options.asOf === undefined ? book.maxTime : dateOption('asOf', options.asOf, book.timeZone);
  const dayOf = makeDayIndexer(book.timeZone);
  return tierStatus(book.time, book.minor, 0, book.eventCount, {
    program,
    asOf: asOf ?? 0,
    asOfDay: asOf === null ? 0 : dayOf(asOf),
    dayOf,
    currencyDigits: book.currencyDigits,
  });
}
