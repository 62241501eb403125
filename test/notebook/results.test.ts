// The notebook entry's results are the root entry's data: equal to them, the display method hidden
// from keys, spreads and JSON, and callable.
import { describe, expect, test } from 'vitest';
import * as root from '../../src/index.ts';
import * as notebook from '../../src/notebook.ts';
import { AS_OF, BOOK, FREQUENCY, INTERVALS, SPEND, SUBSCRIPTIONS } from './fixtures.ts';

const DISPLAY = Symbol.for('Jupyter.display');

/** Each kind of result, from both entries: [name, root result, notebook result]. */
const PAIRS: ReadonlyArray<readonly [string, () => object, () => object]> = [
  ['summarize', () => root.summarize(BOOK), () => notebook.summarize(BOOK)],
  ['summarize by', () => root.summarize(BOOK, { by: 'channel' }), () => notebook.summarize(BOOK, { by: 'channel' })],
  ['periodRetention', () => root.periodRetention(BOOK, { period: 'month' }), () => notebook.periodRetention(BOOK, { period: 'month' })],
  ['periodLifecycle', () => root.periodLifecycle(BOOK, { period: 'month' }), () => notebook.periodLifecycle(BOOK, { period: 'month' })],
  ['rfm', () => root.rfm(BOOK, { asOf: AS_OF }), () => notebook.rfm(BOOK, { asOf: AS_OF })],
  ['dormancy', () => root.dormancy(BOOK, { asOf: AS_OF }), () => notebook.dormancy(BOOK, { asOf: AS_OF })],
  ['mrrReport', () => root.mrrReport(INTERVALS, { asOf: AS_OF }), () => notebook.mrrReport(INTERVALS, { asOf: AS_OF })],
  ['Cohort.table', () => root.Cohort.from(BOOK).asOf(AS_OF).table(), () => notebook.Cohort.from(BOOK).asOf(AS_OF).table()],
  ['Cohort.breakdown', () => root.Cohort.from(BOOK).asOf(AS_OF).segmentBy('channel').breakdown(), () => notebook.Cohort.from(BOOK).asOf(AS_OF).segmentBy('channel').breakdown()],
  ['Cohort.fromSubscriptions', () => root.Cohort.fromSubscriptions(SUBSCRIPTIONS).asOf(AS_OF).table(), () => notebook.Cohort.fromSubscriptions(SUBSCRIPTIONS).asOf(AS_OF).table()],
  ['fitBgNbd', () => root.fitBgNbd(FREQUENCY), () => notebook.fitBgNbd(FREQUENCY)],
  ['fitParetoNbd', () => root.fitParetoNbd(FREQUENCY), () => notebook.fitParetoNbd(FREQUENCY)],
  ['fitGammaGamma', () => root.fitGammaGamma(SPEND), () => notebook.fitGammaGamma(SPEND)],
];

describe('a notebook result is the root entry result with a hidden display method', () => {
  test.each(PAIRS.filter(([name]) => !name.startsWith('fit')))('%s deep-equals the root entry result', (_name, fromRoot, fromNotebook) => {
    expect(fromNotebook()).toStrictEqual(fromRoot());
  });

  test.each(PAIRS.filter(([name]) => name.startsWith('fit')))('%s has the data fields of the root entry fit', (_name, fromRoot, fromNotebook) => {
    // A fit's methods are closures made by each fit, so two fits never deep-equal: their data fields do.
    const data = (fit: object) => Object.fromEntries(Object.entries(fit).filter(([, v]) => typeof v !== 'function'));
    expect(data(fromNotebook())).toStrictEqual(data(fromRoot()));
  });

  test('a fit given to display deep-equals it, methods included', () => {
    const fit = root.fitBgNbd(FREQUENCY);
    expect(notebook.display(fit)).toStrictEqual(fit);
  });

  test.each(PAIRS)('%s has the display method, not enumerable', (_name, _fromRoot, fromNotebook) => {
    const value = fromNotebook();
    const descriptor = Object.getOwnPropertyDescriptor(value, DISPLAY);
    expect(typeof descriptor?.value).toBe('function');
    expect(descriptor?.enumerable).toBe(false);
    expect(Object.getOwnPropertySymbols({ ...value })).not.toContain(DISPLAY);
  });

  test.each(PAIRS)('%s writes the same JSON as the root entry result', (_name, fromRoot, fromNotebook) => {
    // Fits hold functions; their JSON is their data fields all the same.
    expect(JSON.stringify(fromNotebook())).toBe(JSON.stringify(fromRoot()));
  });

  test.each(PAIRS)('%s keeps the root entry result frozen when it is', (_name, fromRoot, fromNotebook) => {
    expect(Object.isFrozen(fromNotebook())).toBe(Object.isFrozen(fromRoot()));
  });

  test('the display symbol is the one the Jupyter kernel looks up', () => {
    expect(notebook.JUPYTER_DISPLAY).toBe(DISPLAY);
  });

  test('methods of a result still work on the notebook copy', () => {
    const table = notebook.Cohort.from(BOOK).asOf(AS_OF).table();
    expect(table.members('2024-01', 1)).toEqual(root.Cohort.from(BOOK).asOf(AS_OF).table().members('2024-01', 1));
    expect(table.toRows()).toEqual(root.Cohort.from(BOOK).asOf(AS_OF).table().toRows());
    expect(notebook.fitBgNbd(FREQUENCY).pAlive(3, 8, 38)).toBe(root.fitBgNbd(FREQUENCY).pAlive(3, 8, 38));
  });

  test('a notebook period report is still an array', () => {
    expect(Array.isArray(notebook.periodRetention(BOOK, { period: 'month' }))).toBe(true);
  });

  test('every root entry export is a notebook entry export', () => {
    for (const name of Object.keys(root)) expect(Object.keys(notebook), name).toContain(name);
  });

  test('every step of the root entry builder is a step of the notebook builder', () => {
    const steps = (from: typeof root.Cohort | typeof notebook.Cohort) =>
      from
        .from(BOOK)
        .by('month')
        .every('month')
        .timeZone('Europe/Berlin')
        .weekStartsOn(1)
        .asOf(AS_OF)
        .between('2024-01-01', '2024-03-01')
        .mode('unbounded')
        .maxOffset(1)
        .activeWhen({ minOrders: 1 })
        .where({ channel: ['mail'] })
        .table();
    expect(steps(notebook.Cohort)).toStrictEqual(steps(root.Cohort));
  });

  test('a notebook cohort builder is an instance of the root entry builder', () => {
    expect(notebook.Cohort.from(BOOK).by('week')).toBeInstanceOf(root.Cohort);
  });

  test('display adds the method to a copy and leaves the value unchanged', () => {
    const summary = root.summarize(BOOK);
    const shown = notebook.display(summary);
    expect(shown).toStrictEqual(summary);
    expect(Object.getOwnPropertySymbols(summary)).toEqual([]);
    expect(typeof shown[notebook.JUPYTER_DISPLAY]).toBe('function');
  });
});
