/**
 * What the commands share: writing an output file and saying so, and the opening line of a report.
 *
 * @module
 */
import { basename } from 'node:path';
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
 */
export async function writeOutput(io: CliIo, path: string, text: string, what: string): Promise<void> {
  await io.writeFile(path, text);
  io.stderr(`Wrote ${what} to ${path}\n`);
}

/**
 * The line that opens every printed report: the file, its size, the as-of day, time zone and period.
 *
 * @param loaded - the orders read
 * @returns e.g. `orders.csv: 69,659 records, 23,570 customers; as of 1998-06-30 (UTC), by month`
 */
export function reportTitle(loaded: LoadedOrders): string {
  const { settings, book } = loaded;
  return (
    `${basename(settings.path)}: ${formatCount(book.recordCount)} records, ${formatCount(book.customerCount)} customers; ` +
    `as of ${loaded.asOfDay} (${settings.timeZone}), by ${settings.period}`
  );
}
