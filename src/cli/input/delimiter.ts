/**
 * The delimiter of a delimited text file, told from its header line.
 *
 * @module
 */

/** What separates the fields of a delimited file: one character, or runs of white space. */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

/** The single-character delimiters looked for, in the order that breaks ties. */
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];

/**
 * @internal How a delimiter is written in messages, with the flag that passes it.
 *
 * @param delimiter - a delimiter character, or `'whitespace'`
 * @returns e.g. `";" (--delimiter ";")`
 */
export function delimiterName(delimiter: string): string {
  if (delimiter === '\t') return 'a tab (--delimiter tab)';
  if (delimiter === 'whitespace') return 'runs of spaces (--delimiter whitespace)';
  return `"${delimiter}" (--delimiter "${delimiter}")`;
}

/**
 * @internal The header: the text up to the first line break that is not inside double quotes.
 *
 * @param text - the start of a file
 * @returns its first record's text (all of `text` when no line break ends it yet)
 */
export function headerLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) return text.slice(0, i);
  }
  return text;
}

/** How often `delimiter` occurs in `line` outside double quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === delimiter) count++;
  }
  return count;
}

/**
 * The delimiter a file's header uses: the one of `,` tab `;` `|` that occurs most often outside quotes
 * (ties in that order); with none of them, runs of white space when the header has white space between
 * names (the CDNOW file); else `,` (a file of one column).
 *
 * @param header - the header line, without its line break (a leading byte-order mark is ignored)
 * @returns the delimiter
 * @throws never
 *
 * @example
 * ```ts
 * import { detectDelimiter } from './delimiter.ts';
 * detectDelimiter('customer_id;created_at;total'); // => ';'
 * detectDelimiter('customer_id date number_of_cds dollar_value'); // => 'whitespace'
 * detectDelimiter('"a,b"|c|d'); // => '|'
 * ```
 */
export function detectDelimiter(header: string): Delimiter {
  let best: Delimiter | null = null;
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = countOutsideQuotes(header, delimiter);
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  if (best !== null) return best;
  return /\S\s+\S/.test(header.replace(/^\uFEFF/, '').trim()) ? 'whitespace' : ',';
}

/**
 * The delimiter a one-column header seems to use instead of `used`, or `null`: the check that turns
 * "one column called `id;date;total`" into "the file seems to use `;`".
 *
 * @param columns - the header's names as split with `used`
 * @param used - the delimiter the file was split with
 * @returns the delimiter the header holds, or `null`
 */
export function otherDelimiter(columns: readonly string[], used: string): Delimiter | null {
  if (columns.length !== 1 || columns[0] === undefined) return null;
  const found = detectDelimiter(columns[0]);
  return found === used || (found === ',' && !columns[0].includes(',')) ? null : found;
}

/** Names a delimiter may be given by, besides the character itself. */
const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  whitespace: 'whitespace',
  space: 'whitespace',
  spaces: 'whitespace',
};

/**
 * A delimiter as the caller gave it, resolved: one character as is, `tab` (or `\t`), `comma`,
 * `semicolon`, `pipe`, or `whitespace` (`space`, `spaces`) for runs of white space.
 *
 * @param given - the caller's word
 * @returns the delimiter character, or `'whitespace'`; `null` when `given` is none of these
 *
 * @example
 * ```ts
 * import { resolveDelimiter } from './delimiter.ts';
 * resolveDelimiter('tab'); // => '\t'
 * resolveDelimiter(';'); // => ';'
 * resolveDelimiter('spaces'); // => 'whitespace'
 * resolveDelimiter('::'); // => null
 * ```
 */
export function resolveDelimiter(given: string): string | null {
  const named = DELIMITER_NAMES[given.toLowerCase()];
  if (named !== undefined) return named;
  return [...given].length === 1 && given !== '"' && given !== '\n' && given !== '\r' ? given : null;
}
