#!/usr/bin/env node
/**
 * The `retention-metrics` command (package.json `bin`): runs the program on the process's arguments
 * and channels and sets the exit code.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { nodeIo } from './cli/io.ts';
import { missingDependency, missingDependencyMessage } from './cli/missing-dependency.ts';

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

// The program is loaded here rather than imported above, so that an install without the command's
// optional dependencies gets a message naming them instead of Node's stack trace.
let program: typeof import('./cli/run.ts') | undefined;
try {
  program = await import('./cli/run.ts');
} catch (error) {
  const missing = missingDependency(error);
  if (missing === null) throw error;
  process.stderr.write(missingDependencyMessage(missing));
  process.exitCode = 1;
}
if (program !== undefined) process.exitCode = await program.run(process.argv.slice(2), nodeIo(), { version: packageVersion() });
