// The subscription revenue report over the synthetic billing history that ships with the repository:
// `npm run example:subscriptions`.
import { mrrReport, revenueCohorts, revenueRetention, subscriptionRevenue } from 'retention-metrics';
import { lifetimeReport } from './subscription-lifetime.ts';
import { readSubscriptionIntervals } from './subscriptions-data.ts';
import { count, dollars, heading, percent, table } from './table.ts';

const book = subscriptionRevenue(readSubscriptionIntervals());
// The history ends with 2024: count that whole year as observed.
const asOf = '2024-12-31T23:59:59.999Z';
const report = mrrReport(book, { asOf });

console.log(heading(`A SaaS billing history — ${count(book.ids.length)} customers, ${count(book.intervals.length)} priced intervals, 2022–2024`));

console.log(heading('MRR and its movements, the last twelve months'));
console.log(
  table(
    ['month', 'MRR', 'new +', 'expansion +', 'contraction −', 'churn −', 'reactivation +', 'net new', 'customers', 'ARPA', 'quick ratio'],
    report.periods.slice(-12).map((p) => [
      p.period,
      dollars(p.mrr),
      dollars(p.newMrr),
      dollars(p.expansionMrr),
      dollars(p.contractionMrr),
      dollars(p.churnMrr),
      dollars(p.reactivationMrr),
      dollars(p.netNewMrr),
      count(p.customers),
      dollars(p.arpa),
      p.quickRatio === null ? '–' : p.quickRatio.toFixed(2),
    ]),
  ),
);

const yearly = mrrReport(book, { asOf, period: 'year' });
console.log(heading('By year'));
console.log(
  table(
    ['year', 'ARR at the end', 'new customers', 'churned customers', 'reactivated', 'new MRR', 'churned MRR'],
    yearly.periods.map((p) => [p.period, dollars(p.arr), count(p.newCustomers), count(p.churnedCustomers), count(p.reactivatedCustomers), dollars(p.newMrr), dollars(p.churnMrr)]),
  ),
);

console.log(heading('Revenue retention: net (NRR) and gross (GRR), logo churn against revenue churn'));
const monthly = revenueRetention(book, { asOf }).slice(-6);
const annual = revenueRetention(book, { asOf, months: 12 }).slice(-1);
console.log(
  table(
    ['window', 'cohort', 'start MRR', 'end MRR', 'NRR', 'GRR', 'logo churn', 'revenue churn', 'seat retention'],
    [...monthly.map((r) => ({ r, label: `month ${r.period}` })), ...annual.map((r) => ({ r, label: `12 months to ${r.period}` }))].map(({ r, label }) => [
      label,
      count(r.startCustomers),
      dollars(r.startMrr),
      dollars(r.endMrr),
      percent(r.nrr),
      percent(r.grr),
      percent(r.logoChurn),
      percent(r.revenueChurn),
      percent(r.seatRetention),
    ]),
  ),
);

const quarters = revenueCohorts(book, { asOf, by: 'quarter' });
const offsets = Math.min(8, quarters.cohorts[0]?.cells.length ?? 0);
const matrix = (value: (cell: { logoRetention: number; mrrRetention: number | null }) => number | null) =>
  table(
    ['cohort', 'customers', ...Array.from({ length: offsets }, (_, k) => `Q+${k}`)],
    quarters.cohorts.map((c) => [c.key, count(c.size), ...Array.from({ length: offsets }, (_, k) => (c.cells[k] === undefined ? '' : percent(value(c.cells[k]))))]),
  );
console.log(heading('Revenue cohorts by first paid quarter: customers still paying (logo retention)'));
console.log(matrix((cell) => cell.logoRetention));
console.log(heading('The same cohorts: MRR relative to what they first paid (MRR retention, expansion included)'));
console.log(matrix((cell) => cell.mrrRetention));

const expanded = report.movements.filter((m) => m.type === 'expansion' && m.period === '2024-12');
console.log(heading(`Who expanded in 2024-12 (${count(expanded.length)} movements), the largest five`));
console.log(
  table(
    ['customer', 'at', 'from', 'to', 'expansion'],
    [...expanded]
      .sort((a, b) => b.amount.comparedTo(a.amount))
      .slice(0, 5)
      .map((m) => [String(m.customerId), m.at.toISOString().slice(0, 10), dollars(m.mrrBefore), dollars(m.mrrAfter), dollars(m.amount)]),
  ),
);

console.log(lifetimeReport(book, report, asOf));
