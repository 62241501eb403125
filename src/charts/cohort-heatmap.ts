/**
 * `cohortHeatmap`: the retention rates of a cohort table as a grid of coloured cells.
 *
 * @module
 */
import type { CohortTable } from '../cohort/types.ts';
import { expectCohortTable } from './checks.ts';
import { chartDocument } from './document.ts';
import { localDate, percent, percentTick, periodName, thinTicks } from './format.ts';
import { frame } from './frame.ts';
import { activePhrase, cohortName, offsetAxisLabel, offsetLabels } from './cohort-rows.ts';
import { type ChartOptions, resolveChartOptions } from './options.ts';
import * as Plot from '@observablehq/plot';
import { drawLegend, drawPlot } from './plot.ts';

/** Colour bins of the rates: a sequential, colour-blind-safe scheme (light = low, dark = high). */
const BINS = 6;
const SCHEME = 'blues';
const MARGIN_RIGHT = 20;
/** The narrowest cell, in pixels, that holds its rate as text (in small type below {@link FULL_SIZE_CELL}). */
const MIN_LABELLED_CELL = 22;
const FULL_SIZE_CELL = 34;

/** One cell as drawn. */
interface HeatCell {
  cohort: string;
  offset: string;
  rate: number;
  text: string;
  complete: boolean;
  dark: boolean;
  tip: string;
}

/**
 * A heatmap of a cohort table's retention rates: one row per cohort (its size beside its name), one
 * column per offset since the first order, each cell coloured by its rate and labelled with it as a
 * percentage. Incomplete cells (a period not over as of the table's `asOf`: their rate can still rise)
 * are drawn faded with a dashed outline and an asterisk. The colour bins span 0 to the highest rate
 * after the first offset (offset 0 is 100 % in a classic table and would wash out the rest).
 *
 * A table without cohorts gives a chart with its title and the note "No cohorts to show".
 *
 * @param table - a table of `Cohort.from(…).table()`
 * @param options - `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `table` when it is not a cohort table, or an option that is
 *   unknown or out of range
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * import { cohortHeatmap } from 'retention-metrics/charts';
 * const table = Cohort.from([
 *   { customerId: 'a', date: '2024-01-03', amount: 10 },
 *   { customerId: 'b', date: '2024-01-09', amount: 20 },
 *   { customerId: 'b', date: '2024-02-11', amount: 15 },
 * ]).asOf('2024-03-31T23:59:59Z').table();
 * const svg = cohortHeatmap(table);
 * svg.startsWith('<svg'); // => true
 * svg.includes('Cohort retention'); // => true
 * ```
 */
export function cohortHeatmap(table: CohortTable, options?: ChartOptions): string {
  expectCohortTable(table);
  const settings = resolveChartOptions(options);
  const document = chartDocument();
  const title = settings.title ?? 'Cohort retention';
  const subtitle = settings.subtitle ?? `Share of each cohort's customers ${activePhrase(table)} each ${periodName(table.every, false)} since their first order`;
  const rows = table.cohorts;
  if (rows.length === 0) {
    return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No cohorts to show.'] });
  }
  const step = binStep(table);
  const thresholds = Array.from({ length: BINS - 1 }, (_, i) => step * (i + 1));
  const cells: HeatCell[] = [];
  for (const row of rows) {
    const cohort = cohortName(row);
    for (const cell of row.cells) {
      const bin = thresholds.filter((t) => t <= cell.rate).length;
      const text = `${percent(cell.rate)}${cell.complete ? '' : '*'}`;
      const tip = `${cohort}, ${cell.label}: ${percent(cell.rate)} (${cell.customers} of ${row.size})${cell.complete ? '' : ', incomplete'}`;
      cells.push({ cohort, offset: cell.label, rate: cell.rate, text, complete: cell.complete, dark: bin >= BINS / 2, tip });
    }
  }
  const cohorts = rows.map(cohortName);
  const sizes = new Map(rows.map((row) => [cohortName(row), row.size]));
  const color = { type: 'threshold', domain: thresholds, scheme: SCHEME } as const;
  const columns = offsetLabels(table);
  // Room for the longest row name (text is not measured: a width per character that errs on the wide side).
  const marginLeft = Math.min(Math.round(settings.width / 3), Math.max(60, 16 + 6.2 * Math.max(...cohorts.map((name) => `${name} (${sizes.get(name) ?? 0})`.length))));
  const plotWidth = settings.width - marginLeft - MARGIN_RIGHT;
  // A cell narrower than a label ("100%*") shows its rate by colour and tooltip only.
  const cellWidth = plotWidth / columns.length;
  const labelled = cellWidth >= MIN_LABELLED_CELL;
  const plot = drawPlot(document, {
    width: settings.width,
    height: Math.max(120, 60 + 26 * rows.length),
    marginLeft,
    marginRight: MARGIN_RIGHT,
    marginTop: 28,
    padding: 0.04,
    x: { type: 'band', domain: columns, label: offsetAxisLabel(table), axis: 'top', labelAnchor: 'center', tickSize: 0, ticks: thinTicks(columns, plotWidth, 28) },
    y: { type: 'band', domain: cohorts, label: 'Cohort (size)', labelAnchor: 'top', tickSize: 0, tickFormat: (name: string) => `${name} (${sizes.get(name) ?? 0})` },
    color,
    marks: [
      Plot.cell(cells.filter((c) => c.complete), { x: 'offset', y: 'cohort', fill: 'rate', title: 'tip', className: 'rm-complete-cell' }),
      Plot.cell(cells.filter((c) => !c.complete), { x: 'offset', y: 'cohort', fill: 'rate', title: 'tip', fillOpacity: 0.45, stroke: '#333', strokeDasharray: '3,2', inset: 0.5, className: 'rm-incomplete-cell' }),
      Plot.text(labelled ? cells : [], { x: 'offset', y: 'cohort', text: 'text', fill: (c: HeatCell) => (c.dark && c.complete ? 'white' : '#111'), fontSize: cellWidth >= FULL_SIZE_CELL ? 10 : 8, className: 'rm-rate' }),
    ],
  });
  const legend = drawLegend(document, { ...color, label: 'Retention rate', tickFormat: percentTick }, Math.min(320, settings.width - 16));
  const incomplete = cells.some((c) => !c.complete);
  const notes = incomplete ? [`* Incomplete: the period has not ended for every member as of ${localDate(table.asOf, table.timeZone)}; the rate can still rise.`] : [];
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes });
}

/** Round steps of the colour bins, as ratios. */
const STEPS = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2];

/**
 * The width of a colour bin: the least round step whose bins reach the highest rate after the first
 * offset (the last bin is open above); 20 % (bins of 0–100 %) when no such cell has customers.
 */
function binStep(table: CohortTable): number {
  let top = 0;
  for (const row of table.cohorts) for (const cell of row.cells) if (cell.offset > 0 && cell.rate > top) top = cell.rate;
  if (top === 0) return 0.2;
  for (const step of STEPS) if (step * (BINS - 1) >= top) return step;
  return 0.2;
}

