#!/usr/bin/env node
// `npm stop`: stops every service this checkout started, then the infrastructure.
import { spawnSync } from 'node:child_process';
import { PROCESSES, SERVICES, stopService } from './lib/services.mjs';

for (const service of [...PROCESSES, ...SERVICES].reverse()) if (await stopService(service)) console.log(`stopped ${service.name}`);
if (!process.argv.includes('--keep-infra')) spawnSync(process.execPath, ['scripts/infra.mjs', 'down'], { stdio: 'inherit' });
