import { describe, expect, test } from 'vitest';
import { lifecycleChart } from '../../src/charts/lifecycle-chart.ts';
import { ledger } from '../../src/input/ledger.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { optionError } from '../helpers/option-error.ts';
import { all, parseSvg, texts } from './svg.ts';

// Jan: a, b new. Feb: a returning, b dormant. Mar: b resurrected, a dormant.
const orders = [
  { customerId: 'a', date: '2024-01-05', amount: 10 },
  { customerId: 'b', date: '2024-01-06', amount: 10 },
  { customerId: 'a', date: '2024-02-05', amount: 30 },
  { customerId: 'b', date: '2024-03-05', amount: 20 },
];
const rows = periodLifecycle(orders, { period: 'month', asOf: '2024-03-31T23:59:59.999Z' });

/** Each bar's tooltip and whether it lies above or below the zero line (by its y against the rule's). */
function bars(markup: string): Map<string, 'above' | 'below'> {
  const svg = parseSvg(markup);
  const zero = Number(svg.querySelector('g.rm-zero line')?.getAttribute('y1'));
  const found = new Map<string, 'above' | 'below'>();
  for (const rect of all(svg, 'g.rm-lifecycle-bar rect')) {
    const y = Number(rect.getAttribute('y'));
    const height = Number(rect.getAttribute('height'));
    if (height === 0) continue;
    found.set(rect.querySelector('title')?.textContent ?? '', y + height <= zero + 0.5 ? 'above' : 'below');
  }
  return found;
}

describe('lifecycleChart', () => {
  test('new, returning and resurrected stand above the zero line, dormant below', () => {
    expect(Object.fromEntries(bars(lifecycleChart(rows)))).toEqual({
      '2024-01: 2 new': 'above',
      '2024-02: 1 returning': 'above',
      '2024-02: 1 dormant': 'below',
      '2024-03: 1 resurrected': 'above',
      '2024-03: 1 dormant': 'below',
    });
  });

  test('one band per period, in order', () => {
    const svg = parseSvg(lifecycleChart(rows));
    expect(texts(svg, 'g[aria-label="x-axis tick label"] text')).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  test('a period not over is drawn faded and named in a note', () => {
    const open = periodLifecycle(orders, { period: 'month', asOf: '2024-03-15T00:00:00Z' });
    const markup = lifecycleChart(open);
    const faded = all(parseSvg(markup), 'g.rm-lifecycle-bar rect').filter((r) => r.getAttribute('fill-opacity') === '0.45');
    expect(faded.map((r) => r.querySelector('title')?.textContent).filter((t) => !(t ?? '').includes(': 0 '))).toEqual([
      '2024-03: 1 resurrected (period not over)',
      '2024-03: 1 dormant (period not over)',
    ]);
    expect(markup).toContain('Faded: a period not over');
  });

  test('the legend names the four states as the docs do', () => {
    expect(texts(parseSvg(lifecycleChart(rows)), 'g[aria-label="legend"] text')).toEqual(['New', 'Returning', 'Resurrected', 'Dormant']);
  });

  test('a breakdown is refused with the way to chart it', () => {
    const book = ledger(orders, { customers: [{ customerId: 'a', plan: 'pro' }] });
    const split = periodLifecycle(book, { period: 'month', by: 'plan' });
    expect(optionError(() => lifecycleChart(split as never)).message).toContain('chart its `total`');
  });

  test('no rows is a chart with a note', () => {
    expect(lifecycleChart([])).toContain('No periods to show.');
  });
});
