import { hashEntry, type AuditEntry } from '../domain/hash-chain';

/** Deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
export function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

export const sealed = (body: Omit<AuditEntry, 'hash'>): AuditEntry => ({ ...body, hash: hashEntry(body) });

/** Every kind of tampering the database allows, at a random place (property tests of the verifiers). */
export const TAMPERINGS: Record<string, (e: AuditEntry[], k: number) => void> = {
  none: () => undefined,
  edit: (e, k) => void (e[k] = { ...e[k]!, data: { n: -1 } }),
  'edit and rehash': (e, k) => void (e[k] = sealed({ ...e[k]!, data: { n: -1 } })),
  delete: (e, k) => void e.splice(k, 1),
  plant: (e, k) => void e.splice(k + 1, 0, sealed({ ...e[k]!, seq: e[k]!.seq + 0.5, eventId: 'planted', prevHash: e[k]!.hash })),
  swap: (e, k) => void (k + 1 < e.length && ([e[k], e[k + 1]] = [e[k + 1]!, e[k]!])),
  renumber: (e, k) => void e.splice(k, e.length - k, ...e.slice(k + 1).map((x) => ({ ...x, seq: x.seq - 1 }))),
  'cut tail': (e, k) => void e.splice(k),
};

/**
 * Seeded property cases: a chain of 1–40 entries, random checkpoints (some forged), one random
 * tampering and sometimes an expected head. The test keeps drawing from `rng` for its own choices.
 */
export function* tamperedChains(chain: (n: number) => AuditEntry[], rounds = 1500) {
  const rng = random(20261127);
  const kinds = Object.keys(TAMPERINGS);
  for (let round = 0; round < rounds; round++) {
    const n = 1 + rng.int(40);
    const entries = chain(n);
    const checkpoints = new Map<number, string>();
    for (const e of entries) if (rng.next() < 0.1) checkpoints.set(e.seq, rng.next() < 0.1 ? 'f'.repeat(64) : e.hash);
    const kind = kinds[rng.int(kinds.length)]!;
    TAMPERINGS[kind]!(entries, rng.int(n));
    const expectedHead = rng.next() < 0.3 ? n : 0;
    yield { round, kind, entries, checkpoints, expectedHead, rng };
  }
}
