/**
 * Aligned text tables and section headings for the terminal report.
 *
 * @module
 */

/** A table: column headers and rows of already formatted cells. */
export interface TextTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

import { printable } from '../format.ts';

/**
 * Whether a formatted cell reads as a number, a percentage, an amount or a dash (such cells are set
 * right-aligned, in the terminal and on the page).
 *
 * @param cell - the cell's text
 * @returns whether it is a number; an empty cell is not
 * @example
 * ```ts
 * import { isNumericCell } from './text-table.ts';
 * [isNumericCell('1,000'), isNumericCell('12.5%*'), isNumericCell('–'), isNumericCell('Champions'), isNumericCell('')]; // => [true, true, true, false, false]
 * ```
 */
export function isNumericCell(cell: string): boolean {
  return /^(?:[-+]?[\d.,]+%?[*†]?|–)$/.test(cell);
}

/**
 * Render a table as aligned text: columns whose cells are all numeric are right-aligned (except the
 * first column, which names the rows). Control characters of the cells (which come from the data)
 * are printed as U+FFFD.
 *
 * @param table - headers and formatted rows
 * @returns the lines of the table joined by newlines
 * @example
 * ```ts
 * import { renderTable } from './text-table.ts';
 * renderTable({ headers: ['a', 'n'], rows: [['x', '1,000'], ['yy', '5']] }).split('\n')[3]; // => 'yy      5'
 * ```
 */
export function renderTable(table: TextTable): string {
  const headers = table.headers.map(printable);
  const rows = table.rows.map((row) => row.map(printable));
  const widths = headers.map((header, c) => Math.max(header.length, ...rows.map((row) => (row[c] ?? '').length)));
  // A column is numeric when every cell it has is (empty cells aside).
  const numeric = headers.map((_, c) => c > 0 && rows.every((row) => emptyOrNumeric(row[c] ?? '')));
  const line = (cells: readonly string[]) =>
    headers
      .map((_, c) => {
        const cell = cells[c] ?? '';
        const width = widths[c] ?? 0;
        return numeric[c] === true ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  ').trimEnd(), ...rows.map(line)].join('\n');
}

/**
 * A section heading: a blank line, the title, and a double rule as long as the title.
 *
 * @param title - the section's title
 * @returns the heading text
 * @example
 * ```ts
 * import { renderHeading } from './text-table.ts';
 * renderHeading('Cohorts'); // => '\nCohorts\n═══════'
 * ```
 */
export function renderHeading(title: string): string {
  return `\n${title}\n${'═'.repeat(title.length)}`;
}

function emptyOrNumeric(cell: string): boolean {
  return cell === '' || isNumericCell(cell);
}
