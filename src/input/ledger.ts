/**
 * `ledger(records)`: read transaction records of any shape into a {@link Ledger}.
 *
 * @module
 */
import { assertTimeZone } from '../calendar/zone.ts';
import { InvalidOptionError } from '../errors.ts';
import { Problems, buildLedger } from './build.ts';
import { fromColumns } from './columns.ts';
import { explainDate, toEpochMs } from './dates.ts';
import { Scratch, allocateEventColumns, allocateStagingColumns } from './event-columns.ts';
import { IdInterner, KEY_WORDS, explainId, isCustomerId } from './ids.ts';
import { explainAmount, toMinorUnits } from './money.ts';
import { type LedgerBaseOptions, resolveLedgerOptions } from './options.ts';
import { LEDGER_BRAND, type Ledger, type TransactionRecord } from './types.ts';

/** How to read one field of a record: a property name, or a function of the record and its index. */
export type FieldReader<R> = (keyof R & string) | ((record: R, index: number) => unknown);

/**
 * Where the fields of a record are. Missing entries default to the library's own names
 * (`customerId`, `date`, `amount`, `orderId`).
 */
export interface FieldMap<R> {
  customerId?: FieldReader<R>;
  date?: FieldReader<R>;
  amount?: FieldReader<R>;
  orderId?: FieldReader<R>;
}

/** Options of {@link ledger}. */
export interface LedgerOptions<R = TransactionRecord> extends LedgerBaseOptions {
  /** Field map for records that don't use the library's field names. */
  fields?: FieldMap<R>;
}

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

type Getter = (record: object, index: number) => unknown;

function reader<R>(spec: FieldReader<R> | undefined, fallback: string, name: string): Getter {
  const field = spec ?? fallback;
  if (typeof field === 'function') return field as Getter;
  if (typeof field !== 'string') {
    throw new InvalidOptionError(`fields.${name}`, field, 'must be a property name or a function (record, index) => value');
  }
  // The library's own names get static property reads, which engines inline for same-shaped records.
  switch (field) {
    case 'customerId':
      return (record) => (record as { customerId?: unknown }).customerId;
    case 'date':
      return (record) => (record as { date?: unknown }).date;
    case 'amount':
      return (record) => (record as { amount?: unknown }).amount;
    case 'orderId':
      return (record) => (record as { orderId?: unknown }).orderId;
    default:
      return (record) => (record as Record<string, unknown>)[field];
  }
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
 * @param records - an array or any iterable of records
 * @param options - field map, `timeZone` (default `'UTC'`), `currencyDigits` (default 2), `rounding`,
 *   `onInvalid` (`'throw'` default, or `'skip'`)
 * @returns a frozen ledger; `skipped` lists the records left out under `onInvalid: 'skip'`
 * @throws {@link InvalidInputError} for the first unreadable record (index, field, value, reason)
 * @throws {@link InvalidOptionError} for bad options (unknown time zone, bad field map, …)
 * @throws {@link RetentionError} when the amounts add up beyond 2^53 − 1 minor units
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
  if (isLedger(records)) return records;
  const resolved = resolveLedgerOptions(options);
  if (records === null || typeof records !== 'object' || typeof (records as Iterable<R>)[Symbol.iterator] !== 'function') {
    throw new InvalidOptionError('records', records, 'must be an array or an iterable of records');
  }
  const rows: readonly R[] = Array.isArray(records) ? records : Array.from(records as Iterable<R>);
  const fields = options?.fields;
  const getId = reader(fields?.customerId, 'customerId', 'customerId');
  const getDate = reader(fields?.date, 'date', 'date');
  const getAmount = reader(fields?.amount, 'amount', 'amount');
  const getOrderId = reader(fields?.orderId, 'orderId', 'orderId');
  const { timeZone, currencyDigits, rounding } = resolved;
  const problems = new Problems(resolved.skip, 'records');
  const n = rows.length;
  const { account: idOf, time, minor } = allocateStagingColumns(n);
  // The ledger's own columns, allocated now rather than after the pass: external memory that grows in
  // two steps close together costs one marking of the caller's heap, not two (see allocateEventColumns).
  const output = allocateEventColumns(n);
  // Input positions are only needed once a record was skipped (until then each event's is its own).
  let index: Uint32Array | null = null;
  // Until the build writes the ledger's columns, their memory holds the temporaries: first the ids'
  // keys, staged during the pass and numbered after it, several look-ups at a time (see IdInterner).
  const scratch = new Scratch(output.time.buffer);
  const interner = new IdInterner();
  const keys = scratch.int32(KEY_WORDS * n);
  let orderIds: (string | number | undefined)[] | null = null;
  let kept = 0;
  let ordered = true;
  let lastTime = Number.NEGATIVE_INFINITY;
  let absTotal = 0;
  for (let i = 0; i < n; i++) {
    const record = rows[i];
    if (typeof record !== 'object' || record === null) {
      problems.report(i, 'record', record, `${record === null ? 'null' : `a ${typeof record}`} is not a record object`);
      continue;
    }
    const id = getId(record, i);
    if (!isCustomerId(id)) {
      problems.report(i, 'customerId', id, explainId(id));
      continue;
    }
    const dateValue = getDate(record, i);
    const ms = toEpochMs(dateValue, timeZone);
    if (Number.isNaN(ms)) {
      problems.report(i, 'date', dateValue, explainDate(dateValue));
      continue;
    }
    const amountValue = getAmount(record, i);
    const cents = toMinorUnits(amountValue, currencyDigits, rounding);
    if (Number.isNaN(cents)) {
      problems.report(i, 'amount', amountValue, explainAmount(amountValue, currencyDigits, rounding));
      continue;
    }
    const orderId = getOrderId(record, i);
    if (orderId !== undefined && orderId !== null) {
      if (!isCustomerId(orderId)) {
        problems.report(i, 'orderId', orderId, explainId(orderId).replace('a customer id', 'an order id'));
        continue;
      }
      orderIds ??= new Array<string | number | undefined>(n).fill(undefined);
      orderIds[kept] = orderId;
    }
    interner.stage(id, kept, idOf, keys);
    if (ms < lastTime) ordered = false;
    lastTime = ms;
    absTotal += Math.abs(cents);
    time[kept] = ms;
    minor[kept] = cents;
    if (index !== null) index[kept] = i;
    else if (kept !== i) index = identityPrefix(n, kept, i);
    kept++;
  }
  interner.numberStaged(idOf, keys, kept, scratch);
  return buildLedger(
    {
      n: kept,
      idOf,
      ids: interner.ids,
      time,
      minor,
      index,
      orderId: orderIds,
      ordered,
      absTotal,
      output,
      scratch,
    },
    resolved,
    problems,
    n,
  );
}

/**
 * Read transaction records into a {@link Ledger} with `ledger(records, options?)`, or columns with
 * `ledger.fromColumns(columns, options?)`; each call is documented on its own signature.
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
export const ledger: typeof fromRecords & { readonly fromColumns: typeof fromColumns } =
  // Attached by a call marked pure, not by an assignment statement: a bundler drops both functions when
  // `ledger` is unused, and the declarations name each function's own type (no self-reference).
  /* @__PURE__ */ Object.assign(fromRecords, { fromColumns });

/** Input positions of `n` events whose first `kept` are their own positions, and event `kept` is at `at`. */
function identityPrefix(n: number, kept: number, at: number): Uint32Array {
  const index = new Uint32Array(n);
  for (let k = 0; k < kept; k++) index[k] = k;
  index[kept] = at;
  return index;
}

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
  return isLedger(data) ? data : ledger(data, options);
}
