/**
 * The flags every command that reads an orders file shares (`--customer`, `--date`, `--time-zone`, …),
 * their parsing, and the settings they resolve to.
 *
 * @module
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ColumnChoice } from './input/read-orders.ts';

/** The calendar periods a report can be cut in. */
export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
/** A calendar period of the reports. */
export type ReportPeriod = (typeof PERIODS)[number];

/** The file formats the reader knows. */
export const FORMATS = ['csv', 'parquet', 'ndjson'] as const;
/** A file format. */
export type FileFormat = (typeof FORMATS)[number];

/** What the input flags resolve to. */
export interface InputSettings {
  /** The orders file. */
  readonly path: string;
  /** Columns named by flags (the others are guessed). */
  readonly columns: Partial<ColumnChoice>;
  /** IANA time zone the dates are wall-clock times in, and the reports' calendar runs in. */
  readonly timeZone: string;
  /** Calendar period of the per-period reports. */
  readonly period: ReportPeriod;
  /** Last day observed (`YYYY-MM-DD`, its whole day counts), or `null` for the day of the last order. */
  readonly asOfDay: string | null;
  /** Field delimiter, or `null` to detect it. */
  readonly delimiter: string | null;
  /** File format, or `null` to take it from the extension. */
  readonly format: FileFormat | null;
}

/** The flags as commander hands them over (every one optional). */
interface InputFlags {
  customer?: string;
  date?: string;
  amount?: string;
  orderId?: string;
  timeZone: string;
  period: ReportPeriod;
  asOf?: string;
  delimiter?: string;
  format?: FileFormat;
}

/**
 * Reads an IANA time zone name.
 *
 * @param value - the flag's value
 * @returns the name
 * @throws InvalidArgumentError (commander's, a usage error) for a name the runtime does not know
 * @example
 * ```ts
 * import { parseTimeZone } from './input-flags.ts';
 * parseTimeZone('Europe/Berlin'); // => 'Europe/Berlin'
 * ```
 */
export function parseTimeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw new InvalidArgumentError(`"${value}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC).`);
  }
  return value;
}

/**
 * Reads a calendar day `YYYY-MM-DD`.
 *
 * @param value - the flag's value
 * @returns the day as given
 * @throws InvalidArgumentError for anything else, or a day that does not exist
 * @example
 * ```ts
 * import { parseDay } from './input-flags.ts';
 * parseDay('2024-02-29'); // => '2024-02-29'
 * ```
 */
export function parseDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date === null || date.toISOString().slice(0, 10) !== value) throw new InvalidArgumentError(`"${value}" is not a day written YYYY-MM-DD (e.g. 2024-06-30).`);
  return value;
}

/**
 * Reads a field delimiter: one character, `tab` / `\t`, or `whitespace` (runs of spaces).
 *
 * @param value - the flag's value
 * @returns the delimiter character
 * @throws InvalidArgumentError for an empty or longer value
 * @example
 * ```ts
 * import { parseDelimiter } from './input-flags.ts';
 * parseDelimiter('tab'); // => '\t'
 * ```
 */
export function parseDelimiter(value: string): string {
  if (value === 'tab' || value === '\\t') return '\t';
  if (value === 'whitespace' || value === 'space') return 'whitespace';
  if (value.length !== 1) throw new InvalidArgumentError(`"${value}" is not one character (use , ; | tab or whitespace).`);
  return value;
}

/**
 * Adds the input flags to a command that reads an orders file.
 *
 * @param command - the command (its first argument is the file)
 * @returns the same command
 * @example
 * ```ts
 * import { Command } from 'commander';
 * import { withInputFlags } from './input-flags.ts';
 * const command = withInputFlags(new Command('x')).parse(['--period', 'week', '--as-of', '2024-06-30'], { from: 'user' });
 * command.opts(); // => { timeZone: 'UTC', period: 'week', asOf: '2024-06-30' }
 * ```
 */
export function withInputFlags(command: Command): Command {
  return command
    .option('--customer <column>', 'column holding the customer id (default: guessed)')
    .option('--date <column>', 'column holding the order date (default: guessed)')
    .option('--amount <column>', 'column holding the order amount (default: guessed)')
    .option('--order-id <column>', 'column holding the order id; rows sharing one are one order (default: guessed, or none)')
    .option('--time-zone <zone>', 'IANA time zone of the dates and of the report calendar', parseTimeZone, 'UTC')
    .addOption(new Option('--period <period>', 'calendar period of the per-period tables').choices(PERIODS).default('month'))
    .option('--as-of <day>', 'last day observed, YYYY-MM-DD, its orders included (default: the day of the last order)', parseDay)
    .option('--delimiter <char>', 'field delimiter of a text file: , ; | tab or whitespace (default: detected)', parseDelimiter)
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(FORMATS));
}

/**
 * The settings of a command's input flags.
 *
 * @param path - the file argument
 * @param command - the command after parsing
 * @returns the resolved settings
 * @example
 * ```ts
 * import { Command } from 'commander';
 * import { inputSettings, withInputFlags } from './input-flags.ts';
 * const command = withInputFlags(new Command('x').argument('<file>')).action(() => undefined);
 * command.parse(['orders.csv', '--customer', 'email', '--period', 'week'], { from: 'user' });
 * inputSettings('orders.csv', command).columns; // => { customer: 'email' }
 * ```
 */
export function inputSettings(path: string, command: Command): InputSettings {
  const flags = command.opts<InputFlags>();
  const columns: Partial<ColumnChoice> = {};
  if (flags.customer !== undefined) columns.customer = flags.customer;
  if (flags.date !== undefined) columns.date = flags.date;
  if (flags.amount !== undefined) columns.amount = flags.amount;
  if (flags.orderId !== undefined) columns.orderId = flags.orderId;
  return {
    path,
    columns,
    timeZone: flags.timeZone,
    period: flags.period,
    asOfDay: flags.asOf ?? null,
    delimiter: flags.delimiter ?? null,
    format: flags.format ?? null,
  };
}
