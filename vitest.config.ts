/**
 * Two projects, so a busy machine cannot fail the suite: `fast` (pure, in-process tests, run in
 * parallel) and `slow` (child processes and worker threads, the build, the fake Discord, file
 * watching, property tests with many runs, whole evaluations, the benchmark's own check), run one
 * file at a time after it so none competes with another for the cores. `npm test` runs both;
 * `npm run test:fast` only the first.
 *
 * Timeouts are sized for a 2-core machine that other work keeps busy (vitest's default is 5 s):
 * a test that needs longer than these is broken, not slow.
 */
import { defineConfig } from 'vitest/config';

const SLOW = [
  'test/**/*.e2e.test.ts',
  'test/process/**/*.test.ts',
  'test/bench.test.ts',
  'test/reliability/hot-reload.test.ts',
  'test/reliability/hostile-input.test.ts',
  'test/engine/check.test.ts',
  'test/runtime/answer-pool.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: 'slow', include: SLOW, testTimeout: 600_000, hookTimeout: 300_000, fileParallelism: false },
      },
    ],
  },
});
