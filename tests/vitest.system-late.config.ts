import { defineProject } from 'vitest/config';
import { LATE_SYSTEM_FILES, SYSTEM_FILE_SETTINGS } from './vitest.system-files.ts';

/**
 * System files that `npm test` runs in the workspaces' run: that run's files one at a time
 * (fileParallelism false) run after its parallel projects, beside the `system` run.
 */
export default defineProject({
  test: {
    name: 'system-late',
    include: [...LATE_SYSTEM_FILES],
    ...SYSTEM_FILE_SETTINGS,
  },
});
