// Reads the synthetic billing history that ships in data/subscriptions (CSV with a header line, LF line
// ends, no quoted fields). The library does no I/O; this reader belongs to the examples and the tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BillingInterval, SubscriptionInterval } from 'retention-metrics';

/** Path of the shipped file of priced intervals. */
export const SUBSCRIPTION_INTERVALS = fileURLToPath(new URL('../data/subscriptions/intervals.csv', import.meta.url));

/** The columns the file must have, in this order. */
const HEADER = 'customer_id,subscription_id,start,end,amount,interval_months,quantity,plan';

/** A billing interval of `months` months, as the library names it. */
function billingInterval(months: number): BillingInterval {
  if (months === 1) return 'month';
  if (months === 12) return 'year';
  return { months };
}

/**
 * The priced intervals of the file, in file order: instants and amounts kept as the strings the file
 * holds (the library reads them), an empty `end` as `null` (still running).
 *
 * @param path - a CSV with the columns of {@link HEADER}
 * @returns one record per line after the header
 * @throws Error when the header differs or a line has another number of fields
 */
export function readSubscriptionIntervals(path: string = SUBSCRIPTION_INTERVALS): SubscriptionInterval[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines[0] !== HEADER) throw new Error(`${path}: the header is not ${HEADER}`);
  const records: SubscriptionInterval[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const fields = line.split(',');
    if (fields.length !== 8) throw new Error(`${path}:${i + 1}: ${fields.length} fields, expected 8`);
    const [customerId = '', subscriptionId = '', start = '', end = '', amount = '', months = '', quantity = '', plan = ''] = fields;
    records.push({
      customerId,
      subscriptionId,
      start,
      end: end === '' ? null : end,
      amount,
      interval: billingInterval(Number(months)),
      quantity: Number(quantity),
      plan,
    });
  }
  return records;
}
