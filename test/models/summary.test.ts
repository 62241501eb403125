import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../src/errors.ts';
import { compressSummary, validateSummary } from '../../src/models/summary.ts';

function caught(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('validateSummary', () => {
  test('copies into typed arrays with unit weights', () => {
    const v = validateSummary({ x: [0, 2], tx: [0, 3.5], T: [10, 12] });
    expect([...v.weight]).toEqual([1, 1]);
    expect([...v.tx]).toEqual([0, 3.5]);
  });

  test('rejects impossible rows with index, field and reason', () => {
    expect(caught(() => validateSummary({ x: [0, -1], tx: [0, 0], T: [1, 1] })).index).toBe(1);
    expect(caught(() => validateSummary({ x: [0, -1], tx: [0, 0], T: [1, 1] })).field).toBe('record');
    expect(caught(() => validateSummary({ x: [1.5], tx: [0], T: [1] })).reason).toMatch(/non-negative integer/);
    expect(caught(() => validateSummary({ x: [1], tx: [3], T: [2] })).reason).toMatch(/within \[0, T/);
    expect(caught(() => validateSummary({ x: [0], tx: [1], T: [2] })).reason).toMatch(/must be 0 when x = 0/);
    expect(caught(() => validateSummary({ x: [0], tx: [0], T: [0] })).reason).toMatch(/positive/);
    expect(caught(() => validateSummary({ x: [0], tx: [0], T: [1], weight: [-1] })).reason).toMatch(/weight/);
    expect(caught(() => validateSummary({ x: [0, 1], tx: [0], T: [1, 1] })).reason).toMatch(/same length/);
    expect(caught(() => validateSummary({ x: [], tx: [], T: [] })).reason).toMatch(/empty/);
    expect(caught(() => validateSummary({ x: [0], tx: [0], T: [1], weight: [0] })).reason).toMatch(/sum to 0/);
    expect(caught(() => validateSummary({ x: [Number.NaN], tx: [0], T: [1] })).message).toMatch(/^summary\[0\]: x = NaN/);
  });
});

describe('compressSummary', () => {
  test('collapses identical rows, sums weights, drops zero weights', () => {
    const s = compressSummary({ x: [1, 0, 1, 0, 3], tx: [2, 0, 2, 0, 4], T: [5, 5, 5, 5, 6], weight: [1, 2, 3, 4, 0] });
    expect([...s.x]).toEqual([0, 1]);
    expect([...s.weight]).toEqual([6, 4]);
  });

  fcTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 40 })])(
    'total weight is kept and rows are distinct',
    (rows) => {
      const s = compressSummary({ x: rows.map((r) => r[0]), tx: rows.map((r) => (r[0] === 0 ? 0 : r[1])), T: rows.map(() => 3) });
      expect(s.weight.reduce((a, b) => a + b, 0)).toBe(rows.length);
      const keys = new Set<string>();
      for (let i = 0; i < s.x.length; i++) keys.add(`${s.x[i]},${s.tx[i]},${s.T[i]}`);
      expect(keys.size).toBe(s.x.length);
    },
  );
});
