/**
 * Every entry point of the models refuses an unknown option key, naming it and the closest valid one.
 */
import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../src/errors.ts';
import { bgBbModel, fitBgBb } from '../../src/models/bg-bb.ts';
import { bgNbdModel, fitBgNbd } from '../../src/models/bg-nbd.ts';
import { fitGammaGamma, gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { minimizeBfgs } from '../../src/models/optimizer.ts';
import { fitParetoNbd, paretoNbdModel } from '../../src/models/pareto-nbd.ts';
import { predictiveClv } from '../../src/models/predictive-clv.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';
import { pAliveScorer, scoreCustomer, scoreCustomers } from '../../src/models/scoring.ts';
import { fitShiftedBetaGeometric, shiftedBetaGeometricModel } from '../../src/models/shifted-beta-geometric.ts';
import { compressSummary } from '../../src/models/summary.ts';
import { unitDays } from '../../src/models/time-unit.ts';
import { optionError } from '../helpers/option-error.ts';


const summary = { x: [0, 1, 2, 5, 3, 10, 1, 4], tx: [0, 5, 20, 35, 8, 37, 30, 12], T: [38, 38, 38, 38, 38, 38, 38, 38], weight: [60, 15, 8, 5, 5, 2, 5, 4] };
const bg = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const gg = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
const records = [
  { customerId: 'ann', date: '2024-01-01', amount: '20.00' },
  { customerId: 'ann', date: '2024-01-15', amount: '30.00' },
  { customerId: 'bob', date: '2024-01-08', amount: '40.00' },
];

describe('fits', () => {
  test('a misspelt fit option names the key and the closest valid one', () => {
    const error = optionError(() => fitBgNbd(summary, { maxIteration: 10 } as never));
    expect(error.option).toBe('maxIteration');
    expect(error.message).toMatch(/unknown option \(did you mean `maxIterations`\?\); the options are `maxIterations`, `tolerance`, `unit`/);
    expect(optionError(() => fitParetoNbd(summary, { unti: 'week' } as never)).message).toMatch(/did you mean `unit`/);
    expect(optionError(() => fitGammaGamma({ x: [1, 2], zbar: [3, 4] }, { forced: true } as never)).message).toMatch(/did you mean `force`/);
    expect(optionError(() => fitShiftedBetaGeometric([1000, 631, 468], { tolerence: 1e-9 } as never)).message).toMatch(/did you mean `tolerance`/);
    expect(optionError(() => fitBgBb({ frequency: [1], recency: [1], periods: [2] }, { unit: 'week' } as never)).option).toBe('unit');
  });
});

describe('model loaders', () => {
  test('an unknown loader option, parameter or saved-model key is refused', () => {
    expect(optionError(() => bgNbdModel({ r: 1, alpha: 1, a: 1, b: 1 }, { units: 'week' } as never)).message).toMatch(/^units: unknown option \(did you mean `unit`\?\)/);
    expect(optionError(() => paretoNbdModel({ r: 1, alpha: 1, s: 1, beta: 1, b: 1 } as never)).option).toBe('params.b');
    expect(optionError(() => gammaGammaModel({ model: 'gamma-gamma', params: { p: 1, q: 2, gamma: 3 }, unit: 'week' } as never)).option).toBe('unit');
    expect(optionError(() => shiftedBetaGeometricModel({ alpha: 1, betta: 1 } as never)).message).toMatch(/params\.betta: unknown parameter \(did you mean `beta`\?\)/);
    expect(optionError(() => bgBbModel({ model: 'bg-bb', params: { alpha: 1, beta: 1, gamma: 1, delta: 1 }, version: 2 } as never)).option).toBe('version');
  });
});

describe('scoring', () => {
  test('scoreCustomer, scoreCustomers and pAliveScorer', () => {
    expect(optionError(() => scoreCustomer(bg, { x: 1, tx: 1, T: 2 }, { horizon: 1, spendModle: gg } as never)).message).toMatch(/did you mean `spendModel`/);
    expect(optionError(() => scoreCustomers(bg, { x: [1], tx: [1], T: [2] }, { horizn: 1 } as never)).option).toBe('horizn');
    expect(optionError(() => pAliveScorer(bg, { ids: ['a'], x: [1], tx: [1], T: [2] }, { mising: 1 } as never)).message).toMatch(/did you mean `missing`/);
  });

  test('predictiveClv', () => {
    const error = optionError(() => predictiveClv({ transactionModel: bg, spendModel: gg, customer: { x: 0, tx: 0, T: 2 }, horizon: 1, discountRate: 0, discount: 0.1 } as never));
    expect(error.option).toBe('discount');
    expect(error.message).toMatch(/did you mean `discountRate`/);
  });

  test('evaluateHoldout', () => {
    const s = rfmSummary(records, { calibrationEnd: '2024-02-11', holdoutEnd: '2024-03-10', unit: 'week' });
    expect(optionError(() => evaluateHoldout(bg, s, { maxFrequencies: 3 } as never)).message).toMatch(/did you mean `maxFrequency`/);
  });
});

describe('summaries and units', () => {
  test('rfmSummary checks its own options and the ledger options it passes on', () => {
    expect(optionError(() => rfmSummary(records, { calibrationend: '2024-02-11' } as never)).message).toMatch(/did you mean `calibrationEnd`/);
    expect(optionError(() => rfmSummary(records, { timezone: 'Europe/Berlin' } as never)).message).toMatch(/did you mean `timeZone`/);
  });

  test('unitDays refuses a { days } object with another key', () => {
    expect(optionError(() => unitDays({ days: 7, weeks: 1 } as never)).option).toBe('unit.weeks');
  });

  test('compressSummary has no options, but a near miss of an absent column is refused', () => {
    let error: unknown;
    try {
      compressSummary({ x: [1], tx: [1], T: [2], Weight: [3] } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/Weight: unknown key \(did you mean `weight`\?\)/);
  });

  test('minimizeBfgs', () => {
    expect(optionError(() => minimizeBfgs((p) => p[0] ** 2, [1], { tolerance: 1e-9 } as never)).message).toMatch(/^tolerance: unknown option/);
  });

  test('minimizeBfgs: a start that is not finite numbers, or no function, is an InvalidOptionError', () => {
    for (const x0 of [null, [], [Number.NaN], { length: -1 }, { length: 1e12 }, ['1']]) expect(optionError(() => minimizeBfgs((p) => p[0] ** 2, x0 as never)).option).toBe('x0');
    expect(optionError(() => minimizeBfgs(null as never, [1])).option).toBe('f');
  });
});
