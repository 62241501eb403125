import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: false,
  // The special functions are bundled (one file to load instead of ~90 packages); see THIRD-PARTY-LICENSES.md.
  noExternal: [/^@stdlib\//],
});
