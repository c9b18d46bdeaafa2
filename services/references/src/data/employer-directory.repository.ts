import type { Connection } from 'mongoose';
import { createAggregateStore, createEvent, type Revision } from '@vetting/platform';
import { indexEmployers, keysOf, type EmployerEntry, type EmployerIndex } from '../domain/employer-directory';

type EntryState = Omit<EmployerEntry, 'employerId'> & Record<string, unknown>;

const toEntry = (id: string, state: EntryState): EmployerEntry => ({ ...(state as Omit<EmployerEntry, 'employerId'>), employerId: id });

/** `reference.employer-verified`: who verified which organisation's contacts (no contact address: they are people). */
function changedEvent(e: EmployerEntry, revision: number) {
  return createEvent('references', {
    type: 'reference.employer-verified',
    subject: e.employerId,
    data: {
      employerId: e.employerId,
      name: e.name,
      domains: e.domains,
      contactCount: e.contacts.length,
      status: e.status,
      verifiedBy: e.verifiedBy,
      verifiedAt: e.verifiedAt,
      revision,
    },
  });
}

/**
 * Directory entries as revisions of one aggregate each (who verified what, when, is kept), every
 * change published for the audit trail. Planning reads the directory whole, at most once per `ttlMs`
 * (default 30 s; at once after a change through this process), and keeps each entry's name keys by
 * revision, so a re-read rebuilds the index without normalising unchanged names again (5,000
 * entries: bench/results/reference-planning.md). A change made through another instance applies
 * there within `ttlMs`; until then a newly added employer's requests wait for a confirmed contact,
 * the safe side.
 */
export function createEmployerDirectory(db: Connection, { ttlMs = 30_000 }: { ttlMs?: number } = {}) {
  const store = createAggregateStore<EntryState>(db, 'employer_directory');
  let cached: { entries: EmployerEntry[]; index: EmployerIndex; readAt: number } | undefined;
  let keys = new Map<string, string[]>();
  return {
    revisions: store.revisions,
    ensureIndexes: () => store.ensureIndexes([{ status: 1 }]),

    /** Every entry (active and retired), by name. */
    async all(): Promise<EmployerEntry[]> {
      return (await this.read()).entries;
    },

    /** The active entries by name key, for planning (built once per read). */
    async index(): Promise<EmployerIndex> {
      return (await this.read()).index;
    },

    async read() {
      if (cached && performance.now() - cached.readAt < ttlMs) return cached;
      const rows = await store.find({}, { sort: { name: 1 } });
      const entries = rows.map(({ _id, _rev: _r, _updatedAt: _u, ...state }) => toEntry(_id, state as unknown as EntryState));
      const known = new Map<string, string[]>();
      const keysFor = (e: EmployerEntry, i: number) => {
        const id = `${e.employerId}#${rows[i]!._rev}`;
        const found = keys.get(id) ?? keysOf(e);
        known.set(id, found);
        return found;
      };
      const withKeys = new Map(entries.map((e, i) => [e, keysFor(e, i)]));
      keys = known;
      cached = { entries, index: indexEmployers(entries, (e) => withKeys.get(e) ?? keysOf(e)), readAt: performance.now() };
      return cached;
    },

    async get(employerId: string): Promise<EmployerEntry | undefined> {
      const r = await store.load(employerId);
      return r ? toEntry(employerId, r.state) : undefined;
    },

    async history(employerId: string): Promise<(EmployerEntry & { revision: number })[]> {
      return (await store.history(employerId)).map((r: Revision<EntryState>) => ({ ...toEntry(employerId, r.state), revision: r.rev }));
    },

    /** Stores a new version of an entry (creating it at revision 1); `commandKey` makes a retry apply once. */
    async save(
      entry: EmployerEntry,
      commandKey: string,
      expectedRevision?: number,
    ): Promise<{ entry: EmployerEntry; revision: number; applied: boolean }> {
      const { employerId, ...state } = entry;
      const result = await store.apply(employerId, commandKey, (current) => {
        if (expectedRevision !== undefined && (current?.rev ?? 0) !== expectedRevision) return undefined;
        return { state: state as EntryState, events: [changedEvent(entry, (current?.rev ?? 0) + 1)] };
      });
      cached = undefined;
      const revision = result.revision ?? (await store.load(employerId));
      return {
        entry: revision ? toEntry(employerId, revision.state) : entry,
        revision: revision?.rev ?? 0,
        applied: result.outcome === 'applied',
      };
    },
  };
}

export type EmployerDirectory = ReturnType<typeof createEmployerDirectory>;
