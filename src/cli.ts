#!/usr/bin/env node
/**
 * The `retention-metrics` command (package.json `bin`): runs the program on the process's arguments
 * and channels and sets the exit code.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { nodeIo } from './cli/io.ts';
import { run } from './cli/run.ts';

/** The package's version, from the package.json next to the source or the build. */
function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
    const parsed: unknown = JSON.parse(text);
    const version = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown }).version : undefined;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

// A reader that stops early (`retention-metrics report orders.csv | head`) closes the pipe: that ends
// the program quietly, as it does for other command-line tools.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), nodeIo(), { version: packageVersion() });
