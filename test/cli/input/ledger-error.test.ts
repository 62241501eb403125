import { describe, expect, test } from 'vitest';
import { fromLedgerError, readOrders } from '../../../src/cli/input/read-orders.ts';
import { InvalidInputError, ledger } from '../../../src/index.ts';
import { fileWith } from './files.ts';

/** The ledger's error for the records of `text`, told in the file's terms. */
async function ledgerMessage(text: string): Promise<string> {
  const path = fileWith('orders.csv', text);
  const orders = await readOrders(path);
  const { customer, date, amount } = orders.columns;
  try {
    ledger(orders.records, { fields: { customerId: customer, date, amount: amount ?? 'amount' } });
  } catch (error) {
    if (error instanceof InvalidInputError) return fromLedgerError(orders, path, error).message;
    throw error;
  }
  throw new Error('expected the ledger to refuse a record');
}

describe('the ledger refusing a record', () => {
  test('an amount the ledger refuses is named by its line, after a quoted line break', async () => {
    const message = await ledgerMessage('customer_id,created_at,total\n"a\nb",2024-01-01,1.00\nc,2024-01-02,"1,234.50"\n');
    expect(message).toBe('orders.csv line 4: column "total": "1,234.50" is not a number (remove the thousands separators: "1234.50"). Amounts must be plain decimal numbers such as 19.99 or -5, without a currency sign or thousands separators.');
  });

  test('a negative zero amount is named by its line and column', async () => {
    const message = await ledgerMessage('customer_id,created_at,total\na,2024-01-01,1.00\nb,2024-01-02,-0.00\n');
    expect(message).toMatch(/^orders\.csv line 3: column "total": /);
  });
});
