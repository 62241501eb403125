/**
 * Dates as files write them, into the forms the core `ledger` reads.
 *
 * The ledger reads ISO 8601 dates and date-times (also with a space for the `T`, a fraction, `Z` or an
 * offset). Files often hold two forms it refuses that are still unambiguous: compact `YYYYMMDD` (the
 * CDNOW file) and a date-time followed by ` UTC` (a common warehouse export). Those are rewritten; every
 * other string is checked with the ledger's own reader, so the reader refuses exactly what the ledger
 * would. Day-first or month-first forms (`06/30/2024`) are refused: which one a file means cannot be
 * told from one value.
 *
 * @module
 */
import { toEpochMs } from '../../input/dates.ts';

/** The sentence that says which dates are read. */
export const DATE_FIX = 'Dates must be ISO 8601 (2024-06-30 or 2024-06-30T14:05:00Z) or YYYYMMDD.';

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = /^(\d{4})\/(\d{2})\/(\d{2})(.*)$/;
const UTC_SUFFIX = /^(.*\d)\s*UTC$/i;

/**
 * A date string as the ledger reads it, or `undefined` when it is not a date.
 *
 * `YYYYMMDD` becomes `YYYY-MM-DD`, `YYYY/MM/DD…` becomes `YYYY-MM-DD…`, a trailing ` UTC` becomes `Z`;
 * surrounding white space is dropped; whatever the result, it must be a date the ledger reads (a real
 * calendar day in years 0001–9999).
 *
 * @param text - the value as the file holds it
 * @returns the value to hand the ledger, or `undefined`
 * @throws never
 *
 * @example
 * ```ts
 * import { normalizeDateText } from './date-text.ts';
 * normalizeDateText('19970101'); // => '1997-01-01'
 * normalizeDateText('2024-06-30 14:05:00 UTC'); // => '2024-06-30 14:05:00Z'
 * normalizeDateText('2024-06-30T14:05:00+02:00'); // => '2024-06-30T14:05:00+02:00'
 * normalizeDateText('2024-13-45'); // => undefined
 * normalizeDateText('06/30/2024'); // => undefined
 * ```
 */
export function normalizeDateText(text: string): string | undefined {
  let value = text.trim();
  const compact = COMPACT.exec(value);
  if (compact !== null) value = `${compact[1]}-${compact[2]}-${compact[3]}`;
  else {
    const slashed = SLASHED.exec(value);
    if (slashed !== null) value = `${slashed[1]}-${slashed[2]}-${slashed[3]}${slashed[4]}`;
    const utc = UTC_SUFFIX.exec(value);
    if (utc !== null && utc[1] !== undefined && utc[1].length > 10) value = `${utc[1]}Z`;
  }
  // The zone does not decide whether a string is a date: UTC checks it without a zone lookup.
  return Number.isNaN(toEpochMs(value, 'UTC')) ? undefined : value;
}
