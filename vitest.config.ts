import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^retention-metrics$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^retention-metrics\/calendar$/, replacement: fileURLToPath(new URL('./src/calendar.ts', import.meta.url)) },
      { find: /^retention-metrics\/sql$/, replacement: fileURLToPath(new URL('./src/sql.ts', import.meta.url)) },
      { find: /^retention-metrics\/charts$/, replacement: fileURLToPath(new URL('./src/charts.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/packaging/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
