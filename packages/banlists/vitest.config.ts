import { defineProject } from 'vitest/config';

// Generous timeouts: some tests parse the real UN and OFAC files, slow on a busy 2-core machine.
export default defineProject({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000 } });
