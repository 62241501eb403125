/**
 * `subscriptionRevenue`: a book of recurring revenue from subscription records or events.
 *
 * @module
 */
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { CurrencyCheck, assertCurrency, currencyDigitsOf } from '../input/currency.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import { skipInvalid } from '../input/options.ts';
import { Problems } from '../input/staged-events.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { readEvents } from './event-records.ts';
import { readIntervals } from './interval-records.ts';
import { attributeReaders } from './revenue-attributes.ts';
import { type StagedInterval, buildRevenue } from './revenue-book.ts';
import type { ReadCalendar } from './revenue-fields.ts';
import type { SubscriptionEvent, SubscriptionInterval, SubscriptionRevenue, SubscriptionRevenueOptions } from './revenue-types.ts';

const KEYS = optionKeys<SubscriptionRevenueOptions>({ timeZone: true, currency: true, currencyDigits: true, onInvalid: true, attributes: true });

type Reader = (records: readonly unknown[], calendar: ReadCalendar, problems: Problems) => StagedInterval[];

function read<R>(input: unknown, options: SubscriptionRevenueOptions<R> | undefined, what: string, reader: Reader): SubscriptionRevenue {
  if (input === null || typeof input !== 'object' || !(Symbol.iterator in input)) throw new InvalidOptionError(what, input, `must be an array or an iterable of ${what}`);
  const opts = checkOptionKeys(options, KEYS);
  const currency = opts.currency === undefined ? null : assertCurrency(opts.currency);
  const calendar = {
    timeZone: assertTimeZone(opts.timeZone ?? 'UTC'),
    currencyDigits: assertCurrencyDigits(opts.currencyDigits ?? (currency === null ? 2 : currencyDigitsOf(currency))),
    currency: new CurrencyCheck(currency, 'book'),
    attributes: attributeReaders(opts.attributes),
  };
  const problems = new Problems(skipInvalid(opts.onInvalid), what);
  const staged = reader(Array.from(input as Iterable<unknown>), calendar, problems);
  return buildRevenue(staged, problems, { timeZone: calendar.timeZone, currency: calendar.currency.currency, currencyDigits: calendar.currencyDigits, attributeNames: calendar.attributes.names });
}

/**
 * Read priced subscription intervals — one record per subscription price, or per invoice line — into
 * a book of recurring revenue. Each price's monthly recurring revenue (MRR) is its amount divided by
 * its interval's months, rounded half to even to the minor unit.
 *
 * @param records - an array or iterable of {@link SubscriptionInterval}s
 * @param options - `timeZone`, `currency`, `currencyDigits`, `onInvalid`, `attributes`
 * @returns the book, frozen
 * @throws {@link InvalidInputError} naming the record, field and value: an unreadable field, an end not
 *   after the start, a negative amount, a subscription id of two customers, or two intervals of one
 *   subscription that overlap (unless `onInvalid: 'skip'`, which lists them in `skipped`)
 * @throws {@link InvalidOptionError} for input that is not iterable, or a bad or unknown option
 *
 * @example
 * ```ts
 * import { subscriptionRevenue } from 'retention-metrics';
 * const book = subscriptionRevenue([
 *   { customerId: 'acme', subscriptionId: 's1', start: '2024-01-01', end: '2024-03-01', amount: '50.00' },
 *   { customerId: 'acme', subscriptionId: 's1', start: '2024-03-01', amount: '80.00' },
 *   { customerId: 'globex', start: '2024-02-10', amount: '1000.00', interval: 'year' },
 * ]);
 * book.ids; // => ['acme', 'globex']
 * book.intervals.map((s) => s.mrrMinor); // => [5000, 8000, 8333]
 * ```
 */
function fromIntervals<R extends SubscriptionInterval>(records: Iterable<R>, options?: SubscriptionRevenueOptions<R>): SubscriptionRevenue {
  return read(records, options, 'subscriptions', readIntervals);
}

/**
 * Read subscription events — `'started'`, `'changed'`, `'ended'` per subscription — into a book of
 * recurring revenue: a price runs from a `'started'` or `'changed'` to the subscription's next event.
 *
 * @param events - an array or iterable of {@link SubscriptionEvent}s
 * @param options - `timeZone`, `currency`, `currencyDigits`, `onInvalid`, `attributes`
 * @returns the book, frozen
 * @throws {@link InvalidInputError} naming the event, field and value: an unreadable field, a missing
 *   subscription id or price, two events of one subscription at one instant, a `'changed'` or
 *   `'ended'` of a subscription not running, a `'started'` of one running, or a subscription of two
 *   customers (unless `onInvalid: 'skip'`, which lists them in `skipped`)
 * @throws {@link InvalidOptionError} for input that is not iterable, or a bad or unknown option
 *
 * @example
 * ```ts
 * import { subscriptionRevenue } from 'retention-metrics';
 * const book = subscriptionRevenue.fromEvents([
 *   { customerId: 'acme', subscriptionId: 's1', type: 'started', at: '2024-01-01', amount: '50.00' },
 *   { customerId: 'acme', subscriptionId: 's1', type: 'changed', at: '2024-03-01', amount: '80.00', quantity: 2 },
 *   { customerId: 'acme', subscriptionId: 's1', type: 'ended', at: '2024-06-01' },
 * ]);
 * book.intervals.map((s) => [s.start, s.end, s.mrrMinor, s.quantity]); // => [[Date.UTC(2024, 0, 1), Date.UTC(2024, 2, 1), 5000, 1], [Date.UTC(2024, 2, 1), Date.UTC(2024, 5, 1), 8000, 2]]
 * ```
 */
function fromEvents<E extends SubscriptionEvent>(events: Iterable<E>, options?: SubscriptionRevenueOptions<E>): SubscriptionRevenue {
  return read(events, options, 'events', readEvents);
}

/**
 * Read subscription records into a book of recurring revenue with `subscriptionRevenue(records,
 * options?)` (priced intervals, see {@link SubscriptionInterval}), or subscription events with
 * `subscriptionRevenue.fromEvents(events, options?)`; each call is documented on its own signature.
 *
 * @function
 * @param records - an array or iterable of priced intervals
 * @param options - `timeZone`, `currency`, `currencyDigits`, `onInvalid`, `attributes`
 * @returns the book, frozen
 * @throws {@link InvalidInputError} for the first unreadable record
 * @throws {@link InvalidOptionError} for bad options
 *
 * @example
 * ```ts
 * import { subscriptionRevenue } from 'retention-metrics';
 * subscriptionRevenue([{ customerId: 'a', start: '2024-01-01', amount: '9.00' }]).ids; // => ['a']
 * ```
 */
export const subscriptionRevenue: typeof fromIntervals & { readonly fromEvents: typeof fromEvents } = /* @__PURE__ */ Object.assign(fromIntervals, { fromEvents });

/**
 * Whether a value is a book made by {@link subscriptionRevenue}.
 *
 * @param value - anything
 * @returns `true` for a book
 *
 * @example
 * ```ts
 * import { isSubscriptionRevenue, subscriptionRevenue } from 'retention-metrics';
 * isSubscriptionRevenue(subscriptionRevenue([])); // => true
 * isSubscriptionRevenue([]); // => false
 * ```
 */
export function isSubscriptionRevenue(value: unknown): value is SubscriptionRevenue {
  if (typeof value !== 'object' || value === null) return false;
  const book = value as Partial<Record<keyof SubscriptionRevenue, unknown>>;
  return book.kind === 'subscription-revenue' && Array.isArray(book.ids) && book.changeStart instanceof Uint32Array && book.changeTime instanceof Float64Array && book.changeMrr instanceof Float64Array;
}
