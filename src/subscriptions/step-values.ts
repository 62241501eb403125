/**
 * Each customer's MRR and seats read at a list of instants, by one sweep over their changes.
 *
 * @module
 * @internal
 */
import { RetentionError } from '../errors.ts';
import type { SubscriptionRevenue } from './revenue-types.ts';

/**
 * @internal Visit every customer with their MRR (minor units) and seats at each instant.
 *
 * Seats are the quantities of the paid intervals (MRR above 0) running at an instant (start ≤ t < end).
 * The arrays are reused between customers: read them in the visit, do not keep them.
 *
 * @param book - the book
 * @param instants - ascending instants (epoch ms)
 * @param visit - called once per customer, in the book's order
 */
export function valuesAtBoundaries(book: SubscriptionRevenue, instants: readonly number[], visit: (mrr: Float64Array, seats: Float64Array, customer: number) => void): void {
  const mrr = new Float64Array(instants.length);
  const seats = new Float64Array(instants.length);
  const steps: [number, number][] = [];
  let next = 0;
  for (let c = 0; c < book.ids.length; c++) {
    let k = book.changeStart[c] ?? 0;
    const end = book.changeStart[c + 1] ?? 0;
    let value = 0;
    for (let b = 0; b < instants.length; b++) {
      const at = instants[b] ?? 0;
      for (; k < end && (book.changeTime[k] ?? 0) <= at; k++) value = book.changeMrr[k] ?? 0;
      mrr[b] = value;
    }
    steps.length = 0;
    for (; next < book.intervals.length && book.intervals[next]?.customer === c; next++) {
      const s = book.intervals[next];
      if (s === undefined || s.mrrMinor === 0) continue;
      steps.push([s.start, s.quantity]);
      if (Number.isFinite(s.end)) steps.push([s.end, -s.quantity]);
    }
    steps.sort((a, b) => a[0] - b[0]);
    let running = 0;
    let j = 0;
    for (let b = 0; b < instants.length; b++) {
      const at = instants[b] ?? 0;
      for (; j < steps.length && (steps[j]?.[0] ?? 0) <= at; j++) running += steps[j]?.[1] ?? 0;
      seats[b] = running;
    }
    visit(mrr, seats, c);
  }
}

/**
 * @internal The earliest instant any customer's MRR changed (their first payment), or `Infinity` for a
 * book without paid intervals.
 *
 * @param book - the book
 * @returns the instant (epoch ms)
 */
export function earliestChange(book: SubscriptionRevenue): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (let c = 0; c < book.ids.length; c++) earliest = Math.min(earliest, firstChange(book, c));
  return earliest;
}

/**
 * @internal The instant customer `c` first paid: their first change, which takes them from 0 to paying;
 * `Infinity` for a customer who never paid (free intervals only).
 *
 * @param book - the book
 * @param c - the customer's index
 * @returns the instant (epoch ms)
 */
export function firstChange(book: SubscriptionRevenue, c: number): number {
  const k = book.changeStart[c] ?? 0;
  return k < (book.changeStart[c + 1] ?? 0) ? (book.changeTime[k] ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
}

/**
 * @internal A sum of minor units, checked to be exact: beyond 2^53 − 1 a double no longer holds every
 * integer, and money is never rounded silently.
 *
 * @param minor - the sum
 * @param what - what it is the sum of, for the message
 * @returns the sum
 * @throws {@link RetentionError} for a sum beyond ±(2^53 − 1) minor units
 */
export function exactMinor(minor: number, what: string): number {
  if (Number.isSafeInteger(minor)) return minor;
  throw new RetentionError(`${what} is beyond 2^53 − 1 minor units, where sums are no longer exact: report on a smaller book or with fewer currency digits`);
}
