// The browser build in a real browser: headless Chromium loads pages whose inline module scripts import
// the build by URL from a loopback server (no import map), read an inline CSV, compute a cohort table
// and render its heatmap into the page. The build is made by the same function as `npm run build`, into
// a temporary folder. The suite is skipped when Chromium is not installed, unless
// RETENTION_METRICS_REQUIRE_SERVERS=1 (as in CI), which makes a missing browser fail the run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';
import { Cohort, ledger, summarize } from '../../src/index.ts';
import { type Chromium, SKIP_REASON, browserRequired, chromiumFound, launchChromium } from './chromium.ts';
import { AS_OF, CONTENT_SECURITY_POLICY, FIELDS, ORDERS_CSV, TITLE, heatmapPage, metricsPage, readCsv } from './page.ts';
import { type StaticServer, serveStatic } from './static-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOT = join(root, '.tmp', 'browser', 'cohort-heatmap.png');
const BASE = '/browser/';

const book = ledger(readCsv(ORDERS_CSV), { fields: FIELDS });
const table = Cohort.from(book).by('month').asOf(AS_OF).table();

let work: string | undefined;
let build: Awaited<ReturnType<typeof buildBrowser>> | undefined;
let server: StaticServer | undefined;
let browser: Chromium | undefined;

function running(): { build: NonNullable<typeof build>; server: StaticServer; browser: Chromium } {
  if (build === undefined || server === undefined || browser === undefined) throw new Error('the build, server or browser did not start');
  return { build, server, browser };
}

/** What a page reported in the browser console as an error, by the page's path. */
const consoleErrors = new Map<string, string[]>();

/** Opens a page and waits for its script to finish; fails with the page's errors if it did not. */
async function open(path: string): Promise<Page> {
  const { server: { origin }, browser: { context } } = running();
  const page = await context.newPage();
  const thrown: string[] = [];
  const logged: string[] = [];
  consoleErrors.set(path, logged);
  page.on('pageerror', (error) => thrown.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') logged.push(message.text());
  });
  await page.goto(`${origin}${path}`);
  try {
    await page.waitForSelector('body[data-done]', { timeout: 20_000 });
  } catch {
    throw new Error(`the page's script did not finish: ${[...thrown, ...logged].join('; ') || 'no error reported'}`);
  }
  expect(thrown).toEqual([]);
  return page;
}

/** The build's files a page requested, relative to the build's folder. */
function buildFilesRequested(from: number): string[] {
  const requested = running().server.requested.slice(from);
  return [...new Set(requested.filter((path) => path.startsWith(BASE)).map((path) => path.slice(BASE.length)))].sort();
}

if (!chromiumFound && !browserRequired) describe.skip(`the browser build in headless Chromium — skipped: ${SKIP_REASON}`, () => test('needs Chromium', () => undefined));

describe.runIf(chromiumFound || browserRequired)('the browser build in headless Chromium', () => {
  let heatmap: Page | undefined;
  let heatmapRequests: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'retention-metrics-browser-'));
    build = await buildBrowser({ outdir: join(work, 'browser') });
    server = await serveStatic({ '/heatmap.html': heatmapPage(BASE), '/metrics.html': metricsPage(BASE) }, BASE, build.outdir);
    browser = await launchChromium();
    heatmap = await open('/heatmap.html');
    heatmapRequests = buildFilesRequested(0);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  const page = (): Page => {
    if (heatmap === undefined) throw new Error('the heatmap page did not open');
    return heatmap;
  };

  test('the cohort table computed in the page equals the one computed in Node', async () => {
    const rows: unknown = JSON.parse((await page().locator('#rows').textContent()) ?? 'null');
    expect(rows).toEqual(JSON.parse(JSON.stringify(table.toRows())));
  });

  test('the net revenue shown in the page equals summarize in Node', async () => {
    expect(await page().locator('#net-revenue').textContent()).toBe(summarize(book).netRevenue.toFixed(2));
    expect(await page().locator('#net-revenue').textContent()).toBe('146.25');
  });

  test('the heatmap is drawn into the page as an svg with one rect per cell', async () => {
    const cells = table.cohorts.reduce((sum, cohort) => sum + cohort.cells.length, 0);
    expect(cells).toBe(5);
    expect(await page().locator('#chart svg').count()).toBeGreaterThan(0);
    expect(await page().locator('#chart svg g[aria-label="cell"] rect').count()).toBe(cells);
  });

  test('the heatmap marks each incomplete cell', async () => {
    const incomplete = table.cohorts.reduce((sum, cohort) => sum + cohort.cells.filter((cell) => !cell.complete).length, 0);
    expect(incomplete).toBe(2);
    const labels = await page().locator('#chart svg g[aria-label="text"] text').allTextContents();
    expect(labels.filter((label) => label.endsWith('*'))).toHaveLength(incomplete);
  });

  test('the heatmap shows its title and the rates as percentages', async () => {
    const text = (await page().locator('#chart').textContent()) ?? '';
    expect(text).toContain(TITLE);
    const first = table.cohorts[0]?.cells[1];
    expect(first?.rate).toBeCloseTo(1 / 3, 12);
    expect(text).toMatch(/33(?:\.3)?\s?%/);
  });

  test('computing and drawing in the page logs no error to the browser console', () => {
    expect(consoleErrors.get('/heatmap.html')).toEqual([]);
  });

  test('the page runs under a Content Security Policy that forbids eval', async () => {
    const policy = await page().locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    expect(policy).not.toContain('unsafe-eval');
    expect(await page().locator('#chart svg').count()).toBeGreaterThan(0);
  });

  test('an error class of the calendar entry is the root entry’s class', async () => {
    expect(await page().locator('#same-class').textContent()).toBe('true');
  });

  test('the page loads the three entries and their chunks, and nothing beyond the loopback server', async () => {
    const { build: built, server: { origin } } = running();
    const wanted = new Set(['index.js', 'calendar.js', 'charts.js'].flatMap((entry) => built.loads[entry]?.files ?? [`missing ${entry}`]));
    expect(heatmapRequests).toEqual([...wanted].sort());
    const urls: string[] = [];
    const other = await running().browser.context.newPage();
    other.on('request', (request) => urls.push(request.url()));
    await other.goto(`${origin}/heatmap.html`);
    await other.waitForSelector('body[data-done]', { timeout: 20_000 });
    await other.close();
    expect(urls.length).toBeGreaterThan(1);
    expect(urls.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  });

  test('a page importing only the root entry loads none of the chart code', async () => {
    const { build: built } = running();
    const from = running().server.requested.length;
    const metrics = await open('/metrics.html');
    expect(await metrics.locator('#net-revenue').textContent()).toBe('20.00');
    await metrics.close();
    const files = buildFilesRequested(from);
    expect(files).toEqual(built.loads['index.js']?.files);
    expect(files).not.toContain('charts.js');
    const chartsOnly = (built.loads['charts.js']?.files ?? []).filter((file) => !files.includes(file));
    expect(chartsOnly).toContain('charts.js');
  });

  test('a screenshot of the rendered page is saved as a PNG', async () => {
    mkdirSync(join(root, '.tmp', 'browser'), { recursive: true });
    await page().screenshot({ path: SCREENSHOT, fullPage: true });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(900);
  });
});
