import { describe, expect, test, vi } from 'vitest';
import {
  cohortHeatmap,
  dormancyChart,
  frequencyHistogram,
  lifecycleChart,
  ltvCurve,
  mrrMovementsChart,
  pAliveMatrix,
  retentionCurves,
  rfmChart,
  survivalCurves,
  trackingPlot,
} from '../../src/charts.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';
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
const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });
const summary = rfmSummary(orders, { calibrationEnd: '2024-02-29', holdoutEnd: '2024-03-15', unit: 'week' });

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
  ['pAliveMatrix', (o) => pAliveMatrix(model, { ...o, summary })],
  ['trackingPlot', (o) => trackingPlot({ model, summary }, o)],
  ['frequencyHistogram', (o) => frequencyHistogram({ model, summary }, o)],
];

test('a small cohort heatmap matches its golden SVG', async () => {
  await expect(cohortHeatmap(table)).toMatchFileSnapshot('golden/cohort-heatmap.svg');
});

describe.each(CHARTS)('%s', (_name, draw) => {
  test('the same input gives the same markup', () => {
    expect(draw({})).toBe(draw({}));
  });

  test('nothing is written to the console', () => {
    const spies = (['warn', 'log', 'error', 'info', 'debug'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => undefined));
    draw({});
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
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

describe('names that come from the data', () => {
  const hostile = '<img src=x onerror="alert(1)">';
  const split = Cohort.from(orders).asOf('2024-03-15T00:00:00Z').segmentBy(() => hostile).table();

  test.each([
    ['cohortHeatmap', () => cohortHeatmap(split)],
    ['retentionCurves', () => retentionCurves(split)],
  ])('a segment name in %s is text, not markup', (_name, draw) => {
    const markup = draw();
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img src=x onerror="alert(1)"&gt;');
  });
});
