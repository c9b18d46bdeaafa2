import { defineProject } from 'vitest/config';

// Files one at a time: the tamper tests edit the chain directly while consumers of the same run append.
export default defineProject({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false } });
