/**
 * One customer's history read straight into sorted instants and amounts, for `tierFor` at checkout:
 * a handful of events need no id table and no store-wide ledger, only the ledger's rules for one
 * customer — each event read exactly, order lines sharing an `orderId` merged (amounts summed, the
 * earliest instant kept), refunds kept apart, events sorted by instant and, at one instant, by amount,
 * largest first.
 *
 * @module
 * @internal
 */
import { InvalidInputError } from '../errors.ts';
import { explainAmount } from '../input/amount-messages.ts';
import { explainDate, toEpochMs } from '../input/dates.ts';
import { OVER_TOTAL, explainOrderId, withoutBigint } from '../input/field-hints.ts';
import { isCustomerId } from '../input/ids.ts';
import { MAX_EXACT_MINOR, toMinorUnits } from '../input/money.ts';
import type { ResolvedLedgerOptions } from '../input/options.ts';

/** A customer's events: instants (epoch ms) and amounts (minor units), sorted as a ledger sorts them. */
export interface HistoryColumns {
  readonly time: Float64Array;
  readonly minor: Float64Array;
}

interface HistoryEventInput {
  readonly date?: unknown;
  readonly amount?: unknown;
  readonly orderId?: unknown;
}

/**
 * @internal Read one customer's events with the ledger's rules.
 *
 * @param history - the events, in any order
 * @param options - the resolved ledger options (zone, digits, rounding, time unit, skip)
 * @returns the events' instants and amounts, sorted
 * @throws {@link InvalidInputError} for the first unreadable event (`history[i].field`), unless skipping
 */
export function readHistory(history: Iterable<HistoryEventInput>, options: ResolvedLedgerOptions): HistoryColumns {
  const { timeZone, currencyDigits, rounding, timeUnit, skip } = options;
  const events: { time: number; minor: number; order: string | number | undefined }[] = [];
  let absTotal = 0;
  let i = -1;
  const problem = (field: InvalidInputError['field'], value: unknown, reason: string): void => {
    if (!skip) throw new InvalidInputError(i, field, value, reason, 'history');
  };
  for (const event of history) {
    i++;
    if (typeof event !== 'object' || event === null) {
      problem('record', event, `${event === null ? 'null' : `a ${typeof event}`} is not an event object`);
      continue;
    }
    const time = toEpochMs(event.date, timeZone, timeUnit);
    if (Number.isNaN(time)) {
      problem('date', event.date, explainDate(event.date, timeUnit));
      continue;
    }
    const minor = toMinorUnits(event.amount, currencyDigits, rounding);
    if (Number.isNaN(minor)) {
      problem('amount', event.amount, explainAmount(event.amount, currencyDigits, rounding));
      continue;
    }
    if (absTotal + Math.abs(minor) > MAX_EXACT_MINOR) {
      problem('amount', event.amount, OVER_TOTAL);
      continue;
    }
    const value = withoutBigint(event.orderId);
    if (value !== undefined && value !== null && !isCustomerId(value)) {
      problem('orderId', event.orderId, explainOrderId(event.orderId));
      continue;
    }
    absTotal += Math.abs(minor);
    events.push({ time, minor, order: minor < 0 || value === null ? undefined : value });
  }
  return sortedColumns(mergeOrderLines(events));
}

/** Histories up to this many events find an order's first line by a scan; longer ones through a `Map`. */
const SCAN_LIMIT = 32;

/** Orders sharing an order id become the first of them, with the amounts summed and the earliest instant. */
function mergeOrderLines<E extends { time: number; minor: number; order: string | number | undefined }>(events: E[]): E[] {
  if (events.every((e) => e.order === undefined)) return events;
  // A type-tagged string key: `1` and `"1"` are different orders, as in a ledger (`===` tells them
  // apart in the scan).
  const byKey = events.length > SCAN_LIMIT ? new Map<string, E>() : null;
  const kept: E[] = [];
  for (const event of events) {
    const order = event.order;
    if (order === undefined) {
      kept.push(event);
      continue;
    }
    const key = byKey === null ? '' : `${typeof order === 'number' ? 'n' : 's'}${order}`;
    const line = byKey === null ? kept.find((e) => e.order === order) : byKey.get(key);
    if (line === undefined) {
      byKey?.set(key, event);
      kept.push(event);
    } else {
      line.minor += event.minor;
      line.time = Math.min(line.time, event.time);
    }
  }
  return kept;
}

function sortedColumns(events: { time: number; minor: number }[]): HistoryColumns {
  events.sort(byTimeThenAmount);
  const time = new Float64Array(events.length);
  const minor = new Float64Array(events.length);
  for (let k = 0; k < events.length; k++) {
    time[k] = events[k].time;
    minor[k] = events[k].minor;
  }
  return { time, minor };
}

/** By instant, and at one instant by amount, largest first (an order before a refund), as a ledger sorts. */
function byTimeThenAmount(x: { time: number; minor: number }, y: { time: number; minor: number }): number {
  return x.time - y.time || y.minor - x.minor;
}
