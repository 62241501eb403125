/** Reads the CDNOW 1/10 sample fixture into transaction records keyed by sample id. Not a test file. */
import { readFileSync } from 'node:fs';
import type { TransactionRecord } from '../../src/input/types.ts';

/**
 * CDNOW_sample.txt (master id, sample id, YYYYMMDD, number of CDs, dollars; whitespace-separated,
 * CRLF) as records: customerId = the sample id (a number, 1…2357), date `YYYY-MM-DD`, amount the
 * dollar string as written.
 */
export function readCdnowSample(): TransactionRecord[] {
  const text = readFileSync(new URL('../fixtures/models/CDNOW_sample.txt', import.meta.url), 'utf8');
  const records: TransactionRecord[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const [, id = '', date = '', , dollars = ''] = f;
    records.push({ customerId: Number(id), date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, amount: dollars });
  }
  return records;
}
