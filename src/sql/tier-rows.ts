/**
 * `loyaltyTiersFromRows`: the rows of a `tierTotals` query finished into the `LoyaltyReport` that
 * `loyaltyTiers` gives for the same events and program.
 *
 * @module
 */
import { InvalidInputError, describeValue } from '../errors.ts';
import { canonicalOrder } from '../input/account-order.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import type { CustomerId } from '../input/types.ts';
import { makeDayIndexer } from '../calendar/days.ts';
import { checkOptionKeys } from '../option-keys.ts';
import type { LoyaltyReport } from '../segments/loyalty-tiers.ts';
import { keepsPrevious, statusOfWindows, windowFromTotals } from '../segments/tier-engine.ts';
import { loyaltyReportOf } from '../segments/tier-report.ts';
import { customerIdField, integerField, nullableIntegerField } from './result-values.ts';
import { type QueryResult, type ResultTable, resultTable } from './result-rows.ts';
import { SOURCE_KEYS } from './source.ts';
import { PROGRAM_KEYS, type SqlLoyaltyProgram, resolveLoyaltyProgram } from './tier-totals.ts';

/** Options of {@link loyaltyTiersFromRows}: the query's program, `asOf`, `timeZone` and `currencyDigits`. */
export interface LoyaltyTiersFromRowsOptions extends SqlLoyaltyProgram {
  /** Decimal digits of the currency's minor unit (default 2): the same as the query's. */
  currencyDigits?: number;
}

/** A window row's totals: the sum before the floor at 0, and per tier the instant it stayed reached from. */
interface WindowTotals {
  readonly total: number;
  readonly reached: readonly number[];
}

/** A customer row, with the window rows of the customer. */
interface CustomerRow {
  readonly id: CustomerId;
  readonly firstEvent: number;
  readonly hasOrder: boolean;
  readonly windows: [WindowTotals | null, WindowTotals | null];
}

/**
 * Finish the rows of a `tierTotals` query into the report `loyaltyTiers` gives for the same events and
 * program: each customer with an order at or before `asOf`, in a ledger's account order (first event,
 * then id), with their tier, amount, next tier, what is missing and the instant the tier was earned;
 * the counts per tier; and `members`. Without `asOf` (a lifetime program), the report is as of the
 * latest event of the rows.
 *
 * @param result - the query's result as the client returns it — rows, columns or an Arrow table —
 *   integers as text, numbers or bigints
 * @param options - the program, `asOf`, `timeZone` and `currencyDigits`, as given to the query (other
 *   options of the query are accepted and ignored)
 * @returns the report
 * @throws {@link InvalidInputError} for a row the query cannot have made: a missing or non-integer
 *   field, an id twice, a window row of no customer row or of a window the program does not have, or
 *   an event after `asOf`
 * @throws {@link InvalidOptionError} for an unknown option, a bad program (as `loyaltyTiers`), zone,
 *   `currencyDigits` or `asOf`, or no `asOf` with a window other than `'lifetime'`
 *
 * @example
 * ```ts
 * import { loyaltyTiersFromRows } from 'retention-metrics/sql';
 * const rows = [
 *   { customer: 'ann', firstEvent: '1706745600000', lastEvent: '1717200000000', firstOrder: '1706745600000', window: null, amount: null, reached0: null, reached1: null },
 *   { customer: 'ann', firstEvent: null, lastEvent: null, firstOrder: null, window: '0', amount: '50000', reached0: '1706745600000', reached1: '1717200000000' },
 * ];
 * const report = loyaltyTiersFromRows(rows, { tiers: [{ name: 'Silver', threshold: 100 }, { name: 'Gold', threshold: 500 }] });
 * report.customers.map((c) => [c.id, c.tier, c.amount.toFixed(2), c.earnedAt?.toISOString()]); // => [['ann', 'Gold', '500.00', '2024-06-01T00:00:00.000Z']]
 * ```
 */
export function loyaltyTiersFromRows(result: QueryResult, options: LoyaltyTiersFromRowsOptions): LoyaltyReport {
  const opts = checkOptionKeys(options, [...SOURCE_KEYS, ...PROGRAM_KEYS]) as LoyaltyTiersFromRowsOptions;
  const currencyDigits = assertCurrencyDigits(opts.currencyDigits ?? 2);
  const { program, timeZone, asOf } = resolveLoyaltyProgram(opts, currencyDigits);
  const rows = resultTable(result);
  const { customers, lastEvent } = readCustomerRows(rows, program.names.length, keepsPrevious(program) ? 2 : 1);
  if (asOf !== null && lastEvent !== null && lastEvent > asOf.ms) {
    throw new InvalidInputError(0, 'record', lastEvent, `an event at ${lastEvent} ms is after asOf; give the query's asOf`, 'rows');
  }
  const kept = customers.filter((c) => c.hasOrder);
  const ids = kept.map((c) => c.id);
  const order = canonicalOrder(ids, Float64Array.from(kept, (c) => c.firstEvent)) ?? Uint32Array.from(ids.keys());
  const context = { program, currencyDigits };
  const none = windowFromTotals(0, [], program);
  const statuses = Array.from(order, (i) => {
    const [current, previous] = kept[i].windows.map((w) => (w === null ? none : windowFromTotals(w.total, w.reached, program)));
    return statusOfWindows(current, keepsPrevious(program) ? previous : null, context);
  });
  const at = asOf ?? (lastEvent === null ? null : { ms: lastEvent, day: makeDayIndexer(timeZone)(lastEvent) });
  return loyaltyReportOf({ program, currencyDigits, timeZone, asOf: at, book: { ids }, accounts: order, statuses, groups: null });
}

/** The customer rows, with their window rows attached, and the latest event of all. */
function readCustomerRows(rows: ResultTable, tiers: number, windows: number): { customers: CustomerRow[]; lastEvent: number | null } {
  const customers: CustomerRow[] = [];
  const byId = new Map<CustomerId, CustomerRow>();
  let lastEvent: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    if (nullableIntegerField(rows, i, 'window') !== null) continue;
    const id = customerIdField(rows, i, 'customer');
    if (byId.has(id)) throw new InvalidInputError(i, 'customerId', id, `${describeValue(id)} has a customer row already`, 'rows');
    const last = integerField(rows, i, 'lastEvent');
    lastEvent = lastEvent === null ? last : Math.max(lastEvent, last);
    const row: CustomerRow = { id, firstEvent: integerField(rows, i, 'firstEvent'), hasOrder: nullableIntegerField(rows, i, 'firstOrder') !== null, windows: [null, null] };
    byId.set(id, row);
    customers.push(row);
  }
  for (let i = 0; i < rows.length; i++) {
    const window = nullableIntegerField(rows, i, 'window');
    if (window === null) continue;
    const id = customerIdField(rows, i, 'customer');
    const customer = byId.get(id);
    if (customer === undefined) throw new InvalidInputError(i, 'customerId', id, `${describeValue(id)} has a window row but no customer row; was the row made by the emitted query?`, 'rows');
    if (window !== 0 && window !== 1) throw new InvalidInputError(i, 'record', window, `window ${window} is not a window of the program`, 'rows');
    if (window >= windows) throw new InvalidInputError(i, 'record', window, 'a previous window is only in the rows of a program with keepPreviousTier', 'rows');
    if (customer.windows[window] !== null) throw new InvalidInputError(i, 'customerId', id, `${describeValue(id)} has two rows of window ${window}`, 'rows');
    customer.windows[window] = {
      total: integerField(rows, i, 'amount'),
      reached: Array.from({ length: tiers }, (_, k) => integerField(rows, i, `reached${k}`)),
    };
  }
  return { customers, lastEvent };
}
