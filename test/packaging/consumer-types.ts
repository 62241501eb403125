// What a TypeScript user of the package may and may not write. check.mjs type-checks this file in a
// consumer project that installed the packed tarball, as ESM (`.ts` in a `"type": "module"` project)
// and as CommonJS (`.cts`), with `skipLibCheck: false` so the shipped declarations are checked too.
// Each `@ts-expect-error` names the error code the misuse must raise: check.mjs also compiles a copy
// without the directives and requires exactly those codes on exactly those lines, so a misuse that
// fails for another reason (or an `any` that lets it through) fails the check.
import { Cohort, Decimal, type Ledger, type LedgerColumns, ledger, summarize } from 'retention-metrics';
import { type CalendarUnit, type Period, parsePeriodKey, periodKey, periodStart } from 'retention-metrics/calendar';
import { type Breakdown, type CohortTable, type SqlCohortOptions, type SqlQuery, type Summary, cohortCells, cohortTableFromCells, summary, summaryFromRows } from 'retention-metrics/sql';

interface ShopRow {
  customer_id: string;
  created_at: string;
  total: string;
}
const rows: ShopRow[] = [
  { customer_id: 'ann', created_at: '2024-01-05', total: '30.00' },
  { customer_id: 'ann', created_at: '2024-02-09', total: '12.50' },
];
const columns: LedgerColumns = {
  customerId: new Uint32Array([1, 2, 1]),
  date: new Float64Array([Date.UTC(2024, 0, 5), Date.UTC(2024, 0, 6), Date.UTC(2024, 1, 1)]),
  amount: new Float64Array([1999, 500, -250]),
};

// Uses that compile.
const fromRows: Ledger = ledger(rows, { fields: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, timeZone: 'UTC' });
const fromColumns: Ledger = ledger.fromColumns(columns, { amountUnit: 'minor', timeZone: 'Europe/Berlin' });
const inMajorUnits: Ledger = ledger.fromColumns({ customerId: ['a'], date: ['2024-01-05'], amount: ['19.99'] }, { amountUnit: 'major' });
const tonight: Ledger = ledger.append(fromRows, rows, { fields: { customerId: 'customer_id', date: 'created_at', amount: 'total' } });
const netRevenue: Decimal = summarize(fromRows).netRevenue;
const cohortSizes: number[] = Cohort.from(fromColumns).by('month').asOf('2024-03-01').table().cohorts.map((cohort) => cohort.size);
const unit: CalendarUnit = 'quarter';
const byThirtyDays: Period = { days: 30 };
const quarterStart: number = periodStart(parsePeriodKey('2024-Q2', unit), unit, { timeZone: 'Europe/Berlin' });
export const used = [netRevenue.toFixed(2), cohortSizes, inMajorUnits.orderCount, tonight.recordCount, quarterStart, byThirtyDays, periodKey(0, 'month')];

// Misuses that must stay type errors.
// @ts-expect-error TS2561 a misspelt option (`timeZone`)
ledger(rows, { timezone: 'UTC' });
// @ts-expect-error TS2561 a misspelt option of `fromColumns` (`amountUnit`)
ledger.fromColumns(columns, { amountUnitt: 'major' });
// @ts-expect-error TS2820 a field map naming a column the rows do not have (did you mean `customer_id`?)
ledger(rows, { fields: { customerId: 'customerId' } });
// @ts-expect-error TS2820 a field map of `append` naming a column the rows do not have
ledger.append(fromRows, rows, { fields: { customerId: 'customerId' } });
// @ts-expect-error TS2322 a wrong column type: customer ids are strings or numbers
ledger.fromColumns({ customerId: [true, false], date: columns.date, amount: columns.amount });
// @ts-expect-error TS2322 a wrong column type: dates are instants, `Date`s or ISO strings
ledger.fromColumns({ customerId: columns.customerId, date: [[2024, 1, 5]], amount: columns.amount });
// @ts-expect-error TS2339 `.table()` on nothing: a cohort table needs data, chosen with `Cohort.from(data)`
Cohort.table();
// @ts-expect-error TS2673 nor is there an empty builder to start from
new Cohort().table();
// @ts-expect-error TS2554 `Cohort.from()` without data
Cohort.from().table();
// @ts-expect-error TS2540 `fromColumns` is read-only
ledger.fromColumns = ledger;
// @ts-expect-error TS2322 money is a `Decimal`, not a float
export const revenueAsNumber: number = summarize(fromRows).netRevenue;
// @ts-expect-error TS2345 a period key's unit is a calendar unit, not a fixed span
periodKey(0, byThirtyDays);
// @ts-expect-error TS2305 the day arithmetic behind the calendar is not part of the package's API
import { daysFromCivil } from 'retention-metrics/calendar';
// @ts-expect-error TS2305 nor are the calendar functions exported by the package root
import { periodIndex } from 'retention-metrics';
// @ts-expect-error TS2305 nor the optimiser inside the model fits
import { minimizeBfgs } from 'retention-metrics';
export const internal = [daysFromCivil, periodIndex, minimizeBfgs];

// The SQL entry: queries from options, finishers to the root entry's result types.
const warehouse: SqlCohortOptions = { table: 'orders', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: 'postgres', by: 'week', asOf: '2024-06-30' };
export const cellsQuery: SqlQuery = cohortCells(warehouse);
export const fromEngine: CohortTable = cohortTableFromCells([], warehouse);
export const summaryQuery: SqlQuery = summary({ table: 'orders', columns: warehouse.columns, dialect: 'duckdb', from: '2024-01-01' });
export const finished: Summary = summaryFromRows([]);
export const finishedMoney: Decimal = finished.netRevenue;
// With the query's `by` (`segmentBy` for cohort cells) a finisher returns the breakdown.
export const split: Breakdown<Summary> = summaryFromRows([], { by: 'channel' });
export const splitCells: Breakdown<CohortTable> = cohortTableFromCells([], { ...warehouse, segmentBy: 'channel', segmentRule: 'same-value' });
export const splitQuery: SqlQuery = cohortCells({ ...warehouse, segmentBy: 'channel' });
// @ts-expect-error TS2322 a dialect is 'duckdb' or 'postgres'
cohortCells({ ...warehouse, dialect: 'mysql' });
// @ts-expect-error TS2305 the query form and its renderer are not part of the package's API
import { renderQuery } from 'retention-metrics/sql';
export const sqlInternal = [renderQuery];
