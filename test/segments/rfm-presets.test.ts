import { describe, expect, test } from 'vitest';
import { RFM_SEGMENTS_PYMC, RFM_SEGMENTS_SHOPIFY } from '../../src/segments/rfm-presets.ts';

describe('RFM_SEGMENTS_SHOPIFY', () => {
  test('the documented R × FM table, cell by cell', () => {
    const table = [5, 4, 3, 2, 1].map((r) => [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5].map((fm) => RFM_SEGMENTS_SHOPIFY.segmentOf({ r, f: fm, m: fm, fm })));
    const N = 'New', A = 'Active', C = 'Champions', P = 'Promising', L = 'Loyal', NA = 'Needs attention';
    const AL = 'Almost lost', AR = 'At risk', PL = 'Previously loyal', D = 'Dormant';
    expect(table).toEqual([
      [N, N, N, N, A, A, C, C, C],
      [P, P, P, P, A, A, L, L, L],
      [AL, AL, NA, NA, NA, NA, L, L, L],
      [AL, AL, AL, AL, AR, AR, AR, AR, PL],
      [D, D, D, D, AR, AR, PL, PL, PL],
    ]);
    expect(RFM_SEGMENTS_SHOPIFY.segments).not.toContain('Prospects');
    expect(RFM_SEGMENTS_SHOPIFY.segments).toHaveLength(10);
  });
});

describe('RFM_SEGMENTS_PYMC', () => {
  test("PyMC-Marketing's code lists on quartile scores; every other code is Other", () => {
    const codes = new Map<string, number>();
    for (let r = 1; r <= 4; r++) {
      for (let f = 1; f <= 4; f++) {
        for (let m = 1; m <= 4; m++) {
          const segment = RFM_SEGMENTS_PYMC.segmentOf({ r, f, m, fm: (f + m) / 2 });
          codes.set(segment, (codes.get(segment) ?? 0) + 1);
        }
      }
    }
    expect(Object.fromEntries(codes)).toEqual({
      'Premium Customer': 8,
      'Repeat Customer': 7,
      'Top Spender': 13,
      'At Risk Customer': 11,
      'Inactive Customer': 7,
      Other: 18,
    });
    expect(RFM_SEGMENTS_PYMC.segmentOf({ r: 1, f: 1, m: 1, fm: 1 })).toBe('Inactive Customer');
    expect(RFM_SEGMENTS_PYMC.segmentOf({ r: 2, f: 3, m: 2, fm: 2.5 })).toBe('Repeat Customer');
    expect(RFM_SEGMENTS_PYMC.bins).toBe(4);
  });
});
