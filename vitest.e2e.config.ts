import { defineConfig } from 'vitest/config';

// End-to-end journeys: the real server (started once by e2e/global-setup.ts) driven through
// Debian's Chromium. `npm run test:e2e` builds the web app first.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    // One Chromium at a time: on a two-core machine parallel browsers make timings, not the app, fail.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    // A flaky journey is a bug to fix, never to retry until green.
    retry: 0,
  },
});
