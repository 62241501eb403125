/**
 * `rfmChart`: customers by recency and frequency score, the RFM grid.
 *
 * @module
 */
import type { RfmReport } from '../segments/rfm-types.ts';
import { rfmGrid } from '../segments/rfm-grid.ts';
import { countScale } from './count-scale.ts';
import { chartDocument } from './document.ts';
import { count, percent } from './format.ts';
import { frame } from './frame.ts';
import { type ChartOptions, resolveChartOptions } from './options.ts';
import * as Plot from '@observablehq/plot';
import { drawLegend, drawPlot } from './plot.ts';

/** One cell of the grid. */
interface GridCell {
  r: string;
  f: string;
  customers: number;
  dark: boolean;
  tip: string;
}

/**
 * The RFM grid: one cell per recency score (R, across: the highest score is the most recent) and
 * frequency score (F, up: the highest is the most frequent), coloured by the customers in it (summed
 * over the monetary scores) and labelled with their number. Champions sit at the top right, lost
 * customers at the bottom left. The scores are the report's (see `rfm`; `rfmGrid` gives all three
 * dimensions as numbers).
 *
 * A report without customers gives a chart with its title and the note "No customers to show".
 *
 * @param report - the result of `rfm`
 * @param options - `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `report` when it is not the result of `rfm`, or an option that
 *   is unknown or out of range
 *
 * @example
 * ```ts
 * import { rfm } from 'retention-metrics';
 * import { rfmChart } from 'retention-metrics/charts';
 * const report = rfm(
 *   [
 *     { customerId: 'a', date: '2024-12-30', amount: '50.00' },
 *     { customerId: 'b', date: '2024-06-01', amount: '20.00' },
 *   ],
 *   { asOf: '2024-12-31' },
 * );
 * rfmChart(report).includes('Recency score (R)'); // => true
 * ```
 */
export function rfmChart(report: RfmReport, options?: ChartOptions): string {
  const grid = rfmGrid(report);
  const settings = resolveChartOptions(options);
  const document = chartDocument();
  const bins = report.bins;
  const total = report.columns.r.length;
  const title = settings.title ?? 'RFM grid';
  const subtitle = settings.subtitle ?? `Customers by recency score (R) and frequency score (F), 1–${bins}; ${bins} = most recent, most frequent`;
  if (total === 0) return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No customers to show.'] });
  const counts = grid.map((byF) => byF.map((byM) => byM.reduce((sum, n) => sum + n, 0)));
  const scale = countScale(Math.max(...counts.flat()));
  const cells: GridCell[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      const customers = counts[r - 1][f - 1];
      cells.push({ r: String(r), f: String(f), customers, dark: scale.dark(customers), tip: `R ${r}, F ${f}: ${count(customers)} customers (${percent(customers / total)})` });
    }
  }
  const scores = Array.from({ length: bins }, (_, i) => String(i + 1));
  const color = { type: 'threshold', domain: scale.thresholds, scheme: 'blues' } as const;
  const side = Math.min(settings.width - 80, 60 * bins + 80);
  const plot = drawPlot(document, {
    width: settings.width,
    height: side,
    marginLeft: 60,
    marginRight: settings.width - side,
    marginBottom: 40,
    padding: 0.05,
    x: { type: 'band', domain: scores, label: 'Recency score (R)', labelAnchor: 'center', tickSize: 0 },
    y: { type: 'band', domain: [...scores].reverse(), label: 'Frequency score (F)', labelAnchor: 'center', tickSize: 0 },
    color,
    marks: [
      Plot.cell(cells, { x: 'r', y: 'f', fill: 'customers', title: 'tip', className: 'rm-grid-cell' }),
      Plot.text(cells, { x: 'r', y: 'f', text: (c: GridCell) => count(c.customers), fill: (c: GridCell) => (c.dark ? 'white' : '#111'), className: 'rm-grid-count' }),
    ],
  });
  // The report holds its as-of instant but not its time zone, so the note names no day.
  const legend = drawLegend(document, { ...color, label: 'Customers', tickFormat: (v: number) => count(v) }, Math.min(320, settings.width - 16));
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes: [`${count(total)} customers.`] });
}
