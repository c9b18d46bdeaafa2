import type { Connection } from 'mongoose';
import { BUILT_IN_NOTE, BUILT_IN_POLICY, fromPublished, rulesOf } from '@vetting/policy';
import { createAggregateStore, createEvent, notFound, type Revision } from '@vetting/platform';
import type { ClearancePolicy } from '../domain/clearance-policy';

type PolicyState = Omit<ClearancePolicy, 'version'> & Record<string, unknown>;

const POLICY_ID = 'clearance-policy';
/** Versions stored before a rule existed read with its built-in value (packages/policy fromPublished). */
const toPolicy = (r: Revision<PolicyState>): ClearancePolicy => {
  const { createdBy, createdAt, note, ...rules } = r.state;
  return fromPublished({ version: r.rev, createdBy, createdAt, ...(note ? { note } : {}), rules });
};

/** A new version and its `clearance.policy-published` event, stored together: references and intake follow it. */
function versionChange(policy: Omit<ClearancePolicy, 'version'>, version: number) {
  const { createdBy, createdAt, note } = policy;
  const data = { version, createdBy, createdAt, ...(note ? { note } : {}), rules: rulesOf(policy) };
  return {
    state: policy as PolicyState,
    events: [createEvent('clearance', { type: 'clearance.policy-published', subject: POLICY_ID, data })],
  };
}

/** A built-in version older than this code's (stored by `seed` before the built-in rules changed). */
const olderBuiltIn = (p: ClearancePolicy) => p.createdBy === 'system' && p.note !== BUILT_IN_NOTE;

/**
 * The one vetting policy's versions as revisions of one aggregate: version n is revision n, written
 * once and never changed, so a decision naming version n can always be replayed under exactly those
 * rules. Each version is published (`clearance.policy-published`) for the services that follow it.
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

    /**
     * Stores the built-in rules as a version when none exists, or when the newest is an older
     * built-in (a version an administrator published is never replaced). Once, whatever the instances.
     */
    async seed(): Promise<void> {
      const { version: _v, ...builtIn } = BUILT_IN_POLICY;
      await store.apply(POLICY_ID, `seed:${BUILT_IN_NOTE}`, (current) =>
        !current || olderBuiltIn(toPolicy(current))
          ? versionChange({ ...builtIn, createdAt: new Date().toISOString() }, (current?.rev ?? 0) + 1)
          : undefined,
      );
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
