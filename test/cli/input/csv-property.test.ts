// Random delimited files (quotes, delimiters, line breaks inside fields, blank lines, mixed line ends)
// read by readOrders must give the rows a naive writer put in, each at the line the writer put it on.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readOrders } from '../../../src/cli/input/read-orders.ts';
import { fileWith } from './files.ts';

const BREAKS = ['\n', '\r\n', '\r'] as const;
const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '|', '\t', '"', '\n', '\r', 'é', '€'), maxLength: 8 });
const row = fc.tuple(field, field, field);
const file = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  rows: fc.array(fc.record({ fields: row, quoteAll: fc.boolean(), blankBefore: fc.nat(2), end: fc.constantFrom(...BREAKS) }), { minLength: 1, maxLength: 12 }),
  bom: fc.boolean(),
  finalBreak: fc.boolean(),
});

/** A field as a careful writer writes it: quoted (quotes doubled) when it holds anything special. */
function encode(value: string, quote: boolean): string {
  return quote || /[",;|\t\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The physical line at the end of `text`: 1 + its line breaks, `\r\n` counting once. */
function lineAtEnd(text: string): number {
  return 1 + (text.match(/\r\n|\r|\n/g) ?? []).length;
}

test('random delimited files read as written, each record at its line', async () => {
  await fc.assert(
    fc.asyncProperty(file, async ({ delimiter, rows, bom, finalBreak }) => {
      let text = `${bom ? '\uFEFF' : ''}note${delimiter}customer_id${delimiter}date${delimiter}total`;
      const expectedLines: number[] = [];
      rows.forEach(({ fields, quoteAll, blankBefore, end }, i) => {
        text += end;
        // Blank lines repeat the same break, so `\r` then `\n` never fuse into one.
        text += end.repeat(blankBefore);
        expectedLines.push(lineAtEnd(text));
        text += [encode(fields[0], quoteAll), encode(`c${fields[1]}`, quoteAll), '2024-01-01', encode(fields[2], quoteAll)].join(delimiter);
        if (i === rows.length - 1 && finalBreak) text += end;
      });
      const orders = await readOrders(fileWith('orders.csv', text), { columns: { amount: 'total' } });
      expect(orders.records).toEqual(rows.map(({ fields }) => ({ note: fields[0], customer_id: `c${fields[1]}`, date: '2024-01-01', total: fields[2] })));
      expect(orders.records.map((_, i) => orders.lineOf(i))).toEqual(expectedLines);
    }),
    { numRuns: 300 },
  );
});
