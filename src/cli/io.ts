/**
 * What the command-line program reads and writes, as one object: the program itself never touches
 * `process`, so tests run it in-process with strings in and out.
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';

/** The program's input and output channels. */
export interface CliIo {
  /** Writes text to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error. */
  readonly stderr: (text: string) => void;
  /** Whether standard error is a terminal (then a progress line is shown while a file is read). */
  readonly stderrIsTTY: boolean;
  /** Reads all of standard input as UTF-8 text. */
  readonly readStdin: () => Promise<string>;
  /** Reads a UTF-8 text file (a saved model). */
  readonly readFile: (path: string) => Promise<string>;
  /** Writes a UTF-8 text file (a report, a table, a model). */
  readonly writeFile: (path: string, text: string) => Promise<void>;
  /** Milliseconds on a monotonic clock, for the read rate of the progress line. */
  readonly now: () => number;
}

/**
 * The channels of the running Node process.
 *
 * @returns standard output, error and input, the file system and `performance.now()`
 * @example
 * ```ts
 * import { mkdtempSync, rmSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { nodeIo } from './io.ts';
 * const dir = mkdtempSync(join(tmpdir(), 'io-'));
 * const io = nodeIo();
 * await io.writeFile(join(dir, 'report.json'), '{"customers":3}\n');
 * await io.readFile(join(dir, 'report.json')); // => '{"customers":3}\n'
 * rmSync(dir, { recursive: true });
 * ```
 */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    stderrIsTTY: process.stderr.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    now: () => performance.now(),
  };
}
