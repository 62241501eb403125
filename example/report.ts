// The retention report over the CDNOW data that ships with the repository: `npm run example`.
import { ledger, periodRetention, summarize } from 'retention-metrics';
import { readCdnow } from './cdnow.ts';
import { heading, percent, table } from './table.ts';

const records = readCdnow();
const book = ledger(records);
const s = summarize(book);

const money = (value: { toFixed(digits: number): string } | null) => (value === null ? '–' : `$${value.toFixed(2)}`);

console.log(heading('CDNOW — 23,570 customers who first bought in Q1 1997, followed to June 1998'));
console.log(
  table(
    ['metric', 'value'],
    [
      ['records read', book.recordCount],
      ['customers', s.customers],
      ['orders', s.orders],
      ['  of which zero-value', s.zeroValueOrders],
      ['refunds', s.refunds],
      ['gross revenue', money(s.grossRevenue)],
      ['net revenue', money(s.netRevenue)],
      ['average order value', money(s.averageOrderValue)],
      ['purchase frequency (orders per customer)', s.purchaseFrequency?.toFixed(3)],
      ['repeat customers', s.repeatCustomers],
      ['repeat-customer rate', percent(s.repeatCustomerRate)],
      ['repeat-revenue share', percent(s.repeatRevenueShare)],
      ['first order', s.firstOrder?.toISOString().slice(0, 10)],
      ['last order', s.lastOrder?.toISOString().slice(0, 10)],
    ],
  ),
);

console.log(heading('Quarter over quarter: of the customers who bought in the previous quarter, who bought again'));
const quarters = periodRetention(book, { period: 'quarter' });
console.log(
  table(
    ['quarter', 'start (S)', 'end (E)', 'new', 'back', 'retained', 'lost', 'retention', 'churn', ''],
    quarters.map((q) => [
      q.period,
      q.startCustomers,
      q.endCustomers,
      q.acquired,
      q.reactivated,
      q.retained,
      q.lost,
      percent(q.retentionRate),
      percent(q.churnRate),
      q.complete ? '' : 'incomplete',
    ]),
  ),
);

console.log(heading('Quarter over quarter with a 180-day activity window (a customer counts while their last order is < 180 days old)'));
const windowed = periodRetention(book, { period: 'quarter', activeWithin: { days: 180 } });
console.log(
  table(
    ['quarter', 'start (S)', 'end (E)', 'new', 'back', 'retained', 'lost', 'retention', 'churn', ''],
    windowed.map((q) => [
      q.period,
      q.startCustomers,
      q.endCustomers,
      q.acquired,
      q.reactivated,
      q.retained,
      q.lost,
      percent(q.retentionRate),
      percent(q.churnRate),
      q.complete ? '' : 'incomplete',
    ]),
  ),
);
