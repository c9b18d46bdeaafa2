import type { Connection } from 'mongoose';
import { createAggregateStore, type EventEnvelope, type Revision } from '@vetting/platform';
import type { Candidate, TimelineEntry } from '../domain/candidate';
import type { StatusChange } from '../domain/candidate-status';

type CandidateState = Omit<Candidate, 'id'> & Record<string, unknown>;

const toCandidate = (id: string, state: CandidateState): Candidate => ({ ...(state as Omit<Candidate, 'id'>), id });

export interface ListFilter {
  country?: string;
  rotation?: string;
  status?: string;
  declarationFlagged?: boolean;
  limit: number;
  /** Cursor: the createdAt|id of the last item of the previous page. */
  after?: string;
}

export type ApplyResult = 'applied' | 'duplicate' | 'unchanged' | 'missing';

/** Candidates as immutable revisions (see createAggregateStore), with a view for listing. */
export function createCandidateRepository(db: Connection) {
  const store = createAggregateStore<CandidateState>(db, 'candidates');
  return {
    collection: store.revisions,

    ensureIndexes: () => store.ensureIndexes([{ country: 1, createdAt: -1 }, { caseReference: 1 }, { country: 1, 'nomination.rotation': 1 }]),

    /** Bulk creation (one insert per chunk); ids already stored by an interrupted run are skipped. */
    async createMany(items: { candidate: Candidate; events: EventEnvelope[]; causedBy: string }[]) {
      return store.createMany(items.map(({ candidate: { id, ...state }, events, causedBy }) => ({ id, causedBy, state, events })));
    },

    /**
     * Applies a command (update, withdrawal) computed from the current state, once per cause. `decide`
     * returns the new candidate and its events, or undefined when nothing changes.
     */
    async change(id: string, causedBy: string, decide: (c: Candidate) => { candidate: Candidate; events: EventEnvelope[] } | undefined) {
      const result = await store.apply(id, causedBy, (current) => {
        if (!current) return undefined;
        const next = decide(toCandidate(id, current.state));
        if (!next) return undefined;
        const { id: _id, ...state } = next.candidate;
        return { state, events: next.events };
      });
      return { outcome: result.outcome, candidate: result.revision ? toCandidate(id, result.revision.state) : undefined };
    },

    /** Every candidate of a rotation of a country (the nominal roll), from the view. */
    async rotation(country: string, rotation: string): Promise<Candidate[]> {
      const docs = await store.find({ country, 'nomination.rotation': rotation }, { sort: { _id: 1 } });
      return docs.map(({ _id, _rev: _r, _updatedAt: _u, ...state }) => toCandidate(_id, state as CandidateState));
    },

    /** Candidates by id from the view (report links); missing ids are left out. */
    async findMany(ids: string[]): Promise<Candidate[]> {
      if (!ids.length) return [];
      const docs = await store.find({ _id: { $in: ids as never[] } });
      return docs.map(({ _id, _rev: _r, _updatedAt: _u, ...state }) => toCandidate(_id, state as CandidateState));
    },

    /** Stores a new candidate with its events; a retried command (same key) stores nothing new. */
    async insert(candidate: Candidate, events: EventEnvelope[], commandKey: string): Promise<Candidate> {
      const { id, ...state } = candidate;
      const result = await store.apply(id, commandKey, (current) => (current ? undefined : { state, events }));
      const stored = result.revision;
      return stored ? toCandidate(stored.aggregateId, stored.state) : candidate;
    },

    async findById(id: string): Promise<Candidate | undefined> {
      const revision = await store.load(id);
      return revision ? toCandidate(id, revision.state) : undefined;
    },

    async list(filter: ListFilter): Promise<Candidate[]> {
      const query: Record<string, unknown> = {};
      if (filter.country) query.country = filter.country;
      if (filter.rotation) query['nomination.rotation'] = filter.rotation;
      if (filter.status) query.status = filter.status;
      if (filter.declarationFlagged !== undefined) query.declarationFlagged = filter.declarationFlagged;
      if (filter.after) {
        const [createdAt, id] = filter.after.split('|');
        query.$or = [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: id } }];
      }
      const docs = await store.find(query, { sort: { createdAt: -1, _id: -1 }, limit: filter.limit });
      return docs.map(({ _id, _rev: _r, _updatedAt: _u, ...state }) => toCandidate(_id, state as CandidateState));
    },

    /** Applies a lifecycle change computed from the current state, once per event. */
    async applyOnce(id: string, eventId: string, compute: (c: Candidate) => StatusChange | undefined, label: string, at: string): Promise<ApplyResult> {
      let missing = false;
      const result = await store.apply(id, eventId, (current?: Revision<CandidateState>) => {
        if (!current) {
          missing = true;
          return undefined;
        }
        const change = compute(toCandidate(id, current.state));
        if (!change) return undefined;
        const entry: TimelineEntry = { at, status: change.status, event: label };
        return {
          state: {
            ...current.state,
            status: change.status,
            screeningDone: change.screeningDone,
            referencesDone: change.referencesDone,
            ...(change.decision ? { decision: change.decision } : {}),
            ...(change.screenedAgainst ? { screenedAgainst: change.screenedAgainst } : {}),
            timeline: [...current.state.timeline, entry],
          },
        };
      });
      return missing ? 'missing' : result.outcome;
    },
  };
}

export type CandidateRepository = ReturnType<typeof createCandidateRepository>;
