/**
 * The local calendar day of a ledger's last event: the default last day a report observes.
 *
 * @module
 */
import { dayNumber } from '../calendar/days.ts';
import type { Ledger } from '../index.ts';
import { isoDay } from '../models/time-unit.ts';
import { CliDataError } from './errors.ts';

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in a time zone.
 *
 * @param epochMs - the instant, in milliseconds since 1970-01-01T00:00Z
 * @param timeZone - an IANA time zone
 * @returns the local day
 * @example
 * ```ts
 * import { localDay } from './local-day.ts';
 * localDay(Date.UTC(1998, 5, 30, 23, 0), 'Europe/Berlin'); // => '1998-07-01'
 * ```
 */
export function localDay(epochMs: number, timeZone: string): string {
  return isoDay(dayNumber(epochMs, timeZone));
}

/**
 * The local day of a ledger's last event.
 *
 * @param book - the ledger
 * @param timeZone - the report's time zone
 * @returns the day, `YYYY-MM-DD`
 * @throws {@link CliDataError} when the ledger has no events
 * @example
 * ```ts
 * import { ledger } from '../index.ts';
 * import { lastLocalDay } from './local-day.ts';
 * lastLocalDay(ledger([{ customerId: 'a', date: '2024-03-15T23:30:00Z', amount: '1' }]), 'Europe/Berlin'); // => '2024-03-16'
 * ```
 */
export function lastLocalDay(book: Ledger, timeZone: string): string {
  if (book.maxTime === null) throw new CliDataError('The file has no orders: there is nothing to report.');
  return localDay(book.maxTime, timeZone);
}

/**
 * The calendar day after a day.
 *
 * @param day - `YYYY-MM-DD`
 * @returns the next day, `YYYY-MM-DD`
 * @example
 * ```ts
 * import { nextDay } from './local-day.ts';
 * nextDay('2024-02-28'); // => '2024-02-29'
 * nextDay('2024-12-31'); // => '2025-01-01'
 * ```
 */
export function nextDay(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
