// The browser build in Deno with no flags: `deno run --no-prompt` (no permission granted, none asked
// for) of a script that imports the build by a relative path computes what Node computes. The build is
// made into a temporary folder by the same function as `npm run build`; Deno is the project's
// devDependency, with its cache in that folder.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';
import { Cohort, ledger, summarize } from '../../src/index.ts';
import { AS_OF, FIELDS, ORDERS_CSV, readCsv } from './page.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DENO = join(root, 'node_modules', '.bin', 'deno');
const run = promisify(execFile);

let work: string | undefined;

/** Runs a script written into the work folder with `deno run --no-prompt` and no other flag. */
async function deno(name: string, script: string): Promise<{ stdout: string; stderr: string }> {
  if (work === undefined) throw new Error('the build did not run');
  writeFileSync(join(work, name), script);
  return run(DENO, ['run', '--no-prompt', name], {
    cwd: work,
    env: { ...process.env, DENO_DIR: join(work, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** The summary and cohort rows of the orders, as the scripts print them. */
const SUMMARY_SCRIPT = `import { Cohort, ledger, summarize } from './browser/index.js';
const [header, ...lines] = ${JSON.stringify(ORDERS_CSV)}.trim().split('\\n');
const names = header.split(',');
const orders = lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i], value])));
const book = ledger(orders, { fields: ${JSON.stringify(FIELDS)} });
const s = summarize(book);
const rows = Cohort.from(book).by('month').asOf(${JSON.stringify(AS_OF)}).table().toRows();
console.log(JSON.stringify({ customers: s.customers, orders: s.orders, netRevenue: s.netRevenue.toFixed(2), averageOrderValue: s.averageOrderValue?.toFixed(2), rows }));
`;

describe('the browser build in Deno without flags', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'retention-metrics-deno-'));
    await buildBrowser({ outdir: join(work, 'browser') });
  }, 60_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  test('a script importing it by a relative path computes the summary and cohort rows Node computes', async () => {
    const book = ledger(readCsv(ORDERS_CSV), { fields: FIELDS });
    const s = summarize(book);
    const rows = Cohort.from(book).by('month').asOf(AS_OF).table().toRows();
    const { stdout } = await deno('summary.mjs', SUMMARY_SCRIPT);
    expect(JSON.parse(stdout)).toEqual({
      customers: s.customers,
      orders: s.orders,
      netRevenue: '146.25',
      averageOrderValue: s.averageOrderValue?.toFixed(2),
      rows: JSON.parse(JSON.stringify(rows)),
    });
  });

  test('the calendar entry throws the root entry’s error class', async () => {
    const { stdout } = await deno(
      'classes.mjs',
      `import { InvalidOptionError } from './browser/index.js';
import { periodKey } from './browser/calendar.js';
try { periodKey(0, 'fortnight'); } catch (error) { console.log(error instanceof InvalidOptionError, error.option); }
`,
    );
    expect(stdout.trim()).toBe('true period');
  });

  test('the charts entry loads without a DOM, and a chart drawn without one says a page is needed', async () => {
    const { stdout } = await deno(
      'chart.mjs',
      `import { Cohort } from './browser/index.js';
import { cohortHeatmap } from './browser/charts.js';
const table = Cohort.from([{ customerId: 'a', date: '2024-01-03', amount: 10 }]).asOf('2024-01-31T23:59:59Z').table();
try { cohortHeatmap(table); console.log('drawn'); } catch (error) { console.log(error.message); }
`,
    );
    expect(stdout).toMatch(/charts need a DOM: run them in a page/);
  });
});
