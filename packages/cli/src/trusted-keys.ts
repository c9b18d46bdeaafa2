import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { trustedKeysFromText, type KeySetDocument, type TrustedKeys } from '@vetting/signing';
import { CliError, EXIT } from './exit-codes';

/** Where `vetting keys pull` keeps the platform's public keys: `$XDG_CONFIG_HOME/vetting/platform-keys.json`. */
export function platformKeysPath(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'vetting', 'platform-keys.json');
}

export function savePlatformKeys(keys: KeySetDocument, env: NodeJS.ProcessEnv, out?: string): string {
  const path = out ?? platformKeysPath(env);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o644 });
  return path;
}

/**
 * The keys a verification trusts: `--keys <file>` (a key set JSON or PEM public keys, from the
 * platform's operators), else `$VETTING_PLATFORM_KEYS`, else what `vetting keys pull` saved.
 * Never a key carried by the document being verified.
 */
export function loadTrustedKeys(option: string | undefined, env: NodeJS.ProcessEnv): { trusted: TrustedKeys; from: string } {
  const from = option || env.VETTING_PLATFORM_KEYS || platformKeysPath(env);
  let text: string;
  try {
    text = readFileSync(from, 'utf8');
  } catch {
    throw new CliError(
      `No trusted platform key at ${from}: run \`vetting keys pull\` while online, or pass --keys <file> from the platform's operators`,
      EXIT.notFoundOrDenied,
    );
  }
  try {
    return { trusted: trustedKeysFromText(text), from };
  } catch (error) {
    throw new CliError(`${from} is not a key set or PEM public keys: ${(error as Error).message}`, EXIT.failure);
  }
}

/** A duration as `7d`, `36h` or `90m`. */
export function parseDuration(text: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([dhm])$/.exec(text.trim());
  if (!m) throw new CliError(`${name} ${text}: use a number followed by d, h or m (e.g. 7d)`, EXIT.usage);
  return Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm'];
}
