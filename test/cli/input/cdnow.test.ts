import { describe, expect, test } from 'vitest';
import { readCdnow, CDNOW_MASTER } from '../../../example/cdnow.ts';
import { readOrders } from '../../../src/cli/input/read-orders.ts';
import { ledger } from '../../../src/index.ts';

describe('the shipped CDNOW master file', async () => {
  const orders = await readOrders(CDNOW_MASTER);

  test('every one of its 69,659 rows is a record', () => {
    expect(orders.records).toHaveLength(69_659);
  });

  test('customer_id, date and dollar_value are guessed', () => {
    expect(orders.columns).toEqual({ customer: 'customer_id', date: 'date', amount: 'dollar_value', orderId: null });
    expect(orders.guessed).toEqual(['customer', 'date', 'amount']);
  });

  test('the compact dates become ISO dates and the rows keep their lines', () => {
    expect(orders.records[0]).toEqual({ customer_id: '00001', date: '1997-01-01', number_of_cds: '1', dollar_value: '11.77' });
    expect([orders.lineOf(0), orders.lineOf(69_658)]).toEqual([2, 69_660]);
  });

  test('the ledger of the records equals the ledger of the example reader', () => {
    const { customer, date, amount } = orders.columns;
    const read = ledger(orders.records, { fields: { customerId: customer, date, amount: amount ?? 'amount' } });
    const reference = ledger(readCdnow());
    expect([read.customerCount, read.orderCount, Array.from(read.minor)]).toEqual([reference.customerCount, reference.orderCount, Array.from(reference.minor)]);
  });
});
