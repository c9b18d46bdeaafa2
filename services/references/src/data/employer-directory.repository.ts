import type { Connection } from 'mongoose';
import { createAggregateStore, createEvent, type Revision } from '@vetting/platform';
import type { EmployerEntry } from '../domain/employer-directory';

type EntryState = Omit<EmployerEntry, 'employerId'> & Record<string, unknown>;

const toEntry = (id: string, state: EntryState): EmployerEntry => ({ ...(state as Omit<EmployerEntry, 'employerId'>), employerId: id });

/** `reference.employer-verified`: who verified which organisation's contacts (no contact address: they are people). */
function changedEvent(e: EmployerEntry, revision: number) {
  return createEvent('references', {
    type: 'reference.employer-verified',
    subject: e.employerId,
    data: { employerId: e.employerId, name: e.name, domains: e.domains, contactCount: e.contacts.length, status: e.status, verifiedBy: e.verifiedBy, verifiedAt: e.verifiedAt, revision },
  });
}

/**
 * Directory entries as revisions of one aggregate each (who verified what, when, is kept), every
 * change published for the audit trail. The directory is small (organisations, not people): planning
 * reads it whole, at most once per `ttlMs` (default 2 s), instead of once per candidate.
 */
export function createEmployerDirectory(db: Connection, { ttlMs = 2000 }: { ttlMs?: number } = {}) {
  const store = createAggregateStore<EntryState>(db, 'employer_directory');
  let cached: { entries: EmployerEntry[]; readAt: number } | undefined;
  return {
    revisions: store.revisions,
    ensureIndexes: () => store.ensureIndexes([{ status: 1 }]),

    /** Every entry (active and retired), by name. */
    async all(): Promise<EmployerEntry[]> {
      if (cached && performance.now() - cached.readAt < ttlMs) return cached.entries;
      const rows = await store.find({}, { sort: { name: 1 } });
      const entries = rows.map(({ _id, _rev: _r, _updatedAt: _u, ...state }) => toEntry(_id, state as unknown as EntryState));
      cached = { entries, readAt: performance.now() };
      return entries;
    },

    async get(employerId: string): Promise<EmployerEntry | undefined> {
      const r = await store.load(employerId);
      return r ? toEntry(employerId, r.state) : undefined;
    },

    async history(employerId: string): Promise<(EmployerEntry & { revision: number })[]> {
      return (await store.history(employerId)).map((r: Revision<EntryState>) => ({ ...toEntry(employerId, r.state), revision: r.rev }));
    },

    /** Stores a new version of an entry (creating it at revision 1); `commandKey` makes a retry apply once. */
    async save(entry: EmployerEntry, commandKey: string, expectedRevision?: number): Promise<{ entry: EmployerEntry; revision: number; applied: boolean }> {
      const { employerId, ...state } = entry;
      const result = await store.apply(employerId, commandKey, (current) => {
        if (expectedRevision !== undefined && (current?.rev ?? 0) !== expectedRevision) return undefined;
        return { state: state as EntryState, events: [changedEvent(entry, (current?.rev ?? 0) + 1)] };
      });
      cached = undefined;
      const revision = result.revision ?? (await store.load(employerId));
      return { entry: revision ? toEntry(employerId, revision.state) : entry, revision: revision?.rev ?? 0, applied: result.outcome === 'applied' };
    },
  };
}

export type EmployerDirectory = ReturnType<typeof createEmployerDirectory>;
