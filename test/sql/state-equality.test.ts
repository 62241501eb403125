// The customer state from the emitted SQL, run by DuckDB and by PostgreSQL (PGlite), equals the
// in-process `customerState`, and so do the reports read from it: on CDNOW, on random ledgers with
// refunds, zero-value orders and ties, and merged from shards.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { type CustomerState, customerState, dormancy, fitBgNbd, historicalClv, ledger, mergeCustomerStates, rfm, rfmSummary } from '../../src/index.ts';
import { type RfmSummaryFromRowsOptions, customerStateFromRows, customerTotals, modelSummary, rfmSummaryFromRows } from '../../src/sql.ts';
import { type Engine, useEngines } from './engines.ts';
import { DAY, HOUR, START, eventsOf, hourlyEventsArbitrary } from './ledgers.ts';


/** A state's columns as plain arrays. */
function plain(state: CustomerState) {
  const { asOf, timeZone, currencyDigits, ids, firstEvent, firstOrder, lastOrder, orders, grossMinor, netMinor } = state;
  return { asOf, timeZone, currencyDigits, ids: [...ids], firstEvent: [...firstEvent], firstOrder: [...firstOrder], lastOrder: [...lastOrder], orders: [...orders], grossMinor: [...grossMinor], netMinor: [...netMinor] };
}

const ZONE = 'America/New_York';

/** CDNOW with its ids as text, as the engines' tables hold them. */
const cdnow = ledger(readCdnow().map((r) => ({ ...r, customerId: String(r.customerId) })), { timeZone: ZONE });
const CDNOW_AS_OF = '1998-03-31T23:59:59.999-05:00';

const engineNamed = useEngines({ cdnow: eventsOf(cdnow) });

/** The state of a table, from the engine's rows. */
async function engineState(engine: Engine, table: string, calendar: { asOf?: string | number; timeZone: string }): Promise<CustomerState> {
  const options = { table, columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: engine.dialect, ...calendar };
  return customerStateFromRows(await engine.run(customerTotals(options)), options);
}

/** The model summary of a table, from the engine's rows. */
async function engineSummary(engine: Engine, table: string, calendar: RfmSummaryFromRowsOptions) {
  const { unit, ...queryCalendar } = calendar;
  const options = { table, columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: engine.dialect, ...queryCalendar };
  return rfmSummaryFromRows(await engine.run(modelSummary(options)), { ...queryCalendar, ...(unit === undefined ? {} : { unit }) });
}

describe.each(['duckdb', 'postgres'] as const)('%s', (name) => {
  test('the customer state of CDNOW equals customerState, and rfm, dormancy and historical CLV of it equal the ledger\'s', async () => {
    const book = cdnow;
    const state = await engineState(engineNamed(name), 'cdnow', { asOf: CDNOW_AS_OF, timeZone: ZONE });
    expect(plain(state)).toEqual(plain(customerState(book, { asOf: CDNOW_AS_OF })));
    expect(JSON.stringify(rfm(state))).toBe(JSON.stringify(rfm(book, { asOf: CDNOW_AS_OF })));
    expect(JSON.stringify(dormancy(state).segments)).toBe(JSON.stringify(dormancy(book, { asOf: CDNOW_AS_OF }).segments));
    expect(JSON.stringify(historicalClv(state))).toBe(JSON.stringify(historicalClv(book, { asOf: CDNOW_AS_OF })));
  });

  test('without asOf, the state is as of the table\'s last event, as a ledger\'s', async () => {
    const state = await engineState(engineNamed(name), 'cdnow', { timeZone: ZONE });
    expect(plain(state)).toEqual(plain(customerState(cdnow)));
  });

  test('on random events, the state equals customerState; the states of two shards merge into the whole', async () => {
    const engine = engineNamed(name);
    await fc.assert(
      fc.asyncProperty(hourlyEventsArbitrary, fc.integer({ min: 0, max: 420 }), async (events, cut) => {
        const asOf = START + cut * DAY + 5 * HOUR;
        const book = ledger(events.map((e) => ({ customerId: e.customerId, date: e.ms, amount: e.amount })), { timeZone: ZONE });
        await engine.load('events', events);
        const whole = await engineState(engine, 'events', { asOf, timeZone: ZONE });
        expect(plain(whole)).toEqual(plain(customerState(book, { asOf })));
        const shards: CustomerState[] = [];
        for (const shard of [0, 1]) {
          await engine.load('shard', events.filter((e) => e.shard === shard));
          shards.push(await engineState(engine, 'shard', { asOf, timeZone: ZONE }));
        }
        expect(plain(mergeCustomerStates(...shards))).toEqual(plain(whole));
        expect(JSON.stringify(rfm(whole))).toBe(JSON.stringify(rfm(book, { asOf })));
      }),
      { numRuns: 25 },
    );
  });

  test('the model summary of CDNOW equals rfmSummary, and so does the BG/NBD fit on it', async () => {
    const calendar = { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', timeZone: ZONE, unit: 'week' } as const;
    const summary = await engineSummary(engineNamed(name), 'cdnow', calendar);
    const expected = rfmSummary(cdnow, calendar);
    expect(JSON.stringify(summary)).toBe(JSON.stringify(expected));
    expect(fitBgNbd(summary).params).toEqual(fitBgNbd(expected).params);
  });

  test('on random events, the model summary equals rfmSummary, with and without a holdout', async () => {
    const engine = engineNamed(name);
    await fc.assert(
      fc.asyncProperty(hourlyEventsArbitrary, fc.integer({ min: 0, max: 300 }), fc.option(fc.integer({ min: 1, max: 120 })), fc.constantFrom(1, 7, 10), async (events, cal, hold, days) => {
        const calibrationEnd = new Date(START + cal * DAY + 12 * HOUR);
        const calendar = { calibrationEnd, timeZone: ZONE, unit: { days }, ...(hold === null ? {} : { holdoutEnd: new Date(calibrationEnd.getTime() + hold * DAY) }) };
        const book = ledger(events.map((e) => ({ customerId: e.customerId, date: e.ms, amount: e.amount })), { timeZone: ZONE });
        await engine.load('events', events);
        expect(JSON.stringify(await engineSummary(engine, 'events', calendar))).toBe(JSON.stringify(rfmSummary(book, calendar)));
      }),
      { numRuns: 25 },
    );
  });
});
