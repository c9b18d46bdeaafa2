#!/usr/bin/env node
// `npm start`: installs what is missing, starts the infrastructure, every service, the console and
// demo data, then prints the address and the demo accounts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNodeDependencies, runOrThrow } from './lib/install.mjs';
import { GATEWAY_PORT, KEYS_DIR, PROCESSES, SERVICES, startService, waitReady } from './lib/services.mjs';
import { seedDemoData } from './lib/demo-data.mjs';

const started = Date.now();
ensureNodeDependencies();
runOrThrow(process.execPath, ['scripts/infra.mjs', 'up']);
runOrThrow(process.execPath, ['--import', 'tsx', 'services/gateway/src/dev-keys.cli.ts', KEYS_DIR]);
runOrThrow('npm', ['run', 'build', '-w', 'services/gateway/console']);

const all = [PROCESSES[0], ...SERVICES, ...PROCESSES.slice(1)];
for (const service of all) if (startService(service)) console.log(`starting ${service.name}…`);
for (const service of all) {
  await waitReady(service);
  console.log(`${service.name.padEnd(18)} ${service.entry && !service.health ? '(worker)              ' : `http://127.0.0.1:${service.port}`}  ready`);
}
await seedDemoData(`http://127.0.0.1:${GATEWAY_PORT}`);

const credentials = JSON.parse(readFileSync(join(KEYS_DIR, 'dev-credentials.json'), 'utf8'));
console.log(`\nThe platform is up in ${Math.round((Date.now() - started) / 1000)} s: http://127.0.0.1:${GATEWAY_PORT}\n`);
console.log('Demo accounts (development only; generated on first start, stored in .data/keys):');
for (const c of credentials) console.log(`  ${c.username.padEnd(13)} ${c.password}  ${c.roles.join(',')}${c.country ? ` (${c.country})` : ''}`);
console.log('\nStop everything with `npm stop`; logs are in .data/logs/.');
