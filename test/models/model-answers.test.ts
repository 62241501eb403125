/**
 * Degenerate parameters are refused when a model is loaded, and a model's answers are checked before
 * they become scores: NaN, a negative count or a probability outside [0, 1] is a typed error naming
 * the model method and the value.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { bgBbModel } from '../../src/models/bg-bb.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { paretoNbdModel } from '../../src/models/pareto-nbd.ts';
import { predictiveClv } from '../../src/models/predictive-clv.ts';
import { type SpendModel, type TransactionModel, pAliveInDays, pAliveScorer, scoreCustomer, scoreCustomers } from '../../src/models/scoring.ts';
import { shiftedBetaGeometricModel } from '../../src/models/shifted-beta-geometric.ts';
import { optionError } from '../helpers/option-error.ts';
import { weeklyHoldoutSummary } from './helpers.ts';

const loaders: [string, (p: Record<string, number>) => unknown, Record<string, number>][] = [
  ['bg-nbd', (p) => bgNbdModel(p as never), { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }],
  ['pareto-nbd', (p) => paretoNbdModel(p as never), { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }],
  ['gamma-gamma', (p) => gammaGammaModel(p as never), { p: 6.25, q: 3.74, gamma: 15.44 }],
  ['sbg', (p) => shiftedBetaGeometricModel(p as never), { alpha: 0.704, beta: 1.182 }],
  ['bg-bb', (p) => bgBbModel(p as never), { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }],
];

const outside = fc.oneof(
  fc.double({ min: -1e308, max: 0.999999e-6, noNaN: true }),
  fc.double({ min: 1.000001e6, max: 1e308, noNaN: true }),
  fc.constantFrom(5e-324, 1e300, Number.NaN, Number.POSITIVE_INFINITY, -0),
);

describe('parameters of a loaded model lie in [1e-6, 1e6]', () => {
  fcTest.prop([fc.integer({ min: 0, max: loaders.length - 1 }), fc.nat(), outside])('a parameter outside the range is an InvalidOptionError naming it', (l, k, value) => {
    const [, load, params] = loaders[l];
    const names = Object.keys(params);
    const name = names[k % names.length];
    let error: unknown;
    try {
      load({ ...params, [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe(`params.${name}`);
    expect((error as InvalidOptionError).message).toMatch(/is not a number in \[1e-6, 1e6\]$/);
  });

  test('the ends of the range are accepted by every loader', () => {
    for (const [, load, params] of loaders) {
      for (const end of [1e-6, 1e6]) expect(() => load({ ...params, [Object.keys(params)[0]]: end })).not.toThrow();
    }
  });
});


const good = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const spend = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
function answering(over: Partial<TransactionModel>): TransactionModel {
  return {
    pAlive: (x, tx, T) => good.pAlive(x, tx, T),
    expectedTransactions: (t) => good.expectedTransactions(t),
    conditionalExpectedTransactions: (t, x, tx, T) => good.conditionalExpectedTransactions(t, x, tx, T),
    ...over,
  };
}
const history = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
const columns = { ids: ['a'], x: [2], tx: [30.43], T: [38.86], zbar: [22.35] };

describe('a model’s answers are checked before they become scores', () => {
  test('pAlive NaN, 1.5 or -0.1: an InvalidOptionError named model.pAlive with the value', () => {
    for (const value of [Number.NaN, 1.5, -0.1]) {
      const error = optionError(() => scoreCustomer(answering({ pAlive: () => value }), history, { horizon: 52 }));
      expect(error.option).toBe('model.pAlive');
      expect(Object.is(error.value, value)).toBe(true);
      expect(error.message).toMatch(/returned .* for x = 2, tx = 30.43, T = 38.86; a probability must be a number in \[0, 1\]/);
    }
  });

  test('an expected count of -1, NaN or Infinity: named by the method', () => {
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const model = answering({ conditionalExpectedTransactions: () => value, expectedTransactions: () => value });
      expect(optionError(() => scoreCustomers(model, columns, { horizon: 52 })).option).toBe('model.conditionalExpectedTransactions');
      expect(optionError(() => predictiveClv({ transactionModel: model, spendModel: spend, customer: history, horizon: 52, discountRate: 0 })).option).toBe(
        'transactionModel.conditionalExpectedTransactions',
      );
    }
  });

  test('a value that is not a number at all is refused the same way', () => {
    const model = answering({ pAlive: () => '0.5' as unknown as number });
    expect(optionError(() => pAliveScorer(model, columns)).message).toMatch(/^model\.pAlive: returned "0\.5"/);
    expect(optionError(() => pAliveInDays(model, 'week')({ x: 2, tx: 213, T: 272 })).option).toBe('model.pAlive');
  });

  test('a spend model answering Infinity (a Gamma-Gamma with q < 1) does not become a CLV', () => {
    const heavyTail = gammaGammaModel({ p: 1, q: 0.9, gamma: 1 });
    const error = optionError(() => predictiveClv({ transactionModel: good, spendModel: heavyTail, customer: { x: 0, tx: 0, T: 38.86 }, horizon: 52, discountRate: 0 }));
    expect(error.option).toBe('spendModel.conditionalExpectedSpend');
    expect(error.value).toBe(Number.POSITIVE_INFINITY);
    expect(optionError(() => scoreCustomer(good, history, { horizon: 52, spendModel: { conditionalExpectedSpend: () => -1 } as SpendModel })).option).toBe(
      'spendModel.conditionalExpectedSpend',
    );
  });

  test('evaluateHoldout checks E[X(t)] too', () => {
    const s = weeklyHoldoutSummary();
    expect(optionError(() => evaluateHoldout(answering({ expectedTransactions: () => -1 }), s)).option).toBe('model.expectedTransactions');
  });

  test('the library’s own models pass through unchanged', () => {
    expect(scoreCustomer(good, history, { horizon: 52, spendModel: spend }).expectedValue).toBeCloseTo(38.44, 2);
  });
});
