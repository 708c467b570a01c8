import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (`npm run build:e2e`) in Debian's Chromium.
 * `npm run test:e2e` builds first, then runs `vitest run -c test/e2e/vitest.config.ts`.
 *
 * One file at a time: each file starts its own Chromium, and the machine has two cores.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // A browser that fails to start is not retried into a pass: a flaky e2e test is a bug to fix.
    retry: 0,
  },
});
