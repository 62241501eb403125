import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import { InvalidOptionError } from '../../src/errors.ts';

const orders = [
  { customerId: 'a', date: '2024-01-03T12:00:00Z', amount: 10 },
  { customerId: 'b', date: '2024-01-09T12:00:00Z', amount: 20 },
  { customerId: 'a', date: '2024-02-11T12:00:00Z', amount: 15 },
];
const subscriptions = [
  { customerId: 'a', start: '2024-01-03T12:00:00Z', end: '2024-02-11T12:00:00Z' },
  { customerId: 'b', start: '2024-01-09T12:00:00Z' },
];

/** A step of both builders, with a value it refuses and the option it names for that value. */
const misuses: [string, (b: Cohort | ReturnType<typeof Cohort.fromSubscriptions>) => unknown, string][] = [
  ['by', (b) => b.by('fortnight' as 'week'), 'by'],
  ['every', (b) => b.every({ day: 7 } as unknown as { days: number }), 'every.day'],
  ['timeZone', (b) => b.timeZone('Mars/Olympus_Mons'), 'timeZone'],
  ['weekStartsOn', (b) => b.weekStartsOn(7 as 0), 'weekStartsOn'],
];

describe('the calendar steps both cohort builders share', () => {
  const builders = [
    ['Cohort', () => Cohort.from(orders)],
    ['SubscriptionCohort', () => Cohort.fromSubscriptions(subscriptions)],
  ] as const;

  for (const [name, start] of builders) {
    test.each(misuses)(`${name}: .%s() refuses a bad value with an InvalidOptionError naming it`, (_, misuse, option) => {
      const error = (() => {
        try {
          misuse(start());
        } catch (thrown) {
          return thrown;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).message).toContain(option);
    });
  }

  test('a step returns a new builder of the same kind and leaves the one it is called on as it was', () => {
    const cohorts = Cohort.from(orders).asOf('2024-02-29T23:59:59Z');
    const weekly = cohorts.by('week');
    expect(weekly).toBeInstanceOf(Cohort);
    expect(cohorts.table().cohorts.map((c) => c.key)).toEqual(['2024-01']);
    expect(weekly.table().cohorts.map((c) => c.key)).toEqual(['2024-W01', '2024-W02']);

    const survival = Cohort.fromSubscriptions(subscriptions).asOf('2024-02-29T23:59:59Z');
    const weeklySurvival = survival.by('week');
    expect(weeklySurvival).toBeInstanceOf(survival.constructor);
    expect(survival.table().cohorts.map((c) => c.key)).toEqual(['2024-01']);
    expect(weeklySurvival.table().cohorts.map((c) => c.key)).toEqual(['2024-W01', '2024-W02']);
  });

  test('the same steps give both builders the same calendar: cohorts, zone and as-of', () => {
    const steps = <B extends { by(u: 'week'): B; timeZone(z: string): B; weekStartsOn(d: 0): B; asOf(d: string): B }>(b: B): B =>
      b.by('week').timeZone('Pacific/Auckland').weekStartsOn(0).asOf('2024-03-01');
    const cohortTable = steps(Cohort.from(orders)).table();
    const survivalTable = steps(Cohort.fromSubscriptions(subscriptions)).table();
    for (const field of ['by', 'every', 'timeZone'] as const) expect(survivalTable[field]).toEqual(cohortTable[field]);
    expect(survivalTable.asOf).toEqual(cohortTable.asOf);
    expect(survivalTable.cohorts.map((c) => [c.key, c.start])).toEqual(cohortTable.cohorts.map((c) => [c.key, c.start]));
  });
});
