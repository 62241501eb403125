/**
 * A saved transaction model carries the time unit of its rates, and scoring refuses histories in
 * another unit instead of mixing them.
 */
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { bgNbdModel, fitBgNbd } from '../../src/models/bg-nbd.ts';
import { gammaGammaModel } from '../../src/models/gamma-gamma.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { paretoNbdModel, fitParetoNbd } from '../../src/models/pareto-nbd.ts';
import { predictiveClv } from '../../src/models/predictive-clv.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';
import { pAliveInDays, pAliveScorer, scoreCustomer, scoreCustomers } from '../../src/models/scoring.ts';
import { readCdnowSample } from './cdnow-sample.ts';
import { optionError } from '../helpers/option-error.ts';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const records = readCdnowSample().slice(0, 400);
const weeks = rfmSummary(records, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week' });
const days = rfmSummary(records, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });


describe('a fit records the unit of its summary', () => {
  test('rfmSummary → compress() → fit: the model, its toJSON and a reload all say weeks', () => {
    const fit = fitBgNbd(weeks.compress());
    expect(fit.unit).toBe('week');
    const saved = JSON.parse(JSON.stringify(fit)) as unknown;
    expect(saved).toEqual({ model: 'bg-nbd', params: fit.params, unit: 'week' });
    expect(bgNbdModel(saved as Parameters<typeof bgNbdModel>[0]).unit).toBe('week');
    expect(fitBgNbd(days.toFrequencySummary()).unit).toBe('day');
    expect(fitParetoNbd(weeks).unit).toBe('week');
  });

  test('units are written in one form: { days: 7 } is a week, { days: 30 } stays as it is', () => {
    const s7 = rfmSummary(records, { calibrationEnd: '1997-09-30', unit: { days: 7 } });
    expect(fitBgNbd(s7.compress()).toJSON().unit).toBe('week');
    const s30 = rfmSummary(records, { calibrationEnd: '1997-09-30', unit: { days: 30 } });
    expect(fitBgNbd(s30.compress()).toJSON().unit).toEqual({ days: 30 });
  });

  test('columns without a unit: the `unit` option records one, and none gives unit null', () => {
    const columns = { x: [0, 1, 2, 5, 3, 10, 1, 4], tx: [0, 5, 20, 35, 8, 37, 30, 12], T: [38, 38, 38, 38, 38, 38, 38, 38], weight: [60, 15, 8, 5, 5, 2, 5, 4] };
    expect(fitBgNbd(columns).toJSON().unit).toBeNull();
    expect(fitBgNbd(columns, { unit: 'week' }).toJSON().unit).toBe('week');
  });

  test('a unit option that contradicts the summary is refused', () => {
    expect(optionError(() => fitBgNbd(weeks.compress(), { unit: 'day' })).message).toMatch(/^unit: the summary is in weeks, not days/);
  });
});

describe('loading a saved model', () => {
  test('a model saved without a unit (the earlier format) loads with unit null; the option supplies one', () => {
    expect(bgNbdModel({ model: 'bg-nbd', params: cdnow }).unit).toBeNull();
    expect(bgNbdModel({ model: 'bg-nbd', params: cdnow }, { unit: 'week' }).toJSON()).toEqual({ model: 'bg-nbd', params: cdnow, unit: 'week' });
    expect(paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { unit: 'day' }).unit).toBe('day');
  });

  test('a unit option that contradicts the saved one is refused', () => {
    expect(optionError(() => bgNbdModel({ model: 'bg-nbd', params: cdnow, unit: 'week' }, { unit: 'day' })).message).toMatch(/saved model is in weeks, not days/);
    expect(() => bgNbdModel({ model: 'bg-nbd', params: cdnow, unit: 'month' as never })).toThrow(InvalidOptionError);
  });

  test('a fit passed to a loader is read through its toJSON', () => {
    const fit = fitBgNbd(weeks.compress());
    const again = bgNbdModel(fit);
    expect(again.unit).toBe('week');
    expect(again.pAlive(2, 10, 30)).toBe(fit.pAlive(2, 10, 30));
  });
});

describe('scoring never mixes units', () => {
  const weekly = bgNbdModel(cdnow, { unit: 'week' });
  const spendModel = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });

  test('a weekly model and a summary in days are refused by every scoring function', () => {
    const calls: [string, () => unknown][] = [
      ['scoreCustomers', () => scoreCustomers(weekly, days, { horizon: 52 })],
      ['predictiveClv', () => predictiveClv({ transactionModel: weekly, spendModel, summary: days, horizon: 52, discountRate: 0 })],
      ['pAliveScorer', () => pAliveScorer(weekly, days)],
      ['evaluateHoldout', () => evaluateHoldout(weekly, days)],
    ];
    for (const [name, call] of calls) {
      const error = optionError(call);
      expect(error.option, name).toMatch(/^(model|transactionModel)\.unit$/);
      expect(error.message, name).toMatch(/the model is in weeks, the summary in days/);
    }
  });

  test('the same calls in the model’s unit go through', () => {
    expect(scoreCustomers(weekly, weeks, { horizon: 52 })).toHaveLength(weeks.ids.length);
    expect(evaluateHoldout(weekly, weeks).customers).toHaveLength(weeks.ids.length);
  });

  test('pAliveInDays takes the unit from the model, and refuses another one', () => {
    expect(pAliveInDays(weekly)({ x: 2, tx: 213, T: 272 })).toBe(weekly.pAlive(2, 213 / 7, 272 / 7));
    expect(optionError(() => pAliveInDays(weekly, 'day')).message).toMatch(/the model is in weeks, the unit given in days/);
    expect(optionError(() => pAliveInDays(bgNbdModel(cdnow))).message).toMatch(/does not carry its time unit/);
  });

  test('a model without a unit scores as before (the history is taken in its unit)', () => {
    const unknown = bgNbdModel(cdnow);
    expect(scoreCustomers(unknown, days, { horizon: 52 })).toHaveLength(days.ids.length);
    expect(scoreCustomer(weekly, { x: 2, tx: 30.43, T: 38.86 }, { horizon: 52 }).pAlive).toBe(unknown.pAlive(2, 30.43, 38.86));
  });
});

describe("a summary's unitDays is one rule everywhere: a whole number of days ≥ 1, exact as a double", () => {
  const columns = { x: [0, 2], tx: [0, 5], T: [10, 10] };

  test.each([0, 1.5, 2 ** 60, Number.NaN])('unitDays %s is refused by the fits and by scoring alike, as summary.unitDays', (bad) => {
    const summary = { ...columns, unitDays: bad };
    expect(optionError(() => fitBgNbd(summary)).option).toBe('summary.unitDays');
    expect(optionError(() => fitParetoNbd(summary)).option).toBe('summary.unitDays');
    expect(optionError(() => scoreCustomers(bgNbdModel(cdnow), summary, { horizon: 1 })).option).toBe('summary.unitDays');
  });
});
