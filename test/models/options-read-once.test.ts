/**
 * Every model entry point reads each of its options once, at its entry, into the settings it runs
 * with: an option object whose getters answered a second read differently could otherwise pass the
 * check with one value and be used with another.
 */
import { describe, expect, test } from 'vitest';
import { fitBgBb } from '../../src/models/bg-bb.ts';
import { bgNbdModel, fitBgNbd } from '../../src/models/bg-nbd.ts';
import { fitGammaGamma, gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { fitParetoNbd } from '../../src/models/pareto-nbd.ts';
import { predictiveClv } from '../../src/models/predictive-clv.ts';
import { pAliveScorer, scoreCustomer, scoreCustomers } from '../../src/models/scoring.ts';
import { fitShiftedBetaGeometric } from '../../src/models/shifted-beta-geometric.ts';
import { weeklyHoldoutSummary } from './helpers.ts';

/** `options` behind a proxy that counts the reads of each of its keys. */
function counted<T extends object>(options: T): { options: T; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const proxy = new Proxy(options, {
    get(target, key, receiver) {
      if (typeof key === 'string' && Object.hasOwn(target, key)) reads.set(key, (reads.get(key) ?? 0) + 1);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { options: proxy, reads };
}

function expectEachReadOnce(reads: Map<string, number>, keys: readonly string[]): void {
  expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(keys.map((key) => [key, 1])));
}

const frequencies = {
  x: [0, 1, 2, 5, 3, 10, 1, 4],
  tx: [0, 5, 20, 35, 8, 37, 30, 12],
  T: [38, 38, 38, 38, 38, 38, 38, 38],
  weight: [60, 15, 8, 5, 5, 2, 5, 4],
};
const transactionModel = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const spendModel = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
const customer = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
const columns = { ids: ['a', 'b'], x: [2, 0], tx: [30.43, 0], T: [38.86, 38.86], zbar: [22.35, 0] };

describe('the fits read each option once', () => {
  test('fitBgNbd and fitParetoNbd', () => {
    for (const fit of [fitBgNbd, fitParetoNbd]) {
      const { options, reads } = counted({ maxIterations: 500, tolerance: 1e-8, unit: 'week' as const });
      fit(frequencies, options);
      expectEachReadOnce(reads, ['maxIterations', 'tolerance', 'unit']);
    }
  });

  test('fitGammaGamma', () => {
    const { options, reads } = counted({ maxIterations: 500, tolerance: 1e-8, maxCorrelation: 0.5, force: false });
    fitGammaGamma({ x: [1, 3, 2, 5, 1, 2, 4, 1, 6, 2], zbar: [30, 12, 45, 22, 9, 70, 15, 25, 40, 18] }, options);
    expectEachReadOnce(reads, ['maxIterations', 'tolerance', 'maxCorrelation', 'force']);
  });

  test('fitBgBb and fitShiftedBetaGeometric', () => {
    const bb = counted({ maxIterations: 500, tolerance: 1e-8 });
    const summary = { frequency: [0, 1, 1, 2, 3, 6, 4, 2], recency: [0, 1, 5, 6, 4, 6, 5, 3], periods: [6, 6, 6, 6, 6, 6, 6, 6], weight: [40, 10, 6, 8, 3, 12, 7, 5] };
    fitBgBb(summary, bb.options);
    expectEachReadOnce(bb.reads, ['maxIterations', 'tolerance']);
    const sbg = counted({ maxIterations: 500, tolerance: 1e-8 });
    fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241], sbg.options);
    expectEachReadOnce(sbg.reads, ['maxIterations', 'tolerance']);
  });
});

describe('the predictions read each option once', () => {
  test('scoreCustomer and scoreCustomers', () => {
    const one = counted({ horizon: 52, spendModel });
    scoreCustomer(transactionModel, customer, one.options);
    expectEachReadOnce(one.reads, ['horizon', 'spendModel']);
    const all = counted({ horizon: 52, spendModel });
    scoreCustomers(transactionModel, columns, all.options);
    expectEachReadOnce(all.reads, ['horizon', 'spendModel']);
  });

  test('predictiveClv, for one customer and for a summary', () => {
    const base = { transactionModel, spendModel, horizon: 52, period: 4, discountRate: 0.01, margin: 0.3 };
    const one = counted({ ...base, customer });
    predictiveClv(one.options);
    expectEachReadOnce(one.reads, [...Object.keys(base), 'customer']);
    const all = counted({ ...base, summary: columns });
    predictiveClv(all.options);
    expectEachReadOnce(all.reads, [...Object.keys(base), 'summary']);
  });

  test('evaluateHoldout and pAliveScorer', () => {
    const s = weeklyHoldoutSummary();
    const holdout = counted({ maxFrequency: 3 });
    evaluateHoldout(bgNbdModel(transactionModel, { unit: 'week' }), s, holdout.options);
    expectEachReadOnce(holdout.reads, ['maxFrequency']);
    const scorer = counted({ missing: 0.5 });
    pAliveScorer(transactionModel, columns, scorer.options);
    expectEachReadOnce(scorer.reads, ['missing']);
  });
});
