import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { AuditEntry } from '../domain/hash-chain';

type EntryDoc = Omit<AuditEntry, 'seq'> & { _id: number };

const toEntry = ({ _id, ...rest }: EntryDoc): AuditEntry => ({ seq: _id, ...rest });

/** Append-only storage of the chain: the sequence number is the _id, so two entries can never share a place. */
export function createAuditEntryRepository(db: Connection) {
  const entries = db.collection('audit_entries') as unknown as Collection<EntryDoc>;
  return {
    collection: entries,
    async ensureIndexes() {
      await entries.createIndex({ eventId: 1 }, { unique: true });
      await entries.createIndex({ subject: 1 });
    },
    async head(): Promise<AuditEntry | undefined> {
      const doc = await entries.find({}).sort({ _id: -1 }).limit(1).next();
      return doc ? toEntry(doc) : undefined;
    },
    async hasEvent(eventId: string): Promise<boolean> {
      return (await entries.countDocuments({ eventId }, { limit: 1 })) > 0;
    },
    /** Inserts in order; throws the driver's duplicate-key error when a seq or event id exists. */
    async insert(entry: AuditEntry): Promise<void> {
      const { seq, ...rest } = entry;
      await entries.insertOne({ _id: seq, ...rest });
    },
    async *range(fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER, batch = 5000): AsyncGenerator<AuditEntry> {
      const cursor = entries.find({ _id: { $gte: fromSeq, $lte: toSeq } }).sort({ _id: 1 }).batchSize(batch);
      for await (const doc of cursor) yield toEntry(doc);
    },
    async bySubject(subject: string): Promise<AuditEntry[]> {
      const docs = await entries.find({ subject }).sort({ _id: 1 }).toArray();
      return docs.map(toEntry);
    },
    async get(seq: number): Promise<AuditEntry | undefined> {
      const doc = await entries.findOne({ _id: seq });
      return doc ? toEntry(doc) : undefined;
    },
  };
}

export type AuditEntryRepository = ReturnType<typeof createAuditEntryRepository>;
