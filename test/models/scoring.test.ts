import { describe, expect, test } from 'vitest';
import { InvalidOptionError, RetentionError } from '../../src/errors.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { paretoNbdModel } from '../../src/models/pareto-nbd.ts';
import { pAliveInDays, pAliveScorer, scoreCustomer, scoreCustomers } from '../../src/models/scoring.ts';

const bg = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const gg = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });

describe('scoreCustomer', () => {
  test('P(alive), expected purchases, spend and value from the model’s own functions', () => {
    const s = scoreCustomer(bg, { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 }, { horizon: 52, spendModel: gg });
    expect(s.pAlive).toBe(bg.pAlive(2, 30.43, 38.86));
    expect(s.expectedTransactions).toBe(bg.conditionalExpectedTransactions(52, 2, 30.43, 38.86));
    expect(s.expectedSpend).toBe(gg.conditionalExpectedSpend(2, 22.35));
    expect(s.expectedValue).toBeCloseTo(s.expectedTransactions * (s.expectedSpend ?? 0), 12);
  });
  test('without a spend model: null value; works with a Pareto/NBD loaded from JSON', () => {
    const pareto = paretoNbdModel(JSON.parse(JSON.stringify(paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }))));
    const s = scoreCustomer(pareto, { x: 0, tx: 0, T: 38.86 }, { horizon: 39 });
    expect(s.expectedSpend).toBeNull();
    expect(s.expectedValue).toBeNull();
    expect(s.pAlive).toBeCloseTo(0.295, 3);
  });
  test('bad horizon, impossible history, missing zbar', () => {
    expect(() => scoreCustomer(bg, { x: 1, tx: 1, T: 2 }, { horizon: 0 })).toThrow(InvalidOptionError);
    expect(() => scoreCustomer(bg, { x: 1, tx: 3, T: 2 }, { horizon: 1 })).toThrow(InvalidOptionError);
    expect(() => scoreCustomer(bg, { x: 1, tx: 1, T: 2, zbar: -1 }, { horizon: 1, spendModel: gg })).toThrow(InvalidOptionError);
  });
});

describe('scoreCustomers', () => {
  test('one row per customer with ids (or row numbers)', () => {
    const rows = scoreCustomers(bg, { x: [0, 3], tx: [0, 10], T: [20, 20], zbar: [0, 15] }, { horizon: 10, spendModel: gg });
    expect(rows.map((r) => r.customerId)).toEqual([0, 1]);
    expect(rows[1]?.expectedSpend).toBe(gg.conditionalExpectedSpend(3, 15));
    expect(rows[0]?.pAlive).toBe(1);
  });
  test('column lengths are checked; zbar is required with a spend model', () => {
    expect(() => scoreCustomers(bg, { x: [0, 1], tx: [0], T: [1, 1] }, { horizon: 1 })).toThrow(InvalidOptionError);
    expect(() => scoreCustomers(bg, { x: [0], tx: [0], T: [1] }, { horizon: 1, spendModel: gg })).toThrow(InvalidOptionError);
  });
});

describe('pAliveScorer', () => {
  const summary = { ids: ['a', 7, '__proto__'], x: [2, 0, 2], tx: [30.43, 0, 5], T: [38.86, 38.86, 38.86] };
  test('looks ids up (numbers and strings distinct; objects with an id)', () => {
    const alive = pAliveScorer(bg, summary);
    expect(alive('a')).toBe(bg.pAlive(2, 30.43, 38.86));
    expect(alive({ id: 7 })).toBe(1);
    expect(alive('__proto__')).toBe(bg.pAlive(2, 5, 38.86));
    expect(() => alive('7')).toThrow(RetentionError);
    expect(pAliveScorer(bg, summary, { missing: 0.5 })('7')).toBe(0.5);
  });
  test('needs ids; missing must be a probability', () => {
    expect(() => pAliveScorer(bg, { x: [0], tx: [0], T: [1] })).toThrow(InvalidOptionError);
    expect(() => pAliveScorer(bg, summary, { missing: 2 })).toThrow(InvalidOptionError);
  });
});

describe('pAliveInDays', () => {
  test('divides day counts by the unit; T = 0 is alive', () => {
    const alive = pAliveInDays(bg, 'week');
    expect(alive({ x: 3, tx: 70, T: 210 })).toBeCloseTo(bg.pAlive(3, 10, 30), 14);
    expect(alive({ x: 0, tx: 0, T: 0 })).toBe(1);
    expect(pAliveInDays(bg, { days: 2 })({ x: 1, tx: 4, T: 10 })).toBeCloseTo(bg.pAlive(1, 2, 5), 14);
    expect(() => pAliveInDays(bg, 'month' as never)).toThrow(InvalidOptionError);
  });
});

describe('pAliveScorer look-ups', () => {
  test('a number id and the string of its digits are different customers', () => {
    const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const alive = pAliveScorer(m, { ids: [1, '2'], x: [2, 0], tx: [30.43, 0], T: [38.86, 38.86] }, { missing: 0.5 });
    expect(alive(1)).toBeCloseTo(0.727, 3);
    expect(alive('1')).toBe(0.5);
    expect(alive('2')).toBe(1);
    expect(alive(2)).toBe(0.5);
    expect(alive(-0)).toBe(0.5);
  });
});
