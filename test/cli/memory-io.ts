// The program's channels in memory, for running it in-process: what it prints and the files it writes
// are kept as strings; files it reads come from the map first, then from disk.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';

/** In-memory channels and what went through them. */
export interface MemoryIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  readonly written: Map<string, string>;
}

/** Channels with `stdin` as standard input; standard error is not a terminal unless `tty`. */
export function memoryIo(stdin = '', tty = false): MemoryIo {
  let out = '';
  let err = '';
  const written = new Map<string, string>();
  let clock = 0;
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    stderrIsTTY: tty,
    readStdin: async () => stdin,
    readFile: async (path) => written.get(path) ?? readFileSync(path, 'utf8'),
    writeFile: async (path, text) => {
      written.set(path, text);
    },
    // A clock that advances one second per reading: rates are deterministic.
    now: () => (clock += 1000),
    out: () => out,
    err: () => err,
    written,
  };
}

/** The outcome of one run. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly written: Map<string, string>;
}

/** Runs the program in-process. */
export async function runCli(argv: readonly string[], stdin = ''): Promise<RunResult> {
  const io = memoryIo(stdin);
  const code = await run(argv, io);
  return { code, stdout: io.out(), stderr: io.err(), written: io.written };
}

/** A new temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'retention-cli-'));
}

/** Writes a file into a directory and returns its path. */
export function writeTemp(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The shipped CDNOW master file. */
export const CDNOW = fileURLToPath(new URL('../../data/cdnow/CDNOW_master.txt', import.meta.url));
