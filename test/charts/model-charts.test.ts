import { describe, expect, test } from 'vitest';
import { frequencyHistogram } from '../../src/charts/frequency-histogram.ts';
import { pAliveMatrix } from '../../src/charts/p-alive-matrix.ts';
import { trackingPlot } from '../../src/charts/tracking-plot.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { paretoNbdModel } from '../../src/models/pareto-nbd.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';
import { optionError } from '../helpers/option-error.ts';
import { all, parseSvg, texts } from './svg.ts';

const orders = [
  { customerId: 'ann', date: '2024-01-01', amount: '20.00' },
  { customerId: 'ann', date: '2024-01-15', amount: '30.00' },
  { customerId: 'ann', date: '2024-02-19', amount: '10.00' },
  { customerId: 'bob', date: '2024-01-08', amount: '40.00' },
  { customerId: 'cat', date: '2024-01-10', amount: '15.00' },
  { customerId: 'cat', date: '2024-01-24', amount: '15.00' },
  { customerId: 'cat', date: '2024-02-01', amount: '15.00' },
  { customerId: 'cat', date: '2024-03-01', amount: '15.00' },
];
const summary = rfmSummary(orders, { calibrationEnd: '2024-02-11', holdoutEnd: '2024-03-10', unit: 'week' });
const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });

describe('pAliveMatrix', () => {
  test('one cell per frequency and recency, frequency 0 only at recency 0', () => {
    const svg = parseSvg(pAliveMatrix(model, { age: 10, maxFrequency: 4 }));
    // Recency 0…10 in 11 columns for frequencies 1…4, and the one cell of frequency 0.
    expect(all(svg, 'g.rm-alive-cell rect')).toHaveLength(1 + 4 * 11);
    expect(texts(svg, 'g[aria-label="y-axis tick label"] text')).toEqual(['4', '3', '2', '1', '0']);
  });

  test('each cell is the model’s P(alive | x, tx, T)', () => {
    const tips = texts(parseSvg(pAliveMatrix(model, { age: 10, maxFrequency: 2 })), 'g.rm-alive-cell title');
    expect(tips).toContain('x = 0, tx = 0: P(alive) 100%');
    expect(tips).toContain(`x = 2, tx = 3: P(alive) ${Math.round(model.pAlive(2, 3, 10) * 100)}%`);
  });

  test('the age and the highest frequency default to the summary’s', () => {
    const markup = pAliveMatrix(model, { summary });
    expect(markup).toContain(`for customers ${Math.round(Math.max(...summary.T) * 10) / 10} weeks after their first purchase (BG/NBD)`);
    expect(texts(parseSvg(markup), 'g[aria-label="y-axis tick label"] text')[0]).toBe(String(Math.max(...summary.x)));
  });

  test('a Pareto/NBD model is named as such', () => {
    expect(pAliveMatrix(paretoNbdModel({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, { unit: 'week' }), { age: 5 })).toContain('(Pareto/NBD)');
  });

  test('without age or summary, an InvalidOptionError names age', () => {
    expect(optionError(() => pAliveMatrix(model, {})).option).toBe('age');
  });

  test('something that is not a model is an InvalidOptionError naming model', () => {
    expect(optionError(() => pAliveMatrix({} as never, { age: 5 })).option).toBe('model.pAlive');
  });
});

describe('trackingPlot', () => {
  test('the end of calibration is drawn at the end of its last period (period 6 ends on the calibration end)', () => {
    const svg = parseSvg(trackingPlot({ model, summary }));
    const vertices = (all(svg, 'g.rm-actual path')[0]?.getAttribute('d') ?? '').split(/[ML]/).filter((p) => p !== '');
    const periodSix = Number(vertices[5]?.split(',')[0]);
    expect(Number(all(svg, 'g.rm-calibration-end line')[0]?.getAttribute('x1'))).toBeCloseTo(periodSix, 6);
  });

  test('a holdout evaluation and the model with its summary give the same chart', () => {
    expect(trackingPlot(evaluateHoldout(model, summary))).toBe(trackingPlot({ model, summary }));
  });

  test('actual and model lines run over every period, with the end of calibration marked', () => {
    const svg = parseSvg(trackingPlot({ model, summary }));
    const periods = evaluateHoldout(model, summary).tracking.length;
    for (const line of ['g.rm-actual path', 'g.rm-model path']) {
      expect((all(svg, line)[0]?.getAttribute('d') ?? '').split(/[ML]/).filter((p) => p !== '')).toHaveLength(periods);
    }
    expect(all(svg, 'g.rm-calibration-end line')).toHaveLength(1);
    expect(texts(svg, 'g.rm-calibration-label text')).toEqual(['Calibration | Holdout']);
    expect(texts(svg, 'g[aria-label="x-axis label"] text')).toEqual(['Weeks since the earliest first purchase']);
  });

  test('without a holdout there is no calibration mark', () => {
    const calibration = rfmSummary(orders, { calibrationEnd: '2024-03-10', unit: 'week' });
    expect(all(parseSvg(trackingPlot({ model, summary: calibration })), 'g.rm-calibration-end line')).toHaveLength(0);
  });

  test('cumulative: false plots the transactions per period', () => {
    const markup = trackingPlot({ model, summary }, { cumulative: false });
    expect(texts(parseSvg(markup), 'g[aria-label="y-axis label"] text')).toEqual(['Repeat transactions']);
    expect(optionError(() => trackingPlot({ model, summary }, { cumulative: 'yes' as never })).option).toBe('cumulative');
  });

  test('a model in another unit than the summary is an InvalidOptionError naming it', () => {
    const daily = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'day' });
    expect(optionError(() => trackingPlot({ model: daily, summary })).option).toBe('input.model.unit');
  });
});

describe('frequencyHistogram', () => {
  const calibration = rfmSummary(orders, { calibrationEnd: '2024-03-31', unit: 'week' });

  test('two bars per frequency, the actual ones counting the summary’s customers', () => {
    const svg = parseSvg(frequencyHistogram({ model, summary: calibration }, { maxFrequency: 2 }));
    expect(all(svg, 'g.rm-frequency-bar rect')).toHaveLength(6);
    // x: ann 2, bob 0, cat 3 (→ 2+).
    const actual = texts(svg, 'g.rm-frequency-bar title').filter((t) => !t.endsWith('expected'));
    expect(actual).toEqual(['0: 1 customers', '1: 0 customers', '2+: 2 customers']);
  });

  test('the expected customers are Σ P(X(T) = n), the last bar the rest', () => {
    const svg = parseSvg(frequencyHistogram({ model, summary: calibration }, { maxFrequency: 1 }));
    const expected = texts(svg, 'g.rm-frequency-bar title').filter((t) => t.endsWith('expected'));
    const zero = [...calibration.T].reduce((sum, T) => sum + model.probabilityOfTransactions(0, T), 0);
    expect(expected).toEqual([`0: ${Math.round(zero * 10) / 10} customers expected`, `1+: ${Math.round((3 - zero) * 10) / 10} customers expected`]);
  });

  test('the frequencies are labelled, the last one as "or more"', () => {
    const svg = parseSvg(frequencyHistogram({ model, summary: calibration }));
    expect(texts(svg, 'g[aria-label="fx-axis tick label"] text')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
  });

  test('a maxFrequency outside 1…100 is an InvalidOptionError naming it', () => {
    expect(optionError(() => frequencyHistogram({ model, summary: calibration }, { maxFrequency: 0 })).option).toBe('maxFrequency');
  });
});
