import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * All files share one server and its database. A file that publishes (a new agenda version
 * changes what every reader sees) runs after the files that read the demo data as seeded;
 * otherwise Vitest's own order.
 */
class PublishersLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const publishes = (file: TestSpecification) => /[\\/]editing\.e2e\.ts$/.test(file.moduleId);
    return [...sorted.filter((file) => !publishes(file)), ...sorted.filter(publishes)];
  }
}

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
    sequence: { sequencer: PublishersLast },
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    // A flaky journey is a bug to fix, never to retry until green.
    retry: 0,
  },
});
