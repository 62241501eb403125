import { describe, expect, test } from 'vitest';
import { compressDays } from '../../src/models/compress-days.ts';

describe('compressDays', () => {
  test('distinct (x, tx, T) in units with counts, sorted', () => {
    const x = Uint32Array.from([1, 0, 1, 0, 2]);
    const txDays = Int32Array.from([7, 0, 7, 0, 14]);
    const first = Int32Array.from([100, 100, 100, 93, 93]);
    const c = compressDays(x, txDays, first, 121, 7);
    expect([...c.x]).toEqual([0, 0, 1, 2]);
    expect([...c.tx]).toEqual([0, 0, 1, 2]);
    expect([...c.T]).toEqual([3, 4, 3, 4]);
    expect([...c.weight]).toEqual([1, 1, 2, 1]);
  });

  test('empty input', () => {
    expect(compressDays(new Uint32Array(0), new Int32Array(0), new Int32Array(0), 10, 1).x.length).toBe(0);
  });
});
