/**
 * Priced intervals read from records (subscriptions with one price, or one record per price or
 * invoice line).
 *
 * @module
 * @internal
 */
import { explainDate, toEpochMs } from '../input/dates.ts';
import type { Problems } from '../input/staged-events.ts';
import type { StagedInterval } from './revenue-book.ts';
import { type ReadCalendar, readCustomer, readPrice, readSubscriptionId } from './revenue-fields.ts';
import type { SubscriptionInterval } from './revenue-types.ts';

/**
 * @internal Read interval records.
 *
 * @param records - the records
 * @param calendar - the zone of date-only strings, the currency and its digits
 * @param problems - where unreadable records are reported
 * @returns the intervals read
 */
export function readIntervals(records: readonly unknown[], calendar: ReadCalendar, problems: Problems): StagedInterval[] {
  const staged: StagedInterval[] = [];
  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null) return problems.report(index, 'record', record, 'is not a subscription interval object');
    const r = record as Partial<SubscriptionInterval>;
    const customerId = readCustomer(r.customerId, index, problems);
    if (customerId === null) return;
    const subscriptionId = readSubscriptionId(r.subscriptionId, index, problems);
    if (subscriptionId === undefined) return;
    const start = toEpochMs(r.start, calendar.timeZone);
    if (Number.isNaN(start)) return problems.report(index, 'start', r.start, explainDate(r.start));
    const open = r.end === undefined || r.end === null;
    const end = open ? Number.POSITIVE_INFINITY : toEpochMs(r.end, calendar.timeZone);
    if (Number.isNaN(end)) return problems.report(index, 'end', r.end, explainDate(r.end));
    if (end <= start) return problems.report(index, 'end', r.end, 'is not after the start: an interval ends after it starts');
    const price = readPrice(r, index, calendar, problems);
    if (price === null) return;
    staged.push({ index, customerId, subscriptionId, start, end, ...price });
  });
  return staged;
}
