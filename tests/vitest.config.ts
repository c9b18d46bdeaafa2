import { defineProject } from 'vitest/config';
import { LATE_SYSTEM_FILES, SYSTEM_FILE_SETTINGS } from './vitest.system-files.ts';

/**
 * The system suites: every file starts the services as separate processes, so files run one at a
 * time. The files in LATE_SYSTEM_FILES belong to the `system-late` project instead, which `npm test`
 * runs after the workspaces' suites so both runs end together (docs/decisions/test-suite-time.md).
 */
export default defineProject({
  test: {
    name: 'system',
    include: ['walkthrough/**/*.unit.test.ts', 'e2e/**/*.test.ts', 'browser/**/*.test.ts', 'security/**/*.test.ts', 'fault/**/*.test.ts'],
    exclude: [...LATE_SYSTEM_FILES, '**/node_modules/**'],
    ...SYSTEM_FILE_SETTINGS,
  },
});
