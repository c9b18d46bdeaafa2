import { readFileSync } from 'node:fs';
import { connectConsole, startSystem, type ConsoleAccess } from '../../support/system';

/**
 * The system the browser drives: started here (every service and the gateway), or, while writing a
 * test, one kept running by keep-running.ts (`VETTING_UI_SYSTEM='<url>|<keys dir>'`).
 */
export async function consoleUnderTest(): Promise<ConsoleAccess & { stop(): Promise<void> }> {
  const reuse = process.env.VETTING_UI_SYSTEM?.split('|');
  if (reuse) {
    const credentials = JSON.parse(readFileSync(`${reuse[1]}/dev-credentials.json`, 'utf8')) as {
      username: string;
      password: string;
      totpSecret?: string;
    }[];
    return { ...connectConsole(reuse[0]!, credentials, reuse[1]!), stop: async () => {} };
  }
  const system = await startSystem({ gateway: true });
  return { ...system.console!, stop: () => system.stop() };
}
