/**
 * The gaps in days between a customer's distinct order days, and their median: the rhythm adaptive
 * dormancy windows scale to, and what a probability-alive function sees of a customer.
 *
 * @module
 * @internal
 */
import { type CustomerScan, eventsEndAsOf } from '../input/customer-scan.ts';

/** @internal The gaps in days between a customer's distinct order days at or before `asOf` (a reusable buffer). */
export class OrderDayGaps {
  #buffer = new Float64Array(16);
  /** Local day of the first order of the last customer collected. */
  firstDay = 0;

  constructor(private readonly scan: CustomerScan) {}

  /** Fill the buffer with customer i's gaps; returns how many there are (distinct order days − 1). */
  collect(i: number): number {
    const { book, asOf, dayOf } = this.scan;
    const { start, time, minor } = book;
    const a = this.scan.account[i];
    if (this.#buffer.length < this.scan.orders[i]) this.#buffer = new Float64Array(this.scan.orders[i] * 2);
    // A customer of the scan has an order, so there is an as-of instant.
    const end = asOf === null ? start[a] : eventsEndAsOf(book, a, asOf);
    let count = 0;
    let previousDay = Number.NaN;
    for (let p = start[a]; p < end; p++) {
      if (minor[p] < 0) continue; // a refund: never an order
      const day = dayOf(time[p]);
      if (Number.isNaN(previousDay)) this.firstDay = day;
      else if (day !== previousDay) this.#buffer[count++] = day - previousDay;
      previousDay = day;
    }
    return count;
  }

  /** Median gap of customer i; `null` with a single order day. */
  median(i: number): number | null {
    return medianOfFirst(this.#buffer, this.collect(i));
  }
}

/** Up to this many values are sorted by insertion, in place; more by the native sort of a view. */
const INSERTION_SORT_MAX = 32;

/**
 * Median of `values[0 … k − 1]` (sorted in place); `null` when `k` is 0. A customer has a handful of
 * gaps as a rule: sorting them by insertion allocates nothing, where a view and the native sort cost
 * an object and a call per customer (a report's rows are built for millions of them).
 */
function medianOfFirst(values: Float64Array, k: number): number | null {
  if (k === 0) return null;
  if (k > INSERTION_SORT_MAX) {
    values.subarray(0, k).sort();
  } else {
    for (let i = 1; i < k; i++) {
      const x = values[i];
      let j = i - 1;
      while (j >= 0 && values[j] > x) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = x;
    }
  }
  const mid = k >> 1;
  return k % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}
