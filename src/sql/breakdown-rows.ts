/**
 * Finishing a breakdown's rows: a query with `by` returns the total's rows and every segment's, told
 * apart by the columns `part` and `segment` (see segment-events.ts); each part is finished by the
 * report's own finisher, and the parts become a `Breakdown` as in process — segments by value (code-unit
 * order), the missing value last, only those whose report counts customers.
 *
 * @module
 * @internal
 */
import { InvalidInputError, describeValue } from '../errors.ts';
import { type Breakdown, type Segment, compareSegmentValues } from '../input/breakdown.ts';
import type { ResultTable } from './result-rows.ts';
import { integerField } from './result-values.ts';
import { PART, type ResolvedBreakdown } from './segment-events.ts';

/** @internal A breakdown's rows: the total's, and each segment's by value (the missing value last). */
export interface RowParts {
  readonly total: ResultTable;
  readonly segments: readonly { readonly value: string | null; readonly rows: ResultTable }[];
}

/**
 * @internal Split a breakdown query's rows by part.
 *
 * @param rows - the rows, each with `part` and `segment`
 * @returns the total's rows and each segment's, segments by value, the missing value last
 * @throws {@link InvalidInputError} for a row without `part` or with a part that is not 0, 1 or 2,
 *   or a segment's row whose `segment` is not text
 */
export function rowParts(rows: ResultTable): RowParts {
  const total: number[] = [];
  const byValue = new Map<string | null, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const part = integerField(rows, i, 'part');
    if (part === PART.total) {
      total.push(i);
      continue;
    }
    if (part !== PART.missing && part !== PART.value) throw new InvalidInputError(i, 'record', rows.row(i), `part ${part} is not 0 (the total), 1 or 2 (a segment); was the row made by the emitted query?`, 'rows');
    const value = part === PART.missing ? null : rows.value(i, 'segment');
    if (value !== null && typeof value !== 'string') {
      throw new InvalidInputError(i, 'record', rows.row(i), `segment: ${describeValue(value)} is not text; break down by a text column`, 'rows');
    }
    const indices = byValue.get(value) ?? [];
    indices.push(i);
    byValue.set(value, indices);
  }
  const segments = [...byValue].map(([value, indices]) => ({ value, rows: subTable(rows, indices) })).sort((x, y) => compareSegmentValues(x.value, y.value));
  return { total: subTable(rows, total), segments };
}

/**
 * @internal The breakdown of finished parts.
 *
 * @param breakdown - the breakdown's column and rule
 * @param total - the total's report
 * @param segments - each segment's value, report and the customers its report counts, by value
 * @returns the breakdown, without the segments whose report counts no customer
 */
export function breakdownOfParts<T>(breakdown: ResolvedBreakdown, total: T, segments: readonly Segment<T>[]): Breakdown<T> {
  const counted = segments.filter((segment) => segment.customers > 0).map((segment) => Object.freeze({ ...segment }));
  return Object.freeze({ by: breakdown.column, rule: breakdown.rule, total, segments: Object.freeze(counted) });
}

/** The rows at `indices`, read in place. */
function subTable(rows: ResultTable, indices: readonly number[]): ResultTable {
  return {
    length: indices.length,
    value: (index, field) => rows.value(indices[index], field),
    row: (index) => rows.row(indices[index]),
  };
}
