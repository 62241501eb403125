/**
 * What the commands share: writing an output file and saying so, and the opening line of a report.
 *
 * @module
 */
import { basename } from 'node:path';
import { CliDataError } from '../errors.ts';
import { formatCount } from '../format.ts';
import type { CliIo } from '../io.ts';
import type { LoadedOrders } from '../load-orders.ts';

/**
 * Writes an output file and notes it on standard error.
 *
 * @param io - the program's channels
 * @param path - where to write
 * @param text - the file's text
 * @param what - what the file is, e.g. `HTML report`
 * @example
 * ```ts
 * import { writeOutput } from './shared.ts';
 * const files = new Map<string, string>();
 * let note = '';
 * const io = { stdout: () => undefined, stderr: (t: string) => { note += t; }, stderrIsTTY: false, readStdin: async () => '',
 *   readFile: async () => '', writeFile: async (p: string, t: string) => { files.set(p, t); }, now: () => 0 };
 * await writeOutput(io, 'out.csv', 'a\n', 'the table');
 * note; // => 'Wrote the table to out.csv\n'
 * ```
 */
export async function writeOutput(io: CliIo, path: string, text: string, what: string): Promise<void> {
  try {
    await io.writeFile(path, text);
  } catch (error) {
    throw new CliDataError(`${path}: cannot be written (${error instanceof Error ? error.message : String(error)}).`);
  }
  io.stderr(`Wrote ${what} to ${path}\n`);
}

/**
 * The line that opens every printed report: the file, its size, the as-of day, time zone and period.
 *
 * @param loaded - the orders read
 * @returns e.g. `orders.csv: 69,659 records, 23,570 customers; as of 1998-06-30 (UTC), by month`
 * @example
 * ```ts
 * import { ledger } from '../../index.ts';
 * import { reportTitle } from './shared.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '1' }]);
 * const settings = { path: 'x/orders.csv', columns: {}, timeZone: 'UTC', period: 'month' as const, asOfDay: null, delimiter: null, format: null };
 * const file = { records: [], columns: { customer: 'c', date: 'd', amount: null, orderId: null }, guessed: [], format: 'csv' as const, fileColumns: [], position: 'line' as const, lineOf: (i: number) => i + 2 };
 * reportTitle({ settings, file, book, asOfDay: '2024-01-01', asOf: '2024-01-01T23:59:59.999' }); // => 'orders.csv: 1 records, 1 customers; as of 2024-01-01 (UTC), by month'
 * ```
 */
export function reportTitle(loaded: LoadedOrders): string {
  const { settings, book } = loaded;
  return (
    `${basename(settings.path)}: ${formatCount(book.recordCount)} records, ${formatCount(book.customerCount)} customers; ` +
    `as of ${loaded.asOfDay} (${settings.timeZone}), by ${settings.period}`
  );
}
