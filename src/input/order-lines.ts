/**
 * Order lines: records of one customer that share an order id are one order, and an order id belongs
 * to one customer.
 *
 * @module
 * @internal
 */
import { describeValue } from '../errors.ts';
import { numberIdColumn } from './id-column.ts';
import type { Problems, StagedEvents } from './staged-events.ts';
import { compareAttributeValues } from './attribute-dictionary.ts';

/**
 * @internal Merge non-negative events of one customer that share an order id into the first of them (amounts
 * summed, earliest time kept). Refunds keep their own event even when they name an order id, but the
 * id must be their customer's: an order id belongs to one customer, whichever record names it first.
 * The merged order takes the attributes of its earliest line (at one instant: of the largest amount;
 * lines equal in both: for each attribute the first value, missing first, then in code-unit order), so
 * the order of the lines never decides them.
 *
 * @param staged - the staged events (their `time` and `minor` are written where lines merge)
 * @param problems - where a refused order id is reported
 * @returns the mask of events merged away or refused (1), or `null` when there is none
 */
export function mergeOrderLines(staged: StagedEvents, problems: Problems): Uint8Array | null {
  const { orderId, n, account, minor, time, index, ids } = staged;
  if (orderId === null) return null;
  const dead = new Uint8Array(n);
  const orders = numberIdColumn(orderId, n);
  // Per order id: the first record of any kind naming it (its owner), and its first order.
  const owner = new Int32Array(orders.count).fill(-1);
  const firstOrder = new Int32Array(orders.count).fill(-1);
  // The instant and amount of the line each merged order takes its attributes from.
  const lead = staged.attributes.length === 0 ? null : { time: new Float64Array(orders.count), minor: new Float64Array(orders.count) };
  let changed = false;
  for (let i = 0; i < n; i++) {
    const id = orderId[i];
    if (id === undefined) continue;
    const order = orders.numbers[i];
    const first = owner[order];
    if (first < 0) owner[order] = i;
    else if (account[first] !== account[i]) {
      problems.report(
        index?.[i] ?? i,
        'orderId',
        id,
        `${describeValue(id)} already belongs to customer ${describeValue(ids[account[first]])} (${problems.source}[${index?.[first] ?? first}]); ` +
          'an order id must not be shared between customers',
      );
      dead[i] = 1;
      changed = true;
      continue;
    }
    if (minor[i] < 0) continue;
    const kept = firstOrder[order];
    if (kept < 0) {
      firstOrder[order] = i;
      if (lead !== null) {
        lead.time[order] = time[i];
        lead.minor[order] = minor[i];
      }
      continue;
    }
    if (lead !== null) takeAttributes(staged, lead, order, kept, i);
    minor[kept] += minor[i];
    time[kept] = Math.min(time[kept], time[i]);
    dead[i] = 1;
    changed = true;
  }
  return changed ? dead : null;
}

/** Give order `order` (kept as event `kept`) the attributes of line `line` where that line leads. */
function takeAttributes(staged: StagedEvents, lead: { time: Float64Array; minor: Float64Array }, order: number, kept: number, line: number): void {
  const { time, minor } = staged;
  const earlier = time[line] < lead.time[order] || (time[line] === lead.time[order] && minor[line] > lead.minor[order]);
  const tied = time[line] === lead.time[order] && minor[line] === lead.minor[order];
  if (!earlier && !tied) return;
  if (earlier) {
    lead.time[order] = time[line];
    lead.minor[order] = minor[line];
  }
  for (const { column } of staged.attributes) {
    const { codes, values } = column;
    if (earlier || compareAttributeValues(values[codes[line]], values[codes[kept]]) < 0) codes[kept] = codes[line];
  }
}
