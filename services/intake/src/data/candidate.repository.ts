import type { Connection } from 'mongoose';
import { createAggregateStore, type EventEnvelope, type Revision } from '@vetting/platform';
import type { Candidate, TimelineEntry } from '../domain/candidate';
import type { StatusChange } from '../domain/candidate-status';
import { searchKeysOf, type SearchQuery } from '../domain/search-keys';
import { createRollOpener, openAll, openStored, toStored, VIEW_FIELDS, type StoredCandidate } from './candidate.stored';
import { personalOf, rollGroup, type PersonalCipher } from './personal-data.cipher';
import { afterCursor, cursorOf, pageOf } from './roll-cursor';
import { createRollOrderRepository } from './roll-order.repository';
import { createSearchIndexRepository } from './search-index.repository';

export interface ListFilter {
  country?: string;
  rotation?: string;
  mission?: string;
  status?: string;
  declarationFlagged?: boolean;
  /** Name words, a service number or a case reference (domain/search-keys.ts). */
  search?: SearchQuery;
  limit: number;
  /** Cursor: the createdAt|id of the last item of the previous page. */
  after?: string;
}

export type ApplyResult = 'applied' | 'duplicate' | 'unchanged' | 'missing';

export type ViewDoc = StoredCandidate & { _id: string };
/** A filter by `_id` (the view's ids are strings, where the driver's types expect ObjectIds). */
const idFilter = (id: string): Record<string, unknown> => ({ _id: id });
/** Up to this many matches of a search are read by id (see `matchedRows`); more, with the filter. */
const SEARCH_READ_BY_ID = 200;

/** What a command does to a candidate: the new state and its events, or nothing. */
type ChangeDecision = { candidate: Candidate; events: EventEnvelope[] } | undefined;

/**
 * Candidates as immutable revisions (see createAggregateStore), with a view for listing. Personal
 * sections are sealed on the way in and opened on the way out (candidate.stored.ts), so use cases
 * see plain candidates and the database sees ciphertext.
 */
export function createCandidateRepository(db: Connection, cipher: PersonalCipher) {
  // Packed: each state is one JSON text (FerretDB v1 writes and reads it several times faster than
  // nested fields; a 10,000-row upload writes 10,000 revisions and view rows at once).
  // cacheLatest: each candidate's status follows three or four events in this process; remembering its
  // newest revision saves reading it before each (a stale one loses the insert race and is re-read).
  const store = createAggregateStore<StoredCandidate>(db, 'candidates', { packed: { viewFields: VIEW_FIELDS }, cacheLatest: 10_000 });
  const sealOf = (c: Candidate) => cipher.seal(c.id, personalOf(c), rollGroup(c.country, c.nomination.rotation));
  const open = (id: string, state: StoredCandidate) => openStored(cipher, id, state);
  const search = createSearchIndexRepository(db);
  const searchDocOf = (c: Candidate) => ({
    _id: c.id,
    country: c.country,
    rotation: c.nomination.rotation,
    keys: searchKeysOf(c.person, cipher.blind),
  });
  /** Keeps the search keys in step with a stored candidate; an erased person is removed from the index. */
  const syncSearch = async (c: Candidate) => {
    if (c.erased) return search.remove(c.id);
    const doc = searchDocOf(c);
    await search.put(doc._id, doc.country, doc.rotation, doc.keys);
  };
  const order = createRollOrderRepository(db);
  const orderRowOf = (c: Candidate) => ({ _id: c.id, country: c.country, rotation: c.nomination.rotation, createdAt: c.createdAt });
  /** A filter of one roll and nothing else: its pages and total are read from the roll's order. */
  const rollOnly = (f: Omit<ListFilter, 'limit' | 'after'>): f is { country: string; rotation: string } =>
    Boolean(f.country && f.rotation) && !f.mission && !f.status && f.declarationFlagged === undefined && !f.search;
  /** View rows by id, one point read each (FerretDB v1 answers `$in` by reading the whole collection). */
  const rowsByIds = async (ids: string[]) => {
    const rows = await Promise.all(ids.map((id) => store.find(idFilter(id)) as Promise<ViewDoc[]>));
    return rows.flat();
  };
  /**
   * Fills the roll order of candidates stored before it existed, from the view's indexed fields: at
   * start, when the order is empty and the view is not (two one-row reads; a count of the view would
   * read every row on FerretDB v1).
   */
  async function fillOrder() {
    if ((await order.collection.findOne({})) || !(await store.view.findOne({}))) return;
    const rows = await store.view.find({}, { projection: { country: 1, rotation: 1, createdAt: 1 } }).toArray();
    await order.putMany(
      rows.map((r) => ({ _id: String(r._id), country: String(r.country), rotation: String(r.rotation), createdAt: String(r.createdAt) })),
    );
  }

  /**
   * The view query of a list filter, and the ids a name or service-number search matched (the
   * query holds them as `_id: { $in }`); `undefined` when a search matches nobody.
   */
  async function viewQuery(
    filter: Omit<ListFilter, 'limit' | 'after'>,
  ): Promise<{ query: Record<string, unknown>; ids?: string[] } | undefined> {
    const query: Record<string, unknown> = {};
    if (filter.country) query.country = filter.country;
    if (filter.rotation) query.rotation = filter.rotation;
    if (filter.mission) query.mission = filter.mission;
    if (filter.status) query.status = filter.status;
    if (filter.declarationFlagged !== undefined) query.declarationFlagged = filter.declarationFlagged;
    if (filter.search?.caseReference) query.caseReference = filter.search.caseReference;
    else if (filter.search) {
      const ids = await search.find({ country: filter.country, rotation: filter.rotation }, filter.search);
      if (!ids.length) return undefined;
      query._id = { $in: ids };
      return { query, ids };
    }
    return { query };
  }

  /**
   * The rows of a search's few matches, one point read each with the rest of the filter; undefined
   * for more than SEARCH_READ_BY_ID. FerretDB v1 answers `$in` by reading every row the rest of the
   * filter matches (the whole roll for a search within it).
   */
  async function matchedRows(found: { query: Record<string, unknown>; ids?: string[] }): Promise<ViewDoc[] | undefined> {
    if (!found.ids || found.ids.length > SEARCH_READ_BY_ID) return undefined;
    const rows = await Promise.all(found.ids.map((id) => store.find({ ...found.query, ...idFilter(id) }) as Promise<ViewDoc[]>));
    return rows.flat();
  }

  async function load(id: string): Promise<{ rev: number; candidate: Candidate; stored: StoredCandidate } | undefined> {
    const revision = await store.load(id);
    return revision ? { rev: revision.rev, candidate: await open(id, revision.state), stored: revision.state } : undefined;
  }

  return {
    collection: store.revisions,

    ensureIndexes: async () => {
      await store.ensureIndexes([
        { country: 1, createdAt: -1 },
        { caseReference: 1 },
        // The roll's pages, newest first (on MongoDB a bounded index read; FerretDB v1 uses the first key only).
        { country: 1, rotation: 1, createdAt: -1, _id: -1 },
        { status: 1 },
        { country: 1, mission: 1 },
      ]);
      await search.ensureIndexes();
      await order.ensureIndexes();
      await fillOrder();
    },

    /**
     * Seals many people at once (one insert for all their new data keys), by candidate id. Bulk
     * uploads seal a chunk while its duplicates are being planned; a row that turns out to be a
     * duplicate leaves an unused random key behind (it protects and reveals nothing).
     */
    async sealMany(
      items: {
        candidate: Pick<Candidate, 'id' | 'person' | 'selfDeclaration' | 'employmentDeclaration' | 'withdrawal' | 'country' | 'nomination'>;
      }[],
    ): Promise<Map<string, string>> {
      const sealed = await cipher.sealMany(
        items.map(({ candidate: c }) => ({ candidateId: c.id, data: personalOf(c), group: rollGroup(c.country, c.nomination.rotation) })),
      );
      return new Map(items.map((item, i) => [item.candidate.id, sealed[i]!]));
    },

    /** Bulk creation (one insert per chunk); ids stored by an interrupted run are skipped. `sealed` from sealMany. */
    async createMany(items: { candidate: Candidate; events: EventEnvelope[]; causedBy: string }[], sealed?: Map<string, string>) {
      const personal = sealed ?? (await this.sealMany(items));
      const created = await store.createMany(
        items.map(({ candidate, events, causedBy }) => ({
          id: candidate.id,
          causedBy,
          state: toStored(candidate, personal.get(candidate.id)),
          events,
        })),
      );
      await search.putMany(items.map(({ candidate }) => searchDocOf(candidate)));
      await order.putMany(items.map(({ candidate }) => orderRowOf(candidate)));
      return created;
    },

    /**
     * Applies a command (update, withdrawal, erasure) computed from the current state, once per cause.
     * `decide` returns the new candidate and its events, or undefined when nothing changes. Sealing is
     * asynchronous, so the decision is made on the opened latest revision and inserted only on top of
     * that same revision; a concurrent change in between makes it decide again.
     */
    async change(id: string, causedBy: string, decide: (c: Candidate) => ChangeDecision | Promise<ChangeDecision>) {
      for (;;) {
        const current = await load(id);
        const next = current ? await decide(current.candidate) : undefined;
        let personal: string | undefined;
        const same = (a: Candidate, b: Candidate) =>
          a.person === b.person &&
          a.selfDeclaration === b.selfDeclaration &&
          a.employmentDeclaration === b.employmentDeclaration &&
          a.withdrawal === b.withdrawal;
        if (next && current && !next.candidate.erased)
          personal = same(next.candidate, current.candidate) ? current.stored.personal : await sealOf(next.candidate);
        let stale = false;
        const result = await store.apply(id, causedBy, (latest) => {
          if (!next || !current) return undefined;
          if (latest?.rev !== current.rev) return void (stale = true);
          return { state: toStored(next.candidate, personal), events: next.events };
        });
        if (stale && result.outcome === 'unchanged') continue;
        if (result.outcome === 'applied' && next) {
          await syncSearch(next.candidate);
          await order.put(orderRowOf(next.candidate)); // a correction may move the nomination to another rotation
        }
        return { outcome: result.outcome, candidate: result.revision ? await open(id, result.revision.state) : undefined };
      }
    },

    /**
     * Every candidate of a rotation of a country (the nominal roll) as stored, from the view: nothing
     * opened, so a roll can be judged (is it decided?) before anyone's data is unsealed.
     */
    rotationRows: async (country: string, rotation: string): Promise<ViewDoc[]> =>
      // Sorted here, not by the database: FerretDB v1 sorts in its own process after converting
      // every row (a fifth of the read of a 10,000-member roll). Ids are ASCII: code-unit order is
      // MongoDB's byte order.
      ((await store.find({ country, rotation })) as ViewDoc[]).sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)),

    /**
     * The data keys of a rotation's roll, in one read: started beside the read of its rows when the
     * whole roll will be opened (`openRotation`), so the two reads overlap. Nothing is opened by it.
     */
    rollKeys(country: string, rotation: string): Promise<Map<string, Buffer>> {
      const keys = cipher.rollKeys(rollGroup(country, rotation));
      keys.catch(() => undefined); // awaited by `openRotation`; a refusal in between never awaits it
      return keys;
    },

    /** Opens rows of one rotation's roll, the roll's data keys in one read (see createRollOpener), or with `keys` from `rollKeys`. */
    openRotation: (country: string, rotation: string, rows: ViewDoc[], keys?: Promise<Map<string, Buffer>>) =>
      createRollOpener(cipher, rollGroup(country, rotation), keys)(rows),

    /** Every candidate of a rotation of a country, opened (the rows and the roll's keys read at once). */
    async rotation(country: string, rotation: string): Promise<Candidate[]> {
      const keys = this.rollKeys(country, rotation);
      return this.openRotation(country, rotation, await this.rotationRows(country, rotation), keys);
    },

    /**
     * What a list filter matches, newest first, in pages of `size`, from one cursor on the view
     * (FerretDB v1 reads every matching row for each sorted query: one read, not one per page); the
     * roll's data keys are read once when the filter names a country and a rotation.
     */
    async *pages(filter: Omit<ListFilter, 'limit' | 'after'>, size: number): AsyncGenerator<Candidate[]> {
      const query = (await viewQuery(filter))?.query;
      if (!query) return;
      const roll = filter.country && filter.rotation ? createRollOpener(cipher, rollGroup(filter.country, filter.rotation)) : undefined;
      const open = (docs: ViewDoc[]) => (roll ? roll(docs) : openAll(docs, cipher));
      let page: ViewDoc[] = [];
      for await (const doc of store.scan(query, { sort: { createdAt: -1, _id: -1 }, batchSize: size })) {
        page.push(doc as ViewDoc);
        if (page.length < size) continue;
        yield await open(page);
        page = [];
      }
      if (page.length) yield await open(page);
    },

    /** Case references by candidate id, from the view (report links; nothing personal is opened). */
    async caseReferences(ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      const docs = await store.find({ _id: { $in: ids as never[] } });
      return new Map(docs.map((d) => [d._id, d.caseReference]));
    },

    /** Stores a new candidate with its events; a retried command (same key) stores nothing new. */
    async insert(candidate: Candidate, events: EventEnvelope[], commandKey: string): Promise<Candidate> {
      const state = toStored(candidate, await sealOf(candidate));
      const result = await store.apply(candidate.id, commandKey, (current) => (current ? undefined : { state, events }));
      const stored = result.revision;
      if (result.outcome === 'applied') await syncSearch(candidate);
      const saved = stored ? await open(stored.aggregateId, stored.state) : candidate;
      await order.putMany([orderRowOf(saved)]); // also on a retry: it repairs a crash before the row
      return saved;
    },

    findById: async (id: string): Promise<Candidate | undefined> => (await load(id))?.candidate,

    /** Every revision of a candidate, opened (the data-subject access export). */
    async history(id: string): Promise<{ rev: number; at: string; causedBy: string; candidate: Candidate }[]> {
      return Promise.all(
        (await store.history(id)).map(async (r) => ({ rev: r.rev, at: r.at, causedBy: r.causedBy, candidate: await open(id, r.state) })),
      );
    },

    /** Forgets a person's search keys (erasure; idempotent). */
    unsearchable: (id: string) => search.remove(id),

    /** How many candidates a list filter matches (the roll's "n members"): from the roll's order for a whole roll, else from the view. */
    async count(filter: Omit<ListFilter, 'limit' | 'after'>): Promise<number> {
      if (rollOnly(filter)) return order.count(filter.country, filter.rotation);
      const found = await viewQuery(filter);
      if (!found) return 0;
      return (await matchedRows(found))?.length ?? store.view.countDocuments(found.query);
    },

    /**
     * A page of what a list filter matches, newest first, and the cursor of the next page when there
     * may be more. A roll's page is its order's ids, then those view rows by id; a row whose
     * nomination has since moved to another roll is left out (its order row moves with it).
     */
    async list(filter: ListFilter): Promise<{ items: Candidate[]; next?: string }> {
      if (rollOnly(filter)) {
        const { country, rotation } = filter;
        const page = await order.page(country, rotation, filter.limit, filter.after);
        const rows = (await rowsByIds(page.ids)).filter((r) => r.country === country && r.rotation === rotation);
        return { items: await openAll(rows, cipher), ...(page.next ? { next: page.next } : {}) };
      }
      const found = await viewQuery(filter);
      if (!found) return { items: [] };
      const matched = await matchedRows(found);
      if (matched) {
        const page = pageOf(matched, filter.limit, filter.after);
        return { items: await openAll(page.rows, cipher), ...(page.next ? { next: page.next } : {}) };
      }
      const rows = (await store.find(
        { ...found.query, ...(filter.after ? afterCursor(filter.after) : {}) },
        { sort: { createdAt: -1, _id: -1 }, limit: filter.limit },
      )) as ViewDoc[];
      const last = rows.at(-1);
      return { items: await openAll(rows, cipher), ...(rows.length === filter.limit && last ? { next: cursorOf(last) } : {}) };
    },

    /** Candidates (stored form, nothing opened) matching a query on the view: the retention job's scan. */
    async scan(query: Record<string, unknown>, limit: number): Promise<ViewDoc[]> {
      return (await store.find(query, { sort: { _id: 1 }, limit })) as ViewDoc[];
    },

    /**
     * Empties the outbox copies of an erased candidate's published events (candidate.submitted carried
     * the person in clear for screening). Only published revisions: the relay never touches those again.
     */
    async scrubPublishedEvents(id: string): Promise<{ scrubbed: number; pending: number }> {
      const revisions = await store.revisions.find({ aggregateId: id }, { projection: { outboxPending: 1, outbox: 1 } }).toArray();
      const hasEvents = (outbox: unknown) => (Array.isArray(outbox) ? outbox.length > 0 : typeof outbox === 'string' && outbox !== '[]');
      const published = revisions.filter((r) => !r.outboxPending && hasEvents(r.outbox));
      for (const r of published) await store.revisions.updateOne({ _id: r._id }, { $set: { outbox: [] } });
      return { scrubbed: published.length, pending: revisions.filter((r) => r.outboxPending).length };
    },

    /** Applies a lifecycle change computed from the current state, once per event; personal data stays sealed. */
    async applyOnce(
      id: string,
      eventId: string,
      compute: (c: Pick<Candidate, 'status' | 'revision' | 'screeningDone' | 'referencesDone'>) => StatusChange | undefined,
      label: string,
      at: string,
    ): Promise<ApplyResult> {
      let missing = false;
      const result = await store.apply(id, eventId, (current?: Revision<StoredCandidate>) => {
        if (!current) {
          missing = true;
          return undefined;
        }
        if (current.state.erased) return undefined;
        const change = compute(current.state);
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
            timeline: JSON.stringify([...(JSON.parse(current.state.timeline) as TimelineEntry[]), entry]),
          },
        };
      });
      return missing ? 'missing' : result.outcome;
    },
  };
}

export type CandidateRepository = ReturnType<typeof createCandidateRepository>;
