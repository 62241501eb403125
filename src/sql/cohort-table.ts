/**
 * `cohortTableFromCells`: the rows of a {@link cohortCells} query into the `CohortTable` the library
 * computes in process — the table is built by the cohort engine's own last step, so rates, money,
 * completeness and the average curve are the same code.
 *
 * @module
 */
import { periodKey } from '../calendar/keys.ts';
import { periodIndex, periodStart } from '../calendar/period.ts';
import { type CohortCalendar, fixedSpanCalendar } from '../cohort/cohort-calendar.ts';
import { type CellRules, type RowSums, emptyRow } from '../cohort/cell-pass.ts';
import { isFixedSpan } from '../calendar/units.ts';
import type { CohortGroup } from '../cohort/groups.ts';
import type { MemberSource } from '../cohort/members.ts';
import { buildCohortTable } from '../cohort/table.ts';
import type { CohortSettings, CohortTable } from '../cohort/types.ts';
import { InvalidInputError, InvalidOptionError } from '../errors.ts';
import { ledger } from '../input/ledger.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { COHORT_CALENDAR_KEYS, type ResolvedCohortCalendar, type SqlCohortCalendar, resolveCohortCalendar } from './cohort-options.ts';
import { integerField, nullableIntegerField } from './result-values.ts';
import { type QueryResult, type ResultTable, resultTable } from './result-rows.ts';
import { SOURCE_KEYS, type SqlSourceOptions } from './source.ts';
import { breakdownOfParts, rowParts } from './breakdown-rows.ts';
import { COHORT_BREAKDOWN_KEYS, type SqlCohortBreakdown, breakdownOption } from './segment-events.ts';
import type { Breakdown } from '../input/breakdown.ts';

/**
 * Options of {@link cohortTableFromCells}: the query's calendar (the query's other options are
 * accepted and ignored; its `segmentBy` and `segmentRule` make the rows a breakdown's).
 */
export type CohortFromCellsOptions = SqlCohortCalendar & Partial<SqlSourceOptions>;

const FROM_CELLS_KEYS = [...SOURCE_KEYS, ...COHORT_CALENDAR_KEYS, ...COHORT_BREAKDOWN_KEYS];

/**
 * Finish the rows of a {@link cohortCells} query into the `CohortTable` that
 * `Cohort.from(data).by(by).every(every).timeZone(timeZone).asOf(asOf).table()` — with the same
 * `between`, `mode`, `brackets`, `maxOffset` and `activeWhen` — returns for the same events: cohorts in
 * order, a cell for every offset begun as of `asOf` up to `maxOffset` (those without rows are zero) or
 * one per bracket, rates, money as `Decimal`, completeness and the average curve.
 *
 * The table holds counts, not customers: its `members` and `cohortMembers` throw (ask the engine for
 * a cell's customers).
 *
 * @param result - the query's result rows, in any order, as the client returns them (rows, columns or an Arrow table)
 * @param options - the options given to the query (at least `asOf`, and the calendar and counting
 *   options where given)
 * @returns the table
 * @throws {@link InvalidInputError} for a row that lacks a field or holds a non-integer, a cohort whose
 *   rows disagree on its size or bases, or an offset beyond `asOf`
 * @throws {@link InvalidOptionError} for bad options (as {@link cohortCells})
 *
 * @example
 * ```ts
 * import { cohortTableFromCells } from 'retention-metrics/sql';
 * const row = { cohort: 24288, bracket: null, cohortSize: 2, minBase: '24288', maxBase: '24288', lastActive: '0' };
 * const table = cohortTableFromCells(
 *   [
 *     { ...row, offset: 0, customers: '2', orders: '2', grossMinor: '5000', netMinor: '4500' },
 *     { ...row, offset: 2, customers: '1', orders: '1', grossMinor: '1000', netMinor: '1000' },
 *   ],
 *   { by: 'month', asOf: '2024-03-31' },
 * );
 * table.cohorts[0].key; // => '2024-01'
 * table.cohorts[0].cells.map((cell) => cell.rate); // => [1, 0, 0.5]
 * table.cohorts[0].cells[0].netRevenue.toFixed(2); // => '45.00'
 * ```
 */
export function cohortTableFromCells(result: QueryResult, options: CohortFromCellsOptions & SqlCohortBreakdown & { segmentBy?: undefined }): CohortTable;
/**
 * Finish the rows of a {@link cohortCells} query with `segmentBy` into the `Breakdown` that
 * `Cohort.from(data)…segmentBy(column, { segmentRule }).breakdown()` returns for the same events: the
 * total's table and each value's, by value (code-unit order), the missing value last, only values
 * whose table has customers (`customers`: the sum of its cohorts' sizes).
 *
 * @param result - the query's result rows, in any order, as the client returns them
 * @param options - the options given to the query, with its `segmentBy` and `segmentRule`
 * @returns the breakdown
 * @throws {@link InvalidInputError} for a row the query cannot have made (no `part`, a segment's
 *   `segment` that is not text, and as the table's rows)
 * @throws {@link InvalidOptionError} for bad options (as {@link cohortCells})
 *
 * @example
 * ```ts
 * import { cohortTableFromCells } from 'retention-metrics/sql';
 * const row = { cohort: 24288, offset: 0, bracket: null, minBase: '24288', maxBase: '24288', orders: '1', grossMinor: '1000', netMinor: '1000', lastActive: '0' };
 * const split = cohortTableFromCells(
 *   [
 *     { ...row, part: 0, segment: '', cohortSize: '2', customers: '2' },
 *     { ...row, part: 2, segment: 'email', cohortSize: '1', customers: '1' },
 *     { ...row, part: 2, segment: 'Ads', cohortSize: '1', customers: '1' },
 *   ],
 *   { asOf: '2024-01-31', segmentBy: 'channel' },
 * );
 * split.segments.map((s) => [s.value, s.customers]); // => [['Ads', 1], ['email', 1]]
 * split.total.cohorts[0].cells[0].customers; // => 2
 * ```
 */
export function cohortTableFromCells(result: QueryResult, options: CohortFromCellsOptions & SqlCohortBreakdown & { segmentBy: string }): Breakdown<CohortTable>;
/**
 * {@link cohortTableFromCells} with options whose `segmentBy` is known only when it runs: the table
 * without `segmentBy`, its breakdown with it.
 *
 * @param result - the query's result rows, as the client returns them
 * @param options - the options given to the query
 * @returns the table, or with `segmentBy` its breakdown
 * @throws {@link InvalidInputError} for a row the query cannot have made
 * @throws {@link InvalidOptionError} for bad options (as {@link cohortCells})
 *
 * @example
 * ```ts
 * import { type CohortFromCellsOptions, type SqlCohortBreakdown, cohortTableFromCells } from 'retention-metrics/sql';
 * const options: CohortFromCellsOptions & SqlCohortBreakdown = { asOf: '2024-01-31' };
 * 'cohorts' in cohortTableFromCells([], options); // => true
 * ```
 */
export function cohortTableFromCells(result: QueryResult, options: CohortFromCellsOptions & SqlCohortBreakdown): CohortTable | Breakdown<CohortTable>;
export function cohortTableFromCells(result: QueryResult, options: CohortFromCellsOptions & SqlCohortBreakdown): CohortTable | Breakdown<CohortTable> {
  checkOptionKeys(options, FROM_CELLS_KEYS);
  const resolved = resolveCohortCalendar(options);
  const breakdown = breakdownOption(options.segmentBy, options.segmentRule, false, 'segmentBy');
  const rows = resultTable(result);
  if (breakdown === null) return tableOfCells(rows, resolved);
  const parts = rowParts(rows);
  const segments = parts.segments.map(({ value, rows: part }) => {
    const table = tableOfCells(part, resolved);
    return { value, customers: table.cohorts.reduce((n, cohort) => n + cohort.size, 0), result: table };
  });
  return breakdownOfParts(breakdown, tableOfCells(parts.total, resolved), segments);
}

/** The table of one part's rows. */
function tableOfCells(rows: ResultTable, resolved: ResolvedCohortCalendar): CohortTable {
  const settings = tableSettings(resolved);
  const calendar = engineCalendar(resolved);
  const sums = new Map<number, RowSums>();
  for (let i = 0; i < rows.length; i++) {
    const cohort = integerField(rows, i, 'cohort');
    let row = sums.get(cohort);
    if (row === undefined) {
      row = emptyRowOf(rows, i, cohort, sums.size, resolved, calendar);
      sums.set(cohort, row);
    } else {
      const { size, minBase, maxBase } = row.group;
      if (integerField(rows, i, 'cohortSize') !== size || integerField(rows, i, 'minBase') !== minBase || integerField(rows, i, 'maxBase') !== maxBase) {
        throw new InvalidInputError(i, 'record', rows.row(i), `cohort ${cohort}: cohortSize, minBase and maxBase differ from an earlier row of the cohort`, 'rows');
      }
    }
    const bracket = nullableIntegerField(rows, i, 'bracket');
    if (bracket !== null) {
      if (bracket < 0 || bracket >= row.bracketActive.length) throw new InvalidInputError(i, 'record', rows.row(i), `bracket ${bracket} is not one of the ${row.bracketActive.length} brackets`, 'rows');
      row.bracketActive[bracket] += integerField(rows, i, 'customers');
      continue;
    }
    const offset = integerField(rows, i, 'offset');
    if (offset < 0 || offset >= row.offsets) {
      throw new InvalidInputError(i, 'record', rows.row(i), `offset ${offset} is outside the cohort's cells 0 … ${row.offsets - 1} as of asOf`, 'rows');
    }
    row.active[offset] += integerField(rows, i, 'customers');
    row.orders[offset] += integerField(rows, i, 'orders');
    row.gross[offset] += integerField(rows, i, 'grossMinor');
    row.net[offset] += integerField(rows, i, 'netMinor');
    row.lastActive[offset] += integerField(rows, i, 'lastActive');
  }
  return buildCohortTable({ settings, calendar, rows: [...sums.values()], digits: resolved.digits, members: countsOnly(settings, calendar) });
}

/** The settings of the table, as `Cohort` resolves the same choices (no segments or custom keys). */
function tableSettings(calendar: ResolvedCohortCalendar): CohortSettings {
  const { by, every, timeZone, weekStartsOn, asOf, from, to, mode, brackets, maxOffset, rule } = calendar;
  return { by, every, timeZone, weekStartsOn, from, to, asOf, mode, brackets, maxOffset, segmentBy: null, cohortKey: null, ...rule };
}

/** The calendar questions of the table, answered by the library's calendar (the engine answered them for the events). */
function engineCalendar(resolved: ResolvedCohortCalendar): CohortCalendar {
  const { asOf, by, every, timeZone, weekStartsOn } = resolved;
  const options = { timeZone, weekStartsOn };
  const cohortOf = (instant: number): number => periodIndex(instant, by, options);
  if (isFixedSpan(every)) return fixedSpanCalendar(asOf, every.days, cohortOf);
  const asOfPeriod = periodIndex(asOf, every, options);
  const firstIncompletePeriod = periodIndex(asOf + 1, every, options);
  return {
    asOf,
    cohortOf,
    baseOf: (firstOrder) => periodIndex(firstOrder, every, options),
    offsetOf: (instant, base) => periodIndex(instant, every, options) - base,
    lastOffset: (base) => asOfPeriod - base,
    isComplete: (base, offset) => base + offset < firstIncompletePeriod,
  };
}

/** A zeroed row for the cohort of row `i`, with a cell for every offset begun as of `asOf` for its earliest member. */
function emptyRowOf(rows: ResultTable, i: number, cohort: number, index: number, resolved: ResolvedCohortCalendar, calendar: CohortCalendar): RowSums {
  const { by, timeZone, weekStartsOn } = resolved;
  const size = integerField(rows, i, 'cohortSize');
  const minBase = integerField(rows, i, 'minBase');
  const maxBase = integerField(rows, i, 'maxBase');
  if (size < 1 || minBase > maxBase) throw new InvalidInputError(i, 'record', rows.row(i), `cohort ${cohort}: cohortSize ${size}, minBase ${minBase}, maxBase ${maxBase} are not a cohort's`, 'rows');
  const group: CohortGroup = {
    index,
    key: periodKey(cohort, by, weekStartsOn),
    segment: null,
    period: cohort,
    start: periodStart(cohort, by, { timeZone, weekStartsOn }),
    size,
    minBase,
    maxBase,
  };
  const offsets = Math.max(Math.min(calendar.lastOffset(minBase), resolved.maxOffset) + 1, 0);
  return emptyRow(group, 0, offsets, resolved.brackets);
}

/**
 * What the table's member methods would recount from: there are no customers behind cells from an
 * engine, so reaching them throws, naming what to do instead. The methods check their arguments first.
 */
function countsOnly(settings: CohortSettings, calendar: CohortCalendar): MemberSource {
  const parts: MemberSource['parts'] = [];
  Object.defineProperty(parts, 0, {
    get: () => {
      throw new InvalidOptionError('members', undefined, 'a table finished from engine cells holds counts, not customers; query the engine for the customers of a cell');
    },
  });
  const rules: CellRules = { calendar, bracketOf: null, minOrders: settings.minOrders, minGrossMinor: settings.minGrossMinor };
  return { book: ledger([]), settings, rules, parts };
}
