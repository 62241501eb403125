/**
 * `ledger(records)`: read transaction records of any shape into a {@link Ledger}.
 *
 * @module
 */
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { buildLedger } from './build.ts';
import { Problems } from './staged-events.ts';
import { fromColumns } from './columns.ts';
import { CurrencyCheck } from './currency.ts';
import { explainDate, toEpochMs } from './dates.ts';
import { EventStaging } from './event-staging.ts';
import { explainIdValue, withoutBigint } from './field-hints.ts';
import { IdNumbering, isCustomerId } from './ids.ts';
import { explainAmount } from './amount-messages.ts';
import { toMinorUnits } from './money.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions, resolveLedgerOptions } from './options.ts';
import { type FieldMap, explainField, fieldAccessors } from './record-fields.ts';
import { type AttributeFields, EventAttributes } from './event-attributes.ts';
import { type CustomerRow, readCustomerTable } from './customer-table.ts';
import { LEDGER_BRAND, type Ledger, type TransactionRecord } from './types.ts';
import { appendLedger } from './append.ts';
import { appendOptions } from './append-options.ts';

export type { FieldMap, FieldReader } from './record-fields.ts';

/** Options of {@link ledger}. */
export interface LedgerOptions<R = TransactionRecord> extends LedgerBaseOptions {
  /** Field map for records that don't use the library's field names. */
  fields?: FieldMap<R>;
  /**
   * Attributes to keep per event, by name: where each record holds the value (a property name, or a
   * function of the record and its index). Values are strings; `null` or `undefined` is a missing
   * value (kept, not dropped). The records of one order take the values of the earliest (at one
   * instant: of the largest amount).
   */
  attributes?: AttributeFields<R>;
  /**
   * A table of customer attributes, joined by id: rows `{ customerId, …attributes }` (every other key
   * is an attribute, its values strings or `null`). Rows whose id has no record are counted in the
   * ledger's `unknownCustomers`.
   */
  customers?: Iterable<CustomerRow>;
}

const LEDGER_KEYS = [
  ...LEDGER_BASE_KEYS,
  ...optionKeys<Pick<LedgerOptions, 'fields' | 'attributes' | 'customers'>>({ fields: true, attributes: true, customers: true }),
];

/** Data a metric accepts: a ready ledger or records in the library's own field names. */
export type LedgerInput = Ledger | Iterable<TransactionRecord>;

/**
 * Whether `value` is a {@link Ledger} (from any copy of the package).
 *
 * @param value - anything
 * @returns `true` for a ledger
 *
 * @example
 * ```ts
 * import { ledger, isLedger } from 'retention-metrics';
 * isLedger(ledger([])); // => true
 * isLedger([]); // => false
 * ```
 */
export function isLedger(value: unknown): value is Ledger {
  return typeof value === 'object' && value !== null && (value as { [LEDGER_BRAND]?: unknown })[LEDGER_BRAND] === true;
}

/**
 * Read transaction records into a {@link Ledger}: the columnar, sorted, exact form every metric scans.
 *
 * Each record becomes an event with a customer id, an instant and an amount in integer minor units.
 * Records with `amount >= 0` are orders (zero-value orders count); records with `amount < 0` are
 * refunds. Non-negative records of one customer that share an `orderId` are one order (amounts
 * summed, earliest date kept); a refund keeps its own date even when it names the order it refunds.
 * The input is never mutated. Passing a ledger returns it unchanged.
 *
 * Numeric dates are epoch milliseconds unless `timeUnit` says otherwise (`'s'` for epoch seconds);
 * `bigint`s are accepted for ids (within ±(2^53 − 1)), dates and whole amounts. A ledger holds one
 * currency: a record whose `currency` differs from the `currency` option (or from the first record
 * that names one) is an input error.
 *
 * Named `attributes` (the channel, a product's category) are kept per event, dictionary-encoded in the
 * ledger's `attributes`; a `customers` table adds attributes per customer (`customerAttributes`). Breakdowns
 * (`by`) and filters (`where`, `filterLedger`) read them.
 *
 * @param records - an array or any iterable of records
 * @param options - field map, `attributes`, `customers`, `timeZone` (default `'UTC'`), `currency`,
 *   `currencyDigits` (default 2, or the currency's), `timeUnit` (default `'ms'`), `rounding`, `onInvalid`
 *   (`'throw'` default, or `'skip'`)
 * @returns a frozen ledger; `skipped` lists the records left out under `onInvalid: 'skip'`
 * @throws {@link InvalidInputError} for the first unreadable record (index, field, value, reason),
 *   including the record that takes the sum of absolute amounts beyond 2^53 − 1 minor units
 * @throws {@link InvalidOptionError} for bad options (an unknown key, an unknown time zone, a bad field map,
 *   a customer attribute named like an event attribute, …)
 *
 * @example
 * ```ts
 * import { ledger } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customer_id: 7, created_at: '2024-03-01', total: '19.99' },
 *     { customer_id: 7, created_at: '2024-04-02', total: '5.00' },
 *     { customer_id: 8, created_at: '2024-03-15T10:00:00Z', total: '-2.50' },
 *   ],
 *   { fields: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, timeZone: 'Europe/Berlin' },
 * );
 * book.customerCount; // => 1
 * book.orderCount; // => 2
 * book.refundCount; // => 1
 * Array.from(book.minor); // => [1999, 500, -250]
 * ```
 */
function fromRecords<R extends object = TransactionRecord>(
  records: Iterable<R> | Ledger,
  options?: LedgerOptions<R>,
): Ledger {
  checkOptionKeys(options, LEDGER_KEYS);
  return readRecords(records, options);
}

/** @internal {@link ledger} without the check of option keys, for functions that check their own. */
export function readRecords<R extends object>(records: Iterable<R> | Ledger, options: LedgerOptions<R> | undefined): Ledger {
  if (isLedger(records)) return records;
  const resolved = resolveLedgerOptions(options);
  if (records === null || typeof records !== 'object' || typeof (records as Iterable<R>)[Symbol.iterator] !== 'function') {
    throw new InvalidOptionError('records', records, 'must be an array or an iterable of records');
  }
  const rows: readonly R[] = Array.isArray(records) ? records : Array.from(records as Iterable<R>);
  const fields = fieldAccessors(options?.fields);
  const getId = fields.customerId.read;
  const getDate = fields.date.read;
  const getAmount = fields.amount.read;
  const getOrderId = fields.orderId.read;
  const getCurrency = fields.currency.read;
  const { timeZone, currencyDigits, rounding, timeUnit } = resolved;
  const currency = new CurrencyCheck(resolved.currency);
  const problems = new Problems(resolved.skip, 'records');
  const n = rows.length;
  const attributes = EventAttributes.forRecords(options?.attributes, n);
  const customers = options?.customers === undefined ? null : readCustomerTable(options.customers);
  const staging = new EventStaging(n, new IdNumbering(n), problems, currency, attributes);
  for (let i = 0; i < n; i++) {
    const record = rows[i];
    if (typeof record !== 'object' || record === null) {
      problems.report(i, 'record', record, `${record === null ? 'null' : `a ${typeof record}`} is not a record object`);
      continue;
    }
    const idValue = getId(record, i);
    const id = withoutBigint(idValue);
    if (!isCustomerId(id)) {
      problems.report(i, 'customerId', idValue, explainField(record, 'customerId', fields, idValue, explainIdValue));
      continue;
    }
    const dateValue = getDate(record, i);
    const ms = toEpochMs(dateValue, timeZone, timeUnit);
    if (Number.isNaN(ms)) {
      problems.report(i, 'date', dateValue, explainField(record, 'date', fields, dateValue, (v) => explainDate(v, timeUnit)));
      continue;
    }
    const amountValue = getAmount(record, i);
    const cents = toMinorUnits(amountValue, currencyDigits, rounding);
    if (Number.isNaN(cents)) {
      problems.report(i, 'amount', amountValue, explainField(record, 'amount', fields, amountValue, (v) => explainAmount(v, currencyDigits, rounding)));
      continue;
    }
    if (!staging.fitsExactTotal(i, cents, amountValue)) continue;
    const orderId = staging.orderIdOf(i, getOrderId(record, i));
    if (orderId === null) continue;
    if (!staging.currencyMatches(i, getCurrency(record, i))) continue;
    if (!staging.attributesRead(i, record)) continue;
    staging.add(i, id, ms, cents, orderId);
  }
  return buildLedger(staging.finish(), { ...resolved, currency: currency.currency }, problems, n, { table: customers });
}

/**
 * Add records to a ledger without reading the earlier ones again — a nightly job adding yesterday's
 * orders. The result equals `ledger([...earlier, ...records], options)`: the new records come after the
 * earlier ones (their positions in `skipped` count on from the ledger's `recordCount`), existing
 * customers gain events, new ones take their place in the ledger's order. The ledger is not changed.
 *
 * The batch is read and checked as `ledger(records)` reads records (an `InvalidInputError` names the
 * record's position in the batch), in the ledger's time zone, currency and currency digits; the options
 * that decide what a ledger holds must agree with it. A ledger built with a `customers` table takes the
 * table again (its current version: it is joined to every account).
 *
 * Order ids: the ledger keeps no order ids, so the lines of one order must all be in one batch — lines
 * in the batch that share an order id merge as in `ledger(records)`, but a line whose order id was in an
 * earlier batch becomes an order of its own. The batch may also be a ledger (from `ledger.fromColumns`,
 * say), with the same time zone, currency digits and attributes (its customer attributes are not read:
 * the `customers` option is joined).
 *
 * @param book - the ledger to add to
 * @param records - the new records (an array or any iterable), or a ledger of them
 * @param options - as for `ledger(records)`: `fields`, `attributes` (the ledger's names), `customers`
 *   (required when the ledger has customer attributes), `timeUnit`, `rounding`, `onInvalid`;
 *   `timeZone`, `currency` and `currencyDigits` may be left out (the ledger's are used)
 * @returns a new frozen ledger
 * @throws {@link InvalidInputError} for the first unreadable record of the batch (its index in the batch)
 * @throws {@link InvalidOptionError} when an option or the batch disagrees with the ledger (time zone,
 *   currency, currency digits, attribute names), or a customers table is needed and missing
 * @throws {@link RetentionError} when the amounts of both add up beyond 2^53 − 1 minor units
 *
 * @example
 * ```ts
 * import { ledger, summarize } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'a', date: '2024-03-01', amount: '20.00', channel: 'web' },
 *     { customerId: 'b', date: '2024-03-02', amount: '5.00', channel: 'store' },
 *   ],
 *   { timeZone: 'Europe/Berlin', attributes: { channel: 'channel' } },
 * );
 * const tonight = ledger.append(book, [
 *   { customerId: 'b', date: '2024-03-03', amount: '7.50', channel: 'web' },
 *   { customerId: 'c', date: '2024-03-03', amount: '12.00', channel: 'app' },
 * ], { attributes: { channel: 'channel' } });
 * tonight.ids; // => ['a', 'b', 'c']
 * tonight.recordCount; // => 4
 * summarize(tonight).repeatCustomerRate; // => 0.3333
 * book.recordCount; // => 2
 * ```
 */
function append<R extends object = TransactionRecord>(book: Ledger, records: Iterable<R> | Ledger, options?: LedgerOptions<R>): Ledger {
  checkOptionKeys(options, LEDGER_KEYS);
  if (!isLedger(book)) throw new InvalidOptionError('book', book, 'must be a ledger (from ledger(records) or ledger.fromColumns)');
  const { read, customers } = appendOptions(book, options, isLedger(records));
  return appendLedger(book, readRecords(records, read), customers);
}

/**
 * Read transaction records into a {@link Ledger} with `ledger(records, options?)`, columns or an Arrow
 * table with `ledger.fromColumns(columns, options?)`, and add records to a ledger with
 * `ledger.append(book, records, options?)`; each call is documented on its own signature.
 *
 * @function
 * @param records - an array or any iterable of records
 * @param options - field map, `timeZone`, `currencyDigits`, `rounding`, `onInvalid`
 * @returns a frozen ledger
 * @throws {@link InvalidInputError} for the first unreadable record
 * @throws {@link InvalidOptionError} for bad options
 *
 * @example
 * ```ts
 * import { ledger } from 'retention-metrics';
 * ledger([{ customerId: 'a', date: '2024-01-01', amount: '9.99' }]).orderCount; // => 1
 * ledger.fromColumns({ customerId: ['a'], date: [Date.UTC(2024, 0, 1)], amount: [999] }).orderCount; // => 1
 * ```
 */
export const ledger: typeof fromRecords & { readonly fromColumns: typeof fromColumns; readonly append: typeof append } =
  // Attached by a call marked pure, not by an assignment statement: a bundler drops the functions when
  // `ledger` is unused, and the declarations name each function's own type (no self-reference).
  /* @__PURE__ */ Object.assign(fromRecords, { fromColumns, append });

/**
 * The time zone of a call's calendar questions: the `timeZone` option when given (also with a ready
 * ledger), else the ledger's own zone.
 *
 * @internal
 */
export function calendarZone(book: Ledger, options?: { timeZone?: string | undefined }): string {
  return options?.timeZone === undefined ? book.timeZone : assertTimeZone(options.timeZone);
}

/**
 * The ledger of a metric's data argument: a ledger as is, or records read with default options.
 *
 * @internal
 */
export function toLedger(data: LedgerInput, options?: LedgerBaseOptions): Ledger {
  return isLedger(data) ? data : readRecords(data, options);
}
