/**
 * Attributes of subscription records and events: the `attributes` option names them and says where a
 * record holds each (a property, or a function of the record); every interval keeps its values.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { explainAttributeValue } from '../input/attribute-dictionary.ts';
import type { Problems } from '../input/staged-events.ts';

/** The attribute readers: each name with its reader of a record. */
export interface AttributeReaders {
  readonly names: readonly string[];
  readonly read: readonly ((record: object, index: number) => unknown)[];
}

/** The name a breakdown reads the plan under; an attribute may not take it. */
export const PLAN = 'plan';

/**
 * @internal Read the `attributes` option.
 *
 * @param option - the option as given (`undefined`: none)
 * @returns the readers
 * @throws {@link InvalidOptionError} for something other than an object of property names and functions,
 *   or an attribute named `plan`
 */
export function attributeReaders(option: unknown): AttributeReaders {
  if (option === undefined) return { names: [], read: [] };
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    throw new InvalidOptionError('attributes', option, `${describeValue(option)} is not an object of attributes by name`);
  }
  const names = Object.keys(option);
  const read = names.map((name) => {
    const spec: unknown = (option as Record<string, unknown>)[name];
    if (name === PLAN) throw new InvalidOptionError('attributes.plan', spec, "is the records' own plan field: name the attribute otherwise");
    if (typeof spec === 'function') return spec as (record: object, index: number) => unknown;
    if (typeof spec === 'string') return (record: object) => (record as Record<string, unknown>)[spec];
    throw new InvalidOptionError(`attributes.${name}`, spec, 'must be a property name or a function (record, index) => value');
  });
  return { names, read };
}

/**
 * @internal One record's attribute values, or `null` when one was reported.
 *
 * @param readers - the readers
 * @param record - the record
 * @param index - its position
 * @param problems - where a value that is no string is reported
 * @returns the values by name (`null` for a missing value), frozen
 */
export function readAttributes(readers: AttributeReaders, record: object, index: number, problems: Problems): Readonly<Record<string, string | null>> | null {
  const values: Record<string, string | null> = {};
  for (let k = 0; k < readers.names.length; k++) {
    const name = readers.names[k] ?? '';
    const value = readers.read[k]?.(record, index);
    if (value !== undefined && value !== null && typeof value !== 'string') {
      problems.report(index, `attributes.${name}`, value, explainAttributeValue(value));
      return null;
    }
    // Defined, not assigned: a name such as `__proto__` is a property like any other.
    Object.defineProperty(values, name, { value: value ?? null, enumerable: true });
  }
  return Object.freeze(values);
}
