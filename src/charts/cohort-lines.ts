/**
 * The line chart of a cohort table shared by the retention curves and the LTV curve: a line per cohort
 * (solid over complete cells, dashed on to incomplete ones) and the average curve over complete cells.
 *
 * @module
 * @internal
 */
import type { AverageCell, CohortCell, CohortTable } from '../cohort/types.ts';
import { cohortName, offsetAxisLabel, offsetLabels } from './cohort-rows.ts';
import type { ChartDocument } from './document.ts';
import { thinTicks } from './format.ts';
import { type Swatch, frame } from './frame.ts';
import * as Plot from '@observablehq/plot';
import { drawPlot } from './plot.ts';
import { SUMMARY_COLOR, seriesColors } from './series-colors.ts';

/** One point of a curve. */
interface CurvePoint {
  cohort: string;
  offset: string;
  value: number;
}

/** @internal What a cohort line chart draws. */
export interface CohortLines {
  readonly document: ChartDocument;
  readonly table: CohortTable;
  readonly width: number;
  readonly title: string;
  readonly subtitle: string;
  /** A cell's value. */
  readonly value: (cell: CohortCell) => number;
  /** The average curve's value at an offset, `null` where no cohort is complete. */
  readonly average: (cell: AverageCell) => number | null;
  /** The legend's name of the average curve. */
  readonly averageLabel: string;
  readonly yLabel: string;
  /** The y scale's domain when fixed (`[0, 1]` for rates); else from the data, from 0. */
  readonly yDomain: readonly [number, number] | null;
  readonly tickFormat: (value: number) => string;
  /** What the dashed part means, for the note under the chart. */
  readonly incompleteNote: string;
}

/**
 * @internal Draw a cohort line chart.
 *
 * @param chart - what to draw
 * @returns the markup of one `<svg>` element
 */
export function cohortLines(chart: CohortLines): string {
  const { document, table, width, title, subtitle } = chart;
  if (table.cohorts.length === 0) {
    return frame({ document, width, title, subtitle, legend: null, plot: null, notes: ['No cohorts to show.'] });
  }
  const complete: CurvePoint[] = [];
  const incomplete: CurvePoint[] = [];
  for (const row of table.cohorts) {
    const cohort = cohortName(row);
    let last: CurvePoint | null = null;
    for (const cell of row.cells) {
      const point = { cohort, offset: cell.label, value: chart.value(cell) };
      if (cell.complete) {
        complete.push(point);
        last = point;
      } else {
        // The dashed part starts at the last complete point, so the two parts join.
        if (last !== null && !incomplete.includes(last)) incomplete.push(last);
        incomplete.push(point);
      }
    }
  }
  const average: CurvePoint[] = [];
  for (const cell of table.average) {
    const value = chart.average(cell);
    if (value !== null) average.push({ cohort: 'average', offset: cell.label, value });
  }
  const cohorts = table.cohorts.map(cohortName);
  const colors = seriesColors(cohorts, (name) => name, `Each of the ${cohorts.length} cohorts`);
  const columns = offsetLabels(table);
  const plot = drawPlot(document, {
    width,
    height: 360,
    marginLeft: 60,
    marginRight: 20,
    x: { type: 'point', domain: columns, label: offsetAxisLabel(table), labelAnchor: 'center', labelArrow: 'none', ticks: thinTicks(columns, width - 80, 36) },
    y: { type: 'linear', ...(chart.yDomain === null ? { zero: true, nice: true } : { domain: [...chart.yDomain] }), label: chart.yLabel, labelArrow: 'none', tickFormat: chart.tickFormat, grid: true },
    color: { type: 'ordinal', domain: cohorts, range: [...colors.range] },
    marks: [
      Plot.ruleY([0]),
      Plot.line(complete, { x: 'offset', y: 'value', z: 'cohort', stroke: 'cohort', strokeWidth: 1.5, strokeOpacity: colors.opacity, className: 'rm-cohort-curve' }),
      Plot.line(incomplete, { x: 'offset', y: 'value', z: 'cohort', stroke: 'cohort', strokeWidth: 1.5, strokeDasharray: '4,3', strokeOpacity: colors.opacity, className: 'rm-incomplete-part' }),
      Plot.line(average, { x: 'offset', y: 'value', stroke: SUMMARY_COLOR, strokeWidth: 3, className: 'rm-average-curve' }),
      Plot.dot(average, { x: 'offset', y: 'value', fill: SUMMARY_COLOR, r: 2.5, title: (p: CurvePoint) => `Average, ${p.offset}: ${chart.tickFormat(p.value)}`, className: 'rm-average-point' }),
    ],
  });
  const legend: Swatch[] = [
    { label: chart.averageLabel, color: SUMMARY_COLOR, line: true },
    ...colors.swatches,
  ];
  const notes = incomplete.length > 0 ? [chart.incompleteNote] : [];
  return frame({ document, width, title, subtitle, legend, plot, notes });
}
