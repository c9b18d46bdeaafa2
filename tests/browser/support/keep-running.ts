/**
 * Development aid: starts the console system and keeps it up, so browser tests can be re-run against
 * it quickly: `VETTING_UI_SYSTEM='<url>|<keys dir>' npx vitest run browser`. Stop it with Ctrl-C.
 */
import { startConsoleSystem } from './console-system';

const system = await startConsoleSystem();
process.stdout.write(`VETTING_UI_SYSTEM='${system.url}|${system.keysDir}'\n`);
process.on('SIGINT', () => void system.stop().then(() => process.exit(0)));
process.on('SIGTERM', () => void system.stop().then(() => process.exit(0)));
