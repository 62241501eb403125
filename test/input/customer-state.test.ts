import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  type CustomerState,
  type TransactionRecord,
  customerState,
  dormancy,
  historicalClv,
  ledger,
  loyaltyTiers,
  mergeCustomerStates,
  rfm,
} from '../../src/index.ts';
import { inputError, optionError } from '../helpers/option-error.ts';

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const AS_OF = START + 500 * DAY;

/** Records of a few ids (numbers and strings) over two years, refunds and zero-value orders, ties likely. */
const record: fc.Arbitrary<TransactionRecord> = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', 1, 2, 10),
  date: fc.integer({ min: 0, max: 700 }).chain((d) => fc.constantFrom(START + d * DAY, START + d * DAY + 3_600_000 * (d % 24))),
  amount: fc.integer({ min: -800, max: 5000 }).map((c) => (c % 7 === 0 ? '0.00' : (c / 100).toFixed(2))),
});

/** A state's columns as plain arrays (NaN kept as NaN, which `toEqual` matches). */
function plain(state: CustomerState) {
  return {
    asOf: state.asOf,
    timeZone: state.timeZone,
    currencyDigits: state.currencyDigits,
    ids: [...state.ids],
    firstEvent: [...state.firstEvent],
    firstOrder: [...state.firstOrder],
    lastOrder: [...state.lastOrder],
    orders: [...state.orders],
    grossMinor: [...state.grossMinor],
    netMinor: [...state.netMinor],
  };
}

/** The naive oracle: each id's totals over its events at or before `asOf`, ordered by first event then id. */
function naiveState(records: readonly TransactionRecord[], asOf: number) {
  const by = new Map<string | number, { first: number; firstOrder: number; lastOrder: number; orders: number; gross: number; net: number }>();
  for (const r of records) {
    const t = r.date as number;
    if (t > asOf) continue;
    const minor = Math.round(Number(r.amount) * 100);
    const s = by.get(r.customerId) ?? { first: t, firstOrder: Number.NaN, lastOrder: Number.NaN, orders: 0, gross: 0, net: 0 };
    s.first = Math.min(s.first, t);
    s.net += minor;
    if (minor >= 0) {
      s.orders++;
      s.gross += minor;
      s.firstOrder = Number.isNaN(s.firstOrder) ? t : Math.min(s.firstOrder, t);
      s.lastOrder = Number.isNaN(s.lastOrder) ? t : Math.max(s.lastOrder, t);
    }
    by.set(r.customerId, s);
  }
  const rank = (id: string | number) => (typeof id === 'number' ? `0${String(id).padStart(4, '0')}` : `1${id}`);
  return [...by.entries()].sort(([i, x], [j, y]) => x.first - y.first || (rank(i) < rank(j) ? -1 : 1));
}

describe('customerState', () => {
  fcTest.prop([fc.array(record, { maxLength: 60 })])('holds each id\'s totals over its events up to asOf, in account order', (records) => {
    const state = customerState(records, { asOf: AS_OF });
    const expected = naiveState(records, AS_OF);
    expect([...state.ids]).toEqual(expected.map(([id]) => id));
    expect([...state.firstEvent]).toEqual(expected.map(([, s]) => s.first));
    expect([...state.firstOrder]).toEqual(expected.map(([, s]) => s.firstOrder));
    expect([...state.lastOrder]).toEqual(expected.map(([, s]) => s.lastOrder));
    expect([...state.orders]).toEqual(expected.map(([, s]) => s.orders));
    expect([...state.grossMinor]).toEqual(expected.map(([, s]) => s.gross));
    expect([...state.netMinor]).toEqual(expected.map(([, s]) => s.net));
  });

  fcTest.prop([fc.array(record, { maxLength: 60 })])('rfm, day-window dormancy (but for the median gap) and historical CLV of the state equal those of the ledger', (records) => {
    const book = ledger(records, { timeZone: 'Europe/Berlin' });
    const state = customerState(book, { asOf: AS_OF });
    expect(JSON.stringify(rfm(state))).toBe(JSON.stringify(rfm(book, { asOf: AS_OF })));
    expect(JSON.stringify(rfm(state, { monetary: 'mean', bins: 3 }))).toBe(JSON.stringify(rfm(book, { asOf: AS_OF, monetary: 'mean', bins: 3 })));
    const windows = { active: 30, atRisk: 90, dormant: 200 };
    const withoutGaps = (report: ReturnType<typeof dormancy>) => {
      const json = JSON.parse(JSON.stringify(report)) as { customers: { medianGap: number | null }[] };
      return JSON.stringify({ ...json, customers: json.customers.map((c) => ({ ...c, medianGap: null })) });
    };
    expect(JSON.stringify(dormancy(state, { windows }))).toBe(withoutGaps(dormancy(book, { asOf: AS_OF, windows })));
    expect(JSON.stringify(historicalClv(state))).toBe(JSON.stringify(historicalClv(book, { asOf: AS_OF })));
  });

  it('is as of the last event by default, and of nothing for no records', () => {
    const state = customerState([{ customerId: 'a', date: '2024-01-02T10:00:00Z', amount: '1.00' }]);
    expect(state.asOf).toBe(Date.parse('2024-01-02T10:00:00Z'));
    expect(plain(customerState([]))).toMatchObject({ asOf: null, ids: [] });
    expect(rfm(customerState([])).customers).toEqual([]);
  });

  it('a dormancy report of a state has no median gap, which needs the order days', () => {
    const records = [
      { customerId: 'a', date: '2024-01-02', amount: '1.00' },
      { customerId: 'a', date: '2024-01-12', amount: '1.00' },
    ];
    expect(dormancy(records).customers[0]?.medianGap).toBe(10);
    expect(dormancy(customerState(records)).customers[0]?.medianGap).toBeNull();
  });

  it('is a state\'s own state, at its own asOf only', () => {
    const state = customerState([{ customerId: 'a', date: '2024-01-02', amount: '1.00' }], { asOf: '2024-03-01' });
    expect(customerState(state as never)).toBe(state);
    expect(optionError(() => customerState(state as never, { asOf: '2024-04-01' })).option).toBe('asOf');
  });

  it('members of a state report are its ids', () => {
    const state = customerState([
      { customerId: 'a', date: '2024-01-02', amount: '1.00' },
      { customerId: 'b', date: '2024-06-02', amount: '1.00' },
    ], { asOf: '2024-06-30' });
    expect(dormancy(state).members('active')).toEqual(['b']);
  });
});

describe('a report of a state', () => {
  const state = customerState([{ customerId: 'a', date: '2024-01-02', amount: '1.00' }], { asOf: '2024-03-01' });

  it('takes an asOf equal to the state\'s', () => {
    expect(rfm(state, { asOf: '2024-03-01' }).customers[0]?.recency).toBe(59);
  });

  it('refuses another asOf', () => {
    expect(optionError(() => rfm(state, { asOf: '2024-03-02' })).option).toBe('asOf');
  });

  it('refuses another time zone', () => {
    expect(optionError(() => historicalClv(state, { timeZone: 'Asia/Tokyo' })).option).toBe('timeZone');
  });

  it('refuses dormancy windows that need order days', () => {
    expect(optionError(() => dormancy(state, { windows: 'adaptive' })).message).toMatch(/customer state/);
  });

  it('refuses a loyalty program, which needs the orders in its window', () => {
    const error = optionError(() => loyaltyTiers(state as never, { tiers: [{ name: 'Gold', threshold: 10 }] }));
    expect(error.option).toBe('tiers');
  });
});

describe('mergeCustomerStates', () => {
  fcTest.prop([fc.array(fc.tuple(record, fc.integer({ min: 0, max: 2 })), { maxLength: 60 })])(
    'states of any split of the records, merged, equal the state of the whole',
    (tagged) => {
      const records = tagged.map(([r]) => r);
      const parts = [0, 1, 2].map((k) => customerState(tagged.filter(([, p]) => p === k).map(([r]) => r), { asOf: AS_OF }));
      expect(plain(mergeCustomerStates(...parts))).toEqual(plain(customerState(records, { asOf: AS_OF })));
    },
  );

  fcTest.prop([fc.array(record, { maxLength: 60 }), fc.integer({ min: 0, max: 500 })])(
    'yesterday\'s state merged with the state of later events equals today\'s',
    (records, cut) => {
      const at = START + cut * DAY;
      const before = customerState(records, { asOf: at });
      const after = customerState(records.filter((r) => (r.date as number) > at && (r.date as number) <= AS_OF), { asOf: AS_OF });
      expect(plain(mergeCustomerStates(before, after))).toEqual(plain(customerState(records, { asOf: AS_OF })));
    },
  );

  it('is as of the latest state', () => {
    const a = customerState([{ customerId: 'a', date: '2024-01-02', amount: '1.00' }], { asOf: '2024-02-01' });
    const b = customerState([], { asOf: '2024-03-01' });
    expect(mergeCustomerStates(a, b).asOf).toBe(Date.parse('2024-03-01'));
  });

  it('refuses states of different zones', () => {
    const a = customerState([], { timeZone: 'UTC' });
    const b = customerState(ledger([], { timeZone: 'Europe/Paris' }));
    expect(optionError(() => mergeCustomerStates(a, b)).option).toBe('states[1].timeZone');
  });

  it('refuses states of different currency digits', () => {
    const a = customerState(ledger([], { currencyDigits: 2 }));
    const b = customerState(ledger([], { currencyDigits: 0 }));
    expect(optionError(() => mergeCustomerStates(a, b)).option).toBe('states[1].currencyDigits');
  });

  it('refuses what is not a state, and no state', () => {
    expect(optionError(() => mergeCustomerStates({} as CustomerState)).option).toBe('states[0]');
    expect(optionError(() => mergeCustomerStates()).option).toBe('states');
  });

  it('refuses sums beyond exact arithmetic', () => {
    const big = customerState(ledger.fromColumns({ customerId: ['a'], date: [0], amount: [Number.MAX_SAFE_INTEGER - 1] }));
    expect(inputError(() => mergeCustomerStates(big, big)).field).toBe('amount');
  });
});
