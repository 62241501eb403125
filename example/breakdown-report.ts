// The example report's breakdown: monthly cohorts split by the size of each customer's first order,
// and the customers behind one cell.
import { Cohort, type TransactionRecord, ledger } from 'retention-metrics';
import { count, heading, percent, table } from './table.ts';

/** CDNOW's median first order is $23.73: a first order from $24 up is a large one. */
const LARGE_FROM = 24;

/**
 * @param records - the CDNOW records
 * @param asOf - the report's as-of instant
 * @returns the section's text
 */
export function breakdownReport(records: readonly TransactionRecord[], asOf: string): string {
  // An order attribute derived from the amount; a customer's value is that of their first order.
  const book = ledger(records, { attributes: { basket: (r) => (Number(r.amount) >= LARGE_FROM ? `$${LARGE_FROM} and up` : `under $${LARGE_FROM}`) } });
  const split = Cohort.from(book).by('month').asOf(asOf).segmentBy('basket').breakdown();
  const months = [1, 2, 3, 6, 12];
  const curve = (average: readonly { offset: number; rate: number | null }[]) => months.map((k) => percent(average[k]?.rate ?? null));
  const lines = [heading('Monthly cohorts by the first order: do customers who start with a large basket come back more?')];
  lines.push(
    table(
      ['first order', 'customers', ...months.map((k) => `month +${k}`)],
      [
        ...split.segments.map((segment) => [segment.value, count(segment.customers), ...curve(segment.result.average)]),
        ['all customers', count(split.segments.reduce((sum, segment) => sum + segment.customers, 0)), ...curve(split.total.average)],
      ],
    ),
  );
  lines.push('(share of each group that bought in that month after its first month, weighted over the three cohorts)');

  // Who is behind a number: the January cohort's small-basket customers, and those of them who came
  // back in their second month — the list a marketer exports.
  const table97 = Cohort.from(book).by('month').asOf(asOf).segmentBy('basket').table();
  const small = `under $${LARGE_FROM}`;
  const cohort = table97.cohortMembers('1997-01', small);
  const back = table97.members('1997-01', 1, small);
  const backIds = new Set(back);
  const lapsed = cohort.filter((id) => !backIds.has(id));
  lines.push('');
  lines.push(
    `January 1997, first order ${small}: ${count(cohort.length)} customers; ${count(back.length)} bought again in February ` +
      `(first ids: ${back.slice(0, 8).join(', ')}, …), ${count(lapsed.length)} did not (first ids: ${lapsed.slice(0, 8).join(', ')}, …).`,
  );
  return lines.join('\n');
}
