import { describe, expect, test, vi } from 'vitest';
import { cohortHeatmap } from '../../src/charts/cohort-heatmap.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { InvalidOptionError } from '../../src/errors.ts';
import { optionError } from '../helpers/option-error.ts';
import { all, parseSvg, texts } from './svg.ts';

// Cohorts 2024-01 (a, b, c) and 2024-02 (d); as of mid-March, so March cells are incomplete.
const orders = [
  { customerId: 'a', date: '2024-01-03', amount: 10 },
  { customerId: 'b', date: '2024-01-09', amount: 20 },
  { customerId: 'c', date: '2024-01-20', amount: 5 },
  { customerId: 'a', date: '2024-02-11', amount: 15 },
  { customerId: 'd', date: '2024-02-14', amount: 5 },
  { customerId: 'b', date: '2024-03-02', amount: 20 },
];
const table = Cohort.from(orders).asOf('2024-03-15T00:00:00Z').table();

describe('cohortHeatmap', () => {
  test('one rect per cell of the table, complete and incomplete apart', () => {
    const svg = parseSvg(cohortHeatmap(table));
    expect(all(svg, 'g.rm-complete-cell rect')).toHaveLength(3); // Jan 0, Jan 1, Feb 0
    expect(all(svg, 'g.rm-incomplete-cell rect')).toHaveLength(2); // Jan 2, Feb 1
  });

  test('incomplete cells are dashed, starred and explained in a note', () => {
    const markup = cohortHeatmap(table);
    const svg = parseSvg(markup);
    expect(all(svg, 'g.rm-incomplete-cell')[0]?.getAttribute('stroke-dasharray')).toBe('3,2');
    expect(texts(svg, 'g.rm-rate text')).toEqual(['100%', '33%', '33%*', '100%', '0%*']);
    expect(markup).toContain('* Incomplete: the period has not ended for every member as of 2024-03-15');
  });

  test('the note names the as-of day in the table’s time zone', () => {
    // 2024-03-15T00:00Z is 15 March in UTC and still 14 March in Los Angeles.
    const local = Cohort.from(orders, { timeZone: 'America/Los_Angeles' }).asOf('2024-03-15T00:00:00Z').table();
    expect(cohortHeatmap(local)).toContain('as of 2024-03-14; the rate can still rise');
  });

  test('rows are the cohorts with their sizes, columns the offsets', () => {
    const svg = parseSvg(cohortHeatmap(table));
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).toEqual(['2024-01 (3)', '2024-02 (1)']);
    expect(texts(svg, 'g[aria-label="x-axis tick label"] text')).toEqual(['0', '1', '2']);
    expect(texts(svg, 'g[aria-label="x-axis label"] text')).toEqual(['Months since first order']);
  });

  test('the title and the legend say what is shown, in percent', () => {
    const markup = cohortHeatmap(table);
    const svg = parseSvg(markup);
    expect(svg.querySelector('title')?.textContent).toContain('Cohort retention');
    expect(markup).toContain('Retention rate');
    // The highest later rate is 33 %: bins of 10 %, the last open above 50 %.
    expect(texts(svg, 'svg.retention-metrics-chart-ramp g.tick text')).toEqual(['10%', '20%', '30%', '40%', '50%']);
  });

  test('a table without cohorts is a chart with a note', () => {
    const empty = Cohort.from([]).table();
    const markup = cohortHeatmap(empty);
    expect(markup.startsWith('<svg')).toBe(true);
    expect(markup).toContain('No cohorts to show.');
  });

  test('a segmented table names each row by segment and cohort', () => {
    const split = Cohort.from(orders).asOf('2024-03-15T00:00:00Z').segmentBy((c) => (c.customerId === 'd' ? 'late' : 'early')).table();
    const svg = parseSvg(cohortHeatmap(split));
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).toEqual(['early · 2024-01 (3)', 'late · 2024-02 (1)']);
  });

  test('something that is not a table is an InvalidOptionError naming table', () => {
    expect(optionError(() => cohortHeatmap({ cohorts: 3 } as never)).option).toBe('table');
  });

  test('an unknown option is an InvalidOptionError with the closest name', () => {
    const error = optionError(() => cohortHeatmap(table, { titel: 'x' } as never));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toContain('did you mean `title`?');
  });

  test('a width outside 240…4000 is an InvalidOptionError naming width', () => {
    expect(optionError(() => cohortHeatmap(table, { width: 100 })).option).toBe('width');
  });

  test('nothing is written to the console (date-like cohort keys on a band scale)', () => {
    const spies = (['warn', 'log', 'error', 'info'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => undefined));
    cohortHeatmap(table);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});

describe('cohortHeatmap of many offsets', () => {
  const daily = Cohort.from(orders).by('month').every('day').asOf('2024-03-15T00:00:00Z').table();

  test('cells too narrow for a label show no text, and the offset axis is thinned', () => {
    const svg = parseSvg(cohortHeatmap(daily));
    expect(all(svg, 'g.rm-complete-cell rect').length + all(svg, 'g.rm-incomplete-cell rect').length).toBe(daily.cohorts.reduce((n, c) => n + c.cells.length, 0));
    expect(all(svg, 'g.rm-rate text')).toHaveLength(0);
    expect(texts(svg, 'g[aria-label="x-axis tick label"] text').length).toBeLessThan(20);
  });
});
