/**
 * An error's message with its whole `cause` chain, e.g. `fetch failed: bad port` or
 * `fetch failed: connect ECONNREFUSED 127.0.0.1:4110`. Node's fetch reports every network problem as
 * "fetch failed" and keeps the reason (bad port, refused connection, TLS, DNS, timeout) only in
 * `cause`: an operator needs the reason, so logs and stored failures carry the chain.
 */
export function describeError(error: unknown, maxDepth = 5): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < maxDepth; depth++) {
    parts.push(messageOf(current));
    current = (current as { cause?: unknown }).cause;
  }
  // "a: b: b" reads badly when a wrapper repeats its cause's message.
  return parts.filter((p, i) => p && p !== parts[i - 1]).join(': ');
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  const code = (error as { code?: unknown }).code;
  const message = error.message || error.name;
  // Some causes (AggregateError of a dual-stack connect) carry the reason only in `code` or `errors`.
  if (typeof code === 'string' && !message.includes(code)) return `${message} (${code})`;
  const inner = (error as { errors?: unknown[] }).errors;
  if (!error.message && Array.isArray(inner) && inner.length) return inner.map(messageOf).join('; ');
  return message;
}
