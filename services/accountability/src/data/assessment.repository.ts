import type { Connection } from 'mongoose';
import { createAggregateStore, type EventEnvelope } from '@vetting/platform';
import type { Assessment } from '../domain/assessment';

/**
 * Assessments as immutable revisions (createAggregateStore): each save, submission and review is a
 * new revision, so the whole history of an assessment is kept and can be shown. Packed: answers are
 * keyed by question id (`policy.1`), and a MongoDB-protocol key may not hold a dot.
 */
export function createAssessmentRepository(db: Connection) {
  const store = createAggregateStore<Assessment & Record<string, unknown>>(db, 'assessments', {
    packed: { viewFields: ['country', 'office', 'status', 'createdAt'] },
  });
  return {
    collection: store.revisions,
    ensureIndexes: () => store.ensureIndexes([{ country: 1, office: 1 }, { status: 1 }]),
    load: async (id: string) => (await store.load(id))?.state as Assessment | undefined,
    history: async (id: string) => (await store.history(id)).map((r) => ({ rev: r.rev, at: r.at, state: r.state as Assessment })),
    /** Applies a change once per cause; `decide` returns the new state and its events, or undefined to change nothing. */
    change: (
      id: string,
      causedBy: string,
      decide: (current: Assessment | undefined) => { state: Assessment; events: EventEnvelope[] } | undefined,
    ) =>
      store.apply(id, causedBy, (current) => {
        const next = decide(current?.state as Assessment | undefined);
        return next ? { state: next.state as Assessment & Record<string, unknown>, events: next.events } : undefined;
      }),
    /** The latest state of every assessment matching (from the view: eventually consistent). */
    find: async (filter: { country?: string; office?: string; status?: string }) =>
      (
        await store.find(Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), {
          sort: { createdAt: -1 },
          limit: 500,
        })
      ).map(({ _id: _i, _rev: _r, _updatedAt: _u, ...a }) => a as unknown as Assessment),
  };
}

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>;
