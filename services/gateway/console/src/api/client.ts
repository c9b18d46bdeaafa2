/** Problem details (RFC 9457) as every service answers them. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; reason: string }[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfter?: number,
  ) {
    super(problem.detail ?? problem.title);
  }
}

let token: string | null = null;
let expiresAt = 0;
let onUnauthorised: () => void = () => {};
let refresh: (() => Promise<void>) | undefined;

/**
 * The session keeps the token; the client only reads it (and signs out on a 401). With `refresh`,
 * a token about to run out is renewed before a request goes (the session also renews it on a timer).
 */
export function setToken(
  value: string | null,
  unauthorised?: () => void,
  session?: { expiresAt: number; refresh: () => Promise<void> },
): void {
  token = value;
  if (unauthorised) onUnauthorised = unauthorised;
  if (session) ({ expiresAt, refresh } = session);
  if (!value) refresh = undefined;
}
export const currentToken = () => token;

async function freshToken(): Promise<string | null> {
  if (token && refresh && expiresAt - Date.now() < 20_000) await refresh().catch(() => undefined);
  return token;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Return the raw Response (files, CSV, HTML). */
  raw?: boolean;
}

export function apiUrl(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** Calls the gateway under /api; bodies that are not strings are sent as JSON. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const bearer = await freshToken();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' || options.body instanceof Blob ? (options.body as BodyInit) : JSON.stringify(options.body);
    if (!headers['content-type']) headers['content-type'] = 'application/json';
  }
  const res = await fetch(apiUrl(path, options.query), { method: options.method ?? 'GET', headers, body });
  if (!res.ok) throw await toApiError(res);
  if (options.raw) return res as unknown as T;
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export async function toApiError(res: Response): Promise<ApiError> {
  let problem: Problem;
  try {
    problem = (await res.json()) as Problem;
  } catch {
    problem = { title: res.statusText || `HTTP ${res.status}`, status: res.status };
  }
  if (res.status === 401 && token) onUnauthorised();
  const retryAfter = Number(res.headers.get('retry-after')) || undefined;
  return new ApiError(res.status, problem, retryAfter);
}

/** A random idempotency key, so a retried command applies once. */
export const idempotencyKey = () => `console-${crypto.randomUUID()}`;
