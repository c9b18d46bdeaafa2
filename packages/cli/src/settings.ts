import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the CLI keeps the token: `$XDG_CONFIG_HOME/vetting/token`, by default `~/.config/vetting/token`. */
export function tokenPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'vetting', 'token');
}

/** The server: --server, else VETTING_URL, else the development gateway. */
export function serverUrl(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return (option || env.VETTING_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
}

/** The token: VETTING_TOKEN (for CI), else the stored one. */
export function readToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.VETTING_TOKEN) return env.VETTING_TOKEN;
  try {
    return readFileSync(tokenPath(env), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Stores the token readable by its owner only (directory 700, file 600). */
export function storeToken(token: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = tokenPath(env);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600); // an existing file keeps its old mode on write
  return path;
}

/** The claims of a token (not verified: the server does that); used for the user name and expiry. */
export function claimsOf(token: string): { sub?: string; exp?: number; roles?: string[]; country?: string } {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}
