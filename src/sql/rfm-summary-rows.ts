/**
 * `rfmSummaryFromRows`: the rows of a `modelSummary` query finished into the {@link RfmSummary} that
 * `rfmSummary` gives for the same events, ready for the model fits.
 *
 * @module
 */
import { InvalidInputError } from '../errors.ts';
import { compareIds } from '../input/account-order.ts';
import { assertCurrencyDigits } from '../input/money.ts';
import type { CustomerId } from '../input/types.ts';
import { assertSummarySpan, finishRfmSummary } from '../models/rfm-summary-columns.ts';
import type { RfmSummary } from '../models/rfm-summary-types.ts';
import { type ModelTimeUnit, unitDays } from '../models/time-unit.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { MODEL_CALENDAR_KEYS, type SqlModelCalendar, resolveModelCalendar } from './model-summary.ts';
import { customerIdField, integerField } from './result-values.ts';
import { type QueryResult, resultTable } from './result-rows.ts';
import { SOURCE_KEYS } from './source.ts';

/** Options of {@link rfmSummaryFromRows}: the query's calendar and digits, and the summary's unit. */
export interface RfmSummaryFromRowsOptions extends SqlModelCalendar {
  /** Time unit of `tx` and `T`: `'day'` (default), `'week'` or `{ days: n }`, as `rfmSummary`'s. */
  unit?: ModelTimeUnit;
  /** Decimal digits of the currency's minor unit (default 2): the same as the query's. */
  currencyDigits?: number;
}

const KEYS = [...SOURCE_KEYS, ...MODEL_CALENDAR_KEYS, ...optionKeys<Pick<RfmSummaryFromRowsOptions, 'unit'>>({ unit: true })];

/** A customer row of the query, read. */
interface CustomerDays {
  readonly id: CustomerId;
  readonly firstEvent: number;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly x: number;
  readonly repeatMinor: number;
  readonly holdout: number;
}

/**
 * Finish the rows of a `modelSummary` query into the {@link RfmSummary} that `rfmSummary` gives for
 * the same events and options: rows in a ledger's account order, customers first on the calibration end
 * day counted in `excludedOnLastDay`, `tx` and `T` in `unit`s, `zbar` from the exact repeat sums, and
 * the repeat days per period. The result goes to the fits as `rfmSummary`'s does.
 *
 * @param result - the query's result as the client returns it — rows, columns or an Arrow table —
 *   integers as text, numbers or bigints
 * @param options - the query's `calibrationEnd`, `holdoutEnd`, `timeZone`, `currencyDigits`, and `unit`
 *   (other options of the query are accepted and ignored)
 * @returns the summary
 * @throws {@link InvalidInputError} for a row the query cannot have made: a missing or non-integer
 *   field, an id twice, a first day after the calibration end day, or a day outside the summary
 * @throws {@link InvalidOptionError} for an unknown option, a bad unit, zone or `currencyDigits`, a
 *   missing or unreadable `calibrationEnd`, a `holdoutEnd` not after it, or a summary spanning more than
 *   36,525 days
 *
 * @example
 * ```ts
 * import { rfmSummaryFromRows } from 'retention-metrics/sql';
 * const s = rfmSummaryFromRows(
 *   [
 *     { customer: 'ann', firstEvent: '1704067200000', firstDay: '19723', lastDay: '19751', x: '2', repeatMinor: '4000',
 *       holdout: '0', day: null, repeatDays: null },
 *     { customer: null, firstEvent: null, firstDay: null, lastDay: null, x: null, repeatMinor: null, holdout: null,
 *       day: '19737', repeatDays: '1' },
 *     { customer: null, firstEvent: null, firstDay: null, lastDay: null, x: null, repeatMinor: null, holdout: null,
 *       day: '19751', repeatDays: '1' },
 *   ],
 *   { calibrationEnd: '2024-02-12', unit: 'week' },
 * );
 * [...s.x, ...s.tx, ...s.T, ...s.zbar]; // => [2, 4, 6, 20]
 * ```
 */
export function rfmSummaryFromRows(result: QueryResult, options: RfmSummaryFromRowsOptions): RfmSummary {
  const opts: Partial<RfmSummaryFromRowsOptions> = checkOptionKeys(options, KEYS);
  const calendar = resolveModelCalendar(opts);
  const u = unitDays(opts.unit);
  const digits = assertCurrencyDigits(opts.currencyDigits ?? 2);
  const lastDay = calendar.holdEndDay ?? calendar.calEndDay;
  const rows = resultTable(result);
  const customers: CustomerDays[] = [];
  const dayRows: number[] = [];
  const seen = new Set<CustomerId>();
  for (let i = 0; i < rows.length; i++) {
    if (rows.value(i, 'customer') === null) {
      dayRows.push(i);
      continue;
    }
    const id = customerIdField(rows, i, 'customer');
    if (seen.has(id)) throw new InvalidInputError(i, 'customerId', id, `${String(id)} has a row already; was the row made by the emitted query?`, 'rows');
    seen.add(id);
    const days = { id, ...Object.fromEntries(INTEGERS.map((field) => [field, integerField(rows, i, field)])) } as CustomerDays;
    if (days.firstDay > calendar.calEndDay || days.lastDay < days.firstDay) {
      throw new InvalidInputError(i, 'record', rows.row(i), `first day ${days.firstDay} and last day ${days.lastDay} are not a summary's (calibration end day ${calendar.calEndDay})`, 'rows');
    }
    customers.push(days);
  }
  customers.sort((a, b) => a.firstEvent - b.firstEvent || compareIds(a.id, b.id));
  const kept = customers.filter((c) => c.firstDay !== calendar.calEndDay);
  const originDay = kept.reduce((origin, c) => Math.min(origin, c.firstDay), calendar.calEndDay);
  assertSummarySpan(originDay, lastDay, calendar.holdEndDay === null ? ['calibrationEnd', opts.calibrationEnd] : ['holdoutEnd', opts.holdoutEnd]);
  const repeatByPeriod = new Float64Array(Math.max(0, Math.ceil((lastDay + 1 - originDay) / u)));
  for (const i of dayRows) {
    const day = integerField(rows, i, 'day');
    if (day <= originDay || day > lastDay) throw new InvalidInputError(i, 'record', rows.row(i), `day ${day} is outside the summary's repeat days (${originDay + 1} … ${lastDay})`, 'rows');
    repeatByPeriod[Math.floor((day - originDay) / u)] += integerField(rows, i, 'repeatDays');
  }
  return finishRfmSummary({
    ids: kept.map((c) => c.id),
    x: Uint32Array.from(kept, (c) => c.x),
    firstDay: Int32Array.from(kept, (c) => c.firstDay),
    txDays: Int32Array.from(kept, (c) => c.lastDay - c.firstDay),
    repeatMinor: Float64Array.from(kept, (c) => c.repeatMinor),
    holdout: calendar.holdEndDay === null ? null : Uint32Array.from(kept, (c) => c.holdout),
    repeatByPeriod,
    excludedOnLastDay: customers.length - kept.length,
    originDay,
    unitDays: u,
    timeZone: calendar.timeZone,
    currencyDigits: digits,
    calibrationEndDay: calendar.calEndDay,
    holdoutEndDay: calendar.holdEndDay,
  });
}

/** The integer fields of a customer row. */
const INTEGERS = ['firstEvent', 'firstDay', 'lastDay', 'x', 'repeatMinor', 'holdout'] as const;
