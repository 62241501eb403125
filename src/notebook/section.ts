/**
 * What a notebook display is made of: sections, each a titled table with an optional chart. One model
 * for both renderings, so the HTML and the plain text show the same numbers.
 *
 * @module
 * @internal
 */

/** One table cell: its text as formatted, and whether it is a number (aligned right). */
export interface Cell {
  readonly text: string;
  readonly numeric: boolean;
}

/** A titled table, with the chart of the same data (SVG markup) where one applies. */
export interface Section {
  readonly title: string;
  /** A line under the title: what the table is as of, its settings. */
  readonly note?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** The charts of the table's data: self-contained SVG markup, shown in HTML only. */
  readonly charts: readonly string[];
}

/**
 * A text cell.
 *
 * @param value - the text (`null`: missing)
 * @returns the cell
 */
export function textCell(value: string | null): Cell {
  return { text: value ?? '(none)', numeric: false };
}

/**
 * A cell holding a number already formatted.
 *
 * @param text - the formatted number
 * @returns the cell, aligned right
 */
export function numberCell(text: string): Cell {
  return { text, numeric: true };
}

/**
 * The charts there are: a chart is `undefined` where none applies or the charts entry cannot draw it.
 *
 * @param charts - SVG markup, or `undefined`
 * @returns the markup given
 */
export function chartsOf(...charts: readonly (string | undefined)[]): string[] {
  return charts.filter((chart): chart is string => chart !== undefined);
}
