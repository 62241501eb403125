import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { RFM_SEGMENTS, rfmSegmentMap } from '../../src/segments/rfm-segments.ts';

const grid = (map: typeof RFM_SEGMENTS) =>
  [5, 4, 3, 2, 1].map((r) => [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5].map((fm) => map.segmentOf({ r, f: fm, m: fm, fm })));

describe('RFM_SEGMENTS (the default map)', () => {
  test('the documented R × FM table, cell by cell', () => {
    const N = 'New Customers', PL = 'Potential Loyalists', C = 'Champions', P = 'Promising', L = 'Loyal Customers';
    const S = 'About to Sleep', NA = 'Need Attention', H = 'Hibernating', AR = 'At Risk', CL = "Can't Lose Them", X = 'Lost';
    expect(grid(RFM_SEGMENTS)).toEqual([
      [N, N, PL, PL, PL, PL, C, C, C],
      [P, P, PL, PL, L, L, C, C, C],
      [S, S, NA, NA, NA, NA, L, L, L],
      [H, H, H, H, AR, AR, AR, AR, CL],
      [X, X, X, X, AR, AR, CL, CL, CL],
    ]);
  });

  test('eleven segments, in the issue order, no fallback needed', () => {
    expect(RFM_SEGMENTS.segments).toEqual([
      'Champions', 'Loyal Customers', 'Potential Loyalists', 'New Customers', 'Promising', 'Need Attention',
      'About to Sleep', 'At Risk', "Can't Lose Them", 'Hibernating', 'Lost',
    ]);
    expect(RFM_SEGMENTS.bins).toBe(5);
  });
});

describe('rfmSegmentMap', () => {
  test('first match wins; ranges, codes, fallback listed only when reachable', () => {
    const map = rfmSegmentMap('mine', [
      { name: 'Top', codes: ['333'] },
      { name: 'Recent', r: [3, 3] },
      { name: 'Big', m: [2, 3], f: [1, 3] },
    ], { bins: 3, fallback: 'Rest' });
    expect(map.segmentOf({ r: 3, f: 3, m: 3, fm: 3 })).toBe('Top');
    expect(map.segmentOf({ r: 3, f: 1, m: 1, fm: 1 })).toBe('Recent');
    expect(map.segmentOf({ r: 1, f: 1, m: 2, fm: 1.5 })).toBe('Big');
    expect(map.segmentOf({ r: 1, f: 1, m: 1, fm: 1 })).toBe('Rest');
    expect(map.segments).toEqual(['Top', 'Recent', 'Big', 'Rest']);
    const total = rfmSegmentMap('all', [{ name: 'Everyone' }], { bins: 2 });
    expect(total.segments).toEqual(['Everyone']);
  });

  test('bad rules are option errors', () => {
    const bad: unknown[] = [
      [{ name: '' }],
      [{ name: 'x', r: [0, 2] }],
      [{ name: 'x', fm: [4, 3] }],
      [{ name: 'x', r: [1, 6] }],
      [{ name: 'x', codes: ['16'] }],
      [{ name: 'x', codes: ['166'] }],
      'rules',
    ];
    for (const rules of bad) expect(() => rfmSegmentMap('bad', rules as never), JSON.stringify(rules)).toThrow(InvalidOptionError);
    expect(() => rfmSegmentMap('bad', [], { bins: 1 })).toThrow(InvalidOptionError);
  });
});
