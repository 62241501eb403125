/**
 * `tierTotals`: the query behind loyalty tiers from SQL. The engine reduces each customer's events to
 * their qualifying totals per window and the instants from which each tier's threshold stayed reached;
 * `loyaltyTiersFromRows` decides the tiers from them, as `loyaltyTiers` does from the events.
 *
 * @module
 */
import { assertTimeZone } from '../calendar/zone.ts';
import { makeDayIndexer } from '../calendar/days.ts';
import { InvalidOptionError } from '../errors.ts';
import { dateOption } from '../input/dates.ts';
import type { DateInput } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type LoyaltyProgramOptions, type Program, resolveProgram, windowStarts } from '../segments/loyalty-options.ts';
import { keepsPrevious } from '../segments/tier-engine.ts';
import { type Expr, and, col, doubleLiteral, exactInt, int, max, min, nullValue, op, sum, when } from './expression.ts';
import { renderQuery } from './render.ts';
import { Params, SOURCE_KEYS, type SqlQuery, type SqlSourceOptions, eventsTables, resolveSource, sqlQuery } from './source.ts';

/** The loyalty program and its calendar: what {@link tierTotals} and `loyaltyTiersFromRows` share. */
export interface SqlLoyaltyProgram extends LoyaltyProgramOptions {
  /**
   * The instant of the decision; events after it are left out. Required with a window other than
   * `'lifetime'` (the window's days are written into the query); without it a lifetime program is
   * decided as of the table's last event.
   */
  asOf?: DateInput;
  /** The zone of the windows' local days, and of a date-only `asOf` (default `'UTC'`), as a ledger's `timeZone`. */
  timeZone?: string;
}

/** Options of {@link tierTotals}: the source and the program. */
export interface SqlTierTotalsOptions extends SqlSourceOptions, SqlLoyaltyProgram {}

/** @internal The keys of {@link SqlLoyaltyProgram}. */
export const PROGRAM_KEYS = optionKeys<SqlLoyaltyProgram>({ tiers: true, basis: true, window: true, asOf: true, pointsPerUnit: true, keepPreviousTier: true, timeZone: true });

/** @internal {@link SqlLoyaltyProgram}, checked: the program in minor units, and the as-of instant and day. */
export interface ResolvedLoyaltyProgram {
  readonly program: Program;
  readonly timeZone: string;
  readonly asOf: { readonly ms: number; readonly day: number } | null;
}

/**
 * @internal Check the program options.
 *
 * @param options - the options (their keys are checked by the caller)
 * @param currencyDigits - digits of the currency's minor unit
 * @returns the resolved program
 * @throws {@link InvalidOptionError} for a bad program, zone or `asOf`, or no `asOf` with a window
 */
export function resolveLoyaltyProgram(options: SqlLoyaltyProgram, currencyDigits: number): ResolvedLoyaltyProgram {
  const program = resolveProgram(options, currencyDigits);
  const timeZone = assertTimeZone(options.timeZone ?? 'UTC');
  if (options.asOf === undefined) {
    if (program.window !== 'lifetime') {
      throw new InvalidOptionError('asOf', undefined, `is required with the window ${JSON.stringify(program.window)}: its days are written into the query`);
    }
    return { program, timeZone, asOf: null };
  }
  const ms = dateOption('asOf', options.asOf, timeZone);
  return { program, timeZone, asOf: { ms, day: makeDayIndexer(timeZone)(ms) } };
}

/**
 * The SQL of loyalty tiers (`loyaltyTiers`): rows of two kinds, every value an integer as text. A
 * customer row (`window` `NULL`) per customer with an event at or before `asOf`: the instants (epoch
 * ms) of their first and last event and of their first order (`NULL` without one). A window row per
 * customer and qualification window with events in it — `window` 0 for the current window, 1 for the
 * previous one (with `keepPreviousTier` only) — holding `amount`, the sum of the events'
 * contributions (net minor units for `'spend'`, orders for `'orders'`, points for `'points'`, before
 * the floor at 0), and `reached0`, `reached1`, … per tier: the instant from which the running total
 * stayed at or above the tier's threshold. {@link loyaltyTiersFromRows} decides the tiers. Each row is
 * a `GROUP BY` of one customer's events.
 *
 * @param options - table, columns, dialect, `currencyDigits`, the program (`tiers`, `basis`, `window`,
 *   `pointsPerUnit`, `keepPreviousTier`), `asOf` and `timeZone`
 * @returns the SQL text and its parameters
 * @throws {@link InvalidOptionError} for an unknown option, dialect or column key, a missing name, bad
 *   `currencyDigits`, a bad program (as `loyaltyTiers`), an unknown zone, an unreadable `asOf`, no
 *   `asOf` with a window other than `'lifetime'`, or a threshold beyond 2^53
 *
 * @example
 * ```ts
 * import { tierTotals } from 'retention-metrics/sql';
 * const query = tierTotals({
 *   table: 'orders',
 *   columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' },
 *   dialect: 'duckdb',
 *   tiers: [{ name: 'Silver', threshold: 100 }, { name: 'Gold', threshold: 500 }],
 *   window: 'calendarYear',
 *   asOf: '2024-12-31',
 *   timeZone: 'Europe/Berlin',
 * });
 * query.text.includes('"reached1"'); // => true
 * ```
 */
export function tierTotals(options: SqlTierTotalsOptions): SqlQuery {
  checkOptionKeys(options, [...SOURCE_KEYS, ...PROGRAM_KEYS]);
  const source = resolveSource(options);
  const { program, timeZone, asOf } = resolveLoyaltyProgram(options, source.digits);
  const thresholds = Array.from(program.thresholds, (threshold, k) => {
    // The running totals are integers: below a threshold is below its ceiling.
    const ceiling = Math.ceil(threshold);
    if (!Number.isSafeInteger(ceiling)) throw new InvalidOptionError(`tiers[${k}].threshold`, options.tiers[k]?.threshold, 'is beyond 2^53, which the query cannot compare exactly');
    return ceiling;
  });
  const params = new Params();
  const e = (name: string): Expr => col(name, 'e');
  const r = (name: string): Expr => col(name, 'r');
  const [from, previousFrom] = asOf === null ? [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY] : windowStarts(program.window, asOf.day);
  const keep = keepsPrevious(program);
  const asOfMs = asOf === null ? null : params.add(asOf.ms, 'bigint');
  const upToAsOf = asOfMs === null ? [] : [op(e('ms'), '<=', asOfMs)];
  // A lifetime window has no first day: no event's local day is needed.
  const day: Expr | null = Number.isFinite(from) ? { kind: 'day-number', date: { kind: 'local-date', ms: e('ms'), zone: params.add(timeZone, 'text') } } : null;
  const inWindows = day === null ? [] : [op(day, '>=', params.add(keep ? previousFrom : from, 'bigint'))];
  const windowOf = day !== null && keep ? when(op(day, '>=', params.add(from, 'bigint')), int(0), int(1)) : null;
  const columns = (values: Partial<Record<string, Expr>>) => tierColumns(thresholds.length).map((as) => ({ as, value: values[as] ?? nullValue }));
  const sqlText = renderQuery(
    {
      with: [
        ...eventsTables(source, params),
        {
          // Each instant's contribution, all its events together, in the window it falls in.
          name: 'instants',
          select: {
            columns: [{ as: 'customer', value: e('customer') }, { as: 'window', value: windowOf ?? int(0) }, { as: 'ms', value: e('ms') }, { as: 'c', value: sum(contribution(program, source.digits, e('minor'))) }],
            from: { name: ['events'], as: 'e' },
            ...(upToAsOf.length + inWindows.length === 0 ? {} : { where: and(...upToAsOf, ...inWindows) }),
            groupBy: [e('customer'), ...(windowOf === null ? [] : [windowOf]), e('ms')],
          },
        },
        { name: 'running', select: { running: { from: 'instants', partition: ['customer', 'window'], order: 'ms', value: 'c' } } },
        {
          name: 'windows',
          select: {
            columns: [
              { as: 'customer', value: r('customer') },
              { as: 'window', value: r('window') },
              { as: 'amount', value: sum(r('c')) },
              // From the instant after the last one below the threshold; from the first, when none is.
              ...thresholds.map((t, k) => ({ as: `reached${k}`, value: { kind: 'coalesce', value: max(when(op(r('running'), '<', int(t)), r('next'))), fallback: min(r('ms')) } as const })),
            ],
            from: { name: ['running'], as: 'r' },
            groupBy: [r('customer'), r('window')],
          },
        },
        {
          name: 'customers',
          select: {
            columns: [
              { as: 'customer', value: e('customer') },
              { as: 'firstEvent', value: min(e('ms')) },
              { as: 'lastEvent', value: max(e('ms')) },
              { as: 'firstOrder', value: min(when(op(e('minor'), '>=', int(0)), e('ms'))) },
            ],
            from: { name: ['events'], as: 'e' },
            ...(upToAsOf.length === 0 ? {} : { where: and(...upToAsOf) }),
            groupBy: [e('customer')],
          },
        },
        {
          name: 'result',
          select: {
            unionAll: [
              {
                columns: columns({ customer: col('customer', 'c'), ...Object.fromEntries(['firstEvent', 'lastEvent', 'firstOrder'].map((name) => [name, exactInt(col(name, 'c'))])) }),
                from: { name: ['customers'], as: 'c' },
              },
              {
                columns: columns({
                  customer: col('customer', 'w'),
                  ...Object.fromEntries(['window', 'amount', ...thresholds.map((_, k) => `reached${k}`)].map((name) => [name, exactInt(col(name, 'w'))])),
                }),
                from: { name: ['windows'], as: 'w' },
              },
            ],
          },
        },
      ],
      select: { columns: tierColumns(thresholds.length).map((as) => ({ as, value: col(as, 'o') })), from: { name: ['result'], as: 'o' } },
    },
    source.dialect,
  );
  return sqlQuery(sqlText, params, source.dialect);
}

/**
 * @internal The columns of the query's rows: the customer rows', then the window rows'.
 *
 * @param tiers - the number of tiers
 * @returns the column names
 */
export function tierColumns(tiers: number): string[] {
  return ['customer', 'firstEvent', 'lastEvent', 'firstOrder', 'window', 'amount', ...Array.from({ length: tiers }, (_, k) => `reached${k}`)];
}

/**
 * An event's contribution to the qualifying amount, as the in-process engine counts it: its minor
 * units, 1 for an order, or its points — ⌊minor · perUnit ÷ 10^digits⌋ toward zero, nudged by 10⁻⁹
 * away from zero, in doubles computed in the same order as there.
 */
function contribution(program: Program, digits: number, minor: Expr): Expr {
  if (program.basis === 'spend') return minor;
  if (program.basis === 'orders') return when(op(minor, '>=', int(0)), int(1), int(0));
  const points = op(op({ kind: 'to-double', value: minor }, '*', doubleLiteral(program.pointsPerUnit)), '/', { kind: 'to-double', value: int(10 ** digits) });
  const nudge = when(op(points, '>=', { kind: 'to-double', value: int(0) }), doubleLiteral(1e-9), doubleLiteral(-1e-9));
  return { kind: 'trunc', value: op(points, '+', nudge) };
}
