/**
 * The error for a value a report or table does not have — a value of an attribute, a segment, a tier, a
 * cohort — naming the argument, the closest value and the values there are.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { didYouMean } from '../option-keys.ts';

/** The values a message lists at most; a longer list ends with how many there are. */
const LISTED = 12;

/**
 * @internal The error for a value that is none of the known ones: `"Ads" is not a value of \`channel\`
 * (did you mean \`ads\`?); its values are "ads", "email", null`.
 *
 * @param option - the argument, as the error names it (`'value'`, `'segment'`, …)
 * @param given - what the caller passed
 * @param noun - what a known value is (`'value'`, `'segment'`, `'cohort key'`)
 * @param owner - what the values belong to (`` '`channel`' ``, `'the report'`)
 * @param known - the values there are, in the order to list them (`null`: the missing value, or none)
 * @returns the error to throw
 */
export function unknownValueError(option: string, given: unknown, noun: string, owner: string, known: readonly (string | null)[]): InvalidOptionError {
  const hint = typeof given === 'string' ? didYouMean(given, known.filter((v): v is string => v !== null)) : '';
  const shown = known.slice(0, LISTED).map(describeValue).join(', ');
  const listed = known.length === 0 ? `it has no ${noun}s` : `its ${noun}s are ${known.length > LISTED ? `${shown}, … (${known.length} in all)` : shown}`;
  return new InvalidOptionError(option, given, `${describeValue(given)} is not a ${noun} of ${owner}${hint}; ${listed}`);
}
