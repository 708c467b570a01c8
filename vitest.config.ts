import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts',
      'codesets/**/*.test.ts',
      'cli/**/*.test.ts',
      'platform/**/*.test.ts',
      'entrypoints/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
