import { describe, expect, test } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { cohortHeatmap, lifecycleChart } from '../../src/charts.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { ledger } from '../../src/input/ledger.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { all, parseSvg, texts } from './svg.ts';

// The shipped CDNOW file: 23,570 customers whose first purchases are in January–March 1997.
const book = ledger(readCdnow(), { currency: 'USD' });
const asOf = '1998-06-30T23:59:59Z';

describe('charts of CDNOW', () => {
  test('the monthly heatmap has the three cohorts with their sizes and one rect per cell', () => {
    const table = Cohort.from(book).asOf(asOf).table();
    const svg = parseSvg(cohortHeatmap(table));
    const rows = texts(svg, 'g[aria-label="y-axis tick label"] text');
    expect(rows.map((r) => r.slice(0, 7))).toEqual(['1997-01', '1997-02', '1997-03']);
    expect(rows.reduce((sum, r) => sum + Number(/\((\d+)\)/.exec(r)?.[1]), 0)).toBe(23_570);
    const cells = table.cohorts.reduce((n, c) => n + c.cells.length, 0);
    expect(all(svg, 'g.rm-complete-cell rect').length + all(svg, 'g.rm-incomplete-cell rect').length).toBe(cells);
    expect(texts(svg, 'g.rm-rate text').filter((t) => t === '100%')).toHaveLength(3);
  });

  test('the lifecycle’s dormant bars all lie below the zero line, the others above', () => {
    const svg = parseSvg(lifecycleChart(periodLifecycle(book, { period: 'month', asOf })));
    const zero = Number(svg.querySelector('g.rm-zero line')?.getAttribute('y1'));
    const bars = all(svg, 'g.rm-lifecycle-bar rect').filter((r) => Number(r.getAttribute('height')) > 0);
    expect(bars.length).toBeGreaterThan(40);
    for (const bar of bars) {
      const tip = bar.querySelector('title')?.textContent ?? '';
      const top = Number(bar.getAttribute('y'));
      const bottom = top + Number(bar.getAttribute('height'));
      if (tip.includes(' dormant')) expect(top, tip).toBeGreaterThanOrEqual(zero - 0.5);
      else expect(bottom, tip).toBeLessThanOrEqual(zero + 0.5);
    }
  });
});
