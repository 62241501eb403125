/**
 * A file's bytes as UTF-8 text. A byte that UTF-8 does not allow (a file saved as Latin-1 or
 * Windows-1252, say) is an error naming its line: decoded leniently it would become U+FFFD, and two
 * customer ids that differ only in such a byte would silently become one customer.
 *
 * @module
 */
import { CliInputError } from './cli-input-error.ts';

/** @internal Counts line breaks across chunks: LF, CRLF (once, even when split between chunks) and a lone CR. */
export class LineCounter {
  /** The breaks counted so far. */
  breaks = 0;
  private carriageReturn = false;

  /** Count the breaks of the next piece of text. */
  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (!this.carriageReturn) this.breaks++;
        this.carriageReturn = false;
      } else if (c === 13) {
        this.breaks++;
        this.carriageReturn = true;
      } else {
        this.carriageReturn = false;
      }
    }
  }
}

/**
 * The text of a byte stream, decoded as UTF-8 across chunk boundaries. A byte-order mark is kept (the
 * readers drop it where they read the header).
 *
 * @param file - the file, for messages
 * @param stream - its (decompressed) bytes
 * @returns the text, chunk by chunk
 * @throws {@link CliInputError} at the first byte sequence that is not UTF-8, naming its line
 * @example
 * ```ts
 * import { utf8Text } from './utf8-text.ts';
 * const bytes = [Buffer.from('customer,date\nJos'), Buffer.from([0xe9]), Buffer.from(',2024-01-01\n')];
 * let message = '';
 * try {
 *   for await (const text of utf8Text('orders.csv', bytes)) void text;
 * } catch (error) {
 *   message = (error as Error).message;
 * }
 * message.startsWith('orders.csv line 2: the file is not UTF-8 text'); // => true
 * ```
 */
export async function* utf8Text(file: string, stream: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lines = new LineCounter();
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch (error) {
      throw notUtf8(file, lines, bytes, error);
    }
    lines.add(text);
    if (text !== '') yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch (error) {
    throw notUtf8(file, lines, new Uint8Array(0), error);
  }
  if (rest !== '') yield rest;
}

/**
 * The error for a chunk at which decoding failed, at the line of the first bad sequence: in the chunk
 * where it is there, else at its start (the sequence began with bytes the previous chunk ended with).
 */
function notUtf8(file: string, lines: LineCounter, bytes: Uint8Array, cause: unknown): CliInputError {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  if (bad > 0) lines.add(lenient.slice(0, bad));
  return new CliInputError(
    {
      file,
      line: lines.breaks + 1,
      reason: 'the file is not UTF-8 text (it holds a byte that UTF-8 does not allow, as a file saved as Latin-1 or Windows-1252 does)',
      fix: 'Save it as UTF-8 (in a spreadsheet: "CSV UTF-8"), or convert it, e.g. iconv -f windows-1252 -t utf-8 orders.csv > orders-utf8.csv.',
    },
    { cause },
  );
}
