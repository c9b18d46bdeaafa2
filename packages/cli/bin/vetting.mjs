#!/usr/bin/env node
// The `vetting` command: runs the TypeScript sources through tsx (no build step in the workspace).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
