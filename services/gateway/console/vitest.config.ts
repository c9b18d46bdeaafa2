import { defineProject } from 'vitest/config';

export default defineProject({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  test: { name: 'console', include: ['src/**/*.unit.test.ts'], environment: 'node' },
});
