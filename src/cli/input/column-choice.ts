/**
 * Which columns of a file hold the customer, the date, the amount and the order id: the names given
 * by flags, checked, and the others guessed from common names.
 *
 * @module
 */
import { closestName } from '../../closest-name.ts';
import { CliInputError } from './cli-input-error.ts';

/** The columns a file's orders are read from. */
export interface ColumnChoice {
  /** The customer's id (or e-mail). */
  customer: string;
  /** The order's date or date-time. */
  date: string;
  /** The order's amount, or `null` when the file has none (every order then counts, worth nothing). */
  amount: string | null;
  /** The order's id, or `null` when the file has none (every row is then an order). */
  orderId: string | null;
}

/** How messages and the report name each column's role. */
export const COLUMN_ROLE_NAMES: Readonly<Record<keyof ColumnChoice, string>> = { customer: 'customer', date: 'date', amount: 'amount', orderId: 'order id' };

/** The flag that names each column on the command line. */
export const COLUMN_FLAGS: Readonly<Record<keyof ColumnChoice, string>> = {
  customer: '--customer',
  date: '--date',
  amount: '--amount',
  orderId: '--order-id',
};

/**
 * Common names of each column, most telling first, compared without case and without `_`, `-`, `.` or
 * spaces (`Customer ID` matches `customer_id`).
 */
const COMMON_NAMES: Readonly<Record<keyof ColumnChoice, readonly string[]>> = {
  customer: [
    'customer_id', 'customer', 'customer_key', 'customer_number', 'customer_email', 'user_id', 'user', 'client_id',
    'client', 'buyer_id', 'account_id', 'member_id', 'shopper_id', 'contact_id', 'email', 'email_address',
  ],
  date: [
    'created_at', 'order_date', 'ordered_at', 'order_created_at', 'purchase_date', 'purchased_at',
    'transaction_date', 'invoice_date', 'processed_at', 'placed_at', 'date', 'order_time', 'datetime',
    'timestamp', 'created', 'time',
  ],
  amount: [
    'total', 'amount', 'revenue', 'order_total', 'total_price', 'total_amount', 'order_amount', 'order_value',
    'grand_total', 'net_total', 'subtotal', 'sales', 'dollar_value', 'value', 'price',
  ],
  orderId: ['order_id', 'order_number', 'order_no', 'order', 'transaction_id', 'invoice_id', 'invoice_no', 'invoice', 'id', 'name'],
};

/** A column name without case and separators, as names are compared. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** The column a common name finds among `columns`, or `null`; `taken` columns are not offered twice. */
function guess(role: keyof ColumnChoice, columns: readonly string[], taken: ReadonlySet<string>): string | null {
  const bySquashed = new Map<string, string>();
  for (const column of columns) {
    const key = squash(column);
    if (!taken.has(column) && !bySquashed.has(key)) bySquashed.set(key, column);
  }
  for (const name of COMMON_NAMES[role]) {
    const found = bySquashed.get(squash(name));
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * @internal A list of names for a message: `"a", "b", "c"`, cut after 20.
 *
 * @param columns - the names
 * @returns the quoted names, joined by commas
 */
export function listColumns(columns: readonly string[]): string {
  const shown = columns.slice(0, 20).map((c) => JSON.stringify(c)).join(', ');
  return columns.length > 20 ? `${shown} and ${columns.length - 20} more` : shown;
}

/** The column named by a flag, checked against the file's columns. */
function named(file: string, role: keyof ColumnChoice, name: string, columns: readonly string[]): string {
  if (columns.includes(name)) return name;
  const close = closestName(name, columns);
  const fix = close === undefined
    ? `Pass ${COLUMN_FLAGS[role]} with one of the columns.`
    : `Did you mean ${JSON.stringify(close)}? Pass ${COLUMN_FLAGS[role]} ${close}.`;
  throw new CliInputError({
    file,
    column: name,
    reason: `there is no column ${JSON.stringify(name)} (the columns are ${listColumns(columns)})`,
    fix,
  });
}

/** The chosen columns and which of them were guessed. */
export interface ChosenColumns {
  /** The columns used. */
  columns: ColumnChoice;
  /** The roles whose column was guessed rather than named. */
  guessed: Array<keyof ColumnChoice>;
}

/**
 * The columns to read orders from: each named one checked (a missing name is an error naming the
 * closest column), the others guessed from common names. The customer and the date are required; the
 * amount and the order id are `null` when neither named nor found.
 *
 * @param file - the file, for messages
 * @param columns - the file's columns, in order
 * @param given - the names given by flags
 * @returns the columns and the roles that were guessed
 * @throws {@link CliInputError} for a named column the file lacks, or when no customer or date column is found
 *
 * @example
 * ```ts
 * import { chooseColumns } from './column-choice.ts';
 * const chosen = chooseColumns('orders.csv', ['Order ID', 'Customer Email', 'Created At', 'Total Price'], {});
 * chosen.columns; // => { customer: 'Customer Email', date: 'Created At', amount: 'Total Price', orderId: 'Order ID' }
 * chosen.guessed; // => ['customer', 'date', 'amount', 'orderId']
 * ```
 */
export function chooseColumns(file: string, columns: readonly string[], given: Partial<ColumnChoice>): ChosenColumns {
  const guessed: Array<keyof ColumnChoice> = [];
  const taken = new Set<string>();
  const pick = (role: keyof ColumnChoice): string | null => {
    const name = given[role];
    if (typeof name === 'string') {
      taken.add(name);
      return named(file, role, name, columns);
    }
    return null;
  };
  const customerGiven = pick('customer');
  const dateGiven = pick('date');
  const amountGiven = pick('amount');
  const orderIdGiven = pick('orderId');
  const choose = (role: keyof ColumnChoice, given: string | null): string | null => {
    if (given !== null) return given;
    const found = guess(role, columns, taken);
    if (found !== null) {
      taken.add(found);
      guessed.push(role);
    }
    return found;
  };
  const customer = choose('customer', customerGiven);
  const date = choose('date', dateGiven);
  const amount = choose('amount', amountGiven);
  const orderId = choose('orderId', orderIdGiven);
  if (customer === null) throw notFound(file, 'customer', 'the customer', columns);
  if (date === null) throw notFound(file, 'date', 'the order date', columns);
  return { columns: { customer, date, amount, orderId }, guessed };
}

function notFound(file: string, role: keyof ColumnChoice, what: string, columns: readonly string[]): CliInputError {
  return new CliInputError({
    file,
    reason: `no column looks like ${what} (the columns are ${listColumns(columns)})`,
    fix: `Pass ${COLUMN_FLAGS[role]} <column> to name it.`,
  });
}
