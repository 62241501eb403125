import { describe, expect, test } from 'vitest';
import { dormancyChart } from '../../src/charts/dormancy-chart.ts';
import { rfmChart } from '../../src/charts/rfm-chart.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { rfm } from '../../src/segments/rfm.ts';
import { optionError } from '../helpers/option-error.ts';
import { all, parseSvg, texts } from './svg.ts';

const orders = [
  { customerId: 'a', date: '2024-12-30', amount: '50.00' },
  { customerId: 'a', date: '2024-12-20', amount: '10.00' },
  { customerId: 'b', date: '2024-11-01', amount: '20.00' },
  { customerId: 'c', date: '2024-05-01', amount: '500.00' },
  { customerId: 'd', date: '2023-06-01', amount: '5.00' },
];

describe('rfmChart', () => {
  const report = rfm(orders, { asOf: '2024-12-31', bins: 2 });

  test('one cell per (R, F) pair, counting the customers summed over M', () => {
    const svg = parseSvg(rfmChart(report));
    expect(all(svg, 'g.rm-grid-cell rect')).toHaveLength(4);
    const counts = Object.fromEntries(all(svg, 'g.rm-grid-cell title').map((t) => (t.textContent ?? '').split(': ')));
    // a: most recent and most frequent (R 2, F 2); b: R 2, F 1; c, d: R 1, F 1.
    expect(counts).toEqual({ 'R 1, F 1': '2 customers (50%)', 'R 1, F 2': '0 customers (0%)', 'R 2, F 1': '1 customers (25%)', 'R 2, F 2': '1 customers (25%)' });
  });

  test('axes name the scores, the highest frequency at the top', () => {
    const svg = parseSvg(rfmChart(report));
    expect(texts(svg, 'g[aria-label="x-axis label"] text')).toEqual(['Recency score (R)']);
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).toEqual(['2', '1']);
  });

  test('a report without customers is a chart with a note', () => {
    expect(rfmChart(rfm([], { bins: 2 }))).toContain('No customers to show.');
  });

  test('something that is not an RFM report is an InvalidOptionError naming report', () => {
    expect(optionError(() => rfmChart({} as never)).option).toBe('report');
  });
});

describe('dormancyChart', () => {
  const report = dormancy(orders, { asOf: '2024-12-31' });

  test('one bar per segment, in the order active, at risk, dormant, lost, labelled with count, share and value', () => {
    const svg = parseSvg(dormancyChart(report, { currency: 'USD' }));
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).toEqual(['Active', 'At risk', 'Dormant', 'Lost']);
    expect(texts(svg, 'g.rm-segment-label text')).toEqual(['2 (50%) · value 80.00', '0 (0%) · value 0.00', '1 (25%) · value 500.00', '1 (25%) · value 5.00']);
  });

  test('counts and amounts group thousands with commas, as the tables beside them do', () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ customerId: `c${i}`, date: '2024-12-01', amount: '1000.00' }));
    const markup = dormancyChart(dormancy(many, { asOf: '2024-12-31' }));
    expect(markup).toContain('1,200 customers.');
    expect(texts(parseSvg(markup), 'g.rm-segment-label text')[0]).toBe('1,200 (100%) · value 1,200,000.00');
  });

  test('the note names no day: the report does not say in which time zone its as-of falls', () => {
    expect(dormancyChart(report)).not.toMatch(/as of \d{4}-/);
    expect(rfmChart(rfm(orders, { asOf: '2024-12-31', bins: 2 }))).not.toMatch(/as of \d{4}-/);
  });

  test('the value is named with its currency', () => {
    expect(dormancyChart(report, { currency: 'USD' })).toContain('net revenue to date (USD)');
  });

  test('a report without customers is a chart with a note', () => {
    expect(dormancyChart(dormancy([]))).toContain('No customers to show.');
  });

  test('something that is not a dormancy report is an InvalidOptionError naming report', () => {
    expect(optionError(() => dormancyChart({ segments: {} } as never)).option).toBe('report');
  });
});
