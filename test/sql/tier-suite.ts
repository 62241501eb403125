// Test helper: the loyalty tiers from the emitted SQL (`tierTotals`, finished by
// `loyaltyTiersFromRows`) equal `loyaltyTiers` in process — every customer's tier, amount, next
// tier, what is missing and the instant it was earned, the counts and the members — on CDNOW and on
// random ledgers (refunds, zero-value orders, ties at one instant, instants near local midnight in
// zones with DST), for every basis and window. A suite file starts its engines and calls `tierTests`
// inside a `describe` per engine.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type LoyaltyReport, type LoyaltyTiersOptions, ledger, loyaltyTiers } from '../../src/index.ts';
import type { Ledger } from '../../src/input/types.ts';
import { type SqlLoyaltyProgram, loyaltyTiersFromRows, tierTotals } from '../../src/sql.ts';
import type { SuiteEngine } from './equality-suite.ts';
import { DAY, HOUR, START, eventsOf, json, toRecords } from './ledgers.ts';

/** The report from the engine's rows. */
async function engineTiers(engine: SuiteEngine, table: string, program: SqlLoyaltyProgram): Promise<LoyaltyReport> {
  const options = { table: engine.table?.(table) ?? table, columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: engine.dialect, ...program };
  return loyaltyTiersFromRows(await engine.run(tierTotals(options)), options);
}

/** The report as plain data, with each tier's members (and those without a tier). */
function plain(report: LoyaltyReport) {
  return { report: json(report), members: [...report.tiers.map((t) => t.tier), null].map((tier) => report.members(tier)) };
}

/**
 * Records of three customers, many each, near local midnight and often tied, of 0, ±10, ±20 and ±30:
 * running totals meet the thresholds exactly, and windows hold several events.
 */
const tierRecordsArbitrary = fc
  .array(
    fc.record({
      customerId: fc.constantFrom('a', 'b', 'c'),
      day: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom(0, 30, 31, 90, 91, 92)),
      hour: fc.constantFrom(-1, 0, 4, 5, 22, 23),
      minute: fc.constantFrom(-1, 0, 59),
      tie: fc.boolean(),
      cents: fc.constantFrom(0, 1000, 2000, 3000, -1000, -2000),
    }),
    { minLength: 5, maxLength: 40, size: 'large' },
  )
  .map(toRecords);

const programArbitrary: fc.Arbitrary<SqlLoyaltyProgram> = fc.record({
  basis: fc.constantFrom('spend', 'orders', 'points'),
  thresholds: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 }),
  window: fc.constantFrom<NonNullable<SqlLoyaltyProgram['window']>>('lifetime', 'calendarYear', { rollingDays: 30 }, { rollingDays: 1 }, { rollingMonths: 3 }, { rollingMonths: 12 }),
  pointsPerUnit: fc.constantFrom(1, 0.1, 1.5, 0.07, 3),
  keepPreviousTier: fc.boolean(),
  asOfDay: fc.oneof(fc.integer({ min: 0, max: 430 }), fc.integer({ min: 100, max: 130 })),
  asOfHour: fc.constantFrom(-1, 0, 4, 22, 23),
  timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York'),
}).map(({ basis, thresholds, asOfDay, asOfHour, ...rest }) => {
  // Thresholds in the basis' unit: tens of major units of spend, points, orders; often reached exactly.
  const scale = basis === 'orders' ? 0.5 : basis === 'points' ? 2 : 10;
  const values = [...new Set(thresholds.map((t) => Math.round(t * scale)))].sort((a, b) => a - b);
  return { ...rest, basis, tiers: values.map((threshold, k) => ({ name: `T${k}`, threshold })), asOf: new Date(START + asOfDay * DAY + asOfHour * HOUR) };
});

/**
 * Define the tier tests for one engine. The table `cdnow` must hold `cdnow`'s events.
 *
 * @param engineOf - the engine, once started
 * @param cdnow - the CDNOW ledger (ids as text, as the table holds them) loaded as `cdnow`
 * @param options - `scale` of the property tests' runs (1: as written), and a `seed` to fix them
 */
export function tierTests(engineOf: () => SuiteEngine, cdnow: Ledger, options: { scale: number; seed?: number }): void {
  const runs = (numRuns: number) => ({ numRuns: Math.max(1, Math.round(numRuns * options.scale)), ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const tiers = [
    { name: 'Silver', threshold: 100 },
    { name: 'Gold', threshold: '500.00' },
    { name: 'Platinum', threshold: 1000 },
  ];

  test('the lifetime tiers of CDNOW equal loyaltyTiers, as of the last event', async () => {
    const report = await engineTiers(engineOf(), 'cdnow', { tiers, timeZone: cdnow.timeZone });
    expect(plain(report)).toEqual(plain(loyaltyTiers(cdnow, { tiers })));
  });

  test.each<LoyaltyTiersOptions & { name: string }>([
    { name: 'spend over 6 months, keeping the previous tier', tiers, window: { rollingMonths: 6 }, keepPreviousTier: true, asOf: '1997-12-31' },
    { name: 'orders in the calendar year', tiers: [{ name: 'Two', threshold: 2 }, { name: 'Five', threshold: 5 }], basis: 'orders', window: 'calendarYear', asOf: '1998-03-31' },
    {
      name: 'points over 90 days, keeping the previous tier',
      tiers: [{ name: 'Bronze', threshold: 10.5 }, { name: 'Silver', threshold: 60 }],
      basis: 'points',
      pointsPerUnit: 0.3,
      window: { rollingDays: 90 },
      keepPreviousTier: true,
      asOf: '1997-06-30T12:00:00Z',
    },
  ])('the tiers of CDNOW by $name equal loyaltyTiers', async ({ name: _, ...program }) => {
    const report = await engineTiers(engineOf(), 'cdnow', { ...program, timeZone: cdnow.timeZone });
    expect(plain(report)).toEqual(plain(loyaltyTiers(cdnow, program)));
  });

  test('on random ledgers, the tiers equal loyaltyTiers for every basis and window, with a 0 threshold and refunds', async () => {
    const engine = engineOf();
    await fc.assert(
      fc.asyncProperty(tierRecordsArbitrary, programArbitrary, async (records, program) => {
        const { timeZone, ...rest } = program;
        const book = ledger(records, { ...(timeZone === undefined ? {} : { timeZone }) });
        await engine.load('tiers', eventsOf(book));
        expect(plain(await engineTiers(engine, 'tiers', program))).toEqual(plain(loyaltyTiers(book, rest)));
      }),
      runs(60),
    );
  });
}
