/**
 * `display`: a notebook display for a result got elsewhere (from the root entry, a saved model, a
 * warehouse query), its kind read from its shape.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { assertCurrency } from '../input/currency.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { type Sections, SECTIONS, isBreakdown } from './bundles.ts';
import { type Displayed, type MimeBundle, withDisplay } from './displayed.ts';
import { type MoneyFormat } from './format.ts';
import { moneyFormatOf } from './money.ts';
import { escapeHtml } from '../escape-html.ts';
import { renderBundle } from './render.ts';
import type { Breakdown } from '../input/breakdown.ts';
import { breakdownSections } from './views/breakdown.ts';
import { isModelLike } from './views/models.ts';

/** Options of {@link display}. */
export interface DisplayOptions {
  /** The currency money is written with (ISO 4217, `'EUR'`); default: none named. */
  currency?: string;
  /** The currency's decimal digits; default: the currency's, else 2. */
  currencyDigits?: number;
}

type Fields = Readonly<Record<string, unknown>>;

function has(value: Fields, ...keys: string[]): boolean {
  return keys.every((key) => key in value);
}

/** The sections of one report (not a breakdown), by its shape; `null` for a value of no known kind. */
function sectionsOf(value: unknown): Sections<never> | null {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (first === null || typeof first !== 'object') return null;
    if (has(first as Fields, 'period', 'startCustomers', 'retained')) return SECTIONS.periodRetention as Sections<never>;
    if (has(first as Fields, 'period', 'resurrected', 'dormant')) return SECTIONS.lifecycle as Sections<never>;
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const v = value as Fields;
  if (isModelLike(v)) return SECTIONS.model as Sections<never>;
  if (has(v, 'cohorts', 'average', 'mode')) return SECTIONS.cohort as Sections<never>;
  if (has(v, 'cohorts', 'overall')) return SECTIONS.survival as Sections<never>;
  if (has(v, 'customers', 'orders', 'grossRevenue', 'repeatCustomerRate')) return SECTIONS.summary as Sections<never>;
  if (has(v, 'bins', 'monetary', 'segments', 'columns')) return SECTIONS.rfm as Sections<never>;
  if (has(v, 'windows', 'segments', 'columns')) return SECTIONS.dormancy as Sections<never>;
  if (has(v, 'periods', 'movements')) return SECTIONS.mrr as Sections<never>;
  return null;
}

/** A value of no known kind: its JSON, pretty-printed. */
function jsonBundle(value: unknown): MimeBundle {
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) ?? String(value);
  } catch {
    text = String(value);
  }
  return { 'text/html': `<pre>${escapeHtml(text)}</pre>`, 'text/plain': text };
}

/**
 * A result with a notebook display, its kind read from its shape: cohort and survival tables, summaries,
 * period-retention and lifecycle rows, RFM, dormancy and MRR reports, breakdowns of them, and models
 * (given or fitted). Anything else is shown as its JSON. The value returned is a copy with the display
 * method (not enumerable), deep-equal to `value`; `value` itself is not changed.
 *
 * @param value - a result of the library (an object or an array)
 * @param options - the currency money is written with (a result does not say it)
 * @returns the copy with its display
 * @throws {@link InvalidOptionError} for an unknown option, a `currency` that is no ISO 4217 code,
 *   `currencyDigits` that are not a whole number from 0 to 20, or a `value` that is no object
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, display } from 'retention-metrics/notebook';
 * import { summarize } from 'retention-metrics';
 * const summary = summarize([{ customerId: 'a', date: '2024-01-05', amount: '12.50' }]);
 * const shown = display(summary, { currency: 'USD' });
 * shown.grossRevenue.toFixed(2); // => '12.50'
 * shown[JUPYTER_DISPLAY]()['text/plain'].includes('USD 12.50'); // => true
 * ```
 */
export function display<T extends object>(value: T, options?: DisplayOptions): Displayed<T> {
  const given = checkOptionKeys(options, ['currency', 'currencyDigits']);
  if (given.currency !== undefined) assertCurrency(given.currency);
  const digits = given.currencyDigits;
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 20)) {
    throw new InvalidOptionError('currencyDigits', digits, 'the digits of a currency are a whole number from 0 to 20');
  }
  if (value === null || typeof value !== 'object') {
    throw new InvalidOptionError('value', value, 'display shows an object or an array (a result of the library)');
  }
  const money: MoneyFormat = moneyFormatOf(undefined, given);
  return withDisplay(value, (v) => {
    const inner = isBreakdown<unknown>(v) ? sectionsOf(v.total) : null;
    if (inner !== null) return renderBundle(breakdownSections(v as Breakdown<never>, (result) => inner(result, money)));
    const sections = sectionsOf(v);
    return sections === null ? jsonBundle(v) : renderBundle(sections(v as never, money));
  });
}
