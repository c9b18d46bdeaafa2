import { defineConfig } from 'vitest/config';

/**
 * One run over every workspace (each is a vitest project with its own config), so `npm test` reports
 * a single total. Files run in parallel workers; integration tests isolate themselves by random
 * database and topic names.
 */
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'services/*',
      'services/gateway/console',
      'contracts',
      'tests',
      'tests/vitest.system-late.config.ts',
      'tests/deploy',
      'tests/simulators',
    ],
    pool: 'forks',
    maxWorkers: 2,
  },
});
