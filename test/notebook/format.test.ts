// How the notebook tables write values: the same text in every locale and time zone.
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { formatCount, formatInstant, formatMoney, formatNumber, formatRate } from '../../src/notebook/format.ts';
import { escapeHtml } from '../../src/escape-html.ts';
import { renderBundle } from '../../src/notebook/render.ts';

describe('values are written the same in every locale', () => {
  test('counts get thousands separators', () => {
    expect([0, 999, 1000, 1234567].map(formatCount)).toEqual(['0', '999', '1,000', '1,234,567']);
  });

  test('ratios are percentages with one decimal, null a dash', () => {
    expect([0, 0.4523, 1, 12.5, null].map(formatRate)).toEqual(['0.0%', '45.2%', '100.0%', '1,250.0%', '—']);
  });

  test('money is exact, with the currency digits and code', () => {
    expect(formatMoney(new Decimal('-1234567.5'), { currency: 'EUR', digits: 2 })).toBe('EUR -1,234,567.50');
    expect(formatMoney(new Decimal('1200'), { currency: 'JPY', digits: 0 })).toBe('JPY 1,200');
    expect(formatMoney(new Decimal('0.125'), { currency: null, digits: 3 })).toBe('0.125');
    expect(formatMoney(new Decimal('90071992547409.93'), { currency: null, digits: 2 })).toBe('90,071,992,547,409.93');
    expect(formatMoney(null, { currency: 'EUR', digits: 2 })).toBe('—');
  });

  test('measured numbers keep four significant digits', () => {
    expect([0.247234, 4.41456, 1234.56, 42, -455.52, 1e-7, 2.5e12, Infinity, null].map(formatNumber)).toEqual([
      '0.2472',
      '4.415',
      '1,234.6',
      '42',
      '-455.5',
      '1.000e-7',
      '2,500,000,000,000',
      '∞',
      '—',
    ]);
  });

  test('instants are written in UTC, the date alone at midnight', () => {
    expect(formatInstant(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
    expect(formatInstant(new Date('2024-03-01T14:30:59Z'))).toBe('2024-03-01 14:30 UTC');
    expect(formatInstant(null)).toBe('—');
  });
});

describe('rendering', () => {
  test('HTML escapes the five characters of markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('plain text aligns numbers right and text left', () => {
    const bundle = renderBundle([
      {
        title: 'T',
        columns: ['Name', 'Count'],
        rows: [
          [{ text: 'a', numeric: false }, { text: '1', numeric: true }],
          [{ text: 'long name', numeric: false }, { text: '1,000', numeric: true }],
        ],
        charts: [],
      },
    ]);
    expect(bundle['text/plain']).toBe(['T', 'Name       Count', '---------  -----', 'a              1', 'long name  1,000'].join('\n'));
  });

  test('a chart is put under its table in HTML and left out of the plain text', () => {
    const bundle = renderBundle([{ title: 'T', columns: ['A'], rows: [], charts: ['<svg></svg>'] }]);
    expect(bundle['text/html']).toMatch(/<\/table><div><svg><\/svg><\/div><\/section>/);
    expect(bundle['text/plain']).not.toContain('svg');
  });
});
