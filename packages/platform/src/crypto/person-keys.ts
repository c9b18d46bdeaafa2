import { AppError } from '../errors/app-error';
import type { ServiceTokenSource } from '../http/service-token';
import { erasedError } from './personal-block';

/** Where a service gets people's keys. Throws CRYPTO.ERASED (410) for a person whose key is destroyed. */
export interface PersonKeySource {
  key(personId: string): Promise<Buffer>;
}

/** The answer of intake's `POST /person-keys/lookup`. */
export interface PersonKeyLookup {
  keys: { person: string; key: string }[];
  erased: string[];
}

export interface PersonKeyClientOptions {
  /** Base URL of the key authority (intake), e.g. `http://intake:4101`. */
  url: string;
  tokens: ServiceTokenSource;
  /**
   * How long a key (or "erased") stays cached in this process. It bounds erasure: after a shred, this
   * process opens the person's blocks for at most this long (plus the authority's own cache). Default 30,000 ms.
   */
  cacheMs?: number;
  /** Most keys cached; the oldest go first. Default 10,000 (about 1 MB). */
  maxEntries?: number;
  /** Most people per lookup request. Default 500. */
  batchMax?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

type Entry = { key: Buffer | null; until: number };

/**
 * The client side of the person-key authority: concurrent lookups in the same tick go out as one
 * request (a consumer handling a batch asks once), answers are cached briefly, a destroyed key is
 * CRYPTO.ERASED (not retried), and an unreachable authority is a retriable 503 (consumers wait for it).
 */
export function createPersonKeyClient(options: PersonKeyClientOptions): PersonKeySource & { forget(personId: string): void } {
  const ttl = options.cacheMs ?? 30_000;
  const max = options.maxEntries ?? 10_000;
  const batchMax = options.batchMax ?? 500;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const endpoint = `${options.url.replace(/\/$/, '')}/person-keys/lookup`;
  const cache = new Map<string, Entry>();
  let queued = new Map<string, { resolve: (key: Buffer | null) => void; reject: (error: unknown) => void }[]>();
  let scheduled = false;

  function remember(person: string, key: Buffer | null) {
    if (ttl <= 0) return;
    cache.delete(person);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(person, { key, until: now() + ttl });
  }

  async function request(persons: string[]): Promise<PersonKeyLookup> {
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: { ...(await options.tokens.headers()), 'content-type': 'application/json' },
        body: JSON.stringify({ persons }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new AppError('PERSON_KEYS.UNAVAILABLE', 'The person-key service cannot be reached', {
        status: 503,
        retriable: true,
        cause: error,
      });
    }
    if (response.ok) return (await response.json()) as PersonKeyLookup;
    const text = await response.text().catch(() => '');
    // 401/403: this service is not allowed (a deployment error, not an outage); 5xx and 429: try again.
    const retriable = response.status >= 500 || response.status === 429;
    throw new AppError('PERSON_KEYS.REFUSED', `The person-key service answered ${response.status}: ${text.slice(0, 200)}`, {
      status: retriable ? 503 : 500,
      retriable,
    });
  }

  async function flush() {
    scheduled = false;
    const batch = queued;
    queued = new Map();
    const persons = [...batch.keys()];
    for (let i = 0; i < persons.length; i += batchMax) {
      const slice = persons.slice(i, i + batchMax);
      try {
        const answer = await request(slice);
        const found = new Map(answer.keys.map((k) => [k.person, Buffer.from(k.key, 'base64url')]));
        for (const person of slice) {
          const key = found.get(person) ?? null;
          if (key || answer.erased.includes(person)) remember(person, key);
          for (const waiter of batch.get(person)!) waiter.resolve(key);
        }
      } catch (error) {
        for (const person of slice) for (const waiter of batch.get(person)!) waiter.reject(error);
      }
    }
  }

  return {
    async key(personId) {
      const hit = cache.get(personId);
      if (hit && hit.until > now()) {
        if (!hit.key) throw erasedError(personId);
        return hit.key;
      }
      if (hit) cache.delete(personId);
      const key = await new Promise<Buffer | null>((resolve, reject) => {
        const waiters = queued.get(personId) ?? [];
        waiters.push({ resolve, reject });
        queued.set(personId, waiters);
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
      if (!key) throw erasedError(personId);
      return key;
    },
    /** Drops a cached key at once (this process learnt of an erasure). */
    forget: (personId) => void cache.delete(personId),
  };
}
