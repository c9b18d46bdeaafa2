import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { initialOutbox, insertOnce, type EventEnvelope } from '@vetting/platform';
import type { Questionnaire } from '../domain/questionnaire';

type Doc = Questionnaire & { _id: string; outbox: EventEnvelope[]; outboxPending: boolean };

/** The stored version without its storage fields (the relay stamps `publishedAt` on a published outbox). */
const strip = (doc: Doc & { publishedAt?: string }): Questionnaire => {
  const { _id: _i, outbox: _o, outboxPending: _p, publishedAt: _pa, ...rest } = doc;
  return rest;
};

/** Questionnaire versions: inserted once (`v<n>`), never changed; answers always name the version they answer. */
export function createQuestionnaireRepository(db: Connection) {
  const versions = db.collection('questionnaires') as unknown as Collection<Doc>;
  return {
    collection: versions as unknown as Collection,
    ensureIndexes: () => versions.createIndex({ version: -1 }),
    /** False when that version exists already (two admins publishing at once: one wins). */
    insert: (q: Questionnaire, events: EventEnvelope[]) => insertOnce(versions, { _id: `v${q.version}`, ...q, ...initialOutbox(events) }),
    async get(version: number): Promise<Questionnaire | undefined> {
      const doc = await versions.findOne({ _id: `v${version}` });
      return doc ? strip(doc) : undefined;
    },
    async latest(): Promise<Questionnaire | undefined> {
      const doc = await versions.find({}).sort({ version: -1 }).limit(1).next();
      return doc ? strip(doc) : undefined;
    },
    async list(): Promise<Pick<Questionnaire, 'version' | 'title' | 'createdAt' | 'createdBy'>[]> {
      const docs = await versions
        .find({}, { projection: { standards: 0, outbox: 0 } })
        .sort({ version: -1 })
        .toArray();
      return docs.map(({ version, title, createdAt, createdBy }) => ({ version, title, createdAt, createdBy }));
    },
  };
}

export type QuestionnaireRepository = ReturnType<typeof createQuestionnaireRepository>;
