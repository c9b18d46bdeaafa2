import { defineProject } from 'vitest/config';

// Each integration file starts a whole service, workers and simulators: run files one at a time.
export default defineProject({
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
