// A small aligned-table printer for the example report.

/** A cell: text, a number or nothing. */
export type Cell = string | number | null | undefined;

/** Render rows as an aligned text table; numbers are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '–' : String(cell))));
  const widths = headers.map((h, c) => Math.max(h.length, ...text.map((row) => (row[c] ?? '').length)));
  // A column is numeric (right-aligned) when every cell is a number, a number as text, a dash or empty.
  const numeric = headers.map((_, c) => rows.every((row) => typeof row[c] !== 'string' || /^[-+]?[\d.,%$ ]+%?$|^–$|^$/.test(String(row[c]))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (numeric[c] && c > 0 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  ').trimEnd(), ...text.map(line)].join('\n');
}

/** A ratio as a percentage with one decimal, or a dash. */
export function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

/** A section heading. */
export function heading(title: string): string {
  return `\n${title}\n${'═'.repeat(title.length)}`;
}

/** A count with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Money in dollars with thousands separators, or a dash. */
export function dollars(value: { toFixed(digits: number): string } | null): string {
  if (value === null) return '–';
  const [whole = '', cents = ''] = value.toFixed(2).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
