import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { predictiveClv } from '../../src/models/predictive-clv.ts';

const transactionModel = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const spendModel = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
const customer = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
const base = { transactionModel, spendModel, horizon: 12, discountRate: 0.05 };

describe('predictiveClv', () => {
  test('discounting by hand: ΔE per period ÷ (1+d)^k, × spend × margin', () => {
    const c = predictiveClv({ ...base, customer, period: 4, margin: 0.4 });
    const E = (t: number) => transactionModel.conditionalExpectedTransactions(t, 2, 30.43, 38.86);
    const discounted = E(4) / 1.05 + (E(8) - E(4)) / 1.05 ** 2 + (E(12) - E(8)) / 1.05 ** 3;
    expect(c.discountedTransactions).toBeCloseTo(discounted, 12);
    expect(c.expectedTransactions).toBeCloseTo(E(12), 12);
    expect(c.clv.toNumber()).toBeCloseTo(discounted * spendModel.conditionalExpectedSpend(2, 22.35) * 0.4, 10);
    expect(c.customerId).toBeNull();
  });

  test('a last partial period ends at the horizon', () => {
    const c = predictiveClv({ ...base, customer, horizon: 10, period: 4 });
    const E = (t: number) => transactionModel.conditionalExpectedTransactions(t, 2, 30.43, 38.86);
    expect(c.discountedTransactions).toBeCloseTo(E(4) / 1.05 + (E(8) - E(4)) / 1.05 ** 2 + (E(10) - E(8)) / 1.05 ** 3, 12);
  });

  test('no discounting: expected transactions × spend', () => {
    const c = predictiveClv({ ...base, customer, discountRate: 0 });
    expect(c.discountedTransactions).toBeCloseTo(c.expectedTransactions, 12);
  });

  test('summary: per customer rows and a total', () => {
    const all = predictiveClv({ ...base, summary: { ids: ['a', 'b'], x: [2, 0], tx: [30.43, 0], T: [38.86, 20], zbar: [22.35, 0] } });
    expect(all.customers.map((c) => c.customerId)).toEqual(['a', 'b']);
    const sum = all.customers.reduce((s, c) => s + c.clv.toNumber(), 0);
    expect(all.total.toNumber()).toBeCloseTo(sum, 10);
    expect(all.customers[1]?.expectedSpend).toBe(spendModel.expectedSpend());
    expect(all.expectedTransactions).toBeCloseTo(all.customers.reduce((s, c) => s + c.expectedTransactions, 0), 12);
  });

  test('option checks', () => {
    expect(() => predictiveClv({ ...base, customer, horizon: -1 })).toThrow(InvalidOptionError);
    expect(() => predictiveClv({ ...base, customer, period: 0 })).toThrow(InvalidOptionError);
    expect(() => predictiveClv({ ...base, customer, discountRate: -1 })).toThrow(InvalidOptionError);
    expect(() => predictiveClv({ ...base, customer, margin: 1.5 })).toThrow(InvalidOptionError);
    expect(() => predictiveClv({ ...base, customer: { x: 1, tx: 1, T: 2 } })).toThrow(InvalidOptionError);
    expect(() => predictiveClv({ ...base, summary: { x: [1], tx: [1], T: [2] } })).toThrow(InvalidOptionError);
    expect(() => predictiveClv({ ...base } as never)).toThrow(InvalidOptionError);
  });
});
