/**
 * A report section as HTML: heading, charts, table and notes.
 *
 * @module
 */
import type { Section } from '../sections/section.ts';
import { isNumericCell } from '../sections/text-table.ts';
import { escapeHtml } from '../../escape-html.ts';

/**
 * A section's table as an HTML `<table>`, every cell escaped.
 *
 * @param section - the section
 * @returns the table markup
 * @example
 * ```ts
 * import { tableHtml } from './section-html.ts';
 * tableHtml({ id: 'x', title: 'T', table: { headers: ['a', 'n'], rows: [['<b>', '1,000']] }, notes: [] }).includes('<td>&lt;b&gt;</td><td class="num">1,000</td>'); // => true
 * ```
 */
export function tableHtml(section: Section): string {
  const head = `<tr>${section.table.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = section.table.rows
    .map((row) => `<tr>${row.map((cell, c) => (c > 0 && isNumericCell(cell) ? `<td class="num">${escapeHtml(cell)}</td>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/**
 * A section as an HTML `<section>`: its heading, the charts given (SVG markup from the charts entry,
 * inserted as they are), its table and its notes.
 *
 * @param section - the section
 * @param figures - chart markup to show above the table
 * @param lead - markup shown under the heading, before the charts (a pointer to charts elsewhere)
 * @returns the markup
 * @example
 * ```ts
 * import { sectionHtml } from './section-html.ts';
 * const html = sectionHtml({ id: 'rfm', title: 'RFM', table: { headers: ['a'], rows: [] }, notes: [] }, ['<svg></svg>']);
 * html.startsWith('<section id="rfm">\n<h2>RFM</h2>\n<figure><svg></svg></figure>'); // => true
 * ```
 */
export function sectionHtml(section: Section, figures: readonly string[], lead = ''): string {
  const id = escapeHtml(section.id);
  const charts = figures.map((svg) => `<figure>${svg}</figure>`).join('\n');
  // A note that starts with a space continues the one before (the terminal wraps long notes so).
  const paragraphs: string[] = [];
  for (const note of section.notes) {
    const last = paragraphs.length - 1;
    if (note.startsWith(' ') && last >= 0) paragraphs[last] = `${paragraphs[last] ?? ''}${note}`;
    else paragraphs.push(note);
  }
  const notes = paragraphs.map((note) => `<p class="note">${escapeHtml(note.trim())}</p>`).join('\n');
  return `<section id="${id}">\n<h2>${escapeHtml(section.title)}</h2>\n${lead === '' ? '' : `${lead}\n`}${charts}\n${tableHtml(section)}\n${notes}\n</section>`;
}
