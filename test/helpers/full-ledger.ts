// Test helper: every column and total a report reads of a ledger, as plain data, for deep equality.
import type { AttributeColumn } from '../../src/input/attribute-dictionary.ts';
import type { Ledger } from '../../src/input/types.ts';

function attributes(record: Readonly<Record<string, AttributeColumn>>) {
  return Object.entries(record).map(([name, column]) => ({ name, codes: [...column.codes], width: column.codes.BYTES_PER_ELEMENT, values: [...column.values] }));
}

/** The ledger as plain data: ids, events, per-account and ledger totals, attributes, counts, options. */
export function fullLedger(book: Ledger) {
  return {
    timeZone: book.timeZone,
    currency: book.currency,
    currencyDigits: book.currencyDigits,
    ids: [...book.ids],
    start: [...book.start],
    time: [...book.time],
    minor: [...book.minor],
    orders: [...book.orders],
    firstOrder: [...book.firstOrder],
    lastOrder: [...book.lastOrder],
    grossMinor: [...book.grossMinor],
    netMinor: [...book.netMinor],
    counts: [book.recordCount, book.eventCount, book.orderCount, book.refundCount, book.customerCount, book.minTime, book.maxTime],
    totals: { ...book.totals },
    skipped: book.skipped.map((s) => ({ ...s })),
    attributes: attributes(book.attributes),
    customerAttributes: attributes(book.customerAttributes),
    unknownCustomers: book.unknownCustomers,
  };
}
