import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER = ['@observablehq/plot', 'linkedom'];

/** Every module an entry reaches through its static imports (`import … from`, `export … from`), and the packages they name. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    // Comments left out: the TSDoc examples import the package by name.
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const match of code.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(join(root, entry));
  return { files, packages };
}

describe('the charts stay out of the core entries', () => {
  test.each(['src/index.ts', 'src/calendar.ts', 'src/sql.ts'])('%s reaches neither the renderer nor a chart module', (entry) => {
    const { files, packages } = reach(entry);
    expect([...packages].filter((p) => RENDERER.includes(p))).toEqual([]);
    expect([...files].map((f) => relative(root, f)).filter((f) => f.startsWith('src/charts'))).toEqual([]);
  });

  test('the charts entry imports the renderer, and the library only by relative paths', () => {
    const { packages } = reach('src/charts.ts');
    for (const renderer of RENDERER) expect(packages.has(renderer), renderer).toBe(true);
    expect([...packages].filter((p) => p.startsWith('retention-metrics'))).toEqual([]);
  });
});
