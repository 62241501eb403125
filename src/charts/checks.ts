/**
 * Checks that a chart's first argument is the library result it charts, before any of it is read.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import type { CohortTable } from '../cohort/types.ts';

/**
 * @internal An object with the given array fields, or an error naming the argument.
 *
 * @param name - the argument's name, for the error
 * @param value - what the caller passed
 * @param producer - the function whose result it must be, for the message
 * @param arrays - fields that must be arrays
 * @throws {@link InvalidOptionError} when it is not
 */
export function expectResult(name: string, value: unknown, producer: string, arrays: readonly string[]): void {
  if (typeof value !== 'object' || value === null) throw new InvalidOptionError(name, value, `must be the result of ${producer}`);
  for (const field of arrays) {
    if (!Array.isArray((value as Record<string, unknown>)[field])) {
      throw new InvalidOptionError(name, value, `must be the result of ${producer} (its \`${field}\` is not an array)`);
    }
  }
}

/**
 * @internal A cohort table, or an error naming `table`.
 *
 * @param table - what the caller passed
 * @throws {@link InvalidOptionError} when it is not a table of `Cohort…table()`
 */
export function expectCohortTable(table: unknown): asserts table is CohortTable {
  expectResult('table', table, 'Cohort.from(…).table()', ['cohorts', 'average']);
}
