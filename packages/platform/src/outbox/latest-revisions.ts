import type { RevisionDoc } from './aggregate-types';

/**
 * The newest revision this process knows of, per aggregate; `null`: known to have none. Holds at
 * most `size` aggregates (the least recently remembered goes first); size 0 remembers nothing, so
 * every `apply` reads the stored revision.
 */
export function createLatestRevisions<S extends Record<string, unknown>>(size: number) {
  const known = new Map<string, RevisionDoc<S> | null>();
  return {
    enabled: Boolean(size),
    get: (id: string) => known.get(id),
    forget: (id: string) => known.delete(id),
    forgetAll: () => known.clear(),
    remember(id: string, doc: RevisionDoc<S> | null) {
      if (!size) return;
      known.delete(id);
      known.set(id, doc && typeof doc.state !== 'string' ? structuredClone(doc) : doc);
      if (known.size > size) known.delete(known.keys().next().value!);
    },
  };
}
