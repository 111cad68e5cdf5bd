import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // tests import the embedding API as users do, `from 'polyemu'`: here it is the source
  // (tests/api/api.test.ts also checks the built package entry, dist/src/api/index.js)
  resolve: { alias: { polyemu: fileURLToPath(new URL('./src/api/index.ts', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
