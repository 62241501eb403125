// The notebook display stays out of the core: a bundle of `import { summarize }` from the root entry
// holds no module of the notebook entry, no chart code and no HTML of it.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the root entry bundles no notebook or chart module', async () => {
  const result = await build({
    stdin: { contents: "import { summarize } from './src/index.ts'; console.log(summarize);", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => /src\/notebook|src\/charts|@observablehq|linkedom/.test(path))).toEqual([]);
  expect(result.outputFiles[0].text).not.toContain('Jupyter.display');
});
