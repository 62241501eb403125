// Writes the charts of the shipped CDNOW data to .tmp/charts/*.svg, to look at them:
// `npx tsx test/charts/write-cdnow-charts.ts` (then open the files, or screenshot them with a browser).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCdnow } from '../../example/cdnow.ts';
import * as charts from '../../src/charts.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { ledger } from '../../src/input/ledger.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { fitBgNbd } from '../../src/models/bg-nbd.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { fitParetoNbd } from '../../src/models/pareto-nbd.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { mrrReport } from '../../src/subscriptions/mrr-report.ts';
import { rfm } from '../../src/segments/rfm.ts';

const out = fileURLToPath(new URL('../../.tmp/charts/', import.meta.url));
mkdirSync(out, { recursive: true });
const book = ledger(readCdnow(), { currency: 'USD' });
const asOf = '1998-06-30T23:59:59Z';
const monthly = Cohort.from(book).by('month').every('month').asOf(asOf).table();
const quarterly = Cohort.from(book).by('week').every('month').asOf(asOf).table();
const summary = rfmSummary(book, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week' });
const bgNbd = fitBgNbd(summary.compress());
const paretoNbd = fitParetoNbd(summary.compress());
// CDNOW has no subscriptions: a made-up book, the same on every run (a linear congruential sequence).
let seed = 7;
const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
const subscriptions = Array.from({ length: 400 }, (_, i) => {
  const start = new Date(Date.UTC(2023, Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
  const months = Math.floor(-Math.log(1 - next()) * 9) + 1;
  const end = new Date(start.getTime() + months * 30.4 * 86_400_000);
  return { customerId: `s${i}`, start, end: end.getTime() > Date.UTC(2024, 11, 31) ? null : end, amount: [9, 29, 99][Math.floor(next() * 3)] ?? 9 };
});
const written: Record<string, string> = {
  survival: charts.survivalCurves(Cohort.fromSubscriptions(subscriptions).by('quarter').asOf('2024-12-31T00:00:00Z').table()),
  'mrr-movements': charts.mrrMovementsChart(mrrReport(subscriptions, { asOf: '2024-12-31T00:00:00Z' }), { currency: 'EUR' }),
  'cohort-heatmap': charts.cohortHeatmap(monthly),
  'cohort-heatmap-weekly': charts.cohortHeatmap(quarterly, { width: 900 }),
  'retention-curves': charts.retentionCurves(monthly),
  'retention-curves-weekly': charts.retentionCurves(quarterly),
  lifecycle: charts.lifecycleChart(periodLifecycle(book, { period: 'month', asOf })),
  'ltv-curve': charts.ltvCurve(monthly, { currency: 'USD' }),
  rfm: charts.rfmChart(rfm(book, { asOf: '1998-06-30' })),
  dormancy: charts.dormancyChart(dormancy(book, { asOf: '1998-06-30' }), { currency: 'USD' }),
  'p-alive-bg-nbd': charts.pAliveMatrix(bgNbd, { summary }),
  'p-alive-pareto-nbd': charts.pAliveMatrix(paretoNbd, { summary }),
  tracking: charts.trackingPlot(evaluateHoldout(bgNbd, summary)),
  'tracking-weekly': charts.trackingPlot({ model: bgNbd, summary }, { cumulative: false }),
  'frequency-histogram': charts.frequencyHistogram({ model: bgNbd, summary }),
};
for (const [name, svg] of Object.entries(written)) writeFileSync(join(out, `${name}.svg`), svg);
process.stdout.write(`${Object.keys(written).length} charts in ${out}\n`);
