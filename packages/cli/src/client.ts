import { claimsOf, readSession, readToken, storeToken } from './settings';
import { CliError, EXIT, exitCodeOfStatus } from './exit-codes';

export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  code?: string;
  errors?: { field: string; reason: string }[];
  [extension: string]: unknown;
}

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Hand back the Response (files, CSV) instead of parsed JSON. */
  raw?: boolean;
}

export class HttpError extends CliError {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    const details = (problem.errors ?? []).map((e) => `${e.field}: ${e.reason}`);
    super(
      `${problem.title ?? `HTTP ${status}`}${problem.detail && problem.detail !== problem.title ? ` — ${problem.detail}` : ''}`,
      exitCodeOfStatus(status),
      details,
    );
  }
}

export type Client = <T>(path: string, options?: RequestOptions) => Promise<T>;

/** A client of the gateway's /api; errors become CliErrors carrying the service's problem details. */
export function createClient(server: string, token: string | undefined, fetchImpl: typeof fetch = fetch): Client {
  return async <T>(path: string, options: RequestOptions = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: RequestInit['body'];
    if (options.body !== undefined) {
      const isRaw = typeof options.body === 'string' || options.body instanceof Uint8Array || isStream(options.body);
      body = isRaw ? (options.body as RequestInit['body']) : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    let res: Response;
    try {
      res = await fetchImpl(`${server}/api${path}${params.size ? `?${params}` : ''}`, {
        method: options.method ?? 'GET',
        headers,
        body,
        ...(isStream(options.body) ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      throw new CliError(
        `Cannot reach ${server}: ${(error as Error).cause ? String((error as { cause: Error }).cause.message) : (error as Error).message}`,
        EXIT.failure,
      );
    }
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({ title: res.statusText }))) as Problem;
      if (res.status === 401 && !token) problem.detail = 'Not signed in: run `vetting login` (or set VETTING_TOKEN)';
      throw new HttpError(res.status, problem);
    }
    if (options.raw) return res as T;
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
}

const isStream = (value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as ReadableStream).getReader === 'function';

/**
 * A client for a signed-in terminal: a stored access token about to run out (they live minutes) is
 * renewed first with the stored refresh token, and the new pair stored. VETTING_TOKEN is used as is.
 */
export function createSessionClient(server: string, env: NodeJS.ProcessEnv, fetchImpl: typeof fetch = fetch): Client {
  return async <T>(path: string, options: RequestOptions = {}) => {
    let token = readToken(env);
    const session = env.VETTING_TOKEN ? undefined : readSession(env);
    const exp = token ? claimsOf(token).exp : undefined;
    if (session?.refreshToken && exp && exp * 1000 - Date.now() < 30_000) {
      const renewed = await createClient(
        server,
        undefined,
        fetchImpl,
      )<{ token: string; refreshToken: string }>('/auth/refresh', { method: 'POST', body: { refreshToken: session.refreshToken } }).catch(
        () => undefined,
      );
      if (renewed) {
        storeToken({ token: renewed.token, refreshToken: renewed.refreshToken }, env);
        token = renewed.token;
      }
    }
    return createClient(server, token, fetchImpl)<T>(path, options);
  };
}
