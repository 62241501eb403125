// Every entry point of the segments and cohorts refuses an option key it does not know, naming the
// key (with its path for nested option objects) and the closest valid one.
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import { ledger } from '../../src/input/ledger.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { loyaltyTiers } from '../../src/segments/loyalty-tiers.ts';
import { reactivationPotential } from '../../src/segments/reactivation.ts';
import { rfmSegmentMap } from '../../src/segments/rfm-segments.ts';
import { type RfmOptions, rfm, rfmGrid } from '../../src/segments/rfm.ts';
import { ledgerOptionsOf } from '../../src/segments/segment-input.ts';
import { tierFor } from '../../src/segments/tier-for.ts';
import { optionError } from '../helpers/option-error.ts';

const rows = [
  { customerId: 'a', date: '2024-01-05', amount: '20.00' },
  { customerId: 'a', date: '2024-03-05', amount: '30.00' },
  { customerId: 'b', date: '2024-02-01', amount: '10.00' },
];
const tiers = [{ name: 'Silver', threshold: 10 }];
const asOf = '2024-06-30';

/** The option named by the InvalidOptionError `run` throws, and whether the message suggests `closest`. */
function refused(run: () => unknown, closest?: string): string {
  const error = optionError(run);
  if (closest !== undefined) expect(error.message).toContain(`did you mean \`${closest}\`?`);
  return error.option;
}

describe('rfm', () => {
  test('refuses an unknown option', () => {
    expect(refused(() => rfm(rows, { asof: asOf } as never), 'asOf')).toBe('asof');
  });
  test('refuses an unknown key of cuts', () => {
    expect(refused(() => rfm(rows, { cuts: { recencey: [1, 2, 3, 4] } } as never), 'recency')).toBe('cuts.recencey');
  });
  test('still takes every ledger option and reads records with them', () => {
    const report = rfm([{ customerId: 'a', date: '2024-01-05', amount: '20.005' }], { rounding: 'halfEven', currencyDigits: 2, onInvalid: 'throw', timeZone: 'UTC' });
    expect(report.customers[0]?.monetary.toFixed(2)).toBe('20.00');
  });
});

describe('rfmGrid', () => {
  test('takes no options; refuses something that is not an RFM report', () => {
    expect(refused(() => rfmGrid({ bins: 5 } as never))).toBe('report');
  });
});

describe('dormancy', () => {
  test('refuses an unknown option', () => {
    expect(refused(() => dormancy(rows, { window: 'fixed' } as never), 'windows')).toBe('window');
  });
  test('refuses an unknown key of fixed windows', () => {
    expect(refused(() => dormancy(rows, { windows: { active: 30, atrisk: 60 } } as never), 'atRisk')).toBe('windows.atrisk');
  });
  test('refuses a slip in the key that picks the kind of windows', () => {
    expect(refused(() => dormancy(rows, { windows: { probabiltyAlive: () => 1 } } as never), 'probabilityAlive')).toBe('windows.probabiltyAlive');
  });
  test('refuses a key of another kind of windows', () => {
    expect(refused(() => dormancy(rows, { windows: { probabilityAlive: () => 1, active: 30 } } as never))).toBe('windows.active');
  });
  test('refuses unknown keys of adaptive multipliers, their fallback and probability thresholds', () => {
    expect(refused(() => dormancy(rows, { windows: { adaptive: { actve: 2 } } } as never), 'active')).toBe('windows.adaptive.actve');
    expect(refused(() => dormancy(rows, { windows: { adaptive: {}, fallback: { dormnat: 400 } } } as never), 'dormant')).toBe('windows.fallback.dormnat');
    expect(refused(() => dormancy(rows, { windows: { probabilityAlive: () => 1, thresholds: { lost: 0.1 } } } as never))).toBe('windows.thresholds.lost');
  });
  test('refuses windows given as an array', () => {
    expect(refused(() => dormancy(rows, { windows: [90, 180, 365] } as never))).toBe('windows');
  });
});

describe('reactivationPotential', () => {
  test('refuses an unknown option', () => {
    const report = dormancy(rows, { asOf });
    expect(refused(() => reactivationPotential(report, { includeLost: true, receptiveRates: [0.1, 0.2] } as never), 'receptiveRate')).toBe('receptiveRates');
  });
  test('refuses something that is not a dormancy report', () => {
    expect(refused(() => reactivationPotential({ segments: {} } as never))).toBe('report');
  });
});

describe('loyaltyTiers', () => {
  test('refuses an unknown option', () => {
    expect(refused(() => loyaltyTiers(rows, { tiers, keepPreviousTiers: true } as never), 'keepPreviousTier')).toBe('keepPreviousTiers');
  });
  test('refuses an unknown key of a tier', () => {
    expect(refused(() => loyaltyTiers(rows, { tiers: [{ name: 'Silver', treshold: 10 }] } as never), 'threshold')).toBe('tiers[0].treshold');
  });
  test('refuses an unknown key of the window, and both rolling lengths at once', () => {
    expect(refused(() => loyaltyTiers(rows, { tiers, window: { rollingWeeks: 4 } } as never))).toBe('window.rollingWeeks');
    expect(refused(() => loyaltyTiers(rows, { tiers, window: { rollingMonths: 12, rollingDays: 30 } } as never))).toBe('window');
  });
});

describe('tierFor', () => {
  test('refuses an unknown option', () => {
    expect(refused(() => tierFor([], { tiers, asOf, basis: 'spend', pointPerUnit: 2 } as never), 'pointsPerUnit')).toBe('pointPerUnit');
  });
});

describe('rfmSegmentMap', () => {
  test('refuses an unknown option', () => {
    expect(refused(() => rfmSegmentMap('m', [{ name: 'A', r: [1, 5] }], { bin: 4 } as never), 'bins')).toBe('bin');
  });
  test('refuses an unknown key of a rule', () => {
    expect(refused(() => rfmSegmentMap('m', [{ name: 'A', recency: [4, 5] }] as never))).toBe('rules[0].recency');
  });
});

describe('Cohort', () => {
  test('Cohort.from refuses an unknown option', () => {
    expect(refused(() => Cohort.from(rows, { timezone: 'Europe/Berlin' } as never), 'timeZone')).toBe('timezone');
  });
  test('Cohort.fromSubscriptions refuses an unknown option', () => {
    expect(refused(() => Cohort.fromSubscriptions([], { onInvalid: 'skip', timeZome: 'UTC' } as never), 'timeZone')).toBe('timeZome');
  });
  test('every({ days }) refuses another key, on both builders', () => {
    expect(refused(() => Cohort.from(rows).every({ days: 7, weeks: 1 } as never))).toBe('every.weeks');
    expect(refused(() => Cohort.fromSubscriptions([]).every({ day: 7 } as never), 'days')).toBe('every.day');
  });
});

describe('ledgerOptionsOf', () => {
  test('a segment function reads records with the ledger options alone', () => {
    const options = { asOf, bins: 4, timeZone: 'Asia/Tokyo', currencyDigits: 0, rounding: 'halfUp' as const, onInvalid: 'skip' as const };
    expect(ledgerOptionsOf(options)).toEqual({ timeZone: 'Asia/Tokyo', currencyDigits: 0, rounding: 'halfUp', onInvalid: 'skip' });
    const noLedgerOption: RfmOptions = { asOf, bins: 4 };
    expect(ledgerOptionsOf(noLedgerOption)).toEqual({});
  });
  test('a ready ledger is used as it is', () => {
    const book = ledger(rows);
    expect(rfm(book, { bins: 4, asOf }).customers).toHaveLength(2);
  });
});

describe('rfmGrid: a score outside 1…bins', () => {
  test('is refused as not the result of rfm, never counted in a cell that does not exist', () => {
    const report = rfm([{ customerId: 'a', date: '2024-01-01', amount: 1 }], { bins: 2 });
    report.columns.m[0] = 3;
    expect(refused(() => rfmGrid(report))).toBe('report');
    report.columns.m[0] = 0;
    expect(refused(() => rfmGrid(report))).toBe('report');
  });
});
