// Test helper: a ledger as plain data, for equality assertions.
import type { Ledger } from '../../src/input/types.ts';

/** The ledger as plain data, for comparisons. */
export function ledgerSnapshot(book: Ledger) {
  return {
    ids: [...book.ids],
    start: [...book.start],
    account: [...book.account],
    time: [...book.time],
    minor: [...book.minor],
    orders: [...book.orders],
    facts: [[...book.firstOrder], [...book.lastOrder], [...book.grossMinor], [...book.netMinor]],
    counts: [book.eventCount, book.orderCount, book.refundCount, book.customerCount, book.minTime, book.maxTime],
  };
}
