/**
 * The fluent, immutable `Cohort` builder: collects options, then `table()` runs the cohort engine.
 *
 * @module
 */
import type { Where } from '../input/attribute-lookup.ts';
import type { Breakdown } from '../input/breakdown.ts';
import { type LedgerInput, calendarZone, toLedger } from '../input/ledger.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { DateInput, Ledger } from '../input/types.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { cohortBreakdown, eventFilterOption, segmentByOption, tableScopes } from './attribute-choices.ts';
import { CalendarSteps } from './calendar-steps.ts';
import { computeCohorts } from './engine.ts';
import {
  type CohortChoice,
  activeWhenOption,
  bracketsOption,
  customerFunctionOption,
  defaultCohortChoice,
  maxOffsetOption,
  modeOption,
  resolveCohortSettings,
} from './settings.ts';
import { type SubscriptionCohort, type SubscriptionOptions, type SubscriptionRecord, startSubscriptionCohort } from './subscriptions.ts';
import type { ActiveWhen, Bracket, CohortSegmentOptions, CohortTable, CohortWhereOptions, CustomerProfile } from './types.ts';

/**
 * Acquisition-cohort analysis with a fluent, immutable builder: every call returns a new `Cohort` and
 * leaves the original unchanged, so a base configuration can be shared and varied.
 *
 * A customer's cohort is the period of their first order (`.by`, default `'month'`) or a key of your
 * own (`.cohortKey`). Cell k counts, per `.every` period (default: the cohort period) after each
 * customer's first-order period, the customers with an order (`'classic'`), with an order then or later
 * (`'unbounded'`), or with an order in a range of offsets (`.brackets`); with orders, gross and net
 * revenue and the cumulative net revenue per cohort customer (the LTV curve). Cells whose periods have
 * not ended as of `.asOf` (default: the last event) are flagged `complete: false`, and the average
 * curve, weighted by cohort size, uses complete cells only.
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * const orders = [
 *   { customerId: 'a', date: '2024-01-03', amount: 10 },
 *   { customerId: 'b', date: '2024-01-09', amount: 20 },
 *   { customerId: 'a', date: '2024-02-11', amount: 15 },
 *   { customerId: 'c', date: '2024-02-14', amount: 5 },
 *   { customerId: 'b', date: '2024-03-02', amount: 20 },
 * ];
 * const monthly = Cohort.from(orders).by('month').asOf('2024-03-31T23:59:59Z');
 * const table = monthly.table();
 * table.cohorts.map((c) => `${c.key}: ${c.size}`); // => ['2024-01: 2', '2024-02: 1']
 * table.cohorts[0]?.cells.map((cell) => cell.rate); // => [1, 0.5, 0.5]
 * monthly.mode('unbounded').table().cohorts[0]?.cells.map((cell) => cell.rate); // => [1, 1, 0.5]
 * table.cohorts[0]?.cells[2]?.cumulativeRevenuePerCustomer.toFixed(2); // => '32.50'
 * ```
 */
export class Cohort extends CalendarSteps<CohortChoice, Cohort> {
  readonly #book: Ledger;

  private constructor(book: Ledger, choice: CohortChoice) {
    super(choice);
    this.#book = book;
  }

  /**
   * Start a cohort analysis of a ledger or records.
   *
   * @param data - a ledger, or records read with `options`
   * @param options - ledger options for raw records; `timeZone` also sets the calendar (as `.timeZone()`)
   * @returns a builder with the defaults: monthly cohorts, classic mode, the ledger's time zone
   * @throws {@link InvalidOptionError} for an unknown option, and {@link InvalidInputError} /
   *   {@link InvalidOptionError} from reading the records
   */
  static from(data: LedgerInput, options?: LedgerBaseOptions): Cohort {
    checkOptionKeys(options, LEDGER_BASE_KEYS);
    const book = toLedger(data, options);
    return new Cohort(book, defaultCohortChoice(calendarZone(book, options)));
  }

  /**
   * Start a subscription-survival analysis: `{ customerId, start, end? }` records (no `end`: still
   * active), cohorts by start period, survival per offset with right-censoring (Kaplan–Meier).
   *
   * @param subscriptions - an array or iterable of subscriptions
   * @param options - `timeZone` (default `'UTC'`), `onInvalid`
   * @returns a {@link SubscriptionCohort} builder
   * @throws {@link InvalidOptionError} for bad or unknown options
   */
  static fromSubscriptions(subscriptions: Iterable<SubscriptionRecord>, options?: SubscriptionOptions): SubscriptionCohort {
    return startSubscriptionCohort(subscriptions, options);
  }

  /**
   * @internal A builder over the same ledger with `choice`.
   *
   * @param choice - all the choices of the new builder
   * @returns the new builder
   */
  protected override next(choice: CohortChoice): Cohort {
    return new Cohort(this.#book, choice);
  }

  /** The next step: a new builder with `change` applied to the cohort options. */
  #with(change: Partial<CohortChoice>): Cohort {
    return this.next({ ...this.choice, ...change });
  }

  /**
   * Keep customers whose first order is in `[from, to)` (pass period starts for whole cohorts).
   *
   * @param from - the first instant kept (default: no bound)
   * @param to - the first instant no longer kept (default: no bound)
   * @returns a new builder (the dates are read, in the chosen time zone, when the table is computed)
   */
  between(from?: DateInput, to?: DateInput): Cohort {
    return this.#with({ between: [from, to] });
  }

  /**
   * `'classic'` (default) or `'unbounded'` counting; clears brackets.
   *
   * @param mode - the counting
   * @returns a new builder
   * @throws {@link InvalidOptionError} for any other mode (brackets are set with `.brackets()`)
   */
  mode(mode: 'classic' | 'unbounded'): Cohort {
    return this.#with({ mode: modeOption(mode), brackets: null });
  }

  /**
   * Bracket mode: ascending, non-overlapping offset ranges such as `[[0], [1, 2], [3, 5]]`.
   *
   * @param brackets - `[k]` or `[from, to]` ranges of whole offsets
   * @returns a new builder
   * @throws {@link InvalidOptionError} naming the first malformed, descending or overlapping bracket
   */
  brackets(brackets: readonly Bracket[]): Cohort {
    return this.#with({ brackets: bracketsOption(brackets) });
  }

  /**
   * The last offset reported (default: every observable offset).
   *
   * @param offset - a whole number ≥ 0
   * @returns a new builder
   * @throws {@link InvalidOptionError} for anything but a whole number ≥ 0
   */
  maxOffset(offset: number): Cohort {
    return this.#with({ maxOffset: maxOffsetOption(offset) });
  }

  /**
   * When a customer counts as active (retained) in a measurement period: with at least `minOrders`
   * orders there (default 1), whose amounts sum to at least `minAmount` (refunds not subtracted;
   * default 0). A customer still belongs to the cohort of their first order, so with a rule the first
   * cell's rate can be below 1; orders and revenue count every order, whichever rule.
   *
   * @param rule - `{ minOrders?, minAmount? }`
   * @returns a new builder
   * @throws {@link InvalidOptionError} for an unknown key, a `minOrders` that is not a whole number ≥ 1,
   *   or a `minAmount` that is not an amount ≥ 0
   *
   * @example
   * ```ts
   * import { Cohort } from 'retention-metrics';
   * const orders = [
   *   { customerId: 'a', date: '2024-01-05', amount: 10 },
   *   { customerId: 'a', date: '2024-02-05', amount: 10 },
   *   { customerId: 'a', date: '2024-02-20', amount: 10 },
   *   { customerId: 'b', date: '2024-01-06', amount: 10 },
   *   { customerId: 'b', date: '2024-02-06', amount: 60 },
   * ];
   * const monthly = Cohort.from(orders).asOf('2024-03-01T00:00:00Z');
   * monthly.activeWhen({ minOrders: 2 }).table().cohorts[0]?.cells.map((cell) => cell.customers); // => [0, 1, 0]
   * monthly.activeWhen({ minAmount: '50.00' }).table().cohorts[0]?.cells.map((cell) => cell.customers); // => [0, 1, 0]
   * ```
   */
  activeWhen(rule: ActiveWhen): Cohort {
    return this.#with({ activeWhen: activeWhenOption(rule) });
  }

  /**
   * Split every cohort into segments: by a function of the customer, or by a ledger attribute's name —
   * a customer attribute, or an event attribute's value on the order that starts the customer's cohort.
   * Customers without a value are the segment `null`, sorted last (split by an attribute, every row is a
   * segment). With `{ segmentRule: 'same-value' }` (event attributes) the segment of value v holds the
   * orders with v: a customer enters it with their first order with v and returns with orders with v.
   * On a customer attribute the two rules agree, as every order of a customer has the customer's value.
   *
   * @param segment - a function returning a customer's segment (a string or a finite number), or the
   *   name of an attribute of the ledger
   * @param options - with an attribute: `{ segmentRule }`, `'customer'` (default) or `'same-value'`
   * @returns a new builder
   * @throws {@link InvalidOptionError} naming `segmentBy` for something that is neither or an attribute
   *   the ledger does not have, and for an unknown option or rule
   *
   * @example
   * ```ts
   * import { Cohort, type CohortRow, ledger } from 'retention-metrics';
   * const book = ledger([
   *   { customerId: 'a', date: '2024-01-05', amount: 10, channel: 'ads' },
   *   { customerId: 'b', date: '2024-01-09', amount: 20, channel: 'email' },
   *   { customerId: 'c', date: '2024-01-20', amount: 5, channel: null },
   *   { customerId: 'a', date: '2024-02-11', amount: 15, channel: 'email' },
   * ], { attributes: { channel: 'channel' } });
   * const cohorts = Cohort.from(book).asOf('2024-02-29T23:59:59Z');
   * const row = (c: CohortRow) => `${c.segment} ${c.key}: ${c.cells.map((x) => x.customers).join(',')}`;
   * cohorts.segmentBy('channel').table().cohorts.map(row); // => ['ads 2024-01: 1,1', 'email 2024-01: 1,0', 'null 2024-01: 1,0']
   * cohorts.segmentBy('channel', { segmentRule: 'same-value' }).table().cohorts.map(row);
   * // => ['ads 2024-01: 1,0', 'email 2024-01: 1,0', 'email 2024-02: 1', 'null 2024-01: 1,0']
   * ```
   */
  segmentBy(segment: ((customer: CustomerProfile) => string) | string, options?: CohortSegmentOptions): Cohort {
    return this.#with({ segmentBy: segmentByOption(this.#book, segment, options) });
  }

  /**
   * Cohorts of your own: the key of each customer's cohort (replaces the first-order period).
   *
   * @param key - the cohort key of a customer: a string (or a finite number)
   * @returns a new builder
   * @throws {@link InvalidOptionError} for something that is not a function
   */
  cohortKey(key: (customer: CustomerProfile) => string): Cohort {
    return this.#with({ cohortKey: customerFunctionOption('cohortKey', key) });
  }

  /**
   * Count only the orders (and refunds) that match a filter: each attribute named has one of the values
   * listed (`null`: missing). By default (`cohortOf: 'first-match'`) a customer is in the cohort of their
   * first matching order and active with matching orders. With `cohortOf: 'first-order'` every customer
   * is in the cohort of their first order of any kind, active only with matching orders (one without any
   * counts in the size, never in a cell; not with same-value segments). `asOf` defaults to the whole
   * ledger's last event either way. A later `.where()` replaces the filter.
   *
   * @param filter - e.g. `{ category: ['books'] }`
   * @param options - `{ cohortOf }`: `'first-match'` (default) or `'first-order'`
   * @returns a new builder
   * @throws {@link InvalidOptionError} for a filter that is not an object of value lists or names an
   *   attribute the ledger does not have, or an unknown option or `cohortOf`
   *
   * @example
   * ```ts
   * import { Cohort, ledger } from 'retention-metrics';
   * const book = ledger([
   *   { customerId: 'a', date: '2024-01-05', amount: 10, category: 'toys' },
   *   { customerId: 'b', date: '2024-01-09', amount: 20, category: 'books' },
   *   { customerId: 'a', date: '2024-02-11', amount: 15, category: 'books' },
   *   { customerId: 'b', date: '2024-03-02', amount: 8, category: 'books' },
   * ], { attributes: { category: 'category' } });
   * const books = Cohort.from(book).where({ category: ['books'] }).table();
   * books.cohorts.map((c) => `${c.key}: ${c.size}`); // => ['2024-01: 1', '2024-02: 1']
   * const byFirstOrder = Cohort.from(book).where({ category: ['books'] }, { cohortOf: 'first-order' }).table();
   * byFirstOrder.cohorts.map((c) => `${c.key}: ${c.cells.map((x) => x.customers).join(',')}`); // => ['2024-01: 1,1,1']
   * ```
   */
  where(filter: Where, options?: CohortWhereOptions): Cohort {
    return this.#with({ where: eventFilterOption(this.#book, filter, options) });
  }

  /**
   * Compute the table.
   *
   * @returns the cohort table (see {@link CohortTable})
   * @throws {@link InvalidOptionError} for unreadable `between`/`asOf` dates, a key function returning
   *   no string or number, `cohortOf: 'first-order'` with same-value segments, or over 1,000,000 cells
   *   (cohorts × offsets: an `asOf` far beyond the data, or offsets too fine for its span)
   */
  table(): CohortTable {
    return computeCohorts(this.#book, resolveCohortSettings(this.choice, this.#book), tableScopes(this.#book, this.choice));
  }

  /**
   * The table over everyone (`total`) and one per value of the `segmentBy` attribute with customers (by
   * value, missing last), all with the same settings and `asOf`. By the customer rule the segments' sizes,
   * cell customers, orders and revenue add up to the total's; by the same-value rule they can overlap.
   * `rule` is the `segmentRule` asked for, also on a customer attribute (where both rules agree).
   *
   * @returns `{ by, rule, total, segments: [{ value, customers, result }] }` (`customers`: its table's)
   * @throws {@link InvalidOptionError} naming `segmentBy` when it is no attribute's name; as `.table()`
   *
   * @example
   * ```ts
   * import { Cohort, ledger } from 'retention-metrics';
   * const book = ledger([
   *   { customerId: 'a', date: '2024-01-05', amount: 10, channel: 'ads' },
   *   { customerId: 'b', date: '2024-01-09', amount: 20, channel: 'email' },
   *   { customerId: 'a', date: '2024-02-11', amount: 15, channel: 'email' },
   * ], { attributes: { channel: 'channel' } });
   * const split = Cohort.from(book).segmentBy('channel').breakdown();
   * split.total.cohorts[0]?.cells.map((c) => c.customers); // => [2, 1]
   * split.segments.map((s) => `${s.value}: ${s.result.cohorts[0]?.cells.map((c) => c.customers).join(',')}`); // => ['ads: 1,1', 'email: 1,0']
   * ```
   */
  breakdown(): Breakdown<CohortTable> {
    return cohortBreakdown(this.#book, this.choice);
  }
}
