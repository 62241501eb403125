import { describe, expect, test } from 'vitest';
import { readOrders } from '../../../src/cli/input/read-orders.ts';
import { fileWith, inputError } from './files.ts';

const HEADER = 'order_id,customer_id,created_at,total\n';

describe('delimited text', () => {
  test('a comma-separated file is read into records keyed by the header', async () => {
    const orders = await readOrders(fileWith('orders.csv', `${HEADER}1,a,2024-01-02,10.00\n2,b,2024-01-03T10:00:00Z,5\n`));
    expect(orders.records).toEqual([
      { order_id: '1', customer_id: 'a', created_at: '2024-01-02', total: '10.00' },
      { order_id: '2', customer_id: 'b', created_at: '2024-01-03T10:00:00Z', total: '5' },
    ]);
    expect(orders.format).toBe('csv');
    expect(orders.columns).toEqual({ customer: 'customer_id', date: 'created_at', amount: 'total', orderId: 'order_id' });
  });

  test('lineOf counts the header as line 1', async () => {
    const orders = await readOrders(fileWith('orders.csv', `${HEADER}1,a,2024-01-02,10.00\n2,b,2024-01-03,5\n`));
    expect([orders.lineOf(0), orders.lineOf(1)]).toEqual([2, 3]);
  });

  test('a byte-order mark is not part of the first column name', async () => {
    const orders = await readOrders(fileWith('orders.csv', `\uFEFF${HEADER}1,a,2024-01-02,10.00\n`));
    expect(orders.fileColumns[0]).toBe('order_id');
    expect(orders.columns.orderId).toBe('order_id');
  });

  test('CRLF line ends leave no carriage return in the last column', async () => {
    const orders = await readOrders(fileWith('orders.csv', HEADER.replace('\n', '\r\n') + '1,a,2024-01-02,10.00\r\n2,b,2024-01-03,5\r\n'));
    expect(orders.records.map((r) => r['total'])).toEqual(['10.00', '5']);
    expect(orders.lineOf(1)).toBe(3);
  });

  test('quoted fields keep commas, quotes and line breaks, and later lines stay right', async () => {
    const text = `${HEADER}1,"Smith, J.",2024-01-02,"1,5"\n2,"a ""b""\nsecond line\r\nthird",2024-01-03,5\n3,c,2024-01-04,7\n`;
    const orders = await readOrders(fileWith('orders.csv', text), { columns: { amount: 'total' } });
    expect(orders.records.map((r) => r['customer_id'])).toEqual(['Smith, J.', 'a "b"\nsecond line\r\nthird', 'c']);
    expect(orders.records[0]?.['total']).toBe('1,5');
    expect([orders.lineOf(0), orders.lineOf(1), orders.lineOf(2)]).toEqual([2, 3, 6]);
  });

  test('blank lines are passed over but counted', async () => {
    const orders = await readOrders(fileWith('orders.csv', `${HEADER}\n1,a,2024-01-02,10.00\n\n\n2,b,2024-01-03,5\n\n`));
    expect(orders.records).toHaveLength(2);
    expect([orders.lineOf(0), orders.lineOf(1)]).toEqual([3, 6]);
  });

  test.each([
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
  ])('the delimiter is detected: %s', async (_name, delimiter) => {
    const text = HEADER.replaceAll(',', delimiter) + ['1', 'a', '2024-01-02', '10,00'].join(delimiter) + '\n';
    const orders = await readOrders(fileWith('orders.txt', text));
    expect(orders.records[0]).toEqual({ order_id: '1', customer_id: 'a', created_at: '2024-01-02', total: '10,00' });
  });

  test('runs of white space separate fields when no delimiter is in the header', async () => {
    const orders = await readOrders(fileWith('orders.txt', 'customer_id date number_of_cds dollar_value\r\n    1 19970101   1  11.77\r\n  2   19970112 2 12.00\r\n'));
    expect(orders.records).toEqual([
      { customer_id: '1', date: '1997-01-01', number_of_cds: '1', dollar_value: '11.77' },
      { customer_id: '2', date: '1997-01-12', number_of_cds: '2', dollar_value: '12.00' },
    ]);
    expect(orders.lineOf(1)).toBe(3);
  });

  test('a delimiter given by the caller is used', async () => {
    const orders = await readOrders(fileWith('orders.csv', 'customer_id;created_at;note,x\na;2024-01-02;1\n'), { delimiter: ';' });
    expect(orders.fileColumns).toEqual(['customer_id', 'created_at', 'note,x']);
  });

  test('a delimiter may be given by name: tab', async () => {
    const orders = await readOrders(fileWith('orders.csv', 'customer_id\tcreated_at,x\na\t2024-01-02\n'), { delimiter: 'tab', columns: { date: 'created_at,x' } });
    expect(orders.records).toEqual([{ customer_id: 'a', 'created_at,x': '2024-01-02' }]);
  });

  test('a delimiter of more than one character is an error', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', 'a,b\n1,2\n'), { delimiter: ',,' }));
    expect(error.reason).toBe('",," is not a delimiter that can be read');
  });

  test('a wrong delimiter names the delimiter the file seems to use', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', 'customer_id;created_at;total\na;2024-01-02;1,5\n'), { delimiter: ',' }));
    expect(error.line).toBe(1);
    expect(error.message).toContain('seems to use ";" (--delimiter ";")');
  });

  test('a space-separated file split at commas is told to use whitespace', async () => {
    const error = await inputError(readOrders(fileWith('orders.txt', 'customer_id date total\n1 19970101 1.00\n'), { delimiter: ',' }));
    expect(error.reason).toBe('the header is one column "customer_id date total" when split at "," (--delimiter ","); the file seems to use runs of spaces (--delimiter whitespace)');
  });

  test('values holding another delimiter do not mislead the detection', async () => {
    const orders = await readOrders(fileWith('orders.csv', 'customer_id;created_at;total\n"a,b";2024-01-02;1,5\n'));
    expect(orders.records).toEqual([{ customer_id: 'a,b', created_at: '2024-01-02', total: '1,5' }]);
  });

  test('blank lines before the header count as lines', async () => {
    const orders = await readOrders(fileWith('orders.csv', `\n\r\n${HEADER}1,a,2024-01-02,10.00\n`));
    expect(orders.lineOf(0)).toBe(4);
  });

  test('a file holding only a byte-order mark is empty', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', '\uFEFF')));
    expect(error.reason).toBe('the file is empty');
  });

  test('a row with too many fields is an error naming its line', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', `${HEADER}1,a,2024-01-02,10.00\n2,b,2024-01-03,5,00\n`)));
    expect(error.line).toBe(3);
    expect(error.message).toBe('orders.csv line 3: the row has 5 fields where the header has 4 (split at "," (--delimiter ",")). Quote values that hold the delimiter ("1,5") or pass the right --delimiter.');
  });

  test('a row with too few fields is an error naming its line, after quoted line breaks', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', `${HEADER}1,"a\nb",2024-01-02,10.00\n2,b,2024-01-03\n`)));
    expect(error.line).toBe(4);
    expect(error.reason).toContain('3 fields where the header has 4');
  });

  test('a quote left open is an error naming the line of its row', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', `${HEADER}1,a,2024-01-02,10.00\n2,"b,2024-01-03,5\n3,c,2024-01-04,1\n`)));
    expect(error.line).toBe(3);
    expect(error.reason).toBe('a quoted field that starts here is never closed');
  });

  test('an empty file is an error', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', '')));
    expect(error.message).toBe('orders.csv: the file is empty. A file of orders needs a header line and one line per order.');
  });

  test('a file of blank lines is an empty file', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', '\r\n\n\n')));
    expect(error.reason).toBe('the file is empty');
  });

  test('a header without rows is an error', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', HEADER)));
    expect(error.reason).toBe('the file has a header but no rows');
  });

  test('a header naming a column twice is an error', async () => {
    const error = await inputError(readOrders(fileWith('orders.csv', 'customer_id,date,date\na,2024-01-01,2024-01-02\n')));
    expect(error.reason).toBe('the header names column "date" twice');
  });

  test('onProgress is called at the end with every row and the bytes read', async () => {
    const text = `${HEADER}1,a,2024-01-02,10.00\n2,b,2024-01-03,5\n`;
    const calls: Array<[number, number]> = [];
    await readOrders(fileWith('orders.csv', text), { onProgress: (rows, bytes) => calls.push([rows, bytes]) });
    expect(calls).toEqual([[2, Buffer.byteLength(text)]]);
  });

  test('onProgress is called every 65,536 rows', async () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => `${i},c${i % 97},2024-01-02,1.00\n`).join('');
    const calls: number[] = [];
    await readOrders(fileWith('orders.csv', HEADER + rows), { onProgress: (read) => calls.push(read) });
    expect(calls).toEqual([65_536, 70_000]);
  });
});
