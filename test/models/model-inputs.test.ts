/**
 * Malformed summaries, models and histories are typed errors naming what is wrong — never a foreign
 * TypeError or RangeError from reading them.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError, isRetentionError } from '../../src/errors.ts';
import { fitBgBb } from '../../src/models/bg-bb.ts';
import { bgNbdModel, fitBgNbd } from '../../src/models/bg-nbd.ts';
import { fitGammaGamma, gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { predictiveClv } from '../../src/models/predictive-clv.ts';
import { pAliveScorer, scoreCustomer, scoreCustomers } from '../../src/models/scoring.ts';
import { fitShiftedBetaGeometric } from '../../src/models/shifted-beta-geometric.ts';
import { compressSummary } from '../../src/models/summary.ts';

const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const spendModel = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('model summaries', () => {
  const bad: [string, unknown, RegExp][] = [
    ['null column', { x: null, tx: [0], T: [1] }, /^summary\[0\]: x: null is not an array of numbers$/],
    ['Symbol column', { x: Symbol('x'), tx: [0], T: [1] }, /x: a symbol is not an array of numbers/],
    ['Symbol entry', { x: [1], tx: [Symbol('t')], T: [2] }, /tx = a symbol must be within/],
    ['bigint entry', { x: [1n], tx: [1], T: [2] }, /x = 1n \(a bigint\) must be a non-negative integer/],
    ['negative length', { x: { length: -1 }, tx: { length: -1 }, T: { length: -1 } }, /x: its length -1 is not a whole number of rows/],
    ['fractional length', { x: { length: 1.5 }, tx: [0], T: [1] }, /x: its length 1.5 is not a whole number/],
    ['missing column', { x: [1], T: [2] }, /tx: is missing/],
    ['not an object', 42, /^summary\[0\]: 42 is not an object of columns/],
    ['null', null, /null is not an object of columns/],
    ['a near-miss column name', { x: [1], tx: [1], T: [2], weights: [3] }, /weights: unknown key \(did you mean `weight`\?\)/],
  ];
  test.each(bad)('%s is an InvalidInputError naming the column', (_, summary, message) => {
    for (const fit of [() => compressSummary(summary as never), () => fitBgNbd(summary as never)]) {
      const error = thrown(fit);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toMatch(message);
    }
  });

  test('the Gamma-Gamma and BG/BB summaries are checked the same way', () => {
    expect(thrown(() => fitGammaGamma({ x: null, zbar: [1] } as never))).toBeInstanceOf(InvalidInputError);
    expect((thrown(() => fitGammaGamma({ x: [1], zbar: [Symbol('z')] } as never)) as Error).message).toMatch(/zbar = a symbol must be a positive number/);
    expect(thrown(() => fitBgBb({ frequency: { length: -1 }, recency: [], periods: [] } as never))).toBeInstanceOf(InvalidInputError);
    expect((thrown(() => fitBgBb({ frequency: [Symbol('f')], recency: [1], periods: [3] } as never)) as Error).message).toMatch(/frequency = a symbol/);
  });

  test('a hole or an undefined entry in a BG/BB or Gamma-Gamma column is an InvalidInputError naming the row, not a 0', () => {
    const holed = [1, , 2];
    const bgBb = thrown(() => fitBgBb({ frequency: holed, recency: [1, 0, 2], periods: [3, 3, 3] } as never));
    expect(bgBb).toBeInstanceOf(InvalidInputError);
    expect((bgBb as Error).message).toBe('summary[1]: frequency = undefined must be an integer in [0, periods = 3]');
    const spend = thrown(() => fitGammaGamma({ x: [1, 2, 3], zbar: [10, 20, 30], weight: [1, undefined, 1] } as never));
    expect(spend).toBeInstanceOf(InvalidInputError);
    expect((spend as Error).message).toBe('summary[1]: weight = undefined must be a non-negative finite number');
  });

  test('survivor counts and survival tables', () => {
    for (const bad of [null, 42, 'abc', { length: -1 }, { cohorts: null }, { cohorts: [{ cells: null }] }, { cohorts: [{ cells: [{ offset: -1, ended: 1, censored: 0 }] }] }, [100, Symbol('n')]]) {
      const error = thrown(() => fitShiftedBetaGeometric(bad as never));
      expect(error, String(typeof bad)).toBeInstanceOf(InvalidInputError);
    }
    expect((thrown(() => fitShiftedBetaGeometric({ cohorts: [{ cells: [{ offset: 0, ended: Number.NaN, censored: 0 }] }] })) as Error).message).toBe(
      'survival.cohorts[0]: cells[0].ended = NaN must be a non-negative finite number',
    );
  });

  fcTest.prop([fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true })])(
    'anything as a summary either fits or throws a typed error',
    (summary) => {
      const error = thrown(() => compressSummary(summary as never));
      if (error !== undefined) expect(isRetentionError(error)).toBe(true);
    },
  );

  fcTest.prop([
    fc.record({
      x: fc.array(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.anything({ withBigInt: true })), { maxLength: 4 }),
      tx: fc.array(fc.oneof(fc.double(), fc.anything({ withBigInt: true })), { maxLength: 4 }),
      T: fc.array(fc.oneof(fc.double(), fc.anything({ withBigInt: true })), { maxLength: 4 }),
    }),
  ])('columns of anything either compress or throw a typed error', (summary) => {
    const error = thrown(() => compressSummary(summary as never));
    if (error !== undefined) expect(isRetentionError(error)).toBe(true);
  });
});

describe('models and histories handed to the scoring functions', () => {
  const history = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
  const columns = { ids: ['a'], x: [2], tx: [30.43], T: [38.86], zbar: [22.35] };

  test('a model that is not an object, or lacks a method, names the argument', () => {
    for (const bad of [null, undefined, 42, 'bg-nbd', Symbol('m')]) {
      const error = thrown(() => scoreCustomer(bad as never, history, { horizon: 1 }));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).option).toBe('model');
    }
    expect((thrown(() => scoreCustomer({ pAlive: () => 1 } as never, history, { horizon: 1 })) as InvalidOptionError).option).toBe('model.expectedTransactions');
    expect((thrown(() => predictiveClv({ transactionModel: 5 as never, spendModel, customer: history, horizon: 1, discountRate: 0 })) as InvalidOptionError).option).toBe(
      'transactionModel',
    );
    expect((thrown(() => predictiveClv({ transactionModel: model, spendModel: {} as never, customer: history, horizon: 1, discountRate: 0 })) as InvalidOptionError).option).toBe(
      'spendModel.conditionalExpectedSpend',
    );
  });

  test('a history or summary that is not an object names the argument', () => {
    expect((thrown(() => scoreCustomer(model, null as never, { horizon: 1 })) as InvalidOptionError).option).toBe('customer');
    expect((thrown(() => scoreCustomer(model, { x: 2, tx: 'soon', T: 38 } as never, { horizon: 1 })) as InvalidOptionError).option).toBe('customer.tx');
    expect((thrown(() => scoreCustomers(model, null as never, { horizon: 1 })) as InvalidOptionError).option).toBe('summary');
    expect((thrown(() => scoreCustomers(model, { x: [1], tx: [Symbol('t')], T: [2] } as never, { horizon: 1 })) as InvalidOptionError).option).toBe('summary[0].tx');
    expect((thrown(() => pAliveScorer(model, { ids: ['a'], x: { length: -1 }, tx: [], T: [] } as never)) as InvalidOptionError).option).toBe('summary.x');
    expect((thrown(() => predictiveClv({ transactionModel: model, spendModel, summary: 7 as never, horizon: 1, discountRate: 0 })) as InvalidOptionError).option).toBe('summary');
    expect((thrown(() => evaluateHoldout(model, null as never)) as InvalidOptionError).option).toBe('summary');
    expect((thrown(() => scoreCustomer(model, { x: 2, tx: 1, T: 38, zBar: 3 } as never, { horizon: 1 })) as InvalidOptionError).message).toMatch(
      /customer\.zBar: unknown key \(did you mean `zbar`\?\)/,
    );
  });

  test('columns of different lengths name the column and both lengths', () => {
    expect((thrown(() => scoreCustomers(model, { ...columns, T: [1, 2] }, { horizon: 1 })) as Error).message).toBe(
      'summary.T: columns must have the same length: T has 2 rows, x has 1',
    );
  });

  fcTest.prop([fc.anything({ withBigInt: true, withTypedArray: true }), fc.anything({ withBigInt: true, withTypedArray: true })])(
    'anything as a model or a history either scores or throws a typed error',
    (m, h) => {
      for (const run of [() => scoreCustomer(m as never, h as never, { horizon: 1 }), () => scoreCustomer(model, h as never, { horizon: 1 }), () => scoreCustomers(model, h as never, { horizon: 1 })]) {
        const error = thrown(run);
        if (error !== undefined) expect(isRetentionError(error)).toBe(true);
      }
    },
  );
});
