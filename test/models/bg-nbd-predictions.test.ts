import { fc, test as fcTest } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { predictiveClv } from '../../src/models/predictive-clv.ts';
import { scoreCustomer } from '../../src/models/scoring.ts';
import { bgNbdAliveByCounting, bgNbdProbabilityByCounting } from './oracles.ts';

const weeks = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const days = { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 };
const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const relative = (value: number, expected: number): number => Math.abs(value - expected) / Math.abs(expected);

describe('BG/NBD E[Y(t) | x, tx, T] for heavy buyers over long horizons', () => {
  // 50-digit values of Fader, Hardie & Lee (2005) eq. 10 (mpmath)
  test('a daily buyer over ten years: 1087.33993773', () => {
    expect(relative(bgNbdModel(days).conditionalExpectedTransactions(3650, 365, 364, 365), 1087.3399377339859)).toBeLessThan(1e-12);
  });

  test('1,000 purchases, silent for the last 0.86 weeks, next year: 0.00206483', () => {
    expect(relative(bgNbdModel(weeks).conditionalExpectedTransactions(52, 1000, 38, 38.86), 0.002064830377693231)).toBeLessThan(1e-12);
  });

  test('150 purchases over 5,000 weeks: 1109.8175', () => {
    expect(relative(bgNbdModel(weeks).conditionalExpectedTransactions(5000, 150, 38, 38.86), 1109.8174764224124)).toBeLessThan(1e-12);
  });

  fcTest.prop(
    [
      fc.record({ r: logUniform(0.05, 5), alpha: logUniform(1, 100), a: logUniform(0.1, 5), b: logUniform(0.1, 10) }),
      fc.integer({ min: 0, max: 1000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      logUniform(1, 2000),
      fc.oneof(fc.constant(0), logUniform(0.001, 2500)),
    ],
    { numRuns: 60 },
  )('is finite and matches E[min(N, G)] summed in log space, times P(alive)', (params, x, share, T, t) => {
    const m = bgNbdModel(params);
    const tx = x === 0 ? 0 : share * T;
    const value = m.conditionalExpectedTransactions(t, x, tx, T);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    const expected = bgNbdAliveByCounting(params.r, params.a, params.b, x, t / (params.alpha + T)) * m.pAlive(x, tx, T);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-10 * expected + 1e-300);
  });

  test('scoreCustomer and predictiveClv give finite numbers for such customers', () => {
    const purchases = bgNbdModel(days);
    const spendModel = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
    const customer = { x: 365, tx: 364, T: 365, zbar: 20 };
    const score = scoreCustomer(purchases, customer, { horizon: 3650, spendModel });
    expect(relative(score.expectedTransactions, 1087.3399377339859)).toBeLessThan(1e-12);
    expect(Number.isFinite(score.expectedValue)).toBe(true);
    const clv = predictiveClv({ transactionModel: purchases, spendModel, customer, horizon: 3650, period: 365, discountRate: 0.1 }).clv;
    expect(clv.isFinite()).toBe(true);
    expect(clv.gt(new Decimal(0))).toBe(true);
  });

  test('an expectation beyond the range of numbers is an InvalidOptionError, not Infinity', () => {
    // with a = 0.001 almost no one drops out: a million purchases a unit, for 1e308 units
    const m = bgNbdModel({ r: 2, alpha: 1, a: 0.001, b: 1 });
    expect(() => m.conditionalExpectedTransactions(1e308, 1e6, 1, 1)).toThrow(InvalidOptionError);
    expect(() => m.conditionalExpectedTransactions(1e308, 1e6, 1, 1)).toThrow(/beyond the range/);
  });
});

describe('BG/NBD through a = 1', () => {
  const near = [1 - 9e-5, 1 - 1e-7, 1, 1 + 1e-7, 1 + 9e-5];

  test('E[X(39)] and E[X(1e6)] at a = 1 − 9e-5: 1.08432178 and 18.4515672, not the a = 1 values', () => {
    const m = bgNbdModel({ ...weeks, a: 1 - 9e-5 });
    // 50-digit values (mpmath); a = 1 gives 1.0842790106 and 18.444611725
    expect(relative(m.expectedTransactions(39), 1.0843217833329241)).toBeLessThan(1e-12);
    expect(relative(m.expectedTransactions(1e6), 18.451567169050575)).toBeLessThan(1e-12);
  });

  test.each(near)('a = %s: E[X(t)] matches the counting sum at t = 39 and t = 1e4', (a) => {
    const m = bgNbdModel({ ...weeks, a });
    for (const t of [39, 1e4]) {
      expect(relative(m.expectedTransactions(t), bgNbdAliveByCounting(weeks.r, a, weeks.b, 0, t / weeks.alpha))).toBeLessThan(1e-10);
    }
  });

  test.each(near)('a = %s: E[Y(t) | x, tx, T] matches the counting sum', (a) => {
    const m = bgNbdModel({ ...weeks, a });
    for (const [t, x, tx, T] of [
      [39, 2, 30.43, 38.86],
      [520, 7, 35, 38.86],
      [5, 0, 0, 20],
    ] as const) {
      const expected = bgNbdAliveByCounting(weeks.r, a, weeks.b, x, t / (weeks.alpha + T)) * m.pAlive(x, tx, T);
      expect(relative(m.conditionalExpectedTransactions(t, x, tx, T), expected)).toBeLessThan(1e-10);
    }
  });

  fcTest.prop([fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), logUniform(0.01, 1e5)])('E[X(t)] is continuous and monotone in a across a = 1', (d, t) => {
    const at = (a: number) => bgNbdModel({ ...weeks, a }).expectedTransactions(t);
    // larger a: earlier dropout, fewer purchases
    const lo = at(1 + d - 1e-6);
    const hi = at(1 + d + 1e-6);
    expect(hi).toBeLessThanOrEqual(lo * (1 + 1e-12));
    expect(relative(at(1 + d), (lo + hi) / 2)).toBeLessThan(1e-6);
  });
});

describe('BG/NBD P(X(t) = n)', () => {
  fcTest.prop(
    [
      fc.record({ r: logUniform(0.05, 5), alpha: logUniform(0.5, 50), a: logUniform(0.1, 5), b: logUniform(0.1, 10) }),
      fc.integer({ min: 0, max: 300 }),
      logUniform(0.01, 1000),
    ],
    { numRuns: 60 },
  )('matches FHL eq. 8 in 60-digit arithmetic', (params, n, t) => {
    const value = bgNbdModel(params).probabilityOfTransactions(n, t);
    const expected = bgNbdProbabilityByCounting(params, n, t);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-11 * expected + 1e-300);
  });

  test('stays a probability for counts far beyond any loop (n = 1e9, 1e15)', () => {
    const m = bgNbdModel(weeks);
    for (const [n, t] of [
      [1e9, 39],
      [1e9, 1e12],
      [1e15, 1e18],
    ] as const) {
      const value = m.probabilityOfTransactions(n, t);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    // n ≫ the horizon's mean: the probability underflows to 0, it does not turn negative or NaN
    expect(m.probabilityOfTransactions(1e9, 39)).toBe(0);
  });
});
