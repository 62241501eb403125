/**
 * rfmSummary on the CDNOW 1/10 sample reproduces the published BG/NBD summary
 * (`cdnow_customers_summary.csv`, Fader & Hardie, as distributed with `lifetimes`) row for row, and
 * the `zbar` column of `cdnow_customers_summary_with_transactions.csv` to the cent.
 *
 * Conventions the file implies (checked here): transactions are purchase days; calibration ends
 * 1997-09-30 *inclusive* (13 purchases on that day count in x), but T counts the whole days between
 * the first purchase day and 1997-09-30 (272 days = 38.86 weeks for a 1997-01-01 customer, not 273);
 * t_x and T are days ÷ 7 rounded half-up to 2 decimals; zbar is the exact mean of the repeat days'
 * dollar totals rounded half-up to cents (7 customers have a mean ending in half a cent, e.g. 35.175 →
 * 35.18).
 */
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import { fitBgNbd } from '../../src/models/bg-nbd.ts';
import { fitGammaGamma } from '../../src/models/gamma-gamma.ts';
import { fitParetoNbd } from '../../src/models/pareto-nbd.ts';
import { type RfmSummary, rfmSummary } from '../../src/models/rfm-summary.ts';
import { compressSummary } from '../../src/models/summary.ts';
import { readCdnowSample } from '../models/cdnow-sample.ts';
import { readFixtureCsv } from '../models/helpers.ts';

let s: RfmSummary;
const published = readFixtureCsv('cdnow_customers_summary.csv');
const withZbar = readFixtureCsv('cdnow_customers_summary_with_transactions.csv');
const round2 = (v: number) => new Decimal(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

beforeAll(() => {
  s = rfmSummary(readCdnowSample(), { calibrationEnd: '1997-09-30', unit: 'week' });
});

describe('rfmSummary reproduces the published CDNOW summary', () => {
  test('one row per customer, in sample-id order', () => {
    expect(s.ids.length).toBe(2357);
    expect(published.length).toBe(2357);
    expect(s.ids).toEqual(published.map((r) => r[0]));
    expect(s.excludedOnLastDay).toBe(0);
    expect(s.calibrationEnd).toBe('1997-09-30');
    expect(s.unitDays).toBe(7);
  });

  test('x exactly; t_x and T after rounding half-up to 2 decimals', () => {
    let mismatches = 0;
    published.forEach(([, x, tx, T], i) => {
      if (s.x[i] !== x || round2(s.tx[i] ?? 0) !== tx || round2(s.T[i] ?? 0) !== T) mismatches++;
    });
    expect(mismatches).toBe(0);
    // customer 1: first purchase 1997-01-01, T = 272 days
    expect((s.T[0] ?? 0) * 7).toBeCloseTo(272, 9);
    // totals: 2,457 repeat transactions in calibration (the paper's figure)
    expect(s.x.reduce((a, b) => a + b, 0)).toBe(2457);
  });

  test('zbar to the cent (exact mean of cents, half-up)', () => {
    let mismatches = 0;
    withZbar.forEach(([id, x, , , zbar], i) => {
      expect(s.ids[i]).toBe(id);
      const cents = x === 0 ? new Decimal(0) : new Decimal(s.repeatMinor[i] ?? 0).dividedBy(x ?? 1).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      if (!cents.dividedBy(100).equals(zbar ?? Number.NaN)) mismatches++;
      expect(Math.abs((s.zbar[i] ?? 0) - (zbar ?? 0))).toBeLessThanOrEqual(0.005 + 1e-9);
    });
    expect(mismatches).toBe(0);
  });

  test('an exclusive calibration end or T counted to the end of the day would not match', () => {
    const plusOne = published.filter(([, , , T], i) => round2(((s.T[i] ?? 0) * 7 + 1) / 7) === T).length;
    expect(plusOne).toBe(0);
    const before = rfmSummary(readCdnowSample(), { calibrationEnd: '1997-09-29', unit: 'week' });
    const differ = published.filter(([, x], i) => before.x[i] !== x).length;
    expect(differ).toBe(13); // the 13 purchases made on 1997-09-30
  });

  test('the compressed form equals compressSummary of the columns', () => {
    const fast = s.compress();
    const slow = compressSummary(s.toFrequencySummary());
    expect([...fast.x]).toEqual([...slow.x]);
    expect([...fast.tx]).toEqual([...slow.tx]);
    expect([...fast.T]).toEqual([...slow.T]);
    expect([...fast.weight]).toEqual([...slow.weight]);
    expect(fast.weight.reduce((a, b) => a + b, 0)).toBe(2357);
  });

  test('the same summary from a ledger read in another time zone (dates are local days)', () => {
    const zoned = rfmSummary(ledger(readCdnowSample(), { timeZone: 'America/New_York' }), { calibrationEnd: '1997-09-30', unit: 'week' });
    expect([...zoned.x]).toEqual([...s.x]);
    expect([...zoned.T]).toEqual([...s.T]);
  });
});

describe('models fitted on the computed summary give the published estimates', () => {
  test('BG/NBD (Fader, Hardie & Lee 2005): r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4', () => {
    const fit = fitBgNbd(s.compress());
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  test('Pareto/NBD: r 0.553, α 10.578 (s, β on a flat ridge)', () => {
    const fit = fitParetoNbd(s.compress());
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 2);
    expect(fit.params.s).toBeCloseTo(0.606, 2);
    expect(Math.abs(fit.params.beta - 11.669)).toBeLessThan(0.05);
  });

  test('Gamma-Gamma (Fader & Hardie 2013, unrounded zbar): p 6.25, q 3.74, γ 15.44 on 946 customers', () => {
    const fit = fitGammaGamma(s.toSpendSummary());
    expect(fit.customers).toBe(946);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.gamma).toBeCloseTo(15.44, 2);
  });
});
