/**
 * A section of a report: a title, a table of formatted cells and notes. The terminal report prints
 * sections as text and the HTML page renders the same sections as tables, so both say the same.
 *
 * @module
 */
import { type TextTable, renderHeading, renderTable } from './text-table.ts';

/** One section of a report. */
export interface Section {
  /** A stable name (`headline`, `retention`, `cohorts`, …), used as the HTML anchor. */
  readonly id: string;
  /** The title: what the table shows. */
  readonly title: string;
  /** The table. */
  readonly table: TextTable;
  /** Sentences printed under the table: definitions, marks, caveats. */
  readonly notes: readonly string[];
}

/**
 * A section as terminal text: heading, table and notes.
 *
 * @param section - the section
 * @returns the text, without a trailing newline
 * @example
 * ```ts
 * import { renderSection } from './section.ts';
 * const text = renderSection({ id: 'x', title: 'Counts', table: { headers: ['a'], rows: [['1']] }, notes: ['(note)'] });
 * text.split('\n'); // => ['', 'Counts', '══════', 'a', '─', '1', '(note)']
 * ```
 */
export function renderSection(section: Section): string {
  return [renderHeading(section.title), renderTable(section.table), ...section.notes].join('\n');
}
