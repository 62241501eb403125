/**
 * Holdout check of BG/NBD on CDNOW (Fader, Hardie & Lee 2005): calibration weeks 1–39 (to 1997-09-30),
 * holdout weeks 40–78 (to 1998-06-30), model fitted on the library's own summary.
 *
 * The data say: 2,457 repeat transactions (purchase days) in calibration, 1,882 in the holdout, 4,339
 * cumulative at week 78. The fitted BG/NBD expects 1,653.4 holdout transactions from the customers'
 * histories (Σ E[Y(39) | x, tx, T], −12.1 %) and 1,666.7 from the unconditional tracking curve
 * (Σ E[X(T+39)] − E[X(T)]); its cumulative curve ends at 4,160.6 (−4.1 %). The paper's conditional-
 * expectation figure shows the same pattern by calibration frequency (x = 0: 0.23 expected, 0.24 actual).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fitBgNbd } from '../../src/models/bg-nbd.ts';
import { type HoldoutEvaluation, evaluateHoldout } from '../../src/models/holdout.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';
import { readCdnowSample } from '../models/cdnow-sample.ts';
import { readFixtureCsv } from '../models/helpers.ts';

let e: HoldoutEvaluation;

beforeAll(() => {
  const s = rfmSummary(readCdnowSample(), { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week' });
  e = evaluateHoldout(fitBgNbd(s.compress()), s);
});

describe('BG/NBD holdout evaluation on CDNOW', () => {
  test('actual repeat transactions: 2,457 in weeks 1–39, 1,882 in weeks 40–78', () => {
    expect(e.holdoutLength).toBe(39);
    expect(e.actualTotal).toBe(1882);
    expect(e.tracking.length).toBe(78);
    expect(e.tracking[38]?.lastDay).toBe('1997-09-30');
    expect(e.tracking[38]?.actualCumulative).toBe(2457);
    expect(e.tracking[77]?.lastDay).toBe('1998-06-30');
    expect(e.tracking[77]?.actualCumulative).toBe(4339);
    expect(e.tracking.filter((r) => r.holdout).length).toBe(39);
  });

  test('predicted holdout transactions and errors', () => {
    expect(e.predictedTotal).toBeCloseTo(1653.4, 1);
    expect(e.trackingHoldoutTotal).toBeCloseTo(1666.7, 1);
    expect(e.aggregateError).toBeCloseTo(-0.121, 3);
    expect(e.tracking[77]?.expectedCumulative).toBeCloseTo(4160.6, 1);
    expect((e.tracking[77]?.expectedCumulative ?? 0) - (e.tracking[38]?.expectedCumulative ?? 0)).toBeCloseTo(e.trackingHoldoutTotal, 6);
    expect(e.mae).toBeCloseTo(0.785, 3);
    expect(e.rmse).toBeCloseTo(1.608, 3);
  });

  test('by calibration frequency: 0…6 and 7+', () => {
    expect(e.byFrequency.map((r) => r.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(e.byFrequency.map((r) => r.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(e.byFrequency[0]?.meanActual).toBeCloseTo(334 / 1411, 12);
    expect(e.byFrequency[0]?.meanPredicted).toBeCloseTo(0.225, 3);
    expect(e.byFrequency[7]?.meanPredicted).toBeCloseTo(6.157, 3);
    expect(e.byFrequency[7]?.meanActual).toBeCloseTo(6.359, 3);
  });

  test('holdout counts agree with the published summary rows (same customers, same order)', () => {
    const rows = readFixtureCsv('cdnow_customers_summary.csv');
    expect(e.customers.map((c) => c.customerId)).toEqual(rows.map((r) => r[0]));
    expect(e.customers.map((c) => c.x)).toEqual(rows.map((r) => r[1]));
  });
});
