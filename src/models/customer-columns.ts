/**
 * The customer histories the scoring, CLV and P(alive) functions read: one `{ x, tx, T, zbar? }`, or
 * columns of them; checked to be objects of possible histories before a model sees them.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import type { CustomerId } from '../input/types.ts';
import { columnsLength, refuseNearMisses } from './columns.ts';
import { checkArg } from './params.ts';
import { checkCustomer, isPossibleHistory } from './saved.ts';
import { summaryUnitDays } from './time-unit.ts';
import type { FrequencySummary } from './summary.ts';

/** One customer's history in the model's time unit (`zbar` = mean repeat value, major units). */
export interface CustomerHistory {
  /** Repeat transactions (an integer in [0, 1,000,000]). */
  readonly x: number;
  /** Recency. */
  readonly tx: number;
  /** Age. */
  readonly T: number;
  /** Mean value of the repeat transactions (needed for a spend prediction when x > 0). */
  readonly zbar?: number;
}

/** Columns of customers: an `RfmSummary`, or any `{ x, tx, T }` (with `ids`, `zbar` where needed). */
export interface CustomerColumns extends Omit<FrequencySummary, 'weight'> {
  /** Customer ids (default: row numbers). */
  readonly ids?: readonly CustomerId[];
  /** Mean repeat value (major units). */
  readonly zbar?: ArrayLike<number>;
}

const HISTORY_KEYS = ['x', 'tx', 'T', 'zbar'];
const COLUMNS = { required: ['x', 'tx', 'T'], optional: ['ids', 'zbar'], scalars: ['unitDays'] };

/**
 * Check one history (and its `zbar` when a spend model will read it).
 *
 * @param customer - what the caller passed
 * @param name - how it is named in messages
 * @param needZbar - whether a spend model will read `zbar`
 * @returns the history with `zbar` filled in (0 when absent)
 * @throws {@link InvalidOptionError} for a non-object, a near-miss key, an impossible history, or a
 *   missing or negative `zbar` when it is needed
 * @internal
 */
export function readHistory(customer: unknown, name: string, needZbar: boolean): Required<CustomerHistory> {
  if (typeof customer !== 'object' || customer === null) throw new InvalidOptionError(name, customer, `${describeValue(customer)} is not a history { x, tx, T, zbar? }`);
  refuseNearMisses(customer, HISTORY_KEYS, (key, value, reason) => {
    throw new InvalidOptionError(`${name}.${key}`, value, reason);
  });
  const { x, tx, T, zbar } = customer as CustomerHistory;
  checkCustomer(x, tx, T, `${name}.`);
  if (needZbar && x > 0) {
    if (zbar === undefined) throw new InvalidOptionError(`${name}.zbar`, undefined, 'is required with a spend model when x > 0');
    checkArg(`${name}.zbar`, zbar, 0);
  }
  return { x, tx, T, zbar: zbar ?? 0 };
}

/**
 * Check columns of histories: an object of array-likes of one length, `zbar` when needed, and
 * `unitDays` when given.
 *
 * @param summary - what the caller passed
 * @param needZbar - whether a spend model will read `zbar`
 * @returns the number of rows
 * @throws {@link InvalidOptionError} (named `summary.…`) otherwise
 * @internal
 */
export function checkColumns(summary: unknown, needZbar: boolean): number {
  const n = columnsLength(summary, COLUMNS, (column, value, reason) => {
    throw new InvalidOptionError(column === '' ? 'summary' : `summary.${column}`, value, reason);
  });
  const columns = summary as CustomerColumns;
  if (needZbar && columns.zbar === undefined) throw new InvalidOptionError('summary.zbar', undefined, 'is required with a spend model');
  summaryUnitDays(columns.unitDays);
  return n;
}

/**
 * Check row `i` of checked columns as a history (without allocating: it runs once per customer).
 *
 * @param summary - columns checked by {@link checkColumns}
 * @param i - the row
 * @param needZbar - whether a spend model will read `zbar`
 * @throws {@link InvalidOptionError} naming the row (`summary[i].x`) for an impossible history
 * @internal
 */
export function checkRow(summary: CustomerColumns, i: number, needZbar: boolean): void {
  const x = summary.x[i];
  const tx = summary.tx[i];
  const T = summary.T[i];
  if (!isPossibleHistory(x, tx, T)) checkCustomer(x as number, tx as number, T as number, `summary[${i}].`);
  if (needZbar && (x as number) > 0) {
    const zbar = summary.zbar?.[i];
    if (!(typeof zbar === 'number' && zbar >= 0 && zbar < Number.POSITIVE_INFINITY)) checkArg(`summary[${i}].zbar`, zbar as number, 0);
  }
}

/**
 * Row `i` of checked columns, itself checked as a history.
 *
 * @param summary - columns checked by {@link checkColumns}
 * @param i - the row
 * @param needZbar - whether a spend model will read `zbar`
 * @returns the history with `zbar` filled in (0 when absent)
 * @throws {@link InvalidOptionError} naming the row (`summary[i].x`) for an impossible history
 * @internal
 */
export function historyAt(summary: CustomerColumns, i: number, needZbar: boolean): Required<CustomerHistory> {
  checkRow(summary, i, needZbar);
  // zbar is a real gap: the column is optional, and an entry no spend model reads (x = 0) is not
  // checked; either reads as 0
  const zbar = summary.zbar === undefined ? undefined : summary.zbar[i];
  return { x: summary.x[i] as number, tx: summary.tx[i] as number, T: summary.T[i] as number, zbar: zbar === undefined ? 0 : zbar };
}
