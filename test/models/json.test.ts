/**
 * Model results that hold typed arrays serialize them as arrays, so a summary or a compressed summary
 * can be sent over HTTP as it is.
 */
import { describe, expect, test } from 'vitest';
import { minimizeBfgs } from '../../src/models/optimizer.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';
import { compressSummary } from '../../src/models/summary.ts';
import { readCdnowSample } from './cdnow-sample.ts';

const cdnow = rfmSummary(readCdnowSample(), { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week' });

describe('JSON of the model results', () => {
  test('rfmSummary: every column is an array, the scalars are kept, the methods are left out', () => {
    const plain = JSON.parse(JSON.stringify(cdnow)) as Record<string, unknown>;
    for (const column of ['ids', 'x', 'tx', 'T', 'zbar', 'repeatMinor', 'firstDay', 'holdout', 'repeatByPeriod']) {
      expect(Array.isArray(plain[column]), column).toBe(true);
    }
    expect(plain.x).toEqual(Array.from(cdnow.x));
    expect(plain.holdout).toEqual(Array.from(cdnow.holdout ?? []));
    expect(plain.unitDays).toBe(7);
    expect(plain.calibrationEnd).toBe('1997-09-30');
    expect(plain.holdoutLength).toBe(cdnow.holdoutLength);
    expect('compress' in plain).toBe(false);
  });

  test('on CDNOW (2,357 customers) the summary is about 108 kB of JSON, half of the 216 kB of {"0": …} objects', () => {
    expect(JSON.stringify(cdnow).length).toBeLessThan(110_000);
    expect(JSON.stringify(cdnow)).not.toMatch(/"0":/);
  });

  test('a summary without a holdout keeps holdout null', () => {
    const s = rfmSummary(readCdnowSample().slice(0, 50), { calibrationEnd: '1997-09-30' });
    expect((JSON.parse(JSON.stringify(s)) as { holdout: unknown }).holdout).toBeNull();
  });

  test('compressed summaries (from compressSummary and from rfmSummary.compress()) are arrays with their unit', () => {
    for (const compressed of [cdnow.compress(), compressSummary(cdnow)]) {
      const plain = JSON.parse(JSON.stringify(compressed)) as Record<string, unknown>;
      expect(plain.x).toEqual(Array.from(compressed.x));
      expect(plain.weight).toEqual(Array.from(compressed.weight));
      expect(plain.unitDays).toBe(7);
    }
    expect(JSON.parse(JSON.stringify(compressSummary({ x: [1], tx: [1], T: [2] })))).toEqual({ x: [1], tx: [1], T: [2], weight: [1] });
  });

  test('minimizeBfgs: the point reached is an array', () => {
    const r = minimizeBfgs((p) => (p[0] - 1) ** 2, [0]);
    const plain = JSON.parse(JSON.stringify(r)) as { x: unknown; converged: unknown };
    expect(Array.isArray(plain.x)).toBe(true);
    expect(plain.converged).toBe(true);
  });
});
