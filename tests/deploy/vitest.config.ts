import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * The deployment files' tests read files and start nothing: a project of their own, so they run in the
 * parallel workers instead of the system suite's one-file-at-a-time group.
 */
export default defineProject({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: { name: 'deploy', include: ['*.test.ts'] },
});
