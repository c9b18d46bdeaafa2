import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { duplicateIndexes, insertManyOnce, isDuplicateKey } from '@vetting/platform';
import type { AuditEntry } from '../domain/hash-chain';
import { blockText, entryOfLine, linesOf } from '../domain/entry-line';
import { inSeqOrder } from './in-seq-order';
import { seqOfRaw, type RawEntry } from './raw-entry';

/** A block: consecutive entries as one text field (see domain/entry-line.ts); `_id` = block number 1, 2, 3… */
interface BlockDoc {
  _id: number;
  lines: string;
}

/** One row per entry, derived from the chain, for the queries: seq → block, eventId (unique), subject, type. */
interface IndexRow {
  _id: number;
  eventId: string;
  subject: string;
  type: string;
  block: number;
}

export interface StoredBlock {
  block: number;
  entries: AuditEntry[];
}

const decode = (doc: BlockDoc): StoredBlock => ({ block: doc._id, entries: linesOf(doc.lines).map(entryOfLine) });

/**
 * Storage of the chain. Entries live in blocks, one document per appended batch: FerretDB v1
 * converts every field of every document, so one text field holding a thousand entries reads ~20×
 * faster than a thousand documents. A block is claimed by inserting its number (`_id`, unique and
 * atomic even on FerretDB): two writers can never both take block n, and a writer only ever writes
 * n + 1 after it has read n, so the chain can neither fork nor have a hole. The queries go through
 * `audit_index` (one small row per entry) and `audit_refs`; what they return is always taken from
 * the hashed content of the block, never from the index row.
 */
export function createAuditEntryRepository(db: Connection) {
  const blocks = db.collection('audit_blocks') as unknown as Collection<BlockDoc>;
  const index = db.collection('audit_index') as unknown as Collection<IndexRow>;
  const heads = db.collection('audit_head') as unknown as Collection<{ _id: string; block?: number; seq?: number }>;
  // Derived index of list reads (one row per person read), rebuildable from the chain: FerretDB
  // cannot use an index on an array field, but it can on a top-level string.
  const refs = db.collection('audit_refs') as unknown as Collection<{ _id: string; subjectId: string; seq: number; block?: number }>;

  const block = async (n: number): Promise<StoredBlock | undefined> => {
    const doc = await blocks.findOne({ _id: n });
    return doc ? decode(doc) : undefined;
  };
  const blockOf = async (seq: number): Promise<number | undefined> =>
    (await index.findOne({ _id: seq }, { projection: { block: 1 } }))?.block;

  /** The entries with these seqs (from the blocks holding them), checked against what the caller wants from their content. */
  async function entriesAt(rows: { seq: number; block: number }[], wanted: (e: AuditEntry) => boolean): Promise<AuditEntry[]> {
    const seqs = new Set(rows.map((r) => r.seq));
    const out: AuditEntry[] = [];
    for (const n of [...new Set(rows.map((r) => r.block))].sort((a, b) => a - b)) {
      for (const entry of (await block(n))?.entries ?? []) if (seqs.has(entry.seq) && wanted(entry)) out.push(entry);
    }
    return out;
  }

  async function lastBlock(atLeastSeq = 0): Promise<StoredBlock | undefined> {
    const hint = (await heads.findOne({ _id: 'head' }))?.block ?? 0;
    let n = Math.max(hint, atLeastSeq > 0 ? ((await blockOf(atLeastSeq)) ?? 0) : 0, 1);
    let found = await block(n);
    if (!found) {
      // No hint and no block 1: an empty chain. A hint to a block that is gone: the slow sorted query.
      if (n === 1) return undefined;
      const doc = await blocks.find({}).sort({ _id: -1 }).limit(1).next();
      if (!doc) return undefined;
      found = decode(doc);
      n = found.block;
    }
    for (let next = await block(n + 1); next; next = await block(++n + 1)) found = next;
    return found;
  }

  /** Entries of one type (an indexed equality on the index rows, then their blocks). */
  async function* ofType(type: string): AsyncGenerator<AuditEntry> {
    const rows = await index.find({ type }, { projection: { block: 1 } }).toArray();
    yield* await entriesAt(
      rows.map((r) => ({ seq: r._id, block: r.block })),
      (e) => e.type === type,
    );
  }

  return {
    collection: blocks,
    index,
    async ensureIndexes() {
      await index.createIndex({ eventId: 1 }, { unique: true });
      await index.createIndex({ subject: 1 });
      await index.createIndex({ type: 1 });
      await index.createIndex({ block: 1 });
      await refs.createIndex({ subjectId: 1 });
    },
    block,
    /**
     * The last block. FerretDB sorts in memory after reading the whole collection, so it is found
     * from a hint (written after each append) by probing forward on _id; `atLeastSeq` (the latest
     * signed checkpoint) bounds a hint that was lost or went back.
     */
    lastBlock,
    /** The last entry of the chain. */
    async head(atLeastSeq = 0): Promise<AuditEntry | undefined> {
      return (await lastBlock(atLeastSeq))?.entries.at(-1);
    },
    /** Claims block `n` for these entries; throws the driver's duplicate-key error if another writer took it. */
    async insertBlock(n: number, entries: readonly AuditEntry[]): Promise<void> {
      await blocks.insertOne({ _id: n, lines: blockText(entries) });
    },
    /**
     * Writes the index rows of a stored block (idempotent: deterministic `_id` = seq). Returns the
     * event ids that were already indexed at an earlier seq: events appended twice (a redelivery
     * older than the appender's memory), which the queries then count once.
     */
    async indexEntries(n: number, entries: readonly AuditEntry[]): Promise<Set<string>> {
      const rows = entries.map((e) => ({ _id: e.seq, eventId: e.eventId, subject: e.subject, type: e.type, block: n }));
      const again = new Set<string>();
      if (rows.length === 0) return again;
      try {
        await index.insertMany(rows, { ordered: false });
      } catch (error) {
        for (const i of duplicateIndexes(error)) {
          const row = rows[i]!;
          const holder = await index.findOne({ eventId: row.eventId }, { projection: { _id: 1 } });
          if (holder && holder._id !== row._id) again.add(row.eventId);
        }
      }
      return again;
    },
    /** Whether the rows of a block are written (its last entry's row is the last one inserted). */
    async isIndexed(last: AuditEntry): Promise<boolean> {
      return (await index.findOne({ _id: last.seq }, { projection: { _id: 1 } })) !== null;
    },
    /** Remembers the head block for the next start; a lost or stale hint only costs a few probes. */
    async saveHeadHint(n: number): Promise<void> {
      // Two instances upserting the first hint at once: one gets a duplicate key; a hint may lose.
      await heads.updateOne({ _id: 'head' }, { $set: { block: n } }, { upsert: true }).catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
    },
    /** Indexes the people an entry refers to beyond its subject; idempotent (deterministic ids). */
    async indexRefs(n: number, batch: readonly AuditEntry[]): Promise<void> {
      const rows = batch.flatMap((e) =>
        (e.refs ?? []).map((subjectId) => ({ _id: `${subjectId}:${e.seq}`, subjectId, seq: e.seq, block: n })),
      );
      if (rows.length === 0) return;
      await insertManyOnce(refs, rows);
    },
    /** Entries fromSeq..toSeq in sequence order, block by block (look-ups on _id). */
    async *range(fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER): AsyncGenerator<AuditEntry> {
      // The entry before is tried too: `fromSeq` may sit in a block another writer has not indexed yet.
      const start = fromSeq > 1 ? ((await blockOf(fromSeq)) ?? (await blockOf(fromSeq - 1)) ?? 1) : 1;
      for (let n = start; ; n++) {
        const found = await block(n);
        if (!found) return;
        for (const entry of found.entries) {
          if (entry.seq > toSeq) return;
          if (entry.seq >= fromSeq) yield entry;
        }
      }
    },
    /**
     * The blocks holding fromSeq..toSeq as raw BSON, in block order, for verification: the reading
     * thread never decodes them. FerretDB v1 cannot push a sort or an _id range down, so they are
     * read in one pass in storage order and put back in order by inSeqOrder (a missing block is
     * looked up by _id; if absent, the verifier sees the gap in the entries' seqs).
     */
    async *rawRange(fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER, batchSize = 16): AsyncGenerator<RawEntry> {
      const first = fromSeq > 1 ? ((await blockOf(fromSeq)) ?? 1) : 1;
      const last = toSeq < Number.MAX_SAFE_INTEGER ? ((await blockOf(toSeq)) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
      const stored = (async function* () {
        for await (const doc of blocks.find({}, { raw: true }).batchSize(batchSize)) yield doc as unknown as RawEntry;
      })();
      const fetch = async (n: number) => ((await blocks.findOne({ _id: n }, { raw: true })) as unknown as RawEntry | null) ?? undefined;
      yield* inSeqOrder(stored, { from: first, to: last }, fetch, 64, seqOfRaw);
    },
    /**
     * Checks the index rows against the hashed content, block by block: the first seq whose row is
     * missing (and is not a later copy of an indexed event), or names another event, subject or
     * type, or claims a block that does not hold it. Reads every row: a separate, slower pass.
     */
    async auditIndex(): Promise<number | undefined> {
      for (let n = 1; ; n++) {
        const found = await block(n);
        if (!found) return undefined;
        const rows = new Map((await index.find({ block: n }).toArray()).map((r) => [r._id, r]));
        for (const e of found.entries) {
          const row = rows.get(e.seq);
          rows.delete(e.seq);
          if (row) {
            if (row.eventId !== e.eventId || row.subject !== e.subject || row.type !== e.type) return e.seq;
          } else {
            const holder = await index.findOne({ eventId: e.eventId }, { projection: { _id: 1 } });
            if (!holder || holder._id >= e.seq) return e.seq;
          }
        }
        if (rows.size > 0) return Math.min(...rows.keys());
      }
    },
    async get(seq: number): Promise<AuditEntry | undefined> {
      const n = await blockOf(seq);
      return n === undefined ? undefined : (await block(n))?.entries.find((e) => e.seq === seq);
    },
    /** Every entry about a person: events whose subject they are, and list reads that included them. */
    async aboutSubject(subjectId: string): Promise<AuditEntry[]> {
      const direct = await index.find({ subject: subjectId }, { projection: { block: 1 } }).toArray();
      const listed = await refs.find({ subjectId }).toArray();
      const rows = [
        ...direct.map((r) => ({ seq: r._id, block: r.block })),
        ...(await Promise.all(listed.map(async (r) => ({ seq: r.seq, block: r.block ?? (await blockOf(r.seq)) ?? 0 })))),
      ];
      return entriesAt(rows, (e) => e.subject === subjectId || (e.refs ?? []).includes(subjectId));
    },
    /** Subjects (candidate ids) nominated for a rotation, from their nomination entries. */
    async candidatesOfRotation(rotation: string, mission?: string): Promise<string[]> {
      const subjects = new Set<string>();
      for await (const entry of ofType('candidate.submitted')) {
        const n = entry.data.nomination as { rotation?: string; mission?: string } | undefined;
        if (n?.rotation === rotation && (!mission || n.mission === mission)) subjects.add(entry.subject);
      }
      return [...subjects];
    },
    ofType,
  };
}

export type AuditEntryRepository = ReturnType<typeof createAuditEntryRepository>;
