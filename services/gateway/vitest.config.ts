import { defineProject } from 'vitest/config';

// Every demo install and account creation hashes passwords at OWASP's scrypt cost (32 MiB, p=3 each):
// seconds on a busy shared machine, hence the room above the usual timeouts.
export default defineProject({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } });
