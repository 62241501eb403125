// Files are UTF-8: a byte UTF-8 does not allow is an error naming its line, never a U+FFFD that would
// make two customers one.
import { describe, expect, test } from 'vitest';
import { readOrders } from '../../../src/cli/input/read-orders.ts';
import { utf8Text } from '../../../src/cli/input/utf8-text.ts';
import { fileWith, inputError } from './files.ts';

/** A Latin-1 file: "José" and "Josè" differ only in a byte that is not UTF-8. */
const latin1 = (lines: string[]): Uint8Array => Buffer.from(lines.join('\n'), 'latin1');

describe('text that is not UTF-8', () => {
  test('a CSV file saved as Latin-1 is an error at the line of the first such byte', async () => {
    const path = fileWith('latin1.csv', latin1(['customer,date,total', 'Ann,2024-01-01,1.00', 'José,2024-01-02,2.00', 'Josè,2024-01-03,3.00']));
    const error = await inputError(readOrders(path));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^latin1\.csv line 3: the file is not UTF-8 text .*Save it as UTF-8/);
  });

  test('an NDJSON file saved as Latin-1 is an error at the line of the first such byte', async () => {
    const path = fileWith('latin1.ndjson', latin1(['{"customer":"Ann","date":"2024-01-01"}', '{"customer":"José","date":"2024-01-02"}']));
    expect((await inputError(readOrders(path))).line).toBe(2);
  });

  test('UTF-8 text is read as it is, a character split between chunks included', async () => {
    const bytes = Buffer.from('customer\r\nJosé\r\nJosè\n');
    const chunks = [bytes.subarray(0, 9), bytes.subarray(9, 14), bytes.subarray(14)]; // splits "\r\n" and "é"
    let text = '';
    for await (const piece of utf8Text('orders.csv', chunks)) text += piece;
    expect(text).toBe('customer\r\nJosé\r\nJosè\n');
  });

  test('a bad sequence begun at the end of one chunk is at the line where it began', async () => {
    const chunks = [Buffer.from('customer\nJos'), Buffer.from([0xe9]), Buffer.from(',x\ny\n')];
    const error = await inputError((async () => { for await (const piece of utf8Text('orders.csv', chunks)) void piece; })());
    expect(error.line).toBe(2);
  });

  test('the line counts a CRLF split between chunks once', async () => {
    const bytes = Buffer.concat([Buffer.from('a\r'), Buffer.from('\nb\n'), Buffer.from([0xe9])]);
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 5), bytes.subarray(5)];
    const error = await inputError((async () => { for await (const piece of utf8Text('orders.csv', chunks)) void piece; })());
    expect(error.line).toBe(3);
  });

  test('NDJSON lines break at LF, CRLF and a lone CR, as they are numbered', async () => {
    const path = fileWith('lines.ndjson', '{"customer":"a","date":"2024-01-01"}\r\n{"customer":"b","date":"2024-01-02"}\r{"customer":"c","date":"2024-01-03"}\n');
    const orders = await readOrders(path);
    expect(orders.records.map((r) => r.customer)).toEqual(['a', 'b', 'c']);
    expect([0, 1, 2].map((i) => orders.lineOf(i))).toEqual([1, 2, 3]);
  });
});
