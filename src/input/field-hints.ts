/**
 * Messages for the most common mistakes in records: a field under another name (`customer_id` for
 * `customerId`), a field map naming a column the record lacks, bigint values out of the exact range.
 *
 * @module
 * @internal
 */
import { describeValue } from '../errors.ts';
import { explainId } from './ids.ts';
import { MAX_EXACT_MINOR } from './money.ts';
import { closestName } from '../closest-name.ts';

/** What every record needs, by field. */
const NEEDS: Readonly<Record<string, string>> = { customerId: 'a customer id', date: 'a date', amount: 'an amount' };

/** How many of a record's keys a message lists. */
const LISTED_KEYS = 12;

/** The record's own keys, listed for a message (`customer_id, created_at, total`), or `undefined`. */
function keysOf(record: object): string[] | undefined {
  try {
    return Object.keys(record);
  } catch {
    return undefined;
  }
}

function listKeys(keys: readonly string[]): string {
  if (keys.length === 0) return 'it has no keys';
  const shown = keys.slice(0, LISTED_KEYS).map((k) => `\`${k}\``).join(', ');
  return `its keys are ${shown}${keys.length > LISTED_KEYS ? ` and ${keys.length - LISTED_KEYS} more` : ''}`;
}

/**
 * @internal Why a record has no value for a field, when the field is read by property name.
 *
 * @param record - the record
 * @param field - the library's name of the field (`customerId`, `date`, `amount`)
 * @param column - the property the field is read from (the field map's entry, or `field`)
 * @param mapped - whether `column` comes from the `fields` option
 * @param value - what was read (`undefined` or `null`)
 * @returns e.g. ``is missing: the record has no `customerId` (its keys are `customer_id`, …); map it with `fields: { customerId: 'customer_id' }` ``
 */
export function explainMissing(record: object, field: string, column: string, mapped: boolean, value: undefined | null): string {
  const keys = keysOf(record);
  if (keys === undefined) return `is missing (${String(value)})`;
  if (keys.includes(column)) return `is missing (${String(value)}); every record needs ${NEEDS[field] ?? `a ${field}`}`;
  const listed = listKeys(keys);
  if (mapped) {
    return `is missing: the record has no \`${column}\` (named by \`fields.${field}\`); ${listed}`;
  }
  const closest = closestName(field, keys) ?? closestName(column, keys);
  const hint = closest === undefined ? `map the right key with \`fields: { ${field}: '…' }\`` : `map it with \`fields: { ${field}: '${closest}' }\``;
  return `is missing: the record has no \`${column}\`; ${listed} — ${hint}`;
}

/** Largest integer a `bigint` id or amount may be, so that it converts to a number exactly. */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * @internal A `bigint` as the number it equals (`NaN` beyond ±(2^53 − 1), where numbers are no longer
 * exact); any other value as it is. Ids and minor units from BIGINT columns go through it.
 */
export function withoutBigint<T>(value: T | bigint): T | number {
  if (typeof value !== 'bigint') return value;
  return value <= MAX_EXACT && value >= -MAX_EXACT ? Number(value) : Number.NaN;
}

/** @internal Why a `bigint` could not be used as an id or an amount. */
export function explainBigint(value: bigint, what: string): string {
  return `${describeValue(value)} is beyond ±(2^53 − 1), where a number is no longer exact; pass such ${what} as strings (in SQL, cast to VARCHAR)`;
}

/** @internal Why a customer id was refused, `bigint`s out of the exact range included. */
export function explainIdValue(value: unknown): string {
  return typeof value === 'bigint' ? explainBigint(value, 'ids') : explainId(value);
}

/** @internal Why an order id was refused. */
export function explainOrderId(value: unknown): string {
  return explainIdValue(value).replace('a customer id', 'an order id');
}

/** @internal The reason given for the record whose amount takes the sum of absolute amounts past the exact range. */
export const OVER_TOTAL = `takes the sum of the absolute amounts beyond ${MAX_EXACT_MINOR} minor units, the limit of exact arithmetic (split the records into several ledgers)`;
