import { defineConfig } from 'vitest/config';

/**
 * The search ranking suite (`npm run test:ranking`). Separate from the unit run because it needs
 * the official release files (it builds the FY2026 tables and the search index on first run).
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/ranking/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
