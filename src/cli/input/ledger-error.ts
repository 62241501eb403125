/**
 * The core ledger's complaint about one record, told in the file's terms: its line and its column.
 *
 * @module
 */
import type { InvalidInputError } from '../../errors.ts';
import { CliInputError } from './cli-input-error.ts';
import type { ColumnChoice } from './column-choice.ts';
import { DATE_FIX } from './date-text.ts';
import type { OrdersFile } from './read-orders.ts';

/** The fix sentence for a value the ledger refused, by its field. */
const FIXES: Readonly<Record<string, string>> = {
  customerId: 'Every order needs a customer id (a string, or a whole number).',
  date: DATE_FIX,
  amount: 'Amounts must be plain decimal numbers such as 19.99 or -5, without a currency sign or thousands separators.',
  orderId: 'Order ids must be strings or whole numbers.',
};

/** The column of the file a ledger field was read from. */
const ROLES: Readonly<Record<string, keyof ColumnChoice>> = { customerId: 'customer', date: 'date', amount: 'amount', orderId: 'orderId' };

/**
 * An `InvalidInputError` of `ledger(orders.records, …)` as a {@link CliInputError} naming the line the
 * record starts on and the column the value came from. The reader itself checks the file, the columns
 * and the dates; ids and amounts are left to the ledger, and this names their line.
 *
 * @param orders - the file as read by `readOrders`
 * @param file - the file as the user named it
 * @param error - the ledger's error (its `index` is the record's position in `orders.records`)
 * @returns the error to report
 * @throws never
 *
 * @example
 * ```ts
 * import { ledger, InvalidInputError } from '../../index.ts';
 * import { fromLedgerError } from './ledger-error.ts';
 * import type { OrdersFile } from './read-orders.ts';
 * const orders: OrdersFile = {
 *   records: [{ customer_id: 'a', created_at: '2024-01-01', total: '12,50' }],
 *   columns: { customer: 'customer_id', date: 'created_at', amount: 'total', orderId: null },
 *   guessed: [], format: 'csv', fileColumns: ['customer_id', 'created_at', 'total'], position: 'line',
 *   lineOf: (index) => index + 2,
 * };
 * let message = '';
 * try {
 *   ledger(orders.records, { fields: { customerId: 'customer_id', date: 'created_at', amount: 'total' } });
 * } catch (error) {
 *   if (error instanceof InvalidInputError) message = fromLedgerError(orders, 'orders.csv', error).message;
 * }
 * message; // => 'orders.csv line 2: column "total": "12,50" is not a number (use "12.50"). Amounts must be plain decimal numbers such as 19.99 or -5, without a currency sign or thousands separators.'
 * ```
 */
export function fromLedgerError(orders: OrdersFile, file: string, error: InvalidInputError): CliInputError {
  const role = ROLES[error.field];
  const column = role === undefined ? null : orders.columns[role];
  const inRange = Number.isInteger(error.index) && error.index >= 0 && error.index < orders.records.length;
  return new CliInputError({
    file,
    ...(inRange ? { line: orders.lineOf(error.index) } : {}),
    ...(column === null ? {} : { column }),
    value: error.value,
    reason: column === null ? error.reason : `column ${JSON.stringify(column)}: ${error.reason}`,
    fix: FIXES[error.field] ?? 'Fix the value on that line.',
    position: orders.position,
  }, { cause: error });
}
