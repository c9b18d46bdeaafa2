import type { Connection } from 'mongoose';
import { createAggregateStore, isErased, type EventEnvelope, type PersonalSealer, type PersonKeySource } from '@vetting/platform';
import { emptyCase, type CaseStatus, type ClearanceCase } from '../domain/clearance-case';
import { REVETTING_INDEXES } from './revetting.queries';
import { eventsNeedKey, hasPlainText, hasValueTokens, openTexts, openValuesWithKey, sealEventTexts, sealTexts } from './case-text';

type CaseState = Omit<ClearanceCase, 'candidateId'> & Record<string, unknown>;

export interface CaseChange {
  next: ClearanceCase;
  events: EventEnvelope[];
}

export type CaseDecide = (current: ClearanceCase, exists: boolean) => CaseChange | undefined;

const toCase = (id: string, state: CaseState): ClearanceCase => ({ ...(state as Omit<ClearanceCase, 'candidateId'>), candidateId: id });
const fromView = ({ _id, _rev: _r, _updatedAt: _u, ...state }: CaseState & { _id: string; _rev: number; _updatedAt?: unknown }) =>
  toCase(_id, state as CaseState);

/** Thrown inside a decide function when the change carries written text and the person's key is not in hand yet. */
const NEED_KEY = new Error('the person key is needed');

/**
 * Clearance cases as immutable revisions (createAggregateStore): a decision, a revocation or an
 * expiry is stored together with its event, once per cause (event id, command key, `expire:<decision>`).
 * Written text and the nomination's declared items and employment periods are sealed under the
 * person's key on the way in and opened on the way out (case-text.ts).
 */
export function createClearanceCaseRepository(db: Connection, crypto: { keys: PersonKeySource; sealer: PersonalSealer }) {
  const open = (c: ClearanceCase) => openTexts(c, crypto.sealer);
  // Cases are written by this service alone, mostly by one member per candidate: remembering the newest
  // revision saves reading it (a scan of every revision on FerretDB v1) before each write.
  const store = createAggregateStore<CaseState>(db, 'clearance_cases', { cacheLatest: 20_000 });
  /** The case as the given cause left it, when that cause was already applied. */
  async function byCause(id: string, causedBy: string): Promise<ClearanceCase | undefined> {
    const seen = (await store.revisions.findOne({ causedBy })) as unknown as { state: CaseState } | null;
    return seen ? open(toCase(id, seen.state)) : undefined;
  }
  /** The person's key; undefined once they are erased (written text is then dropped). */
  async function keyOf(id: string): Promise<Buffer | undefined> {
    try {
      return await crypto.keys.key(id);
    } catch (error) {
      if (isErased(error)) return undefined;
      throw error;
    }
  }
  return {
    collection: store.revisions,
    ensureIndexes: () =>
      store.ensureIndexes([{ status: 1, validUntil: 1 }, { flagged: 1, lastFlaggedAt: -1 }, { country: 1 }, ...REVETTING_INDEXES]),

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
      // The key is fetched only when the case or the change carries personal data to open or seal.
      let key: { value: Buffer | undefined } | undefined;
      for (;;) {
        let stored: ClearanceCase | undefined;
        try {
          const result = await store.apply(
            id,
            causedBy,
            (current) => {
              const raw = current ? toCase(id, current.state) : emptyCase(id, country);
              // The policy reads the declared items and employment periods: they are opened for the decision.
              if (!key && hasValueTokens(raw)) throw NEED_KEY;
              const change = decide(key ? openValuesWithKey(raw, key.value) : raw, Boolean(current));
              if (!change) return undefined;
              if (!key && (hasPlainText(change.next) || eventsNeedKey(change.events))) throw NEED_KEY;
              stored = change.next;
              const { candidateId: _id, ...state } = sealTexts(change.next, id, key?.value);
              return { state: state as CaseState, events: sealEventTexts(change.events, key?.value, crypto.sealer) };
            },
            undefined,
            // Asking for the key is no refusal: the remembered state is decided on again once it is in hand, not read.
            { tellDuplicate: command, passThrough: (error) => error === NEED_KEY },
          );
          if (result.outcome !== 'applied') stored = result.revision ? toCase(id, result.revision.state) : undefined;
          return { outcome: result.outcome, case: stored ? await open(stored) : undefined };
        } catch (error) {
          if (error !== NEED_KEY || key) throw error;
          key = { value: await keyOf(id) };
        }
      }
    },

    byCause,

    /**
     * The case as this instance last wrote or read it, texts still sealed, or undefined: no read.
     * Another instance may have changed it since; see `checkChangesNothing` (use-cases/record-input.use-case.ts) for
     * the one use that is safe.
     */
    remembered(id: string): ClearanceCase | undefined {
      const revision = store.remembered(id);
      return revision ? toCase(id, revision.state) : undefined;
    },

    /** Forgets every remembered case (this instance's consumer re-joined its group: its partitions may have moved). */
    forgetRemembered: () => store.forgetRemembered(),

    async find(id: string): Promise<ClearanceCase | undefined> {
      const revision = await store.load(id);
      return revision ? open(toCase(id, revision.state)) : undefined;
    },

    /** What changed the case, revision by revision: the cause (event id, command key, `expire:<decision>`) and the events emitted. */
    async causes(id: string): Promise<{ rev: number; causedBy: string; at: string; events: string[] }[]> {
      return (await store.history(id)).map((r) => ({ rev: r.rev, causedBy: r.causedBy, at: r.at, events: r.events.map((e) => e.type) }));
    },

    /** Cases in the given states, oldest change first (the view: eventually consistent). */
    async listByStatus(statuses: CaseStatus[], limit: number, country?: string): Promise<ClearanceCase[]> {
      const filter: Record<string, unknown> = { status: { $in: statuses } };
      if (country) filter.country = country;
      return Promise.all((await store.find(filter, { sort: { _updatedAt: 1 }, limit })).map((v) => open(fromView(v))));
    },

    async flagged(limit: number, country?: string): Promise<ClearanceCase[]> {
      const filter: Record<string, unknown> = { flagged: true };
      if (country) filter.country = country;
      return Promise.all((await store.find(filter, { sort: { lastFlaggedAt: -1 }, limit })).map((v) => open(fromView(v))));
    },

    /** Cases matching a filter on the view's top-level fields (data/revetting.queries.ts). */
    async findCases(filter: Record<string, unknown>, sort: Record<string, 1 | -1>, limit: number): Promise<ClearanceCase[]> {
      return Promise.all((await store.find(filter, { sort, limit })).map((v) => open(fromView(v))));
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
