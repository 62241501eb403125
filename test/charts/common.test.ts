import { describe, expect, test } from 'vitest';
import { cohortHeatmap, dormancyChart, lifecycleChart, ltvCurve, mrrMovementsChart, retentionCurves, rfmChart, survivalCurves } from '../../src/charts.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { rfm } from '../../src/segments/rfm.ts';
import { mrrReport } from '../../src/subscriptions/mrr-report.ts';
import { parseSvg } from './svg.ts';

const orders = [
  { customerId: 'a', date: '2024-01-03', amount: 10 },
  { customerId: 'b', date: '2024-01-09', amount: 20 },
  { customerId: 'a', date: '2024-02-11', amount: 15 },
  { customerId: 'd', date: '2024-02-14', amount: 5 },
];
const table = Cohort.from(orders).asOf('2024-03-15T00:00:00Z').table();
const lifecycle = periodLifecycle(orders, { period: 'month', asOf: '2024-03-15T00:00:00Z' });
const subscriptions = [
  { customerId: 'a', start: '2024-01-01', end: '2024-03-01', amount: '10.00' },
  { customerId: 'b', start: '2024-01-10', amount: '30.00' },
];
const survival = Cohort.fromSubscriptions(subscriptions).asOf('2024-03-15T00:00:00Z').table();
const mrr = mrrReport(subscriptions, { asOf: '2024-03-15T00:00:00Z' });

/** Every chart, drawn with the given options. */
const CHARTS: ReadonlyArray<readonly [string, (options: { title?: string; subtitle?: string }) => string]> = [
  ['cohortHeatmap', (o) => cohortHeatmap(table, o)],
  ['retentionCurves', (o) => retentionCurves(table, o)],
  ['lifecycleChart', (o) => lifecycleChart(lifecycle, o)],
  ['ltvCurve', (o) => ltvCurve(table, o)],
  ['rfmChart', (o) => rfmChart(rfm(orders, { asOf: '2024-03-15' }), o)],
  ['dormancyChart', (o) => dormancyChart(dormancy(orders, { asOf: '2024-03-15' }), o)],
  ['survivalCurves', (o) => survivalCurves(survival, o)],
  ['mrrMovementsChart', (o) => mrrMovementsChart(mrr, o)],
];

describe.each(CHARTS)('%s', (_name, draw) => {
  test('the same input gives the same markup', () => {
    expect(draw({})).toBe(draw({}));
  });

  test('the markup is one self-contained <svg> with its namespace, no script, no external reference', () => {
    const markup = draw({});
    expect(markup.startsWith('<svg')).toBe(true);
    expect(markup.endsWith('</svg>')).toBe(true);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).not.toMatch(/<script|href=|url\(http/i);
  });

  test('a hostile title and subtitle are text, not markup', () => {
    const hostile = '<script>alert("x")</script> & <b>';
    const markup = draw({ title: hostile, subtitle: hostile });
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<b>');
    expect(markup).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;');
    expect(parseSvg(markup).querySelector('text')?.textContent).toBe(hostile);
  });

  test('an empty title and subtitle leave them out', () => {
    const markup = draw({ title: '', subtitle: '' });
    expect(markup).not.toMatch(/^<svg[^>]*><title>/);
    expect(markup).not.toContain('font-weight="bold" font-size="16"');
  });
});
