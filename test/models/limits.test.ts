/**
 * Values that would set a call's time or memory by themselves are refused with an error naming the
 * limit, before anything is allocated.
 */
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { bgNbdModel, fitBgNbd } from '../../src/models/bg-nbd.ts';
import { fitGammaGamma } from '../../src/models/gamma-gamma.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { MAX_FREQUENCY_GROUPS, MAX_SBG_PERIODS, MAX_TRANSACTIONS } from '../../src/models/limits.ts';
import { scoreCustomer } from '../../src/models/scoring.ts';
import { fitShiftedBetaGeometric } from '../../src/models/shifted-beta-geometric.ts';
import { compressSummary } from '../../src/models/summary.ts';
import { weeklyHoldoutSummary } from './helpers.ts';

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}

const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });

describe('repeat transactions per customer are capped at 1,000,000', () => {
  test('a huge x in a summary is refused with the limit, before any table is sized by it', () => {
    for (const x of [MAX_TRANSACTIONS + 1, 1e12, 2 ** 40]) {
      const error = thrown(() => fitBgNbd({ x: [0, x], tx: [0, 10], T: [20, 20] }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.message).toBe(`summary[1]: x = ${x} must be a non-negative integer (at most 1000000)`);
    }
    expect(thrown(() => fitGammaGamma({ x: [1e12], zbar: [10] }))).toBeInstanceOf(InvalidInputError);
  });

  test('the cap itself is accepted', () => {
    expect(compressSummary({ x: [MAX_TRANSACTIONS], tx: [10], T: [20] }).x[0]).toBe(MAX_TRANSACTIONS);
  });

  test('a history past the cap is refused by the scoring functions', () => {
    const error = thrown(() => scoreCustomer(model, { x: 1e9, tx: 10, T: 20 }, { horizon: 1 }));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toBe('customer.x: 1000000000 repeat transactions is past the limit of 1000000');
  });
});

describe('evaluateHoldout: maxFrequency is at most 10,000', () => {
  const s = weeklyHoldoutSummary();

  test('a "no grouping" sentinel is refused with the limit', () => {
    for (const maxFrequency of [MAX_FREQUENCY_GROUPS + 1, 1e9, Number.MAX_SAFE_INTEGER]) {
      const error = thrown(() => evaluateHoldout(model, s, { maxFrequency }));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error.message).toBe(`maxFrequency: ${maxFrequency} is not an integer in [1, 10000]`);
    }
  });

  test('the limit itself gives one row per group', () => {
    expect(evaluateHoldout(model, s, { maxFrequency: MAX_FREQUENCY_GROUPS }).byFrequency).toHaveLength(MAX_FREQUENCY_GROUPS + 1);
  });
});

describe('sBG periods and fit iterations', () => {
  test('more than 10,000 periods of survivor counts, or a table offset past them, is refused', () => {
    const counts = Array.from({ length: MAX_SBG_PERIODS + 2 }, (_, t) => 1e6 - t);
    expect(thrown(() => fitShiftedBetaGeometric(counts)).message).toMatch(/give 2 to 10001 survivor counts/);
    const table = { cohorts: [{ cells: [{ offset: 1e9, ended: 1, censored: 1 }] }] };
    expect(thrown(() => fitShiftedBetaGeometric(table)).message).toBe('survival.cohorts[0]: cells[0].offset = 1000000000 must be an integer in [0, 9999]');
  });

  test('maxIterations is an integer in [1, 10,000] and tolerance a number in (0, 0.1]', () => {
    const summary = { x: [0, 1, 2], tx: [0, 5, 20], T: [38, 38, 38] };
    expect(thrown(() => fitBgNbd(summary, { maxIterations: 1e9 })).message).toBe('maxIterations: 1000000000 is not a whole number in [1, 10000]');
    expect(thrown(() => fitBgNbd(summary, { tolerance: -1 }))).toBeInstanceOf(InvalidOptionError);
    expect(thrown(() => fitBgNbd(summary, { maxIterations: '50' as never }))).toBeInstanceOf(InvalidOptionError);
  });
});
