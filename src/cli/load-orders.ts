/**
 * Reads an orders file into a ledger: the file reader, then the library's `ledger` with the columns
 * the reader chose, with the progress line and the note on guessed columns on standard error.
 *
 * @module
 */
import { basename } from 'node:path';
import { InvalidInputError, type Ledger, ledger } from '../index.ts';
import { printable } from './format.ts';
import type { InputSettings } from './input-flags.ts';
import { fromLedgerError } from './input/ledger-error.ts';
import { COLUMN_FLAGS, COLUMN_ROLE_NAMES } from './input/column-choice.ts';
import { type OrdersFile, readOrders } from './input/read-orders.ts';
import type { CliIo } from './io.ts';
import { lastLocalDay } from './local-day.ts';
import { progressLine } from './progress.ts';

/** An orders file read and booked. */
export interface LoadedOrders {
  /** The settings it was read with. */
  readonly settings: InputSettings;
  /** The file as read (records, columns, line numbers). */
  readonly file: OrdersFile;
  /** The ledger of its records. */
  readonly book: Ledger;
  /** The last day observed, `YYYY-MM-DD` (the flag's, or the local day of the last order). */
  readonly asOfDay: string;
  /** The as-of instant passed to the reports: the end of `asOfDay` as wall-clock time in the time zone. */
  readonly asOf: string;
}


/**
 * The note on the columns the reader guessed, e.g.
 * `Columns guessed: customer = customer_id, date = date, amount = dollar_value (name others with --customer, …)`.
 *
 * @param file - the file as read
 * @returns the note, or `null` when no column was guessed
 * @example
 * ```ts
 * import { guessedColumnsNote } from './load-orders.ts';
 * const file = { columns: { customer: 'id', date: 'day', amount: null, orderId: null }, guessed: ['customer' as const] };
 * guessedColumnsNote(file); // => 'Columns guessed: customer = id (name another with --customer).'
 * ```
 */
export function guessedColumnsNote(file: Pick<OrdersFile, 'columns' | 'guessed'>): string | null {
  const guessed = file.guessed.filter((role) => file.columns[role] !== null);
  if (guessed.length === 0) return null;
  const parts = guessed.map((role) => `${COLUMN_ROLE_NAMES[role]} = ${printable(String(file.columns[role]))}`);
  const flags = guessed.map((role) => COLUMN_FLAGS[role]).join(', ');
  return `Columns guessed: ${parts.join(', ')} (name ${guessed.length === 1 ? 'another' : 'others'} with ${flags}).`;
}

/**
 * Reads the orders file of a command and books it.
 *
 * @param settings - the input flags' settings
 * @param io - the program's channels (progress and notes go to standard error)
 * @returns the file, its ledger and the as-of day
 * @throws CliInputError for an unreadable file or a record the ledger refuses (named by its line and
 *   column); `CliDataError` for a file without orders
 * @example
 * ```ts
 * import { loadOrders } from './load-orders.ts';
 * const io = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, readStdin: async () => '',
 *   readFile: async () => '', writeFile: async () => undefined, now: () => 0 };
 * const settings = { path: 'data/cdnow/CDNOW_master.txt', columns: {}, timeZone: 'UTC', period: 'month' as const, asOfDay: null, delimiter: null, format: null };
 * const loaded = await loadOrders(settings, io);
 * loaded.book.customerCount; // => 23570
 * loaded.asOf; // => '1998-06-30T23:59:59.999'
 * ```
 */
export async function loadOrders(settings: InputSettings, io: CliIo): Promise<LoadedOrders> {
  const progress = progressLine(io, printable(basename(settings.path)));
  let file: OrdersFile;
  try {
    file = await readOrders(settings.path, {
      columns: settings.columns,
      ...(settings.format === null ? {} : { format: settings.format }),
      ...(settings.delimiter === null ? {} : { delimiter: settings.delimiter }),
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  const note = guessedColumnsNote(file);
  if (note !== null) io.stderr(`${note}\n`);
  const { customer, date, amount, orderId } = file.columns;
  if (amount === null) io.stderr('No amount column: every order counts with amount 0 (name one with --amount).\n');
  let book: Ledger;
  try {
    book = ledger(file.records, {
      fields: {
        customerId: customer,
        date,
        amount: amount ?? (() => 0),
        orderId: orderId ?? (() => undefined),
        currency: () => undefined,
      },
      timeZone: settings.timeZone,
    });
  } catch (error) {
    if (error instanceof InvalidInputError) throw fromLedgerError(file, settings.path, error);
    throw error;
  }
  const asOfDay = settings.asOfDay ?? lastLocalDay(book, settings.timeZone);
  return { settings, file, book, asOfDay, asOf: `${asOfDay}T23:59:59.999` };
}
