import { freshCode } from './second-factor';

/** A demo account as dev-credentials.json holds it. */
export interface DemoCredential {
  username: string;
  password: string;
  totpSecret?: string;
}

/** The gateway of a running system as a person reaches it: its URL and the demo accounts. */
export interface ConsoleAccess {
  /** The gateway: console, /api/auth and /api/<service>. */
  url: string;
  /** Where the gateway's development keys and demo credentials are (dev-credentials.json). */
  keysDir: string;
  password(username: string): string;
  /** The account's TOTP key, when its role signs in with a second factor. */
  totpSecret(username: string): string | undefined;
  /** A code for the account's second factor not used before by this process. */
  code(username: string): Promise<string>;
  /** An access token of the account: signed in once through the gateway, then refreshed as it runs out. */
  token(username: string): Promise<string>;
}

interface Held {
  token: string;
  expiresAt: number;
  refreshToken: string;
  /** Renewed when this little is left: 30 s, or a third of a shorter lifetime. */
  renewWithin: number;
}

export function connectConsole(url: string, credentials: DemoCredential[], keysDir: string): ConsoleAccess {
  const account = (username: string) => {
    const found = credentials.find((c) => c.username === username);
    if (!found) throw new Error(`no demo account ${username}`);
    return found;
  };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok)
      throw new Error(`${path} for ${JSON.stringify((body as { username?: string }).username ?? '')}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { token: string; expiresAt: string; refreshToken: string };
  };
  const held = new Map<string, Promise<Held>>();
  const hold = (r: { token: string; expiresAt: string; refreshToken: string }): Held => {
    const expiresAt = Date.parse(r.expiresAt);
    return { token: r.token, expiresAt, refreshToken: r.refreshToken, renewWithin: Math.min(30_000, (expiresAt - Date.now()) / 3) };
  };
  const code = (username: string) => freshCode(username, account(username).totpSecret!);
  const signIn = async (username: string) => {
    const { password, totpSecret } = account(username);
    return hold(await post('/api/auth/login', { username, password, ...(totpSecret ? { code: await code(username) } : {}) }));
  };
  return {
    url,
    keysDir,
    password: (username) => account(username).password,
    totpSecret: (username) => account(username).totpSecret,
    code,
    async token(username) {
      // One sign-in per account, then one refresh at a time (a spent refresh token would end the session).
      for (let attempt = 0; attempt < 3; attempt++) {
        let current = held.get(username);
        if (!current) held.set(username, (current = signIn(username)));
        const session = await current.catch((error: unknown) => {
          if (held.get(username) === current) held.delete(username);
          if (attempt === 2) throw error;
          return undefined;
        });
        if (!session) continue;
        if (session.expiresAt - Date.now() >= session.renewWithin) return session.token;
        if (held.get(username) === current)
          held.set(
            username,
            post('/api/auth/refresh', { refreshToken: session.refreshToken }).then(hold, () => signIn(username)),
          );
      }
      throw new Error(`no token for ${username}`);
    },
  };
}
