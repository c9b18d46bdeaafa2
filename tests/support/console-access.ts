/** The gateway of a running system as a person reaches it: its URL and the demo accounts. */
export interface ConsoleAccess {
  /** The gateway: console, /api/auth and /api/<service>. */
  url: string;
  /** Where the gateway's development keys and demo credentials are (dev-credentials.json). */
  keysDir: string;
  password(username: string): string;
  /** Signs in through the gateway as a demo account and returns the token. */
  token(username: string): Promise<string>;
}

export function connectConsole(url: string, credentials: { username: string; password: string }[], keysDir: string): ConsoleAccess {
  const password = (username: string) => {
    const found = credentials.find((c) => c.username === username);
    if (!found) throw new Error(`no demo account ${username}`);
    return found.password;
  };
  return {
    url,
    keysDir,
    password,
    async token(username) {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: password(username) }) });
      if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
  };
}
