// The pages the browser tests load: each imports the browser build by URL from an inline module script,
// with no import map, as a page importing it from a CDN does.

/** The orders of the pages, as a CSV export with its own column names. */
export const ORDERS_CSV = `customer_id,created_at,total
ann,2024-01-04,25.00
bob,2024-01-18,40.00
dee,2024-01-22,18.50
ann,2024-02-02,25.00
eve,2024-02-11,7.25
cy,2024-02-20,10.00
dee,2024-03-02,18.50
bob,2024-03-09,-40.00
ann,2024-03-15,30.00
cy,2024-03-28,12.00
`;

/** The ledger fields of the CSV's columns. */
export const FIELDS = { customerId: 'customer_id', date: 'created_at', amount: 'total' } as const;

/** The instant the cohort table is computed as of: March is not over, so its cells are incomplete. */
export const AS_OF = '2024-03-31T12:00:00Z';

/** The title the page gives the heatmap. */
export const TITLE = 'Customers who came back, by month since their first order';

/**
 * Reads a CSV without quoted fields into one record per line, keyed by the header's names: what the
 * page does in its own few lines.
 *
 * @param csv - the text, a header line first
 * @returns the records
 */
export function readCsv(csv: string): Array<Record<string, string>> {
  const [header = '', ...lines] = csv.trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
}

/**
 * The pages' Content Security Policy: scripts from the server and the page's own, no `eval` or
 * `new Function` ('unsafe-eval' is not granted), no other origin.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

const shell = (body: string, script: string): string => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>retention-metrics in a browser</title>
<style>body { font: 14px system-ui, sans-serif; margin: 24px; } dt { font-weight: 600; }</style></head>
<body>
${body}
<script type="module">
${script}
document.body.dataset.done = 'true';
</script>
</body>
</html>
`;

/**
 * A page that reads the inline CSV, computes a monthly cohort table and a summary with the browser
 * build, and shows the heatmap, the net revenue, the table's rows as JSON and whether an error class
 * of the calendar entry is the root entry's.
 *
 * @param base - the URL path of the browser build's folder, with a trailing slash
 * @returns the page's HTML
 */
export function heatmapPage(base: string): string {
  return shell(
    `<script type="text/csv" id="orders">\n${ORDERS_CSV}</script>
<h1>Cohorts of an inline CSV</h1>
<div id="chart"></div>
<dl><dt>Net revenue</dt><dd id="net-revenue"></dd>
<dt>One error class across entries</dt><dd id="same-class"></dd></dl>
<pre id="rows" hidden></pre>`,
    `import { Cohort, InvalidOptionError, ledger, summarize } from '${base}index.js';
import { InvalidOptionError as CalendarOptionError } from '${base}calendar.js';
import { cohortHeatmap } from '${base}charts.js';

const [header, ...lines] = document.getElementById('orders').textContent.trim().split('\\n');
const names = header.split(',');
const orders = lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
const book = ledger(orders, { fields: ${JSON.stringify(FIELDS)} });
const table = Cohort.from(book).by('month').asOf(${JSON.stringify(AS_OF)}).table();

document.getElementById('chart').innerHTML = cohortHeatmap(table, { title: ${JSON.stringify(TITLE)}, width: 640 });
document.getElementById('net-revenue').textContent = summarize(book).netRevenue.toFixed(2);
document.getElementById('same-class').textContent = String(CalendarOptionError === InvalidOptionError);
document.getElementById('rows').textContent = JSON.stringify(table.toRows());`,
  );
}

/**
 * A page that imports only the root entry and shows a summary's net revenue.
 *
 * @param base - the URL path of the browser build's folder, with a trailing slash
 * @returns the page's HTML
 */
export function metricsPage(base: string): string {
  return shell(
    '<p id="net-revenue"></p>',
    `import { ledger, summarize } from '${base}index.js';
const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '19.99' }, { customerId: 'a', date: '2024-02-01', amount: '0.01' }]);
document.getElementById('net-revenue').textContent = summarize(book).netRevenue.toFixed(2);`,
  );
}
