import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { insertOnce } from '@vetting/platform';
import { BUILT_IN_POLICY, BUILT_IN_RULES, type PolicyRules, type VettingPolicy } from './vetting-policy';

/** The data of a `clearance.policy-published` event. */
export interface PolicyPublished {
  version: number;
  createdBy: string;
  createdAt: string;
  note?: string;
  rules: Record<string, unknown>;
}

/**
 * A stored or published version as a whole policy. Versions published before a rule existed get the
 * built-in value of that rule (the look-back window, the notice period), so every reader sees the
 * same rules for the same version.
 */
export function fromPublished(p: PolicyPublished): VettingPolicy {
  const rules = { ...BUILT_IN_RULES, ...(p.rules as Partial<PolicyRules>) };
  return { ...rules, version: p.version, createdBy: p.createdBy, createdAt: p.createdAt, ...(p.note ? { note: p.note } : {}) };
}

type VersionDoc = PolicyPublished & { _id: number };

/**
 * A service's copy of the published policy versions, filled from `clearance.policy-published`
 * (insert-once by version, so a redelivered event changes nothing). Services that plan or check
 * against the policy (references, intake) read the newest version from here: one policy, published
 * in one place. Before any version arrived, the built-in rules apply (version 0).
 *
 * Each instance of a service receives the event only for its partitions, so the newest version is
 * read from the database at most once per `ttlMs` (default 2 s) rather than kept from the event.
 */
export function createPolicyFollower(
  db: Connection,
  { ttlMs = 2000, collection = 'policy_versions' }: { ttlMs?: number; collection?: string } = {},
) {
  const versions = db.collection(collection) as unknown as Collection<VersionDoc>;
  let newest: { policy: VettingPolicy; readAt: number } | undefined;
  return {
    async ensureIndexes() {
      await versions.createIndex({ createdAt: 1 });
    },
    /** Stores a published version once; true when it was new here. */
    async record(p: PolicyPublished): Promise<boolean> {
      const stored = await insertOnce(versions, {
        _id: p.version,
        version: p.version,
        createdBy: p.createdBy,
        createdAt: p.createdAt,
        ...(p.note ? { note: p.note } : {}),
        rules: p.rules,
      });
      if (!stored) return false;
      if (!newest || p.version > newest.policy.version) newest = { policy: fromPublished(p), readAt: performance.now() };
      return true;
    },
    /** The newest version this service knows (the built-in rules, version 0, before any arrived). */
    async current(): Promise<VettingPolicy> {
      if (newest && performance.now() - newest.readAt < ttlMs) return newest.policy;
      const doc = await versions.find({}).sort({ _id: -1 }).limit(1).next();
      const policy = doc ? fromPublished(doc) : BUILT_IN_POLICY;
      newest = { policy, readAt: performance.now() };
      return policy;
    },
  };
}

export type PolicyFollower = ReturnType<typeof createPolicyFollower>;
