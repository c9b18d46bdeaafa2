import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * The README walkthrough runs on its own, before every other suite (scripts/test.mjs): it stops and
 * starts the platform and its infrastructure the way a newcomer does.
 */
export default defineProject({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'walkthrough',
    include: ['*.e2e.test.ts'],
    testTimeout: 20 * 60_000,
    hookTimeout: 5 * 60_000,
    fileParallelism: false,
  },
});
