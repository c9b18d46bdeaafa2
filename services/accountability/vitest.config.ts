import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: '@vetting/accountability', include: ['src/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000 },
});
