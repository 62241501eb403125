/**
 * A table of customer attributes (`customers: [{ customerId, plan, region }]`), joined to a ledger's
 * accounts by id.
 *
 * @module
 */
import { InvalidInputError, InvalidOptionError, describeValue } from '../errors.ts';
import { AttributeDictionary, type AttributeColumn, allocateCodes, explainAttributeValue } from './attribute-dictionary.ts';
import { explainIdValue, withoutBigint } from './field-hints.ts';
import { isCustomerId } from './ids.ts';
import type { CustomerId } from './types.ts';

/** A row of a customer table: the customer's id and any string attributes (`null` where unknown). */
export interface CustomerRow {
  readonly customerId: CustomerId | bigint;
  readonly [attribute: string]: unknown;
}

/** @internal A read customer table: an id and a code per attribute for each row. */
export interface CustomerTable {
  /** The row of each id. */
  readonly rowOf: ReadonlyMap<CustomerId, number>;
  /** Each attribute's codes by row. */
  readonly columns: ReadonlyMap<string, AttributeColumn>;
}

/**
 * @internal Read a customer table: every own key of a row but `customerId` is an attribute (a row
 * without it has none).
 *
 * @param rows - the rows
 * @returns the table
 * @throws {@link InvalidOptionError} when `rows` is not an array or iterable
 * @throws {@link InvalidInputError} for a row that is no object, an id that is no id or appears twice,
 *   or a value that is not a string (source `customers`)
 */
export function readCustomerTable(rows: Iterable<CustomerRow>): CustomerTable {
  if (typeof rows !== 'object' || rows === null || typeof (rows as Iterable<CustomerRow>)[Symbol.iterator] !== 'function') {
    throw new InvalidOptionError('customers', rows, 'must be an array or an iterable of rows { customerId, …attributes }');
  }
  const list: readonly CustomerRow[] = Array.isArray(rows) ? rows : Array.from(rows);
  const rowOf = new Map<CustomerId, number>();
  const dictionaries = new Map<string, AttributeDictionary>();
  for (let r = 0; r < list.length; r++) {
    const row = list[r];
    if (typeof row !== 'object' || row === null) {
      throw new InvalidInputError(r, 'record', row, `${describeValue(row)} is not a row object { customerId, …attributes }`, 'customers');
    }
    const id = withoutBigint(row.customerId);
    if (!isCustomerId(id)) throw new InvalidInputError(r, 'customerId', row.customerId, explainIdValue(row.customerId), 'customers');
    const earlier = rowOf.get(id);
    if (earlier !== undefined) {
      throw new InvalidInputError(r, 'customerId', row.customerId, `${describeValue(id)} already has a row (customers[${earlier}]); a customer has one row`, 'customers');
    }
    rowOf.set(id, r);
    for (const name of Object.keys(row)) {
      if (name === 'customerId') continue;
      let dictionary = dictionaries.get(name);
      if (dictionary === undefined) {
        dictionary = new AttributeDictionary(list.length);
        dictionaries.set(name, dictionary);
      }
      const code = dictionary.codeOf(row[name]);
      if (code < 0) throw new InvalidInputError(r, `attributes.${name}`, row[name], explainAttributeValue(row[name]), 'customers');
      dictionary.set(r, code);
    }
  }
  const columns = new Map<string, AttributeColumn>();
  for (const [name, dictionary] of dictionaries) columns.set(name, dictionary.finish());
  return { rowOf, columns };
}

/**
 * @internal A customer table's attributes by account: account `a` takes the codes of the row of
 * `ids[a]`, or the missing value when the table has no such row.
 *
 * @param table - the table
 * @param ids - the accounts' ids
 * @returns the attributes by account, and how many of the table's rows matched an account
 */
export function joinCustomerTable(table: CustomerTable, ids: readonly CustomerId[]): { attributes: Map<string, AttributeColumn>; matched: number } {
  const rowOfAccount = new Int32Array(ids.length);
  let matched = 0;
  for (let a = 0; a < ids.length; a++) {
    const row = table.rowOf.get(ids[a]);
    rowOfAccount[a] = row ?? -1;
    if (row !== undefined) matched++;
  }
  const attributes = new Map<string, AttributeColumn>();
  for (const [name, column] of table.columns) {
    const codes = allocateCodes(ids.length, column.values.length);
    for (let a = 0; a < ids.length; a++) if (rowOfAccount[a] >= 0) codes[a] = column.codes[rowOfAccount[a]];
    attributes.set(name, { codes, values: column.values });
  }
  return { attributes, matched };
}
