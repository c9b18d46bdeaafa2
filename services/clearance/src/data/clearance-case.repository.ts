import type { Connection } from 'mongoose';
import { createAggregateStore, type EventEnvelope } from '@vetting/platform';
import { emptyCase, type CaseStatus, type ClearanceCase } from '../domain/clearance-case';

type CaseState = Omit<ClearanceCase, 'candidateId'> & Record<string, unknown>;

export interface CaseChange {
  next: ClearanceCase;
  events: EventEnvelope[];
}

export type CaseDecide = (current: ClearanceCase, exists: boolean) => CaseChange | undefined;

const toCase = (id: string, state: CaseState): ClearanceCase => ({ ...(state as Omit<ClearanceCase, 'candidateId'>), candidateId: id });
const fromView = ({ _id, _rev: _r, _updatedAt: _u, ...state }: CaseState & { _id: string; _rev: number; _updatedAt?: unknown }) => toCase(_id, state as CaseState);

/**
 * Clearance cases as immutable revisions (createAggregateStore): a decision, a revocation or an
 * expiry is stored together with its event, once per cause (event id, command key, `expire:<decision>`).
 */
export function createClearanceCaseRepository(db: Connection) {
  // Cases are written by this service alone, mostly by one member per candidate: remembering the newest
  // revision saves reading it (a scan of every revision on FerretDB v1) before each write.
  const store = createAggregateStore<CaseState>(db, 'clearance_cases', { cacheLatest: 20_000 });
  /** The case as the given cause left it, when that cause was already applied. */
  async function byCause(id: string, causedBy: string): Promise<ClearanceCase | undefined> {
    const seen = (await store.revisions.findOne({ causedBy })) as unknown as { state: CaseState } | null;
    return seen ? toCase(id, seen.state) : undefined;
  }
  return {
    collection: store.revisions,
    ensureIndexes: () => store.ensureIndexes([{ status: 1, validUntil: 1 }, { flagged: 1, lastFlaggedAt: -1 }, { country: 1 }]),

    /**
     * Applies one cause's effect on a case exactly once. `decide` is pure and may run more than once
     * (a concurrent writer won the insert race); it may throw an AppError to refuse a command.
     * `command: false` (a consumed event): no look-up of the cause, first or after; a redelivered
     * event either changes nothing ('unchanged') or fails on the unique cause ('duplicate').
     */
    async apply(id: string, country: string, causedBy: string, decide: CaseDecide, { command = true }: { command?: boolean } = {}) {
      // A retried command must answer as the first time, not be re-judged on the state it produced.
      const seen = command ? await byCause(id, causedBy) : undefined;
      if (seen) return { outcome: 'duplicate' as const, case: seen };
      let stored: ClearanceCase | undefined;
      const result = await store.apply(
        id,
        causedBy,
        (current) => {
          const change = decide(current ? toCase(id, current.state) : emptyCase(id, country), Boolean(current));
          if (!change) return undefined;
          stored = change.next;
          const { candidateId: _id, ...state } = change.next;
          return { state: state as CaseState, events: change.events };
        },
        undefined,
        { tellDuplicate: command },
      );
      if (result.outcome !== 'applied') stored = result.revision ? toCase(id, result.revision.state) : undefined;
      return { outcome: result.outcome, case: stored };
    },

    byCause,

    async find(id: string): Promise<ClearanceCase | undefined> {
      const revision = await store.load(id);
      return revision ? toCase(id, revision.state) : undefined;
    },

    /** What changed the case, revision by revision: the cause (event id, command key, `expire:<decision>`) and the events emitted. */
    async causes(id: string): Promise<{ rev: number; causedBy: string; at: string; events: string[] }[]> {
      return (await store.history(id)).map((r) => ({ rev: r.rev, causedBy: r.causedBy, at: r.at, events: r.events.map((e) => e.type) }));
    },

    /** Cases in the given states, oldest change first (the view: eventually consistent). */
    async listByStatus(statuses: CaseStatus[], limit: number, country?: string): Promise<ClearanceCase[]> {
      const filter: Record<string, unknown> = { status: { $in: statuses } };
      if (country) filter.country = country;
      return (await store.find(filter, { sort: { _updatedAt: 1 }, limit })).map(fromView);
    },

    async flagged(limit: number, country?: string): Promise<ClearanceCase[]> {
      const filter: Record<string, unknown> = { flagged: true };
      if (country) filter.country = country;
      return (await store.find(filter, { sort: { lastFlaggedAt: -1 }, limit })).map(fromView);
    },

    /** Ids of cases whose clearance ended by `now`, per the view; the expiry re-checks each exactly. */
    async dueForExpiry(now: Date, limit: number, skip: string[] = []): Promise<{ id: string; country: string }[]> {
      const filter: Record<string, unknown> = { status: 'cleared', validUntil: { $lte: now.toISOString() } };
      if (skip.length) filter._id = { $nin: skip };
      const docs = await store.find(filter, { sort: { validUntil: 1 }, limit });
      return docs.map((d) => ({ id: d._id, country: d.country as string }));
    },
  };
}

export type ClearanceCaseRepository = ReturnType<typeof createClearanceCaseRepository>;
