// Segment tables for the example report: dormancy, reactivation potential and RFM segments.
import { type Ledger, type RfmSegmentMap, RFM_SEGMENTS_SHOPIFY, dormancy, reactivationPotential, rfm } from 'retention-metrics';
import { count, dollars, heading, percent, table } from './table.ts';

const SEGMENT_LABELS = { active: 'active (≤ 90 days)', atRisk: 'at risk (91–180)', dormant: 'dormant (181–365)', lost: 'lost (> 365)' } as const;

function rfmTable(book: Ledger, asOf: string, segments?: RfmSegmentMap): string {
  const report = rfm(book, segments === undefined ? { asOf } : { asOf, segments });
  return table(
    ['segment', 'customers', 'share', 'revenue', 'avg recency (days)', 'avg orders', 'avg spend'],
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
  out.push(heading(`Dormancy as of ${asOf.slice(0, 10)}: days since the last order`));
  out.push(
    table(
      ['segment', 'customers', 'share', 'historical value'],
      (['active', 'atRisk', 'dormant', 'lost'] as const).map((s) => [
        SEGMENT_LABELS[s],
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
      (['active', 'atRisk', 'dormant', 'lost'] as const).map((s) => [
        SEGMENT_LABELS[s].replace(/ \(.*\)$/, ''),
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
          includeLost ? 'dormant + lost' : 'dormant',
          count(p.customers),
          dollars(p.historicalValue),
          `${count(Math.round(p.receptive.low))}–${count(Math.round(p.receptive.high))}`,
          `${dollars(p.value.low)}–${dollars(p.value.high)}`,
        ];
      }),
    ),
  );
  out.push(heading('RFM segments (scores 1–5 by rank, ties shared; segments from R and FM = (F + M) / 2)'));
  out.push(rfmTable(book, asOf));
  out.push(heading('RFM segments, Shopify-style map'));
  out.push(rfmTable(book, asOf, RFM_SEGMENTS_SHOPIFY));
  return out.join('\n');
}
