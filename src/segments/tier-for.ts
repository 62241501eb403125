/**
 * `tierFor`: one customer's loyalty tier from their own orders, without a ledger of the whole store.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { endAsOf } from '../input/customer-scan.ts';
import type { LedgerBaseOptions } from '../input/options.ts';
import type { AmountInput, DateInput } from '../input/types.ts';
import type { LoyaltyProgramOptions } from './loyalty-options.ts';
import { tierForSettings } from './loyalty-settings.ts';
import { readHistory } from './history-events.ts';
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

/**
 * Options of {@link tierFor}: the program, the instant of the decision (required), and `timeZone`,
 * `currencyDigits`, `rounding`, `onInvalid` for reading the history.
 */
export interface TierForOptions extends LoyaltyProgramOptions, LedgerBaseOptions {
  /**
   * The instant of the decision, required: at checkout, the current instant. Events after it are
   * ignored, and a window ends on its day. There is no safe default — the customer's own last order
   * would grant a tier that has since expired.
   */
  asOf: DateInput;
}

/**
 * One customer's loyalty tier from their own history as of an instant — the same answer
 * `loyaltyTiers` gives for that customer at the same `asOf`, cheap enough to call per request at
 * checkout (O(k log k) for k events; no store-wide ledger). The history may be in any order; the rules
 * are those of `loyaltyTiers`. A customer without orders gets the tier of a zero amount (a tier with
 * threshold 0, or none).
 *
 * @param history - the customer's orders and refunds (any order)
 * @param options - `tiers`, `asOf` (required), `basis`, `window`, `pointsPerUnit`, `keepPreviousTier`,
 *   and `timeZone` / `currencyDigits` / `rounding` / `onInvalid` for reading the history
 * @returns tier, qualifying amount, next tier, amount missing, date earned
 * @throws {@link InvalidOptionError} for a missing or unreadable `asOf`, an unknown option (`fields`
 *   included: the history's fields are `date`, `amount` and `orderId`), or a bad program (see `loyaltyTiers`)
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
 * tierFor([], { ...program, asOf: '2024-06-01' }).tier; // => 'Member'
 * ```
 */
export function tierFor(history: Iterable<HistoryEvent>, options: TierForOptions): TierStatus {
  const { read, program, asOf, asOfDay, dayOf } = tierForSettings(options);
  if (history === null || typeof history !== 'object' || typeof (history as Iterable<HistoryEvent>)[Symbol.iterator] !== 'function') {
    throw new InvalidOptionError('history', history, 'must be an array or an iterable of events');
  }
  const { time, minor } = readHistory(history, read);
  return tierStatus({ time, minor, from: 0, to: endAsOf(time, 0, time.length, asOf) }, { program, asOfDay, dayOf, currencyDigits: read.currencyDigits });
}
