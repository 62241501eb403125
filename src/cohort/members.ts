/**
 * The customers behind a cohort table's counts: `table.members(cohortKey, offset, segment?)` and
 * `table.cohortMembers(cohortKey, segment?)`.
 *
 * A cell is recounted one customer at a time: each member of its cohort goes through the same cell pass
 * as the table's, alone in a row of their own, and is listed when that row counts them in the cell.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import type { CustomerId, Ledger } from '../input/types.ts';
import { unknownValueError } from '../segments/unknown-value.ts';
import { type CellRules, type RowSums, emptyRow, fillCustomer } from './cell-pass.ts';
import type { Grouping } from './groups.ts';
import type { CohortScope } from './scope.ts';
import type { CohortRow, CohortSettings } from './types.ts';

/** @internal What a table keeps to list the customers of its cells: the ledger and its parts, grouped. */
export interface MemberSource {
  readonly book: Ledger;
  readonly settings: CohortSettings;
  readonly rules: CellRules;
  /** Each part's scope and grouping, by part index. */
  readonly parts: readonly { readonly scope: CohortScope; readonly grouping: Grouping }[];
}

/** @internal The two member methods of a table. */
export interface MemberMethods {
  members(cohortKey: string, offset: number, segment?: string | null): CustomerId[];
  cohortMembers(cohortKey: string, segment?: string | null): CustomerId[];
}

/**
 * @internal The member methods of a table.
 *
 * @param cohorts - the table's cohorts
 * @param rows - their rows, in the same order
 * @param source - the ledger, settings and parts the rows were counted from
 * @returns `members` and `cohortMembers`
 */
export function memberMethods(cohorts: readonly CohortRow[], rows: readonly RowSums[], source: MemberSource): MemberMethods {
  return {
    members: (cohortKey, offset, segment = null) => {
      const i = cohortIndex(cohorts, cohortKey, segment);
      const cell = cohorts[i].cells.find((c) => c.offset === offset);
      if (cell === undefined) {
        const offsets = cohorts[i].cells.map((c) => c.offset);
        throw new InvalidOptionError('offset', offset, `${describeValue(offset)} is not the offset of a cell of cohort ${describeValue(cohortKey)}; its cells are at ${offsets.join(', ')}`);
      }
      return listMembers(rows[i], source, (row) => cellCustomers(row, source.settings, offset) > 0);
    },
    cohortMembers: (cohortKey, segment = null) => listMembers(rows[cohortIndex(cohorts, cohortKey, segment)], source, null),
  };
}

/** The index of the cohort with that key in that segment, or an error naming what is wrong. */
function cohortIndex(cohorts: readonly CohortRow[], cohortKey: unknown, segment: unknown): number {
  const i = cohorts.findIndex((c) => c.key === cohortKey && c.segment === segment);
  if (i >= 0) return i;
  const segments = [...new Set(cohorts.filter((c) => c.key === cohortKey).map((c) => c.segment))];
  if (segments.length > 0) throw unknownValueError('segment', segment, 'segment', `cohort ${describeValue(cohortKey)}`, segments);
  throw unknownValueError('cohortKey', cohortKey, 'cohort key', 'the table', [...new Set(cohorts.map((c) => c.key))]);
}

/**
 * The customers of a row's group for whom `counted` holds of their row alone (`null`: all of them), in
 * ledger account order: a new array on every call, the caller's to sort or extend.
 */
function listMembers(row: RowSums, source: MemberSource, counted: ((alone: RowSums) => boolean) | null): CustomerId[] {
  const { scope, grouping } = source.parts[row.part];
  const alone = emptyRow(row.group, row.part, row.offsets, source.settings.brackets);
  const ids: CustomerId[] = [];
  for (let i = 0; i < scope.accounts.length; i++) {
    if (grouping.groupOf[i] !== row.group.index) continue;
    if (counted === null) {
      ids.push(source.book.ids[scope.accounts[i]]);
      continue;
    }
    for (const sums of [alone.active, alone.lastActive, alone.orders, alone.gross, alone.net, alone.bracketActive]) sums.fill(0);
    fillCustomer(source.book, scope, i, alone, source.rules);
    if (counted(alone)) ids.push(source.book.ids[scope.accounts[i]]);
  }
  return ids;
}

/** The customers a row counts in the cell at `offset` (a bracket's first offset in bracket mode), as the table counts them. */
function cellCustomers(row: RowSums, settings: CohortSettings, offset: number): number {
  if (settings.brackets !== null) return row.bracketActive[settings.brackets.findIndex((bracket) => bracket[0] === offset)];
  if (settings.mode === 'classic') return row.active[offset];
  // Unbounded: customers whose last active offset is this one or later.
  let reached = 0;
  for (let k = offset; k < row.offsets; k++) reached += row.lastActive[k];
  return reached;
}
