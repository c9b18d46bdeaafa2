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

/** A signed-in terminal: the access token (minutes) and the refresh token that renews it. */
export interface StoredSession {
  token: string;
  refreshToken?: string;
}

/** The stored session: JSON `{token, refreshToken}`, or a bare token (older files, scripts). */
export function readSession(env: NodeJS.ProcessEnv = process.env): StoredSession | undefined {
  try {
    const text = readFileSync(tokenPath(env), 'utf8').trim();
    if (!text) return undefined;
    return text.startsWith('{') ? (JSON.parse(text) as StoredSession) : { token: text };
  } catch {
    return undefined;
  }
}

/** The token: VETTING_TOKEN (for CI), else the stored one. */
export function readToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.VETTING_TOKEN || readSession(env)?.token;
}

/** Stores the session readable by its owner only (directory 700, file 600). */
export function storeToken(session: StoredSession, env: NodeJS.ProcessEnv = process.env): string {
  const path = tokenPath(env);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(session)}\n`, { mode: 0o600 });
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
