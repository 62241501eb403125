// The build step that marks the top-level initializers of the built ES modules pure
// (scripts/pure-top-level.mjs): what it wraps and refuses, that the marked code computes the same
// values, that a bundler then drops an unused constant, and that its source map keeps every mapping
// of the module's own map.
import { SourceMap } from 'node:module';
import { fc, test } from '@fast-check/vitest';
import { transformSync } from 'esbuild';
import { describe, expect } from 'vitest';
import { insertionMap, markTopLevelPure } from '../../scripts/pure-top-level.mjs';
import { decodeMappings, decodeSegment, encodeSegment } from '../../scripts/source-map-vlq.mjs';

const PURE = '/* @__PURE__ */ (() => (';

describe('markTopLevelPure', () => {
  test('wraps a call, a spread and a `new` at the top level, and leaves plain values alone', () => {
    const code = [
      'const KEYS = optionKeys({ a: true });',
      'const ALL = [...KEYS];',
      'const TABLE = new Float64Array(8);',
      'const LIMIT = 10, NAME = "x", NEGATIVE = -1, F = () => 1, ALIAS = KEYS;',
      'function inner() { return call(); }',
    ].join('\n');
    const lines = markTopLevelPure(code, 'm.js').code.split('\n');
    expect(lines[0]).toBe(`const KEYS = ${PURE}optionKeys({ a: true })))();`);
    expect(lines[1]).toBe(`const ALL = ${PURE}[...KEYS]))();`);
    expect(lines[2]).toBe(`const TABLE = ${PURE}new Float64Array(8)))();`);
    expect(lines.slice(3)).toEqual(code.split('\n').slice(3));
  });

  test('leaves a call already marked pure as it is, the marker on the line of the `=` or after it', () => {
    const code = 'var cache = /* @__PURE__ */ new Map();\nvar other = /* #__PURE__ */ make();\nvar next =\n  /* @__PURE__ */ make();\n';
    expect(markTopLevelPure(code, 'm.js')).toEqual({ code, insertions: [] });
  });

  test('refuses a top-level statement that is not a declaration, naming its line', () => {
    expect(() => markTopLevelPure('const a = 1;\nglobalThis.x = a;\n', 'chunk.js')).toThrow(/^chunk\.js:2: a top-level statement that is not a declaration: globalThis\.x = a;/);
  });

  test('the marked module computes the same values', () => {
    const code = 'const base = [1, 2, 3].map((v) => v * 2);\nlet total = base.reduce((s, v) => s + v, 0), half = total / 2;\n';
    const run = (source: string): unknown => new Function(`${source}\nreturn [base, total, half];`)();
    const marked = markTopLevelPure(code, 'm.js').code;
    expect(marked).not.toBe(code);
    expect(run(marked)).toEqual(run(code));
  });

  test('a bundler drops a marked constant nothing reads, and keeps it unmarked', () => {
    const code = 'const unused = makeTable();\nexport const used = 1;\n';
    const minified = (source: string): string => transformSync(source, { format: 'esm', minify: true, treeShaking: true }).code;
    expect(minified(code)).toContain('makeTable()');
    expect(minified(markTopLevelPure(code, 'm.js').code)).not.toContain('makeTable');
  });
});

describe('source-map VLQ', () => {
  test.prop([fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { minLength: 1, maxLength: 6 })])('a segment decodes to the integers it encodes', (values) => {
    expect(decodeSegment(encodeSegment(values))).toEqual(values);
  });

  test('known segments of the specification examples', () => {
    expect(decodeSegment('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeSegment('gBAAmB')).toEqual([16, 0, 0, 19]);
    expect(decodeSegment('D')).toEqual([-1]);
    expect(decodeMappings('AAAA,EAAE;;CACC')).toEqual([[[0, 0, 0, 0], [2, 0, 0, 2]], [], [[1, 0, 1, 3]]]);
  });
});

// A module of top-level declarations: calls, spreads, several on one line, and initializers over
// several lines, between plain values and functions.
// Each is written with the index of the declaration, so that names are distinct.
const DECLARATIONS: ((n: number) => string)[] = [
  (n) => `const call${n} = make(${n}, "${'x'.repeat(n % 7)}");`,
  (n) => `const spread${n} = [...list, ${n}];`,
  (n) => `let one${n} = ${n}, two${n} = make(${n}), three${n} = new Map([[${n}, ${n}]]);`,
  (n) => `const multi${n} = make(\n  ${n},\n  (value) => value + ${n},\n);`,
  (n) => `const plain${n} = ${n};`,
  (n) => `const pure${n} = /* @__PURE__ */ make(${n});`,
  (n) => `function helper${n}(value) {\n  return make(value, ${n});\n}`,
];
const declarations = fc.array(fc.nat(DECLARATIONS.length - 1), { minLength: 1, maxLength: 12 }).map((kinds) => kinds.map((kind, n) => DECLARATIONS[kind](n)));

describe('insertionMap', () => {
  test.prop([declarations])(
    "composed with the module's own map, maps every position of the marked module where the old one did",
    (statements) => {
      // The module before marking and its map, as the build has them (here: a TypeScript module compiled by esbuild).
      const original = `declare function make(...args: unknown[]): unknown;\nconst list: number[] = [1];\n${statements.join('\n')}\nexport { list };\n`;
      const built = transformSync(original, { loader: 'ts', format: 'esm', sourcemap: 'external', sourcefile: 'original.ts' });
      const { code: marked, insertions } = markTopLevelPure(built.code, 'chunk.js');
      const oldMap = new SourceMap(JSON.parse(built.map));
      const newMap = new SourceMap({ ...insertionMap(built.code, built.map, insertions, 'chunk.js'), sourceRoot: '', sourcesContent: [] });
      const oldLines = built.code.split('\n');
      const newLines = marked.split('\n');
      const lineStarts = oldLines.map((_, line) => oldLines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0));
      for (const [line, text] of oldLines.entries()) {
        for (let column = 0; column < text.length; column++) {
          // Text inserted at a column moves the character there right.
          const offset = lineStarts[line] + column;
          const shift = insertions.filter(({ at }) => at >= lineStarts[line] && at <= offset).reduce((sum, { text: inserted }) => sum + inserted.length, 0);
          expect(newLines[line][column + shift]).toBe(text[column]);
          const viaNew = newMap.findEntry(line, column + shift);
          const composed = 'originalLine' in viaNew ? oldMap.findEntry(viaNew.originalLine, viaNew.originalColumn) : {};
          expect(composed).toEqual(oldMap.findEntry(line, column));
        }
      }
    },
  );
});
