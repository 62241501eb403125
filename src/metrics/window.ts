/**
 * Time windows (`from`/`to`) shared by the metrics.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import { type LedgerInput, calendarZone, toLedger } from '../input/ledger.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import type { DateInput, Ledger } from '../input/types.ts';

/**
 * A half-open time window `[from, to)`. Both ends are optional; date-only strings are read in the
 * ledger's time zone, so `{ from: '2024-01-01', to: '2025-01-01' }` is the calendar year 2024.
 */
export interface TimeWindow {
  /** First instant inside the window (inclusive). */
  from?: DateInput;
  /** First instant after the window (exclusive). */
  to?: DateInput;
}

/** Options of a metric that reads a ledger over a window: window plus ledger options for raw records. */
export interface WindowOptions extends TimeWindow, LedgerBaseOptions {}

/** A resolved window in epoch ms (infinite where open). */
export interface ResolvedWindow {
  readonly from: number;
  readonly to: number;
}

/** Read the window of `options` in the ledger's time zone. */
export function resolveWindow(options: TimeWindow | undefined, timeZone: string): ResolvedWindow {
  const from = options?.from === undefined ? Number.NEGATIVE_INFINITY : dateOption('from', options.from, timeZone);
  const to = options?.to === undefined ? Number.POSITIVE_INFINITY : dateOption('to', options.to, timeZone);
  if (from > to) throw new InvalidOptionError('from', options?.from, 'is after `to`');
  return { from, to };
}

/** @internal The keys of {@link WindowOptions}. */
export const WINDOW_KEYS = [...LEDGER_BASE_KEYS, ...optionKeys<TimeWindow>({ from: true, to: true })];

/** The ledger and the resolved window of a metric call (its option keys checked). */
export function ledgerAndWindow(data: LedgerInput, options: WindowOptions | undefined): [Ledger, ResolvedWindow] {
  checkOptionKeys(options, WINDOW_KEYS);
  const book = toLedger(data, options);
  return [book, resolveWindow(options, calendarZone(book, options))];
}
