/**
 * How the system suites run, shared by the `system` and `system-late` projects.
 *
 * `npm test` runs two vitest runs at once: the `system` project, and every other project. The second
 * ends about 480 s earlier on a 2-core machine, so these files (about 240 s) run in it instead, after
 * its parallel projects. They start their own services on free ports with their own databases and
 * topics, and neither rebuilds the console, so they may run beside any other system file.
 */
export const LATE_SYSTEM_FILES = ['security/schemathesis.e2e.test.ts', 'fault/scale-out.e2e.test.ts'];

export const SYSTEM_FILE_SETTINGS = {
  testTimeout: 120_000,
  hookTimeout: 180_000,
  fileParallelism: false,
} as const;
