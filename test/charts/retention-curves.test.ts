import { describe, expect, test } from 'vitest';
import { retentionCurves } from '../../src/charts/retention-curves.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { all, parseSvg, texts } from './svg.ts';

const orders = [
  { customerId: 'a', date: '2024-01-03', amount: 10 },
  { customerId: 'b', date: '2024-01-09', amount: 20 },
  { customerId: 'a', date: '2024-02-11', amount: 15 },
  { customerId: 'd', date: '2024-02-14', amount: 5 },
  { customerId: 'b', date: '2024-03-02', amount: 20 },
];
const table = Cohort.from(orders).asOf('2024-03-15T00:00:00Z').table();

/** The points of a path `M x,y L x,y …`. */
const points = (d: string | null): number => (d ?? '').split(/[ML]/).filter((p) => p !== '').length;

describe('retentionCurves', () => {
  test('one solid line per cohort over its complete cells, dashed on to its incomplete ones', () => {
    const svg = parseSvg(retentionCurves(table));
    const solid = all(svg, 'g.rm-cohort-curve path');
    expect(solid.map((p) => points(p.getAttribute('d')))).toEqual([2, 1]); // Jan: 0, 1; Feb: 0
    const dashed = all(svg, 'g.rm-incomplete-part path');
    expect(dashed.map((p) => points(p.getAttribute('d')))).toEqual([2, 2]); // Jan: 1 → 2; Feb: 0 → 1
    expect(all(svg, 'g.rm-incomplete-part')[0]?.getAttribute('stroke-dasharray')).toBe('4,3');
  });

  test('the average curve runs over the offsets with a complete cell', () => {
    const svg = parseSvg(retentionCurves(table));
    expect(all(svg, 'g.rm-average-point circle')).toHaveLength(2);
    expect(texts(svg, 'g.rm-average-point title')).toEqual(['Average, 0: 100%', 'Average, 1: 50%']);
  });

  test('the rate axis is in percent, the offsets in months', () => {
    const svg = parseSvg(retentionCurves(table));
    const ticks = texts(svg, 'g[aria-label="y-axis tick label"] text');
    expect(ticks[0]).toBe('0%');
    expect(ticks.at(-1)).toBe('100%');
    expect(texts(svg, 'g[aria-label="y-axis label"] text')).toEqual(['Retention rate (%)']);
    expect(texts(svg, 'g[aria-label="x-axis label"] text')).toEqual(['Months since first order']);
  });

  test('the legend names the average and each cohort', () => {
    const svg = parseSvg(retentionCurves(table));
    expect(texts(svg, 'g[aria-label="legend"] text')).toEqual(['Average (weighted by cohort size)', '2024-01', '2024-02']);
  });

  test('more cohorts than colours are drawn alike, with one legend entry', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ customerId: `c${i}`, date: `2024-${String(i + 1).padStart(2, '0')}-05`, amount: 1 }));
    const svg = parseSvg(retentionCurves(Cohort.from(many).asOf('2024-12-31T00:00:00Z').table()));
    expect(texts(svg, 'g[aria-label="legend"] text')).toEqual(['Average (weighted by cohort size)', 'Each of the 10 cohorts']);
  });

  test('a table without cohorts is a chart with a note', () => {
    expect(retentionCurves(Cohort.from([]).table())).toContain('No cohorts to show.');
  });
});
