/**
 * Unwrapped data keys cached in this process for `ttl` ms (0: none), at most `maxCached` at once.
 * The ttl bounds erasure across processes: after a shred elsewhere, this process still decrypts that
 * subject until its copy expires.
 */
export function createDataKeyCache(ttl: number, maxCached: number, now: () => number) {
  const cache = new Map<string, { key: Buffer; until: number }>();
  // Bumped by every shred here: a key read that started before it must not re-cache what it erased.
  let shreds = 0;
  function remember(subject: string, key: Buffer): void {
    if (ttl <= 0) return;
    if (cache.size >= maxCached) for (const [s, e] of cache) if (e.until <= now()) cache.delete(s);
    // Still full: the oldest goes (a Map iterates in insertion order).
    if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
    cache.set(subject, { key, until: now() + ttl });
  }
  return {
    remember,
    get(subject: string): Buffer | undefined {
      const hit = cache.get(subject);
      if (hit && hit.until > now()) return hit.key;
      if (hit) cache.delete(subject);
      return undefined;
    },
    /** Taken before a key read: `rememberRead` then caches the key only if no shred happened since. */
    epoch: () => shreds,
    rememberRead(epoch: number, subject: string, key: Buffer): void {
      if (shreds === epoch) remember(subject, key);
    },
    /** Drops the subject's key and keeps reads already under way from caching it again. */
    shred(subject: string): void {
      shreds++;
      cache.delete(subject);
    },
  };
}
