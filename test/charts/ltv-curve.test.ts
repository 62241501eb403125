import { describe, expect, test } from 'vitest';
import { ltvCurve } from '../../src/charts/ltv-curve.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { optionError } from '../helpers/option-error.ts';
import { all, parseSvg, texts } from './svg.ts';

// 2024-01: a (10, then 15 in Feb, refund −5 in Mar), b (20). As of mid-March: March incomplete.
const orders = [
  { customerId: 'a', date: '2024-01-03', amount: 10 },
  { customerId: 'b', date: '2024-01-09', amount: 20 },
  { customerId: 'a', date: '2024-02-11', amount: 15 },
  { customerId: 'a', date: '2024-03-02', amount: -5 },
];
const table = Cohort.from(orders).asOf('2024-03-15T00:00:00Z').table();

describe('ltvCurve', () => {
  test('the average points are the cumulative net revenue per customer of the complete offsets', () => {
    const svg = parseSvg(ltvCurve(table, { currency: 'USD' }));
    expect(texts(svg, 'g.rm-average-point title')).toEqual(['Average, 0: 15', 'Average, 1: 22.50']);
  });

  test('the incomplete offset continues the cohort dashed', () => {
    const svg = parseSvg(ltvCurve(table));
    expect(all(svg, 'g.rm-incomplete-part path')).toHaveLength(1);
  });

  test('the money axis names its currency, or says currency units without one', () => {
    expect(texts(parseSvg(ltvCurve(table, { currency: 'eur' })), 'g[aria-label="y-axis label"] text')).toEqual(['Cumulative net revenue per customer (EUR)']);
    expect(texts(parseSvg(ltvCurve(table)), 'g[aria-label="y-axis label"] text')).toEqual(['Cumulative net revenue per customer (currency units)']);
  });

  test('a currency that is not a three-letter code is an InvalidOptionError naming currency', () => {
    expect(optionError(() => ltvCurve(table, { currency: 'dollars' })).option).toBe('currency');
  });
});
