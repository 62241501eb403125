import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { bgBbModel, MAX_OPPORTUNITIES } from '../../src/models/bg-bb.ts';
import { bgBbConditionalByCounting, bgBbExpectedByCounting } from './oracles.ts';

const donations = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const relative = (value: number, expected: number): number => Math.abs(value - expected) / Math.abs(expected);

describe('BG/BB through γ = 1', () => {
  test('γ = 1.00005: E[X(6, 11) | 6, 6, 6] = 3.42536011, not the γ = 1 shortcut 3.42558196', () => {
    // 50 digits (mpmath, direct sums): 3.4253601133117147
    expect(relative(bgBbModel({ ...donations, gamma: 1.00005 }).conditionalExpectedTransactions(5, 6, 6, 6), 3.4253601133117147)).toBeLessThan(1e-13);
  });

  test.each([1 - 5e-5, 1 - 1e-9, 1, 1 + 1e-9, 1 + 5e-5])('γ = %s: expectations match the sums of P(alive) in 50 digits', (gamma) => {
    const params = { ...donations, gamma };
    const m = bgBbModel(params);
    for (const n of [1, 6, 11, 200]) expect(relative(m.expectedTransactions(n), bgBbExpectedByCounting(params, n))).toBeLessThan(1e-13);
    for (const [nStar, x, tx, n] of [
      [5, 6, 6, 6],
      [5, 0, 0, 6],
      [30, 2, 3, 6],
      [100, 40, 90, 100],
    ] as const) {
      expect(relative(m.conditionalExpectedTransactions(nStar, x, tx, n), bgBbConditionalByCounting(params, nStar, x, tx, n))).toBeLessThan(1e-12);
    }
  });

  fcTest.prop(
    [
      fc.record({
        alpha: logUniform(0.05, 50),
        beta: logUniform(0.05, 50),
        gamma: fc.oneof(logUniform(0.05, 50), fc.double({ min: 1 - 1e-3, max: 1 + 1e-3, noNaN: true })),
        delta: logUniform(0.05, 1000),
      }),
      fc.integer({ min: 1, max: 150 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 0, max: 150 }),
    ],
    { numRuns: 60 },
  )('E[X(n)] and E[X(n, n + n*) | x, tx, n] match 50-digit sums', (params, n, xShare, txShare, nStar) => {
    const x = Math.round(xShare * n);
    const tx = x === 0 ? 0 : x + Math.round(txShare * (n - x));
    const m = bgBbModel(params);
    expect(relative(m.expectedTransactions(n), bgBbExpectedByCounting(params, n))).toBeLessThan(1e-12);
    const expected = bgBbConditionalByCounting(params, nStar, x, tx, n);
    const value = m.conditionalExpectedTransactions(nStar, x, tx, n);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-11 * expected);
  });
});

describe('BG/BB opportunity limit', () => {
  const m = bgBbModel(donations);

  test(`up to ${MAX_OPPORTUNITIES} opportunities are accepted`, () => {
    expect(Number.isFinite(m.expectedTransactions(MAX_OPPORTUNITIES))).toBe(true);
    expect(m.pAlive(3, 50, MAX_OPPORTUNITIES)).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(m.conditionalExpectedTransactions(MAX_OPPORTUNITIES, 3, 50, MAX_OPPORTUNITIES))).toBe(true);
  });

  test('more are an InvalidOptionError naming the limit, whichever argument carries them', () => {
    const over = MAX_OPPORTUNITIES + 1;
    for (const call of [
      () => m.expectedTransactions(over),
      () => m.likelihood(0, 0, over),
      () => m.pAlive(1, 1, over),
      () => m.conditionalExpectedTransactions(over, 1, 1, 6),
      () => m.conditionalExpectedTransactions(5, 1, 1, 1e12),
    ]) {
      expect(call).toThrow(InvalidOptionError);
      expect(call).toThrow(String(MAX_OPPORTUNITIES));
    }
  });
});
