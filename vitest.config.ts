import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // A cheaper password hash for tests only (see the file).
    setupFiles: ['test/setup.ts'],
    // Browser tests start their own server and Chromium; they get more time.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
