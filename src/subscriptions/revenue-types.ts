/**
 * Subscription revenue: the records a billing export gives, and the book of recurring revenue built
 * from them.
 *
 * @module
 */
import type { AttributeFields } from '../input/event-attributes.ts';
import type { CustomerId, AmountInput, DateInput, SkippedRecord } from '../input/types.ts';
import type { BillingInterval } from './billing-interval.ts';

/**
 * One priced interval of a subscription: from `start` (inclusive) to `end` (exclusive; missing or
 * `null` while it runs), `amount` is billed every `interval`. A subscription with one price is one
 * record; one whose price, quantity or plan changed is one record per price, under one
 * `subscriptionId`, each ending where the next starts. An invoice line is such a record too.
 */
export interface SubscriptionInterval {
  /** The paying customer. */
  customerId: CustomerId;
  /** The subscription (a customer may have several); without it, the record is a subscription of its own. */
  subscriptionId?: string | number | null | undefined;
  /** First instant of the price. */
  start: DateInput;
  /** First instant without it (missing or `null`: still running). */
  end?: DateInput | null | undefined;
  /** What is billed per interval for the whole quantity, in major units (≥ 0; 0 for a free trial or plan). */
  amount: AmountInput;
  /** How often `amount` is billed (default `'month'`). */
  interval?: BillingInterval | undefined;
  /** Seats or units, a whole number (default 1): what seat retention counts. `amount` already covers them. */
  quantity?: number | undefined;
  /** The plan's name, for breakdowns. */
  plan?: string | null | undefined;
  /** The amount's currency (ISO 4217); missing: the book's. */
  currency?: string | null | undefined;
}

/**
 * One event of a subscription's life, as billing webhooks and event exports give them: `'started'` (a
 * price begins), `'changed'` (a new amount, interval, quantity or plan from `at` on) and `'ended'` (it
 * stops being billed: for a cancellation at the end of a paid period, the end of that period). A
 * subscription may start again after it ended.
 */
export interface SubscriptionEvent {
  /** The paying customer. */
  customerId: CustomerId;
  /** The subscription the event is about (required). */
  subscriptionId: string | number;
  /** What happened. */
  type: 'started' | 'changed' | 'ended';
  /** When it takes effect. */
  at: DateInput;
  /** For `'started'` and `'changed'`: what is billed per interval, in major units. */
  amount?: AmountInput | undefined;
  /** For `'started'` and `'changed'`: how often (default `'month'`). */
  interval?: BillingInterval | undefined;
  /** For `'started'` and `'changed'`: seats or units, a whole number (default 1). */
  quantity?: number | undefined;
  /** For `'started'` and `'changed'`: the plan's name. */
  plan?: string | null | undefined;
  /** For `'started'` and `'changed'`: the amount's currency (ISO 4217); missing: the book's. */
  currency?: string | null | undefined;
}

/** Options of `subscriptionRevenue` and `subscriptionRevenue.fromEvents` (`R`: the records' type). */
export interface SubscriptionRevenueOptions<R = SubscriptionInterval> {
  /**
   * Attributes to keep on every interval, for breakdowns (`by`): for each name, the record's property or
   * a function of the record and its index. Values are strings; `null` and `undefined` are a missing
   * value. (`plan` is a field of its own and no attribute name.) Events give theirs on `'started'` and
   * `'changed'`.
   */
  attributes?: AttributeFields<R>;
  /** IANA zone of date-only strings and of the reports' calendar periods (default `'UTC'`). */
  timeZone?: string;
  /**
   * The book's currency, an ISO 4217 code (`'USD'`). Records whose `currency` names another are an error
   * (a book holds one currency); without this option the first record that names one sets it. Also sets
   * the default of `currencyDigits` (0 for `'JPY'`).
   */
  currency?: string;
  /** Decimal digits of the currency's minor unit (default: the currency's, else 2). */
  currencyDigits?: number;
  /** `'throw'` (default) or `'skip'` unreadable records (listed in `skipped`). */
  onInvalid?: 'throw' | 'skip';
}

/** A priced interval of the book: its customer, subscription, instants and monthly revenue. */
export interface RevenueInterval {
  /** Index of the customer in the book's `ids`. */
  readonly customer: number;
  /** The subscription's id, or `null` for a record that is a subscription of its own. */
  readonly subscriptionId: string | number | null;
  /** Start instant (epoch ms). */
  readonly start: number;
  /** End instant (epoch ms, exclusive); `Infinity` while it runs. */
  readonly end: number;
  /** Monthly recurring revenue in minor units (see {@link monthlyMinor}). */
  readonly mrrMinor: number;
  readonly quantity: number;
  readonly plan: string | null;
  /** The interval's attribute values by name (`null`: missing). */
  readonly attributes: Readonly<Record<string, string | null>>;
}

/**
 * Recurring revenue, read once: every priced interval, and each customer's MRR over time as the
 * instants it changed at and its value after each change. Plain frozen data.
 */
export interface SubscriptionRevenue {
  /** Always `'subscription-revenue'`: tells a book from records. */
  readonly kind: 'subscription-revenue';
  readonly timeZone: string;
  /** The currency the records named (or the `currency` option), or `null` when none did. */
  readonly currency: string | null;
  readonly currencyDigits: number;
  /** The names of the attributes the intervals hold. */
  readonly attributeNames: readonly string[];
  /** The customers, by the start of their first interval, then id. */
  readonly ids: readonly CustomerId[];
  /** The intervals, by customer, then start. */
  readonly intervals: readonly RevenueInterval[];
  /** Customer `c`'s changes are at positions `changeStart[c] … changeStart[c + 1] − 1`. */
  readonly changeStart: Uint32Array;
  /** Instant of each change (epoch ms), ascending per customer; changes at one instant are one. */
  readonly changeTime: Float64Array;
  /** The customer's MRR (minor units, all subscriptions) from that instant on. */
  readonly changeMrr: Float64Array;
  /** The latest start or end of an interval (epoch ms): the reports' default `asOf`; `null` for none. */
  readonly lastInstant: number | null;
  /** Records skipped under `onInvalid: 'skip'`. */
  readonly skipped: readonly SkippedRecord[];
}
