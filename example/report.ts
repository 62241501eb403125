// The retention report over the CDNOW data that ships with the repository: `npm run example`.
import {
  Cohort,
  dormancy,
  fitBgNbd,
  historicalClv,
  ledger,
  marginClv,
  periodLifecycle,
  pAliveInDays,
  periodRetention,
  retentionUplift,
  rfmSummary,
  simpleClvFromData,
  summarize,
  type PeriodRetentionRow,
} from 'retention-metrics';
import { readCdnow } from './cdnow.ts';
import { modelsReport } from './models-report.ts';
import { DORMANCY_LABELS, segmentsReport } from './segments-report.ts';
import { breakdownReport } from './breakdown-report.ts';
import { count, dollars, heading, percent, table } from './table.ts';

const records = readCdnow();
const book = ledger(records);
const s = summarize(book);

// The data ends with the orders of 30 June 1998: count that whole day as observed.
const asOf = '1998-06-30T23:59:59.999Z';

console.log(heading('CDNOW — 23,570 customers who first bought in Q1 1997, followed to June 1998'));
console.log(
  table(
    ['metric', 'value'],
    [
      ['records read', count(book.recordCount)],
      ['customers', count(s.customers)],
      ['orders', count(s.orders)],
      ['  of which zero-value', count(s.zeroValueOrders)],
      ['refunds', count(s.refunds)],
      ['gross revenue', dollars(s.grossRevenue)],
      ['net revenue', dollars(s.netRevenue)],
      ['average order value', dollars(s.averageOrderValue)],
      ['purchase frequency (orders per customer)', s.purchaseFrequency?.toFixed(3)],
      ['repeat customers', count(s.repeatCustomers)],
      ['repeat-customer rate', percent(s.repeatCustomerRate)],
      ['repeat-revenue share', percent(s.repeatRevenueShare)],
      ['first order', s.firstOrder?.toISOString().slice(0, 10)],
      ['last order', s.lastOrder?.toISOString().slice(0, 10)],
    ],
  ),
);

/** A period-retention table with counts and rates. */
const retentionTable = (rows: PeriodRetentionRow[]) =>
  table(
    ['quarter', 'start (S)', 'end (E)', 'new', 'back', 'retained', 'lost', 'retention', 'churn', ''],
    rows.map((q) => [
      q.period,
      count(q.startCustomers),
      count(q.endCustomers),
      count(q.acquired),
      count(q.reactivated),
      count(q.retained),
      count(q.lost),
      percent(q.retentionRate),
      percent(q.churnRate),
      q.complete ? '' : 'incomplete',
    ]),
  );

console.log(heading('Quarter over quarter: of the customers who bought in the previous quarter, who bought again'));
const quarters = periodRetention(book, { period: 'quarter', asOf });
console.log(retentionTable(quarters));

console.log(heading('Quarter over quarter with a 180-day activity window (a customer counts while their last order is < 180 days old)'));
console.log(retentionTable(periodRetention(book, { period: 'quarter', activeWithin: { days: 180 }, asOf })));

console.log(heading('Monthly acquisition cohorts: share of each cohort that bought again k months after its first month'));
const cohorts = Cohort.from(book).by('month').asOf(asOf).table();
const offsets = cohorts.average.map((a) => a.label);
console.log(
  table(
    ['cohort', 'size', ...offsets.map((k) => `+${k}`)],
    [
      ...cohorts.cohorts.map((c) => [
        c.key,
        count(c.size),
        ...offsets.map((_, k) => {
          const cell = c.cells[k];
          return cell === undefined ? '' : `${(cell.rate * 100).toFixed(1)}${cell.complete ? '' : '*'}`;
        }),
      ]),
      ['average', '', ...cohorts.average.map((a) => (a.rate === null ? '' : (a.rate * 100).toFixed(1)))],
      ['  of cohorts', '', ...cohorts.average.map((a) => a.cohorts)],
    ],
  ),
);
console.log('(percent of the cohort; * = the month is not over as of the report date; the average is over the cohorts that completed the month)');

// The average LTV curve at a month averages the cohorts that have completed it: past the youngest
// cohort's last complete month it rests on fewer cohorts, and such points are marked.
const allCohorts = cohorts.cohorts.length;
const ltv = cohorts.average.filter((a) => [0, 2, 5, 11, 15, 16, 17].includes(a.offset));
console.log(heading('The LTV curve: net revenue per acquired customer, cumulative, averaged over the cohorts'));
console.log(
  table(
    ['month', 'cohorts averaged', 'net revenue per customer'],
    ltv.map((a) => [`${a.offset + 1}${a.cohorts < allCohorts ? ' †' : ''}`, `${a.cohorts} of ${allCohorts}`, dollars(a.cumulativeRevenuePerCustomer)]),
  ),
);
console.log(`(† fewer than all ${allCohorts} cohorts have completed that month: the point rests on the earlier cohorts only)`);

console.log(breakdownReport(records, asOf));

console.log(heading('Lifecycle by quarter: where the active customers came from'));
console.log(
  table(
    ['quarter', 'active', 'new', 'returning', 'resurrected', 'dormant', 'quick ratio', 'new revenue', 'returning revenue', 'resurrected revenue'],
    periodLifecycle(book, { period: 'quarter', asOf }).map((q) => [
      q.period,
      count(q.active),
      count(q.new),
      count(q.returning),
      count(q.resurrected),
      count(q.dormant),
      q.quickRatio?.toFixed(2),
      dollars(q.newRevenue),
      dollars(q.returningRevenue),
      dollars(q.resurrectedRevenue),
    ]),
  ),
);

console.log(segmentsReport(book, asOf));

console.log(heading('Customer lifetime value'));
const history = historicalClv(book, { asOf });
const d = history.distribution;
console.log(
  table(
    ['historical value per customer (net revenue to date)', 'value'],
    [
      ['mean', dollars(d?.mean ?? null)],
      ['median', dollars(d?.median ?? null)],
      ['75th percentile', dollars(d?.p75 ?? null)],
      ['90th percentile', dollars(d?.p90 ?? null)],
      ['99th percentile', dollars(d?.p99 ?? null)],
      ['largest', dollars(d?.max ?? null)],
    ],
  ),
);
const margin = 0.3;
const quarterlyDiscount = 1.1 ** (1 / 4) - 1; // 10 % a year
const measured = simpleClvFromData(book, { period: 'quarter', asOf, margin });
const marginPerQuarter = measured.averageOrderValue?.times(measured.purchaseFrequency ?? 0).times(margin) ?? null;
const quarterlyRetention = 1 - (measured.churnRate ?? 1);
console.log('');
console.log(
  table(
    ['formula (quarters, 30 % margin)', 'inputs', 'CLV'],
    [
      [
        'simple: AOV × frequency × lifespan × margin',
        `${dollars(measured.averageOrderValue)} × ${measured.purchaseFrequency?.toFixed(3)} × ${measured.lifespan?.toFixed(2)} × ${margin}`,
        dollars(measured.clv),
      ],
      [
        'Gupta–Lehmann m·r ÷ (1 + d − r), infinite horizon',
        `m ${dollars(marginPerQuarter)}, r ${percent(quarterlyRetention)}, d ${percent(quarterlyDiscount)}`,
        marginPerQuarter === null ? '–' : dollars(marginClv({ margin: marginPerQuarter, retentionRate: quarterlyRetention, discountRate: quarterlyDiscount })),
      ],
      [
        'Gupta–Lehmann over 3 years, first margin at once',
        `the same, 12 quarters, timing 'start'`,
        marginPerQuarter === null
          ? '–'
          : dollars(marginClv({ margin: marginPerQuarter, retentionRate: quarterlyRetention, discountRate: quarterlyDiscount, periods: 12, timing: 'start' })),
      ],
    ],
  ),
);
console.log(`Measured over ${measured.periods} complete quarters: quarter-over-quarter churn ${percent(measured.churnRate)}, lifespan ${measured.lifespan?.toFixed(2)} quarters.`);

console.log(heading('What five more points of retention are worth: seven years at CDNOW’s own quarterly rates'));
const lastQuarter = quarters.filter((q) => q.complete).at(-1);
const uplift = retentionUplift({
  customers: lastQuarter?.endCustomers ?? 0,
  retentionRate: Math.round(quarterlyRetention * 1000) / 1000,
  acquisition: { rate: Math.round((1 - quarterlyRetention) * 1000) / 1000 }, // new customers replace the lost ones
  periods: 28,
  revenuePerCustomer: measured.averageOrderValue?.times(measured.purchaseFrequency ?? 0).toDecimalPlaces(2) ?? 0,
  margin,
  discountRate: quarterlyDiscount,
  uplift: 0.05,
});
console.log(
  table(
    ['after 7 years', `retention ${percent(uplift.retentionRate)}`, `retention ${percent(uplift.improvedRetentionRate)}`, 'change'],
    [
      ['customers', count(Math.round(uplift.endCustomers.base)), count(Math.round(uplift.endCustomers.improved)), percent(uplift.endCustomers.relativeChange)],
      ['cumulative profit', dollars(uplift.cumulativeProfit.base), dollars(uplift.cumulativeProfit.improved), percent(uplift.cumulativeProfit.relativeChange)],
      ['present value of profit', dollars(uplift.presentValue.base), dollars(uplift.presentValue.improved), percent(uplift.presentValue.relativeChange)],
    ],
  ),
);
console.log('(acquisition stays at the share that exactly replaces today’s losses; only retention changes)');

console.log(modelsReport(book));

console.log(heading('Dormancy by the probability that a customer is still alive (BG/NBD on the whole history)'));
const wholeHistory = rfmSummary(book, { calibrationEnd: asOf, unit: 'week' });
const alive = dormancy(book, { asOf, windows: { probabilityAlive: pAliveInDays(fitBgNbd(wholeHistory.compress()), 'week') } });
console.log(
  table(
    ['segment (P(alive) ≥ 0.75 / 0.5 / 0.25)', 'customers', 'historical value'],
    (['active', 'atRisk', 'dormant', 'lost'] as const).map((segment) => [
      DORMANCY_LABELS[segment],
      count(alive.segments[segment].customers),
      dollars(alive.segments[segment].value),
    ]),
  ),
);
const noRepeat = wholeHistory.x.filter((x) => x === 0).length;
console.log(
  `(BG/NBD lets a customer drop out only right after a repeat purchase, so the ${count(noRepeat)} customers without a repeat purchase day ` +
    'all have P(alive) = 1 and land in "Active" here — a known trait of the model, and a reason to read P(alive) next to days since the last order)',
);
