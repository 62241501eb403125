// The `report` command end to end on the shipped CDNOW file, run once in-process: its exit code, the
// columns it says it guessed, the headline numbers against the library's own summarize, and the HTML
// and JSON files it writes.
import { beforeAll, describe, expect, test } from 'vitest';
import { ledger, summarize } from '../../src/index.ts';
import { readCdnow } from '../../example/cdnow.ts';
import { CDNOW, type RunResult, runCli } from './memory-io.ts';

let result: RunResult;
let html: string;

beforeAll(async () => {
  result = await runCli(['report', CDNOW, '--html', 'report.html', '--json', 'report.json']);
  html = result.written.get('report.html') ?? '';
}, 120_000);

describe('report on CDNOW', () => {
  test('exits 0', () => {
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
  });

  test('names the columns it guessed on standard error', () => {
    expect(result.stderr).toContain('Columns guessed: customer = customer_id, date = date, amount = dollar_value');
  });

  test('prints the headline numbers summarize gives on the same data', () => {
    const s = summarize(ledger(readCdnow()));
    expect(s.customers).toBe(23_570);
    expect(result.stdout).toMatch(/^customers +23,570$/m);
    expect(result.stdout).toMatch(new RegExp(`^orders +${s.orders.toLocaleString('en-US')}$`, 'm'));
    expect(result.stdout).toMatch(/^gross revenue +2,500,315\.63$/m);
    expect(result.stdout).toMatch(/^repeat customers +11,662$/m);
  });

  test('prints every section of the report', () => {
    for (const title of ['Headline metrics', 'Period retention', 'Acquisition cohorts', 'Lifecycle by month', 'RFM segments', 'Dormancy', 'Customer lifetime value', 'Purchase and spend models', 'Top 10 customers']) {
      expect(result.stdout).toContain(title);
    }
  });

  test('writes an HTML page with the data source, the columns used, the as-of day and the tables', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>Retention report — CDNOW_master.txt</title>');
    expect(html).toContain('“customer_id” (guessed)');
    expect(html).toContain('1998-06-30, end of day (UTC)');
    expect(html).toContain('Acquisition cohorts (Cohort)');
    expect(html).toMatch(/<td>customers<\/td><td class="num">23,570<\/td>/);
    expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(8);
  });

  test('the HTML page is self-contained: no scripts and no references to other places', () => {
    expect(html).not.toMatch(/<script/i);
    // The SVG namespace is a name, not a place the page loads from.
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '').replaceAll('xmlns:xlink="http://www.w3.org/1999/xlink"', '')).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<link|<img|<iframe|@import|url\(/i);
  });

  test('the HTML page opens with the facts, the headline tiles and the charts at a glance, before the contents', () => {
    const order = ['<h1>', '<dl class="facts">', '<dl class="tiles">', '<section id="glance">', '<nav>', '<section id="headline">', '<footer id="definitions">'].map((tag) => html.indexOf(tag));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('<div class="tile"><dt>Customers</dt><dd>23,570</dd></div>');
    expect(html).toContain('<div class="tile"><dt>Net revenue</dt><dd>2,500,315.63</dd></div>');
  });

  test('the HTML page holds the charts as inline SVG in their sections, the heatmap and retention curves once at a glance', () => {
    const section = (id: string) => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));
    expect((section('glance').match(/<figure>/g) ?? []).length).toBe(2);
    expect(section('glance')).toContain('Cohort retention');
    expect(section('glance')).toContain('Retention curves');
    expect((html.match(/rm-complete-cell/g) ?? []).length).toBe(1);
    expect((section('cohorts').match(/<figure>/g) ?? []).length).toBe(1);
    expect(section('cohorts')).toContain('<a href="#glance">');
    for (const id of ['lifecycle', 'rfm', 'dormancy']) expect(section(id)).toContain('<svg');
    // tracking plot, frequency histogram and P(alive) matrix of the fitted BG/NBD
    expect((section('models').match(/<figure><(?:svg|figure)/g) ?? []).length).toBe(3);
    expect(html).not.toContain('class="note">No ');
  });

  test('writes JSON with the summary as plain data, money as decimal strings', () => {
    const json = JSON.parse(result.written.get('report.json') ?? 'null') as { summary: { customers: number; grossRevenue: string }; columns: { customer: string }; asOf: string };
    expect(json.summary.customers).toBe(23_570);
    expect(json.summary.grossRevenue).toBe('2500315.63');
    expect(json.columns.customer).toBe('customer_id');
    expect(json.asOf).toBe('1998-06-30');
  });
});
