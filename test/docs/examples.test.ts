// Runs every example the project shows a user: the `@example` blocks of the TSDoc in src/, the ```ts
// blocks of the guides in docs/ and of README.md. A statement followed by `// => value` is asserted:
// the value must deep-equal the literal; a numeric literal written with d decimals means "equals this
// when rounded to d decimals". Blocks fenced as ```ts ignore are shown but not run. Imports of the package
// (`retention-metrics`, `retention-metrics/calendar`, `retention-metrics/sql`,
// `retention-metrics/charts`) are pointed at their entry in src/; an example in a
// src/ module that shows an internal function imports it by a path relative to that module.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The source entry of each public import path of the package. */
const ENTRIES: Readonly<Record<string, string>> = {
  'retention-metrics': join(root, 'src', 'index.ts'),
  'retention-metrics/calendar': join(root, 'src', 'calendar.ts'),
  'retention-metrics/sql': join(root, 'src', 'sql.ts'),
  'retention-metrics/charts': join(root, 'src', 'charts.ts'),
};
const scratch = join(root, '.tmp', 'examples');

interface Example {
  file: string;
  line: number;
  code: string;
}

function walk(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entryName of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entryName.name);
    if (entryName.isDirectory()) {
      if (entryName.name !== 'api') out.push(...walk(path, suffix));
    } else if (entryName.name.endsWith(suffix)) out.push(path);
  }
  return out.sort();
}

const FENCE = /^```ts[ \t]*$\n([\s\S]*?)^```[ \t]*$/gm;

function blocks(text: string, file: string, strip: (line: string) => string): Example[] {
  const found: Example[] = [];
  const lines = text.split('\n').map(strip).join('\n');
  for (const match of lines.matchAll(FENCE)) {
    const line = lines.slice(0, match.index).split('\n').length + 1;
    found.push({ file: relative(root, file), line, code: match[1] ?? '' });
  }
  return found;
}

function collect(): Example[] {
  const examples: Example[] = [];
  for (const file of walk(join(root, 'src'), '.ts')) {
    const text = readFileSync(file, 'utf8');
    for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const body = comment[0];
      const at = body.indexOf('@example');
      if (at < 0) continue;
      const offset = text.slice(0, (comment.index ?? 0) + at).split('\n').length - 1;
      for (const example of blocks(body.slice(at), file, (l) => l.replace(/^\s*\* ?/, ''))) {
        examples.push({ ...example, line: example.line + offset });
      }
    }
  }
  for (const file of [join(root, 'README.md'), ...walk(join(root, 'docs'), '.md')]) {
    examples.push(...blocks(readFileSync(file, 'utf8'), file, (l) => l));
  }
  return examples;
}

/**
 * The file an example's import names: a package entry, or (in a src/ module's TSDoc only) a path
 * relative to that module; `undefined` for anything else (node: modules, other packages).
 */
function importedFile(specifier: string, example: Example): string | undefined {
  const entry = ENTRIES[specifier];
  if (entry !== undefined) return entry;
  if (specifier.startsWith('.') && example.file.startsWith('src/')) return join(root, dirname(example.file), specifier);
  return undefined;
}

/** Rewrite `expr; // => literal` statements into assertions and the package imports into src/. */
function instrument(example: Example): string {
  const code = example.code;
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (statements: ts.NodeArray<ts.Statement>): void => {
    for (const statement of statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const target = importedFile(statement.moduleSpecifier.text, example);
        if (target !== undefined) {
          const spec = statement.moduleSpecifier;
          edits.push({ start: spec.getStart(), end: spec.getEnd(), text: JSON.stringify(pathToFileURL(target).href) });
        }
        continue;
      }
      if (ts.isBlock(statement)) visit(statement.statements);
      if (!ts.isExpressionStatement(statement)) continue;
      const comments = ts.getTrailingCommentRanges(code, statement.getEnd()) ?? [];
      const comment = comments.find((c) => code.slice(c.pos, c.end).startsWith('// =>'));
      if (comment === undefined) continue;
      const literal = code.slice(comment.pos + 5, comment.end).trim();
      const expression = statement.expression.getText();
      edits.push({
        start: statement.getStart(),
        end: statement.getEnd(),
        text: `__expectExample((${expression}), (${literal}), ${JSON.stringify(literal)});`,
      });
    }
  };
  visit(source.statements);
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

function expectExample(actual: unknown, expected: unknown, literal: string): void {
  const decimals = /^-?\d+(?:\.(\d+))?$/.exec(literal);
  if (decimals !== null && typeof actual === 'number') {
    const d = decimals[1]?.length ?? 0;
    const tolerance = 0.5 * 10 ** -d + 1e-12 * Math.abs(actual);
    expect(Math.abs(actual - (expected as number)), `${actual} rounds to ${literal}`).toBeLessThanOrEqual(tolerance);
    return;
  }
  expect(actual).toStrictEqual(expected);
}

(globalThis as { __expectExample?: typeof expectExample }).__expectExample = expectExample;

const examples = collect();
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Type-check every example as written (the package import pointed at src/) with the project's options. */
function typeErrors(): string[] {
  const dir = join(root, '.tmp', 'examples-types');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = examples.map((example) => {
    const file = join(dir, `${example.file.replace(/[^\w]+/g, '_')}_${example.line}.ts`);
    const code = example.code.replaceAll(/from '([^']+)'/g, (whole, specifier: string) => {
      const target = importedFile(specifier, example);
      return target === undefined ? whole : `from ${JSON.stringify(relative(dir, target).replaceAll('\\', '/'))}`;
    });
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  });
  const options = { ...(config?.options ?? {}), noEmit: true, noUnusedLocals: false, noUnusedParameters: false };
  const program = ts.createProgram(files, options);
  const wanted = new Set(files);
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && wanted.has(d.file.fileName))
    .map((d) => `${relative(root, d.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  rmSync(dir, { recursive: true, force: true });
  return errors;
}

describe('every shown example type-checks', () => {
  test('no type errors in any example', () => {
    expect(typeErrors()).toEqual([]);
  });
});

describe('every shown example runs and its `// =>` results hold', () => {
  test('there are examples to run', () => {
    expect(examples.length).toBeGreaterThan(10);
  });
  test('every public import path has examples', () => {
    for (const specifier of Object.keys(ENTRIES)) {
      expect(examples.some((e) => e.code.includes(`from '${specifier}'`)), specifier).toBe(true);
    }
  });
  test.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))('%s', async (_name, example) => {
    const file = join(scratch, `${example.file.replace(/[^\w]+/g, '_')}_${example.line}.ts`);
    writeFileSync(file, instrument(example));
    await import(pathToFileURL(file).href);
  });
});
