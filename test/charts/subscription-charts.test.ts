import { describe, expect, test } from 'vitest';
import { mrrMovementsChart } from '../../src/charts/mrr-movements-chart.ts';
import { survivalCurves } from '../../src/charts/survival-curves.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { mrrReport } from '../../src/subscriptions/mrr-report.ts';
import { all, parseSvg, texts } from './svg.ts';

describe('survivalCurves', () => {
  // Two subscriptions started in January: one ends in March; as of the end of June.
  const table = Cohort.fromSubscriptions([
    { customerId: 'a', start: '2024-01-05', end: '2024-03-10' },
    { customerId: 'b', start: '2024-01-20' },
    { customerId: 'c', start: '2024-02-03' },
  ]).asOf('2024-06-30T23:59:59.999Z').table();

  test('the pooled curve starts at 100% and steps down to each cell’s survival', () => {
    const svg = parseSvg(survivalCurves(table));
    const tips = texts(svg, 'g.rm-overall-point title');
    expect(tips[0]).toBe('After 0 months: 100%');
    expect(tips).toHaveLength(table.overall.length + 1);
    expect(tips.at(-1)).toBe(`After ${table.overall.length} months: ${Math.round((table.overall.at(-1)?.survival ?? 0) * 1000) / 10}%`);
  });

  test('one step line per start cohort, drawn as steps', () => {
    const svg = parseSvg(survivalCurves(table));
    const paths = all(svg, 'g.rm-cohort-survival path');
    expect(paths).toHaveLength(2);
    // A step after each point: every other point keeps the x of the one before (a vertical drop).
    const xs = (paths[0]?.getAttribute('d') ?? '').split(/[ML]/).filter((p) => p !== '').map((p) => p.split(',')[0]);
    expect(xs.length).toBe(2 * (table.cohorts[0]?.cells.length ?? 0) + 1);
    expect(texts(svg, 'g[aria-label="legend"] text')).toEqual(['All subscriptions (Kaplan–Meier)', 'Started 2024-01', 'Started 2024-02']);
  });

  test('a table without subscriptions is a chart with a note', () => {
    expect(survivalCurves(Cohort.fromSubscriptions([]).table())).toContain('No subscriptions to show.');
  });
});

describe('mrrMovementsChart', () => {
  // Jan: a new 10, b new 30. Feb: b expands to 50. Mar: a churns.
  const report = mrrReport(
    [
      { customerId: 'a', start: '2024-01-01', end: '2024-03-01', amount: '10.00' },
      { customerId: 'b', subscriptionId: 'b1', start: '2024-01-10', end: '2024-02-15', amount: '30.00' },
      { customerId: 'b', subscriptionId: 'b1', start: '2024-02-15', amount: '50.00' },
    ],
    { asOf: '2024-03-31T23:59:59.999Z' },
  );

  /** Non-zero bars: tooltip → above or below the zero line. */
  function sides(markup: string): Record<string, string> {
    const svg = parseSvg(markup);
    const zero = Number(svg.querySelector('g.rm-zero line')?.getAttribute('y1'));
    const out: Record<string, string> = {};
    for (const rect of all(svg, 'g.rm-movement-bar rect')) {
      if (Number(rect.getAttribute('height')) === 0) continue;
      out[rect.querySelector('title')?.textContent ?? ''] = Number(rect.getAttribute('y')) < zero ? 'above' : 'below';
    }
    return out;
  }

  test('gains stand above the zero line, losses below', () => {
    expect(sides(mrrMovementsChart(report))).toEqual({
      '2024-01: new +40': 'above',
      '2024-02: expansion +20': 'above',
      '2024-03: churn −10': 'below',
    });
  });

  test('the net new MRR of each period is a point', () => {
    expect(texts(parseSvg(mrrMovementsChart(report)), 'g.rm-net-point title')).toEqual(['2024-01: net new MRR 40', '2024-02: net new MRR 20', '2024-03: net new MRR −10']);
  });
});
