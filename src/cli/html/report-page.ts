/**
 * The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing loaded from
 * elsewhere) with what the report was made from, the charts and the tables of every section.
 *
 * @module
 */
import { basename } from 'node:path';
import type { ColumnChoice } from '../input/read-orders.ts';
import { formatCount } from '../format.ts';
import type { ReportData } from '../report-data.ts';
import type { Section } from '../sections/section.ts';
import { escapeHtml } from './escape.ts';
import { PAGE_STYLE } from './page-style.ts';
import { sectionHtml } from './section-html.ts';

/** The definitions the report's numbers follow, by their names in the library's documentation. */
export const DEFINITIONS_USED: readonly string[] = [
  'Order metrics (summarize)',
  'Retention and churn from transactions (periodRetention)',
  'Acquisition cohorts (Cohort)',
  'Lifecycle (periodLifecycle)',
  'Segments (rfm, dormancy)',
  'Customer lifetime value (historicalClv, predictiveClv; BG/NBD and Gamma-Gamma)',
];

const ROLE_NAMES: Readonly<Record<keyof ColumnChoice, string>> = { customer: 'customer', date: 'date', amount: 'amount', orderId: 'order id' };

function columnsUsed(data: ReportData): string {
  const { columns, guessed } = data.loaded.file;
  return (Object.keys(ROLE_NAMES) as Array<keyof ColumnChoice>)
    .map((role) => {
      const column = columns[role];
      const text = column === null ? 'none' : `“${column}”${guessed.includes(role) ? ' (guessed)' : ''}`;
      return `${ROLE_NAMES[role]}: ${text}`;
    })
    .join('; ');
}

/**
 * The HTML report of a file.
 *
 * @param data - the report's results
 * @param sections - its sections (as printed)
 * @param figures - chart markup per section id, shown above that section's table
 * @returns the page (`<!doctype html>` …)
 * @example
 * ```ts
 * import { reportHtml } from './report-page.ts';
 * reportHtml.length; // => 2
 * ```
 */
export function reportHtml(data: ReportData, sections: readonly Section[], figures: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const { loaded } = data;
  const { settings, book } = loaded;
  const source = basename(settings.path);
  const facts: Array<[string, string]> = [
    ['Data source', `${source} (${loaded.file.format}, ${formatCount(book.recordCount)} records)`],
    ['Columns used', columnsUsed(data)],
    ['Customers', formatCount(book.customerCount)],
    ['As of', `${loaded.asOfDay}, end of day (${settings.timeZone})`],
    ['Period', settings.period],
    ['Definitions', DEFINITIONS_USED.join('; ')],
  ];
  const factList = facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n');
  const contents = sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('\n');
  const body = sections.map((s) => sectionHtml(s, figures.get(s.id) ?? [])).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Retention report — ${source}`)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(`Retention report — ${source}`)}</h1>
<dl class="facts">
${factList}
</dl>
</header>
<nav><ol>
${contents}
</ol></nav>
<main>
${body}
</main>
<footer><p>Made with retention-metrics. The numbers follow the definitions named above, as the library's documentation states them.</p></footer>
</body>
</html>
`;
}
