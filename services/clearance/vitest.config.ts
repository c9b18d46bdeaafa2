import { defineProject } from 'vitest/config';

export default defineProject({ test: { include: ['src/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000 } });
