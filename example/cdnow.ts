// Reads the CDNOW transaction file that ships in data/cdnow (whitespace-separated, CRLF, header line).
// The library does no I/O; this reader belongs to the example and the tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TransactionRecord } from 'retention-metrics';

/** Path of the shipped CDNOW master file. */
export const CDNOW_MASTER = fileURLToPath(new URL('../data/cdnow/CDNOW_master.txt', import.meta.url));

/** One CDNOW transaction as records the library reads: ids as strings, dates as YYYY-MM-DD, dollars as strings. */
export function readCdnow(path: string = CDNOW_MASTER): TransactionRecord[] {
  const records: TransactionRecord[] = [];
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const fields = (lines[i] ?? '').trim().split(/\s+/);
    if (fields.length < 4) continue;
    const [id = '', date = '', , dollars = ''] = fields;
    records.push({ customerId: id, date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, amount: dollars });
  }
  return records;
}
