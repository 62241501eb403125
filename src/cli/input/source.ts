/**
 * Opening an input file: a readable stream of its (decompressed) bytes, with a count of the bytes read
 * from disk and the file system's errors turned into {@link CliInputError}s.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Readable, Transform, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CliInputError } from './cli-input-error.ts';

/** An opened file: its content stream and a live count of the bytes read from disk. */
export interface OpenedFile {
  /** The file's bytes, gunzipped when its name ends in `.gz`. */
  stream: Readable;
  /** Bytes read from disk so far (compressed bytes for a `.gz` file). */
  bytesRead(): number;
}

/**
 * @internal Whether a path names a gzip-compressed file (`.gz`).
 *
 * @param path - the path
 * @returns `true` for a `.gz` name
 */
export function isGzip(path: string): boolean {
  return /\.gz$/i.test(path);
}

/**
 * @internal A file system (or gunzip) error as a {@link CliInputError}: `ENOENT` → "there is no such file".
 *
 * @param file - the file, for the message
 * @param error - the error caught
 * @returns the error to throw
 */
export function fileError(file: string, error: unknown): CliInputError {
  if (error instanceof CliInputError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'ENOENT') {
    return new CliInputError({ file, reason: 'there is no such file', fix: 'Check the path (it is read relative to the current directory).' }, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new CliInputError({ file, reason: 'the file may not be read', fix: 'Check its permissions.' }, { cause: error });
  }
  if (code === 'EISDIR') {
    return new CliInputError({ file, reason: 'this is a directory', fix: 'Name a file of orders.' }, { cause: error });
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
    return new CliInputError({ file, reason: 'the file is not valid gzip', fix: 'Decompress it or name it without .gz.' }, { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new CliInputError({ file, reason: `the file cannot be read (${reason})`, fix: 'Check the path and the file.' }, { cause: error });
}

/**
 * Open a file for reading, after checking that it exists and is a file (so a missing file is a clear
 * error before any parser starts).
 *
 * @param file - the path
 * @returns the stream and the byte count
 * @throws {@link CliInputError} when the file is missing, a directory or unreadable
 */
export async function openFile(file: string): Promise<OpenedFile> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw fileError(file, error);
  }
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  // An error in any stage destroys the last one with it, where the reader sees it.
  const ignore = (): void => {};
  const stream = isGzip(file)
    ? pipeline(createReadStream(file), counter, createGunzip(), ignore)
    : pipeline(createReadStream(file), counter, ignore);
  return { stream, bytesRead: () => bytes };
}
