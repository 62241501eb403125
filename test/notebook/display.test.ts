// What the display of each kind of result shows: its numbers formatted (percentages, money with its
// currency), in HTML and in plain text.
import { describe, expect, test } from 'vitest';
import * as root from '../../src/index.ts';
import { Cohort, JUPYTER_DISPLAY, type MimeBundle, display, dormancy, fitBgNbd, fitGammaGamma, fitParetoNbd, mrrReport, periodLifecycle, periodRetention, rfm, summarize } from '../../src/notebook.ts';
import { optionError } from '../helpers/option-error.ts';
import { AS_OF, BOOK, FREQUENCY, INTERVALS, ORDERS, REPEAT_END, REPEAT_ORDERS, SPEND, SUBSCRIPTIONS } from './fixtures.ts';

function shown(value: { [JUPYTER_DISPLAY](): MimeBundle }): MimeBundle {
  return value[JUPYTER_DISPLAY]();
}

/** The text of the HTML's table cells, in order. */
function cells(html: string): string[] {
  return [...html.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => m[1]);
}

describe('each kind of result shows its numbers', () => {
  test('a cohort table shows its retention rates as percentages, incomplete cells marked', () => {
    const html = shown(Cohort.from(BOOK).asOf('2024-03-15T00:00:00Z').table())['text/html'];
    expect(cells(html)).toEqual(expect.arrayContaining(['2024-01', '100.0%', '50.0%', '50.0%*', 'Average']));
  });

  test('the note names what an offset counts: months, or spans of a fixed number of days', () => {
    expect(shown(Cohort.from(BOOK).asOf(AS_OF).table())['text/plain']).toContain('offsets in months,');
    expect(shown(Cohort.from(BOOK).every({ days: 7 }).asOf(AS_OF).table())['text/plain']).toContain('offsets in 7-day spans,');
  });

  test('a cohort table shows the cumulative revenue per customer in its currency', () => {
    const html = shown(Cohort.from(BOOK).asOf(AS_OF).table())['text/html'];
    // Cohort 2024-01 (a, b): 30.00 at offset 0, 45.00 by offset 1, 1,279.50 by offset 2 (not over), per 2 customers.
    expect(cells(html)).toEqual(expect.arrayContaining(['EUR 15.00', 'EUR 22.50', 'EUR 639.75*']));
  });

  test('a cohort table shows the heatmap and retention curves under its rates, the LTV curve under its revenue', () => {
    const html = shown(Cohort.from(BOOK).asOf(AS_OF).table())['text/html'];
    const [retention, revenue] = html.split('<h4').slice(1);
    // Each chart is one <div> holding its <svg> (which may nest more svg elements).
    expect(retention.match(/<div><svg\b/g)?.length).toBe(2);
    expect(revenue.match(/<div><svg\b/g)?.length).toBe(1);
    expect(revenue).toContain('EUR');
  });

  test('a cohort breakdown shows the total and each segment', () => {
    const text = shown(Cohort.from(BOOK).asOf(AS_OF).segmentBy('channel').breakdown())['text/plain'];
    expect(text).toContain('Retention by cohort — all customers');
    expect(text).toContain('Retention by cohort — channel = ads (1 customers)');
    expect(text).toContain('Retention by cohort — channel = mail (2 customers)');
  });

  test('a segmented cohort table has a segment column', () => {
    const html = shown(Cohort.from(BOOK).asOf(AS_OF).segmentBy('channel').table())['text/html'];
    expect(cells(html).slice(0, 3)).toEqual(['Segment', 'Cohort', 'Customers']);
  });

  test('a survival table shows survival by offset', () => {
    const text = shown(Cohort.fromSubscriptions(SUBSCRIPTIONS).asOf('2024-05-01T00:00:00Z').table())['text/plain'];
    expect(text).toContain('Subscription survival by start cohort');
    expect(text).toMatch(/All\s+2\s+100\.0%\s+100\.0%\s+50\.0%/);
  });

  test('a summary shows money with thousands separators and its currency, rates as percentages', () => {
    const html = shown(summarize(BOOK))['text/html'];
    expect(cells(html)).toEqual(expect.arrayContaining(['Gross revenue', 'EUR 1,284.50', 'Repeat-customer rate', '66.7%', 'First order', '2024-01-03']));
  });

  test('a summary of records takes the currency from the options', () => {
    expect(shown(summarize(ORDERS, { currency: 'JPY', currencyDigits: 2 }))['text/plain']).toContain('JPY 1,284.50');
  });

  test('a summary of records without a currency shows plain amounts', () => {
    expect(shown(summarize(ORDERS))['text/plain']).toMatch(/Gross revenue\s+1,284\.50/);
  });

  test('period retention shows counts and rates by period', () => {
    const text = shown(periodRetention(BOOK, { period: 'month', asOf: '2024-03-15' }))['text/plain'];
    expect(text).toMatch(/2024-02\s+2\s+2\s+1\s+0\s+1\s+1\s+50\.0%\s+50\.0%/);
    expect(text).toContain('2024-03*');
  });

  test('lifecycle shows the states and the revenue by state', () => {
    const html = shown(periodLifecycle(BOOK, { period: 'month' }))['text/html'];
    expect(cells(html)).toEqual(expect.arrayContaining(['Resurrected', 'EUR 1,234.50', '0.5']));
  });

  test('lifecycle shows the lifecycle chart', () => {
    expect(shown(periodLifecycle(BOOK, { period: 'month' }))['text/html']).toMatch(/<\/table><div><svg\b/);
  });

  test('an RFM report shows its segments', () => {
    const text = shown(rfm(BOOK, { asOf: AS_OF }))['text/plain'];
    expect(text).toMatch(/Loyal Customers\s+1\s+33\.3%\s+EUR 1,254\.50/);
  });

  test('an RFM report without a segment map shows the customers per recency score', () => {
    const text = shown(rfm(BOOK, { asOf: AS_OF, segments: null }))['text/plain'];
    expect(text).toContain('RFM scores');
    expect(text).toMatch(/R = 4\s+1\s+33\.3%/);
  });

  test('an RFM report by an attribute shows a table per value', () => {
    expect(shown(rfm(BOOK, { asOf: AS_OF, by: 'channel' }))['text/plain']).toContain('RFM segments, channel = mail');
  });

  test('a dormancy report shows customers, share and value per segment', () => {
    const text = shown(dormancy(BOOK, { asOf: AS_OF }))['text/plain'];
    expect(text).toMatch(/Active\s+3\s+100\.0%\s+EUR 1,284\.50/);
  });

  test('an MRR report shows MRR and its movements by period, losses negative', () => {
    const text = shown(mrrReport(INTERVALS, { asOf: AS_OF, currency: 'USD' }))['text/plain'];
    expect(text).toMatch(/2024-02\s+USD 50\.00\s+USD 120\.00\s+USD 0\.00\s+USD 0\.00\s+USD -50\.00/);
  });

  test('a BG/NBD fit shows its parameters, standard errors and fit information', () => {
    const fit = fitBgNbd(FREQUENCY);
    const html = shown(fit)['text/html'];
    expect(cells(html)).toEqual(expect.arrayContaining(['r', String(Number(fit.params.r.toPrecision(4))), 'Log-likelihood', 'Converged', 'yes']));
    expect(cells(html)).toContain(String(Number((fit.standardErrors.alpha ?? 0).toPrecision(4))));
  });

  test('a Pareto/NBD fit shows its four parameters', () => {
    const text = shown(fitParetoNbd(FREQUENCY))['text/plain'];
    for (const name of ['r', 'alpha', 's', 'beta']) expect(text).toMatch(new RegExp(`^${name}\\s`, 'm'));
  });

  test('a Gamma-Gamma fit shows the customers fitted and the correlation', () => {
    const text = shown(fitGammaGamma(SPEND))['text/plain'];
    expect(text).toMatch(/Customers fitted\s+10/);
    expect(text).toContain('Correlation of frequency and spend');
  });

  test('a model given by its parameters shows them without fit information', () => {
    const text = shown(display(root.bgNbdModel({ r: 0.25, alpha: 4, a: 0.8, b: 2.4 })))['text/plain'];
    expect(text).toMatch(/alpha\s+4/);
    expect(text).not.toContain('Log-likelihood');
  });
});

describe('each kind of result shows its chart under its table', () => {
  /** The number of charts: each is one <div> holding its <svg> (which may nest more svg elements). */
  const charts = (html: string) => html.match(/<div><svg\b/g)?.length ?? 0;

  test.each([
    ['survival table', () => shown(Cohort.fromSubscriptions(SUBSCRIPTIONS).asOf(AS_OF).table())],
    ['RFM report', () => shown(rfm(BOOK, { asOf: AS_OF }))],
    ['dormancy report', () => shown(dormancy(BOOK, { asOf: AS_OF }))],
    ['MRR report', () => shown(mrrReport(INTERVALS, { asOf: AS_OF }))],
  ] as const)('a %s shows one chart', (_name, bundle) => {
    const html = bundle()['text/html'];
    expect(charts(html)).toBe(1);
    expect(html).toMatch(/<\/table><div><svg\b/);
  });

  test('money charts are labelled with the currency', () => {
    expect(shown(dormancy(BOOK, { asOf: AS_OF }))['text/html']).toMatch(/<svg[\s\S]*EUR/);
  });

  test('a fit to an rfmSummary shows the P(alive) matrix, the frequency histogram and the tracking plot', () => {
    const summary = root.rfmSummary(REPEAT_ORDERS, { unit: 'week', calibrationEnd: REPEAT_END });
    const html = shown(fitBgNbd(summary))['text/html'];
    expect(charts(html)).toBe(3);
  });

  test('a fit to a plain summary shows the P(alive) matrix at its largest age', () => {
    expect(charts(shown(fitParetoNbd(FREQUENCY))['text/html'])).toBe(1);
  });

  test('a model shown without its data shows no chart', () => {
    expect(charts(shown(display(root.fitBgNbd(FREQUENCY)))['text/html'])).toBe(0);
  });

  test('a Gamma-Gamma fit shows no chart', () => {
    expect(charts(shown(fitGammaGamma(SPEND))['text/html'])).toBe(0);
  });
});

describe('display reads the kind of a root entry result from its shape', () => {
  test.each([
    ['summary', () => root.summarize(BOOK), 'Summary'],
    ['summary breakdown', () => root.summarize(BOOK, { by: 'channel' }), 'Summary — channel = ads'],
    ['period retention', () => root.periodRetention(BOOK, { period: 'month' }), 'Period retention'],
    ['lifecycle', () => root.periodLifecycle(BOOK, { period: 'month' }), 'Customer lifecycle'],
    ['cohort table', () => root.Cohort.from(BOOK).table(), 'Retention by cohort'],
    ['survival table', () => root.Cohort.fromSubscriptions(SUBSCRIPTIONS).table(), 'Subscription survival'],
    ['rfm', () => root.rfm(BOOK), 'RFM segments'],
    ['dormancy', () => root.dormancy(BOOK), 'Dormancy'],
    ['mrr', () => root.mrrReport(INTERVALS), 'MRR movements'],
    ['fit', () => root.fitGammaGamma(SPEND), 'Gamma-Gamma parameters'],
  ] as const)('%s', (_name, make, title) => {
    expect(shown(display(make()))['text/plain']).toContain(title);
  });

  test('a value of no known kind shows as its JSON', () => {
    const bundle = shown(display({ answer: 42 }));
    expect(bundle['text/plain']).toBe('{\n  "answer": 42\n}');
    expect(bundle['text/html']).toBe('<pre>{\n  &quot;answer&quot;: 42\n}</pre>');
  });

  test('display writes money in the currency asked for', () => {
    expect(shown(display(root.summarize(ORDERS), { currency: 'EUR' }))['text/plain']).toContain('EUR 1,284.50');
  });

  test('display refuses an unknown option', () => {
    expect(optionError(() => display([], { colour: 'red' } as never)).option).toBe('colour');
  });

  test('display refuses a currency that is no ISO 4217 code', () => {
    expect(optionError(() => display([], { currency: 'euro' })).option).toBe('currency');
  });

  test('display refuses digits that are not a whole number from 0 to 20', () => {
    expect(optionError(() => display([], { currencyDigits: -1 })).option).toBe('currencyDigits');
  });

  test('display refuses a value that is no object', () => {
    expect(optionError(() => display(42 as never)).option).toBe('value');
  });
});

describe('text from the data is escaped in HTML', () => {
  test('a segment value with markup shows as text', () => {
    const book = root.ledger([{ customerId: 'a', date: '2024-01-03', amount: 10, channel: '<img src=x onerror=alert(1)>&' }], { attributes: { channel: 'channel' } });
    const html = shown(Cohort.from(book).segmentBy('channel').table())['text/html'];
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;');
  });

  test('a cohort key with quotes and angle brackets shows as text', () => {
    const html = shown(Cohort.from(BOOK).cohortKey(() => `"q" <b>'s'</b>`).table())['text/html'];
    expect(html).toContain('&quot;q&quot; &lt;b&gt;&#39;s&#39;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });
});

describe('a chart that cannot be drawn', () => {
  test('a library error refusing the data is a note under the table; any other error is thrown', async () => {
    const { chart } = await import('../../src/notebook/chart-markup.ts');
    expect(chart(() => { throw new root.InvalidOptionError('width', 1, 'too narrow'); })).toMatch(/^<p style="color:#555">Chart not drawn: /);
    expect(() => chart(() => { throw new TypeError('a fault'); })).toThrow(TypeError);
  });
});
