/**
 * Priced intervals read from subscription events: each subscription's events in time order, a price
 * running from a `'started'` or `'changed'` to the next `'changed'` or `'ended'`.
 *
 * @module
 * @internal
 */
import { describeValue } from '../errors.ts';
import { explainDate, toEpochMs } from '../input/dates.ts';
import type { Problems } from '../input/staged-events.ts';
import type { CustomerId } from '../input/types.ts';
import type { StagedInterval } from './revenue-book.ts';
import { type Price, type ReadCalendar, readCustomer, readPrice, readSubscriptionId } from './revenue-fields.ts';
import type { SubscriptionEvent } from './revenue-types.ts';

/** An event as read. */
interface ReadEvent {
  readonly index: number;
  readonly customerId: CustomerId;
  readonly subscriptionId: string | number;
  readonly type: SubscriptionEvent['type'];
  readonly at: number;
  /** `null` for `'ended'`. */
  readonly price: Price | null;
}

const TYPES: readonly unknown[] = ['started', 'changed', 'ended'];

/**
 * @internal Read subscription events into priced intervals.
 *
 * @param events - the events
 * @param calendar - the zone of date-only strings, the currency and its digits
 * @param problems - where unreadable events, and events out of a subscription's order, are reported
 * @returns the intervals
 */
export function readEvents(events: readonly unknown[], calendar: ReadCalendar, problems: Problems): StagedInterval[] {
  const bySubscription = new Map<string | number, ReadEvent[]>();
  events.forEach((event, index) => {
    const read = readEvent(event, index, calendar, problems);
    if (read === null) return;
    const list = bySubscription.get(read.subscriptionId);
    if (list === undefined) bySubscription.set(read.subscriptionId, [read]);
    else list.push(read);
  });
  const staged: StagedInterval[] = [];
  for (const list of bySubscription.values()) {
    for (const interval of subscriptionIntervals(list.sort((a, b) => a.at - b.at || a.index - b.index), problems)) staged.push(interval);
  }
  return staged;
}

function readEvent(event: unknown, index: number, calendar: ReadCalendar, problems: Problems): ReadEvent | null {
  if (typeof event !== 'object' || event === null) {
    problems.report(index, 'record', event, 'is not a subscription event object');
    return null;
  }
  const e = event as Partial<SubscriptionEvent>;
  const customerId = readCustomer(e.customerId, index, problems);
  if (customerId === null) return null;
  const subscriptionId = readSubscriptionId(e.subscriptionId, index, problems);
  if (subscriptionId === undefined) return null;
  if (subscriptionId === null) {
    problems.report(index, 'subscriptionId', e.subscriptionId, 'is missing: every event names its subscription');
    return null;
  }
  if (!TYPES.includes(e.type)) {
    problems.report(index, 'type', e.type, `${describeValue(e.type)} is not an event type: use 'started', 'changed' or 'ended'`);
    return null;
  }
  const type = e.type as SubscriptionEvent['type'];
  const at = toEpochMs(e.at, calendar.timeZone);
  if (Number.isNaN(at)) {
    problems.report(index, 'at', e.at, explainDate(e.at));
    return null;
  }
  if (type === 'ended') return { index, customerId, subscriptionId, type, at, price: null };
  const price = readPrice(e, index, calendar, problems);
  return price === null ? null : { index, customerId, subscriptionId, type, at, price };
}

/** One subscription's intervals from its events in time order; an event out of order is reported and left out. */
function subscriptionIntervals(events: readonly ReadEvent[], problems: Problems): StagedInterval[] {
  const intervals: StagedInterval[] = [];
  let open: ReadEvent | null = null;
  let previous: ReadEvent | null = null;
  const close = (at: number): void => {
    if (open === null || open.price === null) return;
    intervals.push({ index: open.index, customerId: open.customerId, subscriptionId: open.subscriptionId, start: open.at, end: at, ...open.price });
  };
  for (const event of events) {
    const owner = events[0]?.customerId;
    const id = describeValue(event.subscriptionId);
    if (event.customerId !== owner) {
      problems.report(event.index, 'customerId', event.customerId, `subscription ${id} is customer ${describeValue(owner)}'s in an earlier event`);
    } else if (previous !== null && previous.at === event.at) {
      problems.report(event.index, 'at', new Date(event.at), `subscription ${id} has another event at this instant (records[${previous.index}]): their order is unknown`);
    } else if (event.type === 'started' && open !== null) {
      problems.report(event.index, 'type', event.type, `subscription ${id} started again while it runs (since records[${open.index}]); a new price is 'changed'`);
    } else if (event.type !== 'started' && open === null) {
      problems.report(event.index, 'type', event.type, `subscription ${id} is not running here: it has not started${previous === null ? '' : ' again'}`);
    } else {
      close(event.at);
      open = event.type === 'ended' ? null : event;
      previous = event;
    }
  }
  close(Number.POSITIVE_INFINITY);
  return intervals;
}
