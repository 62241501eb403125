// Lifetime value of the billing history two ways: ARPA ÷ a constant churn rate (subscriptionLtv), and
// the shifted-beta-geometric model fitted to how long customers stay, whose churn falls with tenure.
import { type MrrReport, type SubscriptionRevenue, fitShiftedBetaGeometric, isRetentionError, subscriptionLtv } from 'retention-metrics';
import { count, dollars, heading, percent, table } from './table.ts';

/** Months between two month keys (`2024-03` − `2023-12` = 3). */
function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/**
 * The lifetime section: survivors of the customers who first paid in the first half of 2023 (not yet
 * churned at the start of each month since), the sBG fit on their first twelve months, and LTV both ways.
 */
export function lifetimeReport(book: SubscriptionRevenue, report: MrrReport, asOf: string): string {
  const firstPaid = new Map<string, string>();
  const firstChurn = new Map<string, string>();
  for (const m of report.movements) {
    const id = String(m.customerId);
    if (m.type === 'new') firstPaid.set(id, m.period);
    if (m.type === 'churn' && !firstChurn.has(id)) firstChurn.set(id, m.period);
  }
  const months = 12;
  const survivors = new Float64Array(months + 1);
  for (const [id, start] of firstPaid) {
    if (start < '2023-01' || start > '2023-06') continue;
    const churn = firstChurn.get(id);
    // Paying at the start of month k unless the first churn fell in an earlier month.
    const lasted = churn === undefined ? months : Math.min(months, monthsBetween(start, churn));
    for (let k = 0; k <= lasted; k++) survivors[k] = (survivors[k] ?? 0) + 1;
  }
  const [latest] = subscriptionLtv(book, { asOf }).slice(-1);
  const churn = latest?.trailingChurnRate ?? null;
  const arpa = latest?.arpa?.toNumber() ?? 0;
  const d = 0.01;
  const lines = [heading('Lifetime: a constant churn rate against the shifted-beta-geometric fit')];
  let sbg: ReturnType<typeof fitShiftedBetaGeometric>;
  try {
    sbg = fitShiftedBetaGeometric(survivors);
  } catch (error) {
    // This history's churn does not fall with tenure: the fit says so rather than guess.
    if (!isRetentionError(error)) throw error;
    lines.push(table(['month', 'still paying (2023 H1 cohorts)', 'observed', 'constant churn'], Array.from({ length: months + 1 }, (_, k) => [String(k), count(survivors[k] ?? 0), percent((survivors[k] ?? 0) / (survivors[0] ?? 1)), percent(churn === null ? null : (1 - churn) ** k)])));
    lines.push(`${error.message.replace(/ — .*$/, '')}.`);
    lines.push(`LTV at a constant churn: ${churn === null ? '–' : dollars({ toFixed: (n) => (arpa / churn).toFixed(n) })} (ARPA ${dollars(latest?.arpa ?? null)} ÷ ${percent(churn)} a month).`);
    return lines.join('\n');
  }
  lines.push(
    table(
      ['month', 'still paying (2023 H1 cohorts)', 'observed', 'constant churn', 'sBG fit'],
      Array.from({ length: months + 1 }, (_, k) => [
        String(k),
        count(survivors[k] ?? 0),
        percent((survivors[k] ?? 0) / (survivors[0] ?? 1)),
        percent(churn === null ? null : (1 - churn) ** k),
        percent(sbg.survival(k)),
      ]),
    ),
  );
  lines.push(
    table(
      ['estimate (ARPA ' + dollars(latest?.arpa ?? null) + ' a month)', 'constant churn', 'sBG'],
      [
        ['monthly churn: trailing six months / fitted at month 1 and 12', percent(churn), `${percent(1 - sbg.retentionRate(1))} / ${percent(1 - sbg.retentionRate(12))}`],
        ['expected months paid by a new customer', churn === null ? '–' : (1 / churn).toFixed(1), Number.isFinite(sbg.expectedLifetime()) ? sbg.expectedLifetime().toFixed(1) : 'unbounded'],
        ['LTV, discounted at 1 % a month', churn === null ? '–' : dollars({ toFixed: (n) => ((arpa * (1 + d)) / (d + churn)).toFixed(n) }), dollars({ toFixed: (n) => (arpa * (1 + sbg.discountedExpectedResidualLifetime(d, 0) / (1 + d))).toFixed(n) })],
      ],
    ),
  );
  return lines.join('\n');
}
