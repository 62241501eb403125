// Type-check a consumer's code against the installed package's declarations: consumer-types.ts as an
// ESM module (`.ts` in a `"type": "module"` project) and as a CommonJS module (`.cts`), which resolve
// to dist/index.d.ts and dist/index.d.cts; with `skipLibCheck: false`, so the declarations themselves
// are checked; without Node's or the DOM's types, which a browser or Deno user may not have.
//
// A `// @ts-expect-error TS1234 reason` line must be followed by a misuse raising exactly that error:
// a copy of the file with the directives blanked (line numbers kept) must report, per directive, that
// code on the next line and no other error. Otherwise a misuse that fails for another reason, or that
// compiles because something is `any`, would pass unnoticed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIRECTIVE = /^\s*\/\/ @ts-expect-error (TS\d+)\b/;
const DIAGNOSTIC = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/;

/** The `TS` code each misuse must raise, by its 1-based line. */
function expectedErrors(source) {
  const expected = new Map();
  source.split('\n').forEach((line, i) => {
    if (/^\s*\/\/\s*@ts-expect-error/.test(line)) {
      const match = DIRECTIVE.exec(line);
      if (match === null) throw new Error(`consumer-types.ts:${i + 1}: write the expected code after @ts-expect-error (e.g. TS2322)`);
      expected.set(i + 2, match[1]);
    }
  });
  return expected;
}

/**
 * Write the consumer's files and tsconfig, run the consumer's own `tsc`, and compare its diagnostics
 * with the expectations.
 *
 * @param {{ consumer: string, source: string, typescript: string }} options - the consumer folder (the
 *   package and TypeScript installed), the consumer-types.ts path, the TypeScript version it must run
 */
export function checkConsumerTypes({ consumer, source, typescript }) {
  const text = readFileSync(source, 'utf8');
  const expected = expectedErrors(text);
  if (expected.size === 0) throw new Error('consumer-types.ts has no @ts-expect-error lines');
  const blanked = text
    .split('\n')
    .map((line) => (DIRECTIVE.test(line) ? '//' : line))
    .join('\n');
  const files = { 'esm.ts': text, 'cjs.cts': text, 'misuse-esm.ts': blanked, 'misuse-cjs.cts': blanked };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(consumer, name), content);
  const compilerOptions = {
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022'],
    types: [],
    strict: true,
    skipLibCheck: false,
    noEmit: true,
  };
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(files) }, null, 2));

  const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
  const version = execFileSync(process.execPath, [tsc, '--version'], { cwd: consumer, encoding: 'utf8' }).trim();
  if (version !== `Version ${typescript}`) throw new Error(`the consumer runs ${version}, not TypeScript ${typescript}`);
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: consumer, encoding: 'utf8' });
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
  const diagnostics = output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith(' '));

  const problems = [];
  const seen = { 'misuse-esm.ts': new Map(), 'misuse-cjs.cts': new Map() };
  for (const line of diagnostics) {
    const match = DIAGNOSTIC.exec(line);
    const file = match?.[1];
    if (match === null || file === undefined || !(file in seen)) {
      problems.push(`unexpected: ${line}`);
      continue;
    }
    const at = Number(match[2]);
    const codes = seen[file].get(at) ?? new Set();
    codes.add(match[3]);
    seen[file].set(at, codes);
  }
  for (const [file, found] of Object.entries(seen)) {
    for (const [at, code] of expected) {
      const codes = [...(found.get(at) ?? [])];
      if (codes.length !== 1 || codes[0] !== code) {
        problems.push(`${file}:${at}: expected only ${code}, got ${codes.length === 0 ? 'no error' : codes.join(', ')}`);
      }
    }
    for (const [at, codes] of found) {
      if (!expected.has(at)) problems.push(`${file}:${at}: unexpected ${[...codes].join(', ')}`);
    }
  }
  if (problems.length > 0) throw new Error(`consumer type-check:\n  ${problems.join('\n  ')}\n${output}`);
  process.stdout.write(`${version}: ${expected.size} misuses rejected with their expected codes, uses compile (ESM and CJS)\n`);
}
