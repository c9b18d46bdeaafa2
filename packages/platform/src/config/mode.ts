import { ConfigError } from './config';

/** A setting that is acceptable only in development mode, and why it is not in production. */
export interface UnsafeSetting {
  setting: string;
  reason: string;
}

export interface ModeConfig {
  VETTING_MODE: 'production' | 'development';
}

/** True only when development mode was asked for explicitly (VETTING_MODE=development). */
export const isDevelopment = (config: ModeConfig): boolean => config.VETTING_MODE === 'development';

/**
 * Production is the default: a service refuses to start while any development convenience is in
 * effect (a temporary keyring, the development mailbox, demo accounts, a development secret, Kafka
 * without credentials), naming every such setting, unless VETTING_MODE=development. Call it before
 * anything connects or is created, so a refused start leaves nothing behind.
 */
export function refuseInProduction(config: ModeConfig, unsafe: (UnsafeSetting | false | undefined | null)[]): void {
  if (isDevelopment(config)) return;
  const found = unsafe.filter((u): u is UnsafeSetting => Boolean(u));
  if (!found.length) return;
  throw new ConfigError([
    ...found.map((u) => `${u.setting}: ${u.reason}`),
    'VETTING_MODE: is production (the default); set the settings above, or VETTING_MODE=development on a developer machine',
  ]);
}

/** An unsafe setting when `condition` holds (for lists of checks). */
export const unsafeWhen = (condition: boolean, setting: string, reason: string): UnsafeSetting | false => condition && { setting, reason };

/** One list of a service's unsafe settings from the shared checks and its own `unsafeWhen`s. */
export const unsafeSettings = (...checks: (UnsafeSetting[] | UnsafeSetting | false)[]): UnsafeSetting[] =>
  checks.flat().filter((u): u is UnsafeSetting => Boolean(u));
