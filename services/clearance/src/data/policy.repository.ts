import type { Connection } from 'mongoose';
import { createAggregateStore, createEvent, notFound, type Revision } from '@vetting/platform';
import { DEFAULT_POLICY, type ClearancePolicy } from '../domain/clearance-policy';

type PolicyState = Omit<ClearancePolicy, 'version'> & Record<string, unknown>;

const POLICY_ID = 'clearance-policy';
const toPolicy = (r: Revision<PolicyState>): ClearancePolicy => ({ ...(r.state as Omit<ClearancePolicy, 'version'>), version: r.rev });

/** A new version and its `clearance.policy-published` event (for the audit trail), stored together. */
function versionChange(policy: Omit<ClearancePolicy, 'version'>, version: number) {
  const { createdBy, createdAt, note, ...rules } = policy;
  const data = { version, createdBy, createdAt, ...(note ? { note } : {}), rules };
  return { state: policy as PolicyState, events: [createEvent('clearance', { type: 'clearance.policy-published', subject: POLICY_ID, data })] };
}

/**
 * Policy versions as revisions of one aggregate: version n is revision n, written once and never
 * changed, so a decision naming version n can always be replayed under exactly those rules.
 */
export function createPolicyRepository(db: Connection, { activeTtlMs = 2000 }: { activeTtlMs?: number } = {}) {
  const store = createAggregateStore<PolicyState>(db, 'clearance_policies');
  const versions = new Map<number, ClearancePolicy>();
  let newest: { policy: ClearancePolicy; readAt: number } | undefined;
  let reading: Promise<ClearancePolicy> | undefined;
  const remember = (p: ClearancePolicy) => {
    versions.set(p.version, p);
    if (!newest || p.version >= newest.policy.version) newest = { policy: p, readAt: performance.now() };
    return p;
  };
  return {
    /** Revisions carry the `clearance.policy-published` outbox. */
    collection: store.revisions,

    async ensureIndexes() {
      await store.ensureIndexes();
    },

    /** Stores the built-in policy as version 1 when no version exists yet (once, whatever the instances). */
    async seed(): Promise<void> {
      const { version: _v, ...policy } = DEFAULT_POLICY;
      await store.apply(POLICY_ID, 'seed:default-policy', (current) => (current ? undefined : versionChange(policy, 1)));
    },

    /**
     * The version new decisions use: the newest. Read at most once per `activeTtlMs` (default 2 s)
     * instead of once per event; a version published through this process applies at once, one
     * published through another instance within `activeTtlMs`. The decision names the version it used.
     */
    async active(): Promise<ClearancePolicy> {
      if (newest && performance.now() - newest.readAt < activeTtlMs) return newest.policy;
      // Handlers that find the policy stale at once share one read.
      reading ??= store
        .load(POLICY_ID)
        .then((latest) => {
          if (!latest) throw notFound('CLEARANCE.NO_POLICY', 'No clearance policy is stored');
          return remember(toPolicy(latest));
        })
        .finally(() => (reading = undefined));
      return reading;
    },

    async version(version: number): Promise<ClearancePolicy> {
      const known = versions.get(version);
      if (known) return known;
      for (const r of await store.history(POLICY_ID)) remember(toPolicy(r));
      const found = versions.get(version);
      if (!found) throw notFound('CLEARANCE.POLICY_NOT_FOUND', `There is no policy version ${version}`);
      return found;
    },

    async list(): Promise<ClearancePolicy[]> {
      return (await store.history(POLICY_ID)).map((r) => remember(toPolicy(r)));
    },

    /** Publishes a new version; a retried request (same key) publishes nothing new. */
    async publish(policy: Omit<ClearancePolicy, 'version'>, commandKey: string): Promise<ClearancePolicy> {
      const result = await store.apply(POLICY_ID, commandKey, (current) => versionChange(policy, (current?.rev ?? 0) + 1));
      if (!result.revision) throw notFound('CLEARANCE.NO_POLICY', 'The policy was not stored');
      return remember(toPolicy(result.revision));
    },
  };
}

export type PolicyRepository = ReturnType<typeof createPolicyRepository>;
