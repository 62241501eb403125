// The HTML report in a real browser: the `report` command runs in-process on a small CSV and on the
// shipped CDNOW file, and headless Chromium opens each page it writes. Every request the page makes is
// recorded, and every request but the page's own is refused, so a page that loads anything fails. The
// DOM is checked against the library's own results, and a full-page screenshot of the CDNOW report is
// saved to .tmp/cli/report.png (its first screen to report-first-screen.png). The suite is skipped when Chromium is not installed, unless
// RETENTION_METRICS_REQUIRE_SERVERS=1 (as in CI), which makes a missing browser fail the run.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { Cohort, type Summary, ledger, summarize } from '../../src/index.ts';
import { type Chromium, SKIP_REASON, browserRequired, chromiumFound, launchChromium } from '../browser/chromium.ts';
import { CDNOW, runCli, tempDir, writeTemp } from './memory-io.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCREENSHOT = join(root, '.tmp', 'cli', 'report.png');
const FIRST_SCREEN_SHOT = join(root, '.tmp', 'cli', 'report-first-screen.png');
/** The address the page is served from; the browser gets nothing else. */
const PAGE_URL = 'http://report.invalid/report.html';
/** The first screen the top of the page is laid out for. */
const FIRST_SCREEN = { width: 1100, height: 1400 };

/** 30 customers over six months of 2024; every third stops buying after its first weeks. */
function smallOrders(): Array<{ customer_id: string; date: string; total: string }> {
  const orders: Array<{ customer_id: string; date: string; total: string }> = [];
  for (let i = 0; i < 30; i++) {
    const start = (i * 11) % 60;
    const end = i % 3 === 0 ? start + 40 : 181;
    for (let day = start, k = 0; day < end; day += 7 + (i % 5) * 9, k++) {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      orders.push({ customer_id: `c<${i}>`, date, total: (10 + (i % 6) * 15 + (k % 3) * 4).toFixed(2) });
    }
  }
  return orders;
}

/** What a report page did in the browser. */
interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
}

let browser: Chromium | undefined;
const opened: Opened[] = [];

/** Opens the page with every request but its own refused, and the console's errors recorded. */
async function openReport(html: string): Promise<Opened> {
  if (browser === undefined) throw new Error('the browser did not start');
  const page = await browser.context.newPage();
  await page.setViewportSize(FIRST_SCREEN);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === PAGE_URL) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else await route.abort('blockedbyclient');
  });
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  const result = { page, requests, errors };
  opened.push(result);
  return result;
}

/** The headline tiles as shown: label → text. */
async function tiles(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval('header dl.tiles .tile', (nodes) => nodes.map((n) => [n.querySelector('dt')?.textContent ?? '', n.querySelector('dd')?.textContent ?? '']));
  return new Map(pairs.map(([label = '', value = '']) => [label, value]));
}

/** A tile's number without its grouping commas and percent sign. */
function tileNumber(shown: Map<string, string>, label: string): number {
  const text = shown.get(label);
  if (text === undefined) throw new Error(`no tile "${label}"`);
  return Number(text.replaceAll(',', '').replace('%', ''));
}

/** The tiles say what `summarize` says, to the digits they show. */
async function expectTilesOf(page: Page, summary: Summary): Promise<void> {
  const shown = await tiles(page);
  expect([...shown.keys()]).toEqual(['Customers', 'Orders', 'Net revenue', 'Average order value', 'Repeat-customer rate', 'Orders per customer']);
  expect(tileNumber(shown, 'Customers')).toBe(summary.customers);
  expect(tileNumber(shown, 'Orders')).toBe(summary.orders);
  expect(shown.get('Net revenue')?.replaceAll(',', '')).toBe(summary.netRevenue.toFixed(2));
  expect(shown.get('Average order value')?.replaceAll(',', '')).toBe(summary.averageOrderValue?.toFixed(2));
  expect(tileNumber(shown, 'Repeat-customer rate')).toBeCloseTo((summary.repeatCustomerRate ?? Number.NaN) * 100, 1);
  expect(tileNumber(shown, 'Orders per customer')).toBeCloseTo(summary.purchaseFrequency ?? Number.NaN, 2);
}

/** The cells of the heatmap at a glance. */
async function heatmapCells(page: Page): Promise<number> {
  return page.locator('#glance figure').first().locator('g.rm-complete-cell rect, g.rm-incomplete-cell rect').count();
}

const SECTIONS = ['glance', 'headline', 'retention', 'cohorts', 'lifecycle', 'rfm', 'dormancy', 'clv', 'models', 'forecast'];

beforeAll(async () => {
  if (!chromiumFound && !browserRequired) return;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const { page } of opened) await page.close();
  await browser?.close();
});

describe.skipIf(!chromiumFound && !browserRequired)(`HTML report in headless Chromium (${chromiumFound ? 'Chromium found' : SKIP_REASON})`, () => {
  describe('a small CSV', () => {
    const orders = smallOrders();
    let report: Opened;

    beforeAll(async () => {
      const dir = tempDir();
      try {
        const csv = `customer_id,date,total\n${orders.map((o) => `"${o.customer_id}",${o.date},${o.total}`).join('\n')}\n`;
        const result = await runCli(['report', writeTemp(dir, 'small orders.csv', csv), '--html', 'report.html']);
        expect(result.code).toBe(0);
        report = await openReport(result.written.get('report.html') ?? '');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);

    test('the title names the file', async () => {
      expect(await report.page.locator('h1').textContent()).toBe('Retention report — small orders.csv');
    });

    test('the tiles show what summarize gives', async () => {
      const summary = summarize(ledger(orders, { fields: { customerId: 'customer_id', date: 'date', amount: 'total' } }));
      await expectTilesOf(report.page, summary);
    });

    test('the heatmap has one cell per cohort and period since the first', async () => {
      const book = ledger(orders, { fields: { customerId: 'customer_id', date: 'date', amount: 'total' } });
      const lastDay = orders.map((o) => o.date).sort().at(-1) ?? '';
      const table = Cohort.from(book).by('month').asOf(`${lastDay}T23:59:59.999`).table();
      const cells = table.cohorts.reduce((n, c) => n + c.cells.length, 0);
      expect(cells).toBeGreaterThan(0);
      expect(await heatmapCells(report.page)).toBe(cells);
    });

    test('every section is on the page, the charts at a glance once', async () => {
      for (const id of SECTIONS) expect(await report.page.locator(`section#${id}`).count(), id).toBe(1);
      expect(await report.page.locator('#glance > figure').count()).toBe(2);
      expect(await report.page.locator('section#cohorts g.rm-complete-cell').count()).toBe(0);
    });

    test('customer ids are text, not markup', async () => {
      expect(await report.page.locator('section#forecast td', { hasText: /^c<\d+>$/ }).count()).toBeGreaterThan(0);
    });

    test('logs no error and requests nothing but the page', () => {
      expect(report.errors).toEqual([]);
      expect(report.requests).toEqual([PAGE_URL]);
    });
  });

  describe('CDNOW', () => {
    let report: Opened;

    beforeAll(async () => {
      const result = await runCli(['report', CDNOW, '--html', 'report.html']);
      expect(result.code).toBe(0);
      report = await openReport(result.written.get('report.html') ?? '');
    }, 120_000);

    test('the tiles show what summarize gives', async () => {
      await expectTilesOf(report.page, summarize(ledger(readCdnow())));
    });

    test('the heatmap has one cell per cohort and period since the first', async () => {
      const table = Cohort.from(ledger(readCdnow())).by('month').asOf('1998-06-30T23:59:59.999').table();
      expect(await heatmapCells(report.page)).toBe(table.cohorts.reduce((n, c) => n + c.cells.length, 0));
    });

    test('the facts, the tiles and both charts at a glance fit the first screen', async () => {
      for (const selector of ['h1', 'dl.facts', 'dl.tiles', '#glance > figure:nth-of-type(1)', '#glance > figure:nth-of-type(2)']) {
        const box = await report.page.locator(selector).first().boundingBox();
        expect(box, selector).not.toBeNull();
        expect((box?.y ?? Infinity) + (box?.height ?? 0), selector).toBeLessThanOrEqual(FIRST_SCREEN.height);
        expect((box?.x ?? Infinity) + (box?.width ?? 0), selector).toBeLessThanOrEqual(FIRST_SCREEN.width);
      }
    });

    test('every section is on the page', async () => {
      for (const id of SECTIONS) expect(await report.page.locator(`section#${id}`).count(), id).toBe(1);
    });

    test('logs no error, requests nothing but the page, and is saved as a screenshot', async () => {
      expect(report.errors).toEqual([]);
      expect(report.requests).toEqual([PAGE_URL]);
      mkdirSync(join(root, '.tmp', 'cli'), { recursive: true });
      await report.page.screenshot({ path: FIRST_SCREEN_SHOT });
      const png = await report.page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    });
  });
});
