/**
 * The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing loaded from
 * elsewhere). Its first screen holds what the report was made from, the headline tiles and, at a
 * glance, the cohort heatmap and the retention curves; the contents and every section's charts and
 * table follow, and the definitions the numbers follow close the page.
 *
 * @module
 */
import { basename } from 'node:path';
import { COLUMN_ROLE_NAMES, type ColumnChoice } from '../input/column-choice.ts';
import { formatCount } from '../format.ts';
import type { ReportData } from '../report-data.ts';
import type { Section } from '../sections/section.ts';
import { escapeHtml } from '../../escape-html.ts';
import { headlineTiles, tilesHtml } from './headline-tiles.ts';
import { GLANCE } from './report-charts.ts';
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

function columnsUsed(data: ReportData): string {
  const { columns, guessed } = data.loaded.file;
  return (Object.keys(COLUMN_ROLE_NAMES) as Array<keyof ColumnChoice>)
    .map((role) => {
      const column = columns[role];
      const text = column === null ? 'none' : `“${column}”${guessed.includes(role) ? ' (guessed)' : ''}`;
      return `${COLUMN_ROLE_NAMES[role]}: ${text}`;
    })
    .join('; ');
}

/**
 * The HTML report of a file.
 *
 * @param data - the report's results
 * @param sections - its sections (as printed)
 * @param figures - chart markup per section id, shown above that section's table; the figures under
 *   `GLANCE` (the cohort heatmap and retention curves) are shown before the contents
 * @returns the page (`<!doctype html>` …)
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { dirname, join } from 'node:path';
 * import { nodeIo } from '../io.ts';
 * import { loadOrders } from '../load-orders.ts';
 * import { computeReport, reportSections } from '../report-data.ts';
 * import { reportHtml } from './report-page.ts';
 * const path = join(mkdtempSync(join(tmpdir(), 'orders-')), 'orders.csv');
 * writeFileSync(path, 'customer_id,date,total\na,2024-01-05,10\na,2024-02-09,15.50\nb,2024-01-20,7\nc,2024-02-02,20\n');
 * const input = { path, columns: {}, timeZone: 'UTC', period: 'month' as const, asOfDay: null, delimiter: null, format: null };
 * const data = computeReport(await loadOrders(input, { ...nodeIo(), stderr: () => undefined }), { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * rmSync(dirname(path), { recursive: true });
 * const html = reportHtml(data, reportSections(data));
 * html.includes('<h1>Retention report — orders.csv</h1>'); // => true
 * html.includes('<dt>Customers</dt><dd>3</dd>'); // => true
 * ```
 */
export function reportHtml(data: ReportData, sections: readonly Section[], figures: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const { loaded } = data;
  const { settings, book } = loaded;
  const source = basename(settings.path);
  const facts: Array<[string, string]> = [
    ['Data source', `${source} (${loaded.file.format}, ${formatCount(book.recordCount)} records)`],
    ['Columns used', columnsUsed(data)],
    ['As of', `${loaded.asOfDay}, end of day (${settings.timeZone})`],
    ['Period', settings.period],
  ];
  const factList = facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n');
  const tiles = tilesHtml(headlineTiles(data.summary, book.currencyDigits));
  const glance = glanceHtml(figures.get(GLANCE) ?? [], sections);
  const contents = sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('\n');
  // The cohorts' heatmap and retention curves are drawn once, at a glance; their section points up.
  const cohortsLead = glance === '' ? '' : '<p class="note">The heatmap and the retention curves of these cohorts are <a href="#glance">at a glance</a>, at the top.</p>';
  const body = sections.map((s) => sectionHtml(s, figures.get(s.id) ?? [], s.id === 'cohorts' ? cohortsLead : '')).join('\n');
  const definitions = DEFINITIONS_USED.map((name) => `<li>${escapeHtml(name)}</li>`).join('\n');
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
${tiles}
</header>
${glance}
<nav><h2>Contents</h2><ol>
${contents}
</ol></nav>
<main>
${body}
</main>
<footer id="definitions">
<h2>How these numbers are defined</h2>
<p>The numbers follow these definitions, by their names in the library's documentation:</p>
<ul>
${definitions}
</ul>
<p>Made with retention-metrics.</p>
</footer>
</body>
</html>
`;
}

/** The cohort heatmap and the retention curves, pointing to the cohort table below. */
function glanceHtml(figures: readonly string[], sections: readonly Section[]): string {
  if (figures.length === 0) return '';
  const cohorts = sections.find((s) => s.id === 'cohorts');
  const pointer = cohorts === undefined ? '' : `\n<p class="note">The numbers behind these charts are in <a href="#cohorts">${escapeHtml(cohorts.title)}</a>.</p>`;
  const charts = figures.map((svg) => `<figure>${svg}</figure>`).join('\n');
  return `<section id="${GLANCE}">\n<h2>At a glance</h2>\n${charts}${pointer}\n</section>`;
}
