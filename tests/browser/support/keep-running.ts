/**
 * Development aid: starts the whole system with the gateway and keeps it up, so browser tests can be
 * re-run against it quickly: `VETTING_UI_SYSTEM='<url>|<keys dir>' npx vitest run browser`. Ctrl-C stops it.
 */
import { startSystem } from '../../support/system';

const system = await startSystem({ gateway: true });
process.stdout.write(`VETTING_UI_SYSTEM='${system.console!.url}|${system.console!.keysDir}'\n`);
process.on('SIGINT', () => void system.stop().then(() => process.exit(0)));
process.on('SIGTERM', () => void system.stop().then(() => process.exit(0)));
