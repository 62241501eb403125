// Segment tables for the example report: dormancy, reactivation potential and RFM segments.
import { type DormancySegment, type Ledger, type RfmCuts, type RfmSegmentMap, RFM_SEGMENTS_SHOPIFY, dormancy, reactivationPotential, rfm } from 'retention-metrics';
import { count, dollars, heading, percent, table } from './table.ts';

/** How the report names the dormancy segments (the library's keys are `active`, `atRisk`, `dormant`, `lost`). */
export const DORMANCY_LABELS: Readonly<Record<DormancySegment, string>> = { active: 'Active', atRisk: 'At risk', dormant: 'Dormant', lost: 'Lost' };

const FIXED_WINDOWS: Readonly<Record<DormancySegment, string>> = { active: '≤ 90 days', atRisk: '91–180', dormant: '181–365', lost: '> 365' };

/**
 * RFM scores a store owner can read the same way in every report: recency cut at the dormancy windows
 * (plus 30 days to split the active customers), so R ≥ 4 is always "ordered in the last 90 days" and a
 * Champion is never a customer the dormancy table calls lost; orders and spend cut at fixed counts and
 * amounts rather than at quintiles that move with the customer base.
 */
const RFM_CUTS: RfmCuts = {
  recency: [30, 90, 180, 365],
  frequency: [1, 2, 4, 8],
  monetary: ['25.00', '50.00', '100.00', '250.00'],
};

function rfmTable(book: Ledger, asOf: string, segments?: RfmSegmentMap): string {
  const report = rfm(book, segments === undefined ? { asOf, cuts: RFM_CUTS } : { asOf, cuts: RFM_CUTS, segments });
  return table(
    ['segment', 'customers', 'share', 'revenue', 'avg days since last order', 'avg orders', 'avg spend'],
    report.segments.map((s) => [
      s.segment,
      count(s.customers),
      percent(s.share),
      dollars(s.revenue),
      s.averageRecency?.toFixed(0),
      s.averageFrequency?.toFixed(2),
      dollars(s.averageMonetary),
    ]),
  );
}

/**
 * Dormancy counts, reactivation potential and RFM segment tables of a ledger as of `asOf`, as aligned text.
 *
 * @param book - the ledger
 * @param asOf - the as-of instant (ISO-8601; pass the end of the last day to count its orders)
 * @returns the rendered sections
 */
export function segmentsReport(book: Ledger, asOf: string): string {
  const out: string[] = [];
  const dormant = dormancy(book, { asOf });
  const total = dormant.customers.length;
  const segments = ['active', 'atRisk', 'dormant', 'lost'] as const;
  out.push(heading(`Dormancy as of ${asOf.slice(0, 10)}: days since the last order`));
  out.push(
    table(
      ['segment', 'customers', 'share', 'historical value'],
      segments.map((s) => [
        `${DORMANCY_LABELS[s]} (${FIXED_WINDOWS[s]})`,
        count(dormant.segments[s].customers),
        percent(total === 0 ? null : dormant.segments[s].customers / total),
        dollars(dormant.segments[s].value),
      ]),
    ),
  );
  const adaptive = dormancy(book, { asOf, windows: 'adaptive' });
  out.push(heading('Dormancy with adaptive windows (2 / 4 / 8 × each customer’s median gap; one-day buyers: fixed)'));
  out.push(
    table(
      ['segment', 'customers', 'share', 'historical value'],
      segments.map((s) => [
        DORMANCY_LABELS[s],
        count(adaptive.segments[s].customers),
        percent(total === 0 ? null : adaptive.segments[s].customers / total),
        dollars(adaptive.segments[s].value),
      ]),
    ),
  );
  out.push(heading('Reactivation potential: a win-back reaching 25 %–60 % of the targeted customers'));
  out.push(
    table(
      ['target', 'customers', 'historical value', 'receptive (low–high)', 'value at stake (low–high)'],
      [false, true].map((includeLost) => {
        const p = reactivationPotential(dormant, { includeLost });
        return [
          includeLost ? 'Dormant + lost' : 'Dormant',
          count(p.customers),
          dollars(p.historicalValue),
          `${count(Math.round(p.receptive.low))}–${count(Math.round(p.receptive.high))}`,
          `${dollars(p.value.low)}–${dollars(p.value.high)}`,
        ];
      }),
    ),
  );
  out.push(heading('RFM segments (segments from R and FM = (F + M) / 2)'));
  out.push(rfmTable(book, asOf));
  // What quintiles would have said: the days R = 4 spans, and the Champions the dormancy table calls lost.
  const quintiles = rfm(book, { asOf });
  const r4 = quintiles.customers.filter((c) => c.r === 4).map((c) => c.recency);
  const lostChampions = quintiles.customers.filter((c) => c.segment === 'Champions' && c.recency > 365).length;
  out.push(
    'R by days since the last order: 5 = up to 30, 4 = 31–90, 3 = 91–180, 2 = 181–365, 1 = over a year (the dormancy windows, so\n' +
      'every Champion, R ≥ 4, is active); F by orders: 1, 2, 3–4, 5–8, 9 or more; M by spend: up to $25, $50, $100, $250, more.\n' +
      `Fixed cut points rather than quintiles: on this data quintile recency puts ${Math.min(...r4)}–${Math.max(...r4)} days into R = 4, and ` +
      `${count(lostChampions)} of its\n"Champions" would be customers the dormancy table calls lost.`,
  );
  out.push(heading('RFM segments, Shopify-style map (the same scores)'));
  out.push(rfmTable(book, asOf, RFM_SEGMENTS_SHOPIFY));
  return out.join('\n');
}
