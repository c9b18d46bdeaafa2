import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'system',
    include: ['walkthrough/**/*.unit.test.ts', 'e2e/**/*.test.ts', 'browser/**/*.test.ts', 'security/**/*.test.ts', 'fault/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
