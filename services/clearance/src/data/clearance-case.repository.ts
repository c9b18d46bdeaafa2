import type { Connection } from 'mongoose';
import { createAggregateStore, type EventEnvelope } from '@vetting/platform';
import type { ClearanceCase } from '../domain/clearance-case';

type CaseState = Omit<ClearanceCase, 'candidateId'> & Record<string, unknown>;

export interface CaseChange {
  next: ClearanceCase;
  events: EventEnvelope[];
}

/** Clearance cases as immutable revisions: a decision and its event are stored together, once. */
export function createClearanceCaseRepository(db: Connection) {
  const store = createAggregateStore<CaseState>(db, 'clearance_cases');
  const toCase = (id: string, state: CaseState): ClearanceCase => ({ ...(state as Omit<ClearanceCase, 'candidateId'>), candidateId: id });
  return {
    collection: store.revisions,
    ensureIndexes: () => store.ensureIndexes([{ country: 1 }]),
    /** Applies one event's effect on a case exactly once. */
    async apply(id: string, country: string, eventId: string, decide: (c: ClearanceCase) => CaseChange | undefined) {
      const result = await store.apply(id, eventId, (current) => {
        const change = decide(current ? toCase(id, current.state) : { candidateId: id, country, decisions: [] });
        if (!change) return undefined;
        const { candidateId: _id, ...state } = change.next;
        return { state: state as CaseState, events: change.events };
      });
      return result.outcome;
    },
    async find(id: string): Promise<ClearanceCase | undefined> {
      const revision = await store.load(id);
      return revision ? toCase(id, revision.state) : undefined;
    },
  };
}

export type ClearanceCaseRepository = ReturnType<typeof createClearanceCaseRepository>;
