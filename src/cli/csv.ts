/**
 * Writing CSV: RFC 4180 quoting, a header line, CRLF-free `\n` line ends.
 *
 * @module
 */

/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null;

/** A table to write as CSV. */
export interface CsvTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/**
 * One cell as CSV: quoted when it holds a comma, a quote or a line break (quotes doubled); numbers as
 * JavaScript writes them; `null` as an empty field.
 *
 * @param cell - the cell
 * @returns the field text
 * @example
 * ```ts
 * import { csvField } from './csv.ts';
 * csvField('Smith, "Jo"'); // => '"Smith, ""Jo"""'
 * csvField(0.5); // => '0.5'
 * ```
 */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV text, one line per row after the header, ending with a newline.
 *
 * @param table - headers and rows
 * @returns the CSV text
 * @example
 * ```ts
 * import { toCsv } from './csv.ts';
 * toCsv({ headers: ['id', 'value'], rows: [['a', 1], ['b,c', null]] }); // => 'id,value\na,1\n"b,c",\n'
 * ```
 */
export function toCsv(table: CsvTable): string {
  const lines = [table.headers.map(csvField).join(','), ...table.rows.map((row) => row.map(csvField).join(','))];
  return `${lines.join('\n')}\n`;
}
