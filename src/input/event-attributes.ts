/**
 * Reading the attributes of events: from records through the `attributes` field map of
 * `ledger(records)`, or from the attribute columns of `ledger.fromColumns` (plain strings, or codes
 * with a dictionary as Arrow and DuckDB hand them over).
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { AttributeDictionary, type AttributeColumn, explainAttributeValue } from './attribute-dictionary.ts';
import type { FieldReader } from './record-fields.ts';
import type { Problems } from './staged-events.ts';

/**
 * The `attributes` option of `ledger(records)`: each attribute's name, and where a record holds its
 * value (a property name, or a function of the record and its index).
 */
export type AttributeFields<R> = Readonly<Record<string, FieldReader<R>>>;

/**
 * An attribute column of `ledger.fromColumns`: a value per entry (strings, `null` or `undefined` where
 * an entry has none), or codes into a dictionary of values — Arrow's dictionary columns and DuckDB's
 * `ENUM`s — where a code of `null`, `undefined` or −1 is a missing value (codes may be `bigint`s, as in a
 * `BigInt64Array`).
 */
export type AttributeColumnInput =
  | ArrayLike<string | null | undefined>
  | { readonly codes: ArrayLike<number | bigint | null | undefined>; readonly values: ArrayLike<string | null> };

/** @internal An attribute as staged: its name and its codes by staged event. */
export interface StagedAttribute {
  readonly name: string;
  readonly column: AttributeColumn;
}

/** How one attribute's code is read from an entry: −1 for a value that is no attribute value. */
interface AttributeSource {
  readonly name: string;
  readonly dictionary: AttributeDictionary;
  code(record: object, index: number): number;
  given(record: object, index: number): unknown;
  explain(value: unknown): string;
}

/**
 * @internal The attributes of the events being staged: each entry's codes are read before the entry
 * is staged (an entry with a bad value is refused like any other), then stored under its event.
 */
export class EventAttributes {
  readonly #sources: readonly AttributeSource[];
  readonly #pending: Uint32Array;

  private constructor(sources: readonly AttributeSource[]) {
    this.#sources = sources;
    this.#pending = new Uint32Array(sources.length);
  }

  /**
   * @param fields - the `attributes` option of `ledger(records)`
   * @param capacity - the number of records
   * @returns the attributes' readers, or `null` when there is none
   * @throws {@link InvalidOptionError} when `fields` is not an object of property names and functions
   */
  static forRecords<R>(fields: AttributeFields<R> | undefined, capacity: number): EventAttributes | null {
    const names = attributeNames(fields, 'attributes');
    if (names.length === 0) return null;
    const map = fields as Readonly<Record<string, unknown>>;
    return new EventAttributes(
      names.map((name) => {
        const spec = map[name];
        if (typeof spec !== 'string' && typeof spec !== 'function') {
          throw new InvalidOptionError(`attributes.${name}`, spec, 'must be a property name or a function (record, index) => value');
        }
        const read = typeof spec === 'function' ? (spec as (record: object, index: number) => unknown) : (record: object) => (record as Record<string, unknown>)[spec];
        const dictionary = new AttributeDictionary(capacity);
        return { name, dictionary, code: (record, index) => dictionary.codeOf(read(record, index)), given: read, explain: explainAttributeValue };
      }),
    );
  }

  /**
   * @param columns - the `attributes` of `ledger.fromColumns`
   * @param length - the length of the other columns
   * @returns the attributes' readers, or `null` when there is none
   * @throws {@link InvalidOptionError} when a column is not a column, or its length differs
   */
  static forColumns(columns: Readonly<Record<string, AttributeColumnInput>> | undefined, length: number): EventAttributes | null {
    const names = attributeNames(columns, 'columns.attributes');
    if (names.length === 0) return null;
    const map = columns as Readonly<Record<string, unknown>>;
    return new EventAttributes(names.map((name) => columnSource(name, map[name], length)));
  }

  /**
   * Read an entry's attribute codes (reporting the first value that is not a string).
   *
   * @param record - the record (unused by columns)
   * @param index - the entry's position
   * @param problems - where a bad value is reported
   * @returns whether every value was read
   */
  read(record: object, index: number, problems: Problems): boolean {
    const sources = this.#sources;
    for (let s = 0; s < sources.length; s++) {
      const code = sources[s].code(record, index);
      if (code < 0) {
        const value = sources[s].given(record, index);
        problems.report(index, `attributes.${sources[s].name}`, value, sources[s].explain(value));
        return false;
      }
      this.#pending[s] = code;
    }
    return true;
  }

  /**
   * Store the codes last read as staged event `k`'s.
   *
   * @param k - the staged event
   */
  store(k: number): void {
    const sources = this.#sources;
    for (let s = 0; s < sources.length; s++) sources[s].dictionary.set(k, this.#pending[s]);
  }

  /** @returns the staged attributes */
  finish(): StagedAttribute[] {
    return this.#sources.map((source) => ({ name: source.name, column: source.dictionary.finish() }));
  }
}

/** The names of an attributes object (its own keys), checked to be an object. */
function attributeNames(value: unknown, option: string): string[] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError(option, value, `${describeValue(value)} is not an object of attributes by name`);
  }
  return Object.keys(value);
}

/** The reader of one attribute column: values as given, or codes looked up in the column's dictionary. */
function columnSource(name: string, column: unknown, length: number): AttributeSource {
  const option = `columns.attributes.${name}`;
  const dictionary = new AttributeDictionary(length);
  if (isArrayLike(column)) {
    checkLength(option, column, length);
    return { name, dictionary, code: (_, i) => dictionary.codeOf(column[i]), given: (_, i) => column[i], explain: explainAttributeValue };
  }
  const { codes, values } = (column ?? {}) as { codes?: unknown; values?: unknown };
  if (!isArrayLike(codes) || !isArrayLike(values)) {
    throw new InvalidOptionError(option, column, 'must be a column of strings, or { codes, values }: codes into a dictionary of values');
  }
  checkLength(`${option}.codes`, codes, length);
  // The code of each input code, found on first use: −2 while unknown.
  const mapped = new Int32Array(values.length).fill(-2);
  const code = (_: object, i: number): number => {
    // A `BigInt64Array` of codes (Arrow's int64 dictionary indices) reads as the numbers it holds.
    const given = typeof codes[i] === 'bigint' ? Number(codes[i]) : codes[i];
    if (given === null || given === undefined || given === -1) return 0;
    if (typeof given !== 'number' || !Number.isInteger(given) || given < 0 || given >= values.length) return -1;
    if (mapped[given] === -2) mapped[given] = dictionary.codeOf(values[given]);
    return mapped[given];
  };
  const explain = (given: unknown): string =>
    typeof given === 'number' && Number.isInteger(given) && given >= 0 && given < values.length
      ? `code ${given} stands for ${explainAttributeValue(values[given])}`
      : `${describeValue(given)} is not a code of the dictionary's ${values.length} values (0 to ${values.length - 1}, or −1 or null for none)`;
  return { name, dictionary, code, given: (_, i) => codes[i], explain };
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function checkLength(option: string, column: ArrayLike<unknown>, length: number): void {
  if (column.length !== length) throw new InvalidOptionError(option, column, `has ${column.length} entries but customerId has ${length}`);
}
