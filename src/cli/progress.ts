/**
 * The progress line shown on standard error while a file is read, when standard error is a terminal:
 * rows read and the rate, rewritten in place.
 *
 * @module
 */
import type { CliIo } from './io.ts';
import { formatCount } from './format.ts';

/** Reports reading progress; `done` clears the line. */
export interface Progress {
  /** Called by the reader with the rows and bytes read so far. */
  readonly update: (rowsRead: number, bytesRead: number) => void;
  /** Clears the progress line (a no-op when none was drawn). */
  readonly done: () => void;
}

/** Shortest time between two redraws, so the line does not flicker. */
const REDRAW_MS = 100;

/**
 * A progress line on the program's standard error, or one that does nothing when standard error is
 * not a terminal (a log file or a pipe gets no carriage returns).
 *
 * @param io - the program's channels (`stderrIsTTY`, `stderr`, `now`)
 * @param label - what is read, e.g. the file name
 * @returns the progress reporter
 * @example
 * ```ts
 * import { progressLine } from './progress.ts';
 * let written = '';
 * const io = { stderrIsTTY: true, stderr: (t: string) => { written += t; }, now: () => 2000 };
 * const p = progressLine(io, 'orders.csv', 0);
 * p.update(50000, 1);
 * written.includes('50,000 rows'); // => true
 * ```
 */
export function progressLine(io: Pick<CliIo, 'stderrIsTTY' | 'stderr' | 'now'>, label: string, startedAt = io.now()): Progress {
  if (!io.stderrIsTTY) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  let lastDraw = -Infinity;
  return {
    update(rowsRead) {
      const now = io.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const seconds = (now - startedAt) / 1000;
      const rate = seconds > 0 ? ` (${formatCount(rowsRead / seconds)} rows/s)` : '';
      io.stderr(`\r\x1b[2KReading ${label}: ${formatCount(rowsRead)} rows${rate}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr('\r\x1b[2K');
    },
  };
}
