/**
 * `historicalClv`: what each customer has been worth so far, and the distribution over customers.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { resolveAsOf, scanCustomers } from '../input/customer-scan.ts';
import type { LedgerInput } from '../input/ledger.ts';
import type { CustomerState } from '../input/customer-state-type.ts';
import { Exact, toMoney } from '../input/exact.ts';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { CustomerId, DateInput, Ledger } from '../input/types.ts';

/** Options of {@link historicalClv}. */
export interface HistoricalClvOptions extends LedgerBaseOptions {
  /**
   * Count events up to and including this instant (default: all).
   * A date-only string is the start of that day (pass the end of the day, e.g. `'2024-12-31T23:59:59.999Z'`, to count its orders).
   */
  asOf?: DateInput;
}

/** One customer's historical value. */
export interface CustomerValue {
  readonly customerId: CustomerId;
  readonly orders: number;
  /** Sum of the customer's orders. */
  readonly grossRevenue: Decimal;
  /** Orders plus refunds: the historical CLV. */
  readonly netRevenue: Decimal;
}

/** The distribution of net revenue per customer. */
export interface ValueDistribution {
  readonly mean: Decimal;
  readonly min: Decimal;
  readonly p10: Decimal;
  readonly p25: Decimal;
  readonly median: Decimal;
  readonly p75: Decimal;
  readonly p90: Decimal;
  readonly p99: Decimal;
  readonly max: Decimal;
}

/** The result of {@link historicalClv}. */
export interface HistoricalClv {
  /** Customers (ids with an order up to `asOf`), in ledger order. */
  readonly customers: readonly CustomerValue[];
  /** Σ net revenue of the customers. */
  readonly total: Decimal;
  /** The distribution over customers, or `null` without customers. */
  readonly distribution: ValueDistribution | null;
}

/**
 * The percentile `percent` (an integer 0…100) of sorted values (linear interpolation between closest
 * ranks, the default of numpy and of spreadsheets' PERCENTILE.INC), exactly: the position
 * percent·(N − 1)/100 is split into whole and fractional parts in integers, and the fraction applied
 * in decimal arithmetic.
 */
function percentile(sorted: Float64Array, percent: number, digits: number): Decimal {
  const scaled = percent * (sorted.length - 1); // position × 100, an integer
  const lo = Math.floor(scaled / 100);
  const low = sorted[lo];
  const high = sorted[Math.min(lo + 1, sorted.length - 1)];
  const fraction = scaled - lo * 100; // hundredths
  if (fraction === 0 || high === low) return fromMinorUnits(low, digits);
  return toMoney(new Exact(high - low).times(fraction).dividedBy(100).plus(low).dividedBy(10 ** digits));
}

const HISTORICAL_CLV_KEYS = [...LEDGER_BASE_KEYS, ...optionKeys<Pick<HistoricalClvOptions, 'asOf'>>({ asOf: true })];

/**
 * Historical customer lifetime value: each customer's net revenue to date (orders plus refunds), and
 * the distribution over customers — mean, median and percentiles (linear interpolation between closest
 * ranks, as numpy's default and PERCENTILE.INC). A customer is an id with at least one order up to
 * `asOf`; refunds of refund-only ids are not anyone's value. Sorting the values costs O(N log N).
 *
 * @param data - a ledger, records, or a customer state (`customerState`, or `customerStateFromRows` of a warehouse query)
 * @param options - `asOf` and ledger options for raw records
 * @returns per-customer values, their total and distribution (`null` without customers)
 * @throws {@link InvalidOptionError} for an unreadable `asOf`
 *
 * @example
 * ```ts
 * import { historicalClv } from 'retention-metrics';
 * const clv = historicalClv([
 *   { customerId: 'a', date: '2024-01-01', amount: '100.00' },
 *   { customerId: 'a', date: '2024-02-01', amount: '-20.00' },
 *   { customerId: 'b', date: '2024-01-05', amount: '10.00' },
 *   { customerId: 'c', date: '2024-01-09', amount: '30.00' },
 * ]);
 * clv.customers.map((c) => `${c.customerId}: ${c.netRevenue.toFixed(2)}`); // => ['a: 80.00', 'b: 10.00', 'c: 30.00']
 * clv.distribution?.median.toFixed(2); // => '30.00'
 * clv.distribution?.mean.toFixed(2); // => '40.00'
 * ```
 */
export function historicalClv(data: LedgerInput | CustomerState, options?: HistoricalClvOptions): HistoricalClv {
  const { book, asOf, timeZone } = historicalClvSettings(data, options);
  const scan = scanCustomers(book, asOf, timeZone);
  const digits = book.currencyDigits;
  const n = scan.account.length;
  let total = 0;
  const customers: CustomerValue[] = new Array<CustomerValue>(n);
  for (let i = 0; i < n; i++) {
    total += scan.netMinor[i];
    customers[i] = Object.freeze({
      customerId: book.ids[scan.account[i]],
      orders: scan.orders[i],
      grossRevenue: fromMinorUnits(scan.grossMinor[i], digits),
      netRevenue: fromMinorUnits(scan.netMinor[i], digits),
    });
  }
  const sorted = Float64Array.from(scan.netMinor).sort();
  const distribution: ValueDistribution | null =
    n === 0
      ? null
      : Object.freeze({
          mean: minorPer(total, n, digits) ?? fromMinorUnits(0, digits),
          min: fromMinorUnits(sorted[0], digits),
          p10: percentile(sorted, 10, digits),
          p25: percentile(sorted, 25, digits),
          median: percentile(sorted, 50, digits),
          p75: percentile(sorted, 75, digits),
          p90: percentile(sorted, 90, digits),
          p99: percentile(sorted, 99, digits),
          max: fromMinorUnits(sorted[n - 1], digits),
        });
  return Object.freeze({ customers: Object.freeze(customers), total: fromMinorUnits(total, digits), distribution });
}

/** What `historicalClv` computes with: its data read and `asOf` resolved. */
interface HistoricalClvSettings {
  readonly book: Ledger;
  /** The as-of instant; `null` for an empty ledger. */
  readonly asOf: number | null;
  /** The zone of the calendar. */
  readonly timeZone: string;
}

/**
 * Read the data and options of a `historicalClv` call: the ledger, the as-of instant and the zone.
 *
 * @throws {@link InvalidOptionError} for an unknown option or an unreadable `asOf`
 */
function historicalClvSettings(data: LedgerInput | CustomerState, options: HistoricalClvOptions | undefined): HistoricalClvSettings {
  checkOptionKeys(options, HISTORICAL_CLV_KEYS);
  return resolveAsOf(data, options);
}
