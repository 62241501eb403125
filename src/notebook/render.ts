/**
 * Sections into a MIME bundle: an HTML fragment (escaped tables, numbers aligned right, the charts'
 * SVG) and plain text (aligned columns) for terminals and clients that show no HTML.
 *
 * @module
 * @internal
 */
import { escapeHtml } from '../escape-html.ts';
import type { MimeBundle } from './displayed.ts';
import type { Cell, Section } from './section.ts';


const TABLE_STYLE = 'border-collapse:collapse;font-variant-numeric:tabular-nums;margin:0.25em 0 1em';
const CELL_STYLE = 'padding:2px 8px;border-bottom:1px solid #ddd;white-space:nowrap';

function htmlCell(tag: 'td' | 'th', cell: Cell): string {
  // Every cell stays on one line: numbers with their code or star, and names such as period keys
  // ('1997-01'), which a browser would otherwise break at the hyphen.
  return `<${tag} style="${CELL_STYLE};text-align:${cell.numeric ? 'right' : 'left'}">${escapeHtml(cell.text)}</${tag}>`;
}

function htmlSection(section: Section): string {
  const head = section.columns.map((name, i) => htmlCell('th', { text: name, numeric: section.rows[0]?.[i]?.numeric ?? false })).join('');
  const body = section.rows.map((row) => `<tr>${row.map((cell) => htmlCell('td', cell)).join('')}</tr>`).join('');
  const note = section.note === undefined ? '' : `<div style="color:#555">${escapeHtml(section.note)}</div>`;
  const table = `<table style="${TABLE_STYLE}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  // The chart is markup the charts entry made (self-contained SVG, its text escaped there): kept as is.
  const charts = section.charts.map((chart) => `<div>${chart}</div>`).join('');
  return `<section><h4 style="margin:0.5em 0 0.25em">${escapeHtml(section.title)}</h4>${note}${table}${charts}</section>`;
}

function textSection(section: Section): string {
  const widths = section.columns.map((name, i) => Math.max(name.length, ...section.rows.map((row) => row[i]?.text.length ?? 0)));
  const line = (cells: readonly Cell[]): string =>
    cells
      .map((cell, i) => (cell.numeric ? cell.text.padStart(widths[i]) : cell.text.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const header = line(section.columns.map((name, i) => ({ text: name, numeric: section.rows[0]?.[i]?.numeric ?? false })));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [section.title, ...(section.note === undefined ? [] : [section.note]), header, rule, ...section.rows.map(line)];
  if (section.rows.length === 0) lines.push('(no rows)');
  return lines.join('\n');
}

/**
 * The MIME bundle of a display.
 *
 * @param sections - the tables (and charts) shown, in order
 * @returns `text/html` (a `<div>` of sections) and `text/plain` (the tables, blank lines between)
 */
export function renderBundle(sections: readonly Section[]): MimeBundle {
  return {
    'text/html': `<div class="retention-metrics">${sections.map(htmlSection).join('')}</div>`,
    'text/plain': sections.map(textSection).join('\n\n'),
  };
}
