import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { AuditEntry } from '../domain/hash-chain';
import { inSeqOrder } from './in-seq-order';
import { seqOfRaw, type RawEntry } from './raw-entry';

type EntryDoc = Omit<AuditEntry, 'seq'> & { _id: number };

const toEntry = ({ _id, ...rest }: EntryDoc): AuditEntry => ({ seq: _id, ...rest });
const toDoc = ({ seq, ...rest }: AuditEntry): EntryDoc => ({ _id: seq, ...rest });

/** Append-only storage of the chain: the sequence number is the _id, so two entries can never share a place. */
export function createAuditEntryRepository(db: Connection) {
  const entries = db.collection('audit_entries') as unknown as Collection<EntryDoc>;
  const heads = db.collection('audit_head') as unknown as Collection<{ _id: string; seq: number }>;
  // Derived index of list reads (one row per person read), rebuildable from the chain: FerretDB
  // cannot use an index on an array field, but it can on a top-level string.
  const refs = db.collection('audit_refs') as unknown as Collection<{ _id: string; subjectId: string; seq: number }>;

  return {
    collection: entries,
    async ensureIndexes() {
      await entries.createIndex({ eventId: 1 }, { unique: true });
      await entries.createIndex({ subject: 1 });
      await entries.createIndex({ type: 1 });
      await refs.createIndex({ subjectId: 1 });
    },
    /**
     * The last entry. FerretDB sorts in memory after reading the whole collection, so the head is
     * found from a hint (written after each append) by probing forward on _id, which is indexed;
     * the sorted query runs only when no hint exists.
     */
    async head(atLeast = 0): Promise<AuditEntry | undefined> {
      const hint = await heads.findOne({ _id: 'head' });
      let seq = Math.max(hint?.seq ?? 0, atLeast);
      let entry = seq > 0 ? await entries.findOne({ _id: seq }) : await entries.findOne({ _id: 1 }).then((d) => (d ? null : undefined));
      if (entry === undefined) return undefined; // empty chain
      if (!entry) {
        const doc = await entries.find({}).sort({ _id: -1 }).limit(1).next();
        return doc ? toEntry(doc) : undefined;
      }
      for (let next = await entries.findOne({ _id: seq + 1 }); next; next = await entries.findOne({ _id: ++seq + 1 })) entry = next;
      return toEntry(entry);
    },
    /** Remembers the head for the next start; a lost or stale hint only costs a few probes. */
    async saveHeadHint(seq: number): Promise<void> {
      // Two instances upserting the first hint at once: one gets a duplicate key; a hint may lose.
      await heads.updateOne({ _id: 'head' }, { $set: { seq } }, { upsert: true }).catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
    },
    async hasEvent(eventId: string): Promise<boolean> {
      return (await entries.findOne({ eventId }, { projection: { _id: 1 } })) !== null;
    },
    /** Inserts in order, in one round trip; throws the driver's duplicate-key error when a seq or event id exists. */
    async insertMany(batch: AuditEntry[]): Promise<void> {
      if (batch.length === 1) await entries.insertOne(toDoc(batch[0]!));
      else if (batch.length > 1) await entries.insertMany(batch.map(toDoc), { ordered: true });
    },
    /** Indexes the people an entry refers to beyond its subject; idempotent (deterministic ids). */
    async indexRefs(batch: AuditEntry[]): Promise<void> {
      const rows = batch.flatMap((e) => (e.refs ?? []).map((subjectId) => ({ _id: `${subjectId}:${e.seq}`, subjectId, seq: e.seq })));
      if (rows.length === 0) return;
      await refs.insertMany(rows, { ordered: false }).catch((error: { code?: number; writeErrors?: { code?: number }[] }) => {
        const dupOnly = error.code === 11000 || (error.writeErrors ?? []).every((w) => w.code === 11000);
        if (!dupOnly) throw error;
      });
    },
    /** Entries fromSeq..toSeq in sequence order, read in one pass (see inSeqOrder). */
    range(fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER): AsyncGenerator<AuditEntry> {
      const filter = fromSeq > 1 || toSeq < Number.MAX_SAFE_INTEGER ? { _id: { $gte: fromSeq, $lte: toSeq } } : {};
      const stored = (async function* () {
        for await (const doc of entries.find(filter).batchSize(5000)) yield toEntry(doc);
      })();
      return inSeqOrder(stored, { from: fromSeq, to: toSeq }, async (seq) => {
        const doc = await entries.findOne({ _id: seq });
        return doc ? toEntry(doc) : undefined;
      });
    },
    /**
     * The same entries as raw BSON documents, for verification: the driver skips decoding, so the
     * reading thread only moves bytes and the workers decode (a large batch: fewer round trips).
     */
    rawRange(fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER, batchSize = 10_000): AsyncGenerator<RawEntry> {
      const filter = fromSeq > 1 || toSeq < Number.MAX_SAFE_INTEGER ? { _id: { $gte: fromSeq, $lte: toSeq } } : {};
      const stored = (async function* () {
        for await (const doc of entries.find(filter, { raw: true }).batchSize(batchSize)) yield doc as unknown as RawEntry;
      })();
      const fetch = async (seq: number) => ((await entries.findOne({ _id: seq }, { raw: true })) as unknown as RawEntry | null) ?? undefined;
      return inSeqOrder(stored, { from: fromSeq, to: toSeq }, fetch, 20_000, seqOfRaw);
    },
    async get(seq: number): Promise<AuditEntry | undefined> {
      const doc = await entries.findOne({ _id: seq });
      return doc ? toEntry(doc) : undefined;
    },
    /** Every entry about a person: events whose subject they are, and list reads that included them. */
    async aboutSubject(subjectId: string): Promise<AuditEntry[]> {
      const direct = await entries.find({ subject: subjectId }).toArray();
      const refRows = await refs.find({ subjectId }).toArray();
      const referenced = await Promise.all(refRows.map((r) => entries.findOne({ _id: r.seq })));
      const bySeq = new Map([...direct, ...referenced].flatMap((d) => (d ? [[d._id, toEntry(d)] as const] : [])));
      return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    },
    /** Subjects (candidate ids) nominated for a rotation, from their nomination entries. */
    async candidatesOfRotation(rotation: string, mission?: string): Promise<string[]> {
      // Equality on the indexed top-level type only; the nested filter runs here, not in FerretDB.
      const docs = await entries.find({ type: 'candidate.submitted' }, { projection: { subject: 1, data: 1 } }).toArray();
      const nominated = docs.filter((d) => {
        const n = d.data.nomination as { rotation?: string; mission?: string } | undefined;
        return n?.rotation === rotation && (!mission || n.mission === mission);
      });
      return [...new Set(nominated.map((d) => d.subject))];
    },
    /** Entries of one type (an indexed equality: one query per type rather than an $in scan). */
    async *ofType(type: string): AsyncGenerator<AuditEntry> {
      for await (const doc of entries.find({ type }).batchSize(5000)) yield toEntry(doc);
    },
  };
}

export type AuditEntryRepository = ReturnType<typeof createAuditEntryRepository>;
