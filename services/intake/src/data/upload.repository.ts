import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { initialOutbox, insertOnce, type EventEnvelope } from '@vetting/platform';
import type { NominationInput } from '../domain/candidate-rules';
import type { DuplicateLink, RowCounts, RowProblem, Upload, UploadState } from '../domain/upload';
import type { PersonalCipher } from './personal-data.cipher';

type UploadDoc = Omit<Upload, 'id'> & { _id: string };

export interface ChunkDoc {
  _id: string;
  uploadId: string;
  chunk: number;
  rows: { row: number; input: NominationInput }[];
  problems: RowProblem[];
}

/**
 * Stored form of a chunk: rows and problems as JSON text. FerretDB v1 converts every nested field of a
 * document on write and read; one text field is about ten times faster for 500 rows (measured here:
 * 786 ms → 102 ms to write, 1,101 ms → 62 ms to read) and nothing queries inside a chunk.
 */
interface StoredChunk {
  _id: string;
  uploadId: string;
  chunk: number;
  rows: string;
  problems: string;
}

export interface ResultDoc {
  _id: string;
  uploadId: string;
  chunk: number;
  stored: number;
  duplicates: DuplicateLink[];
}

const rowsOwner = (uploadId: string) => `upload:${uploadId}`;
const pad = (n: number) => String(n).padStart(5, '0');

/** Events per upload outbox document; the upload relay reads two documents per pass, so one Kafka batch stays well under 1 MB per partition. */
export const EVENTS_PER_OUTBOX_DOC = 250;
const toUpload = ({ _id, ...rest }: UploadDoc): Upload => ({ ...rest, id: _id });

/**
 * Uploads, their validated rows and their results. The upload document is written only by the one
 * task that processes the upload (progress counters), so its updates never race; rows and results
 * are insert-once documents with deterministic ids (`<upload>:<chunk>`), so a resumed upload never
 * stores a chunk or a result twice.
 */
export function createUploadRepository(db: Connection, cipher: PersonalCipher) {
  const uploads = db.collection('uploads') as unknown as Collection<UploadDoc>;
  const chunks = db.collection('upload_chunks') as unknown as Collection<StoredChunk>;
  const results = db.collection('upload_results') as unknown as Collection<ResultDoc>;
  const outbox = db.collection('upload_outbox') as unknown as Collection;
  return {
    /** Outbox documents of uploads: the candidate.submitted events of a chunk, EVENTS_PER_OUTBOX_DOC per document. */
    outbox,

    /**
     * Stores a chunk's events for the relay, insert-once per group (`<upload>:<chunk>:<g>`). One outbox
     * document per 250 events instead of one per candidate: FerretDB v1 rewrites a whole document to
     * clear its flag, and 10,000 such updates took minutes here; 40 take seconds.
     */
    async saveEvents(uploadId: string, chunk: number, events: EventEnvelope[]) {
      for (let g = 0; g * EVENTS_PER_OUTBOX_DOC < events.length; g++) {
        // As JSON text (the relay reads both forms): 250 nested events took ~10x longer to write.
        const slice = events.slice(g * EVENTS_PER_OUTBOX_DOC, (g + 1) * EVENTS_PER_OUTBOX_DOC);
        await insertOnce(outbox, { _id: `${uploadId}:${pad(chunk)}:${g}`, ...initialOutbox(slice), outbox: JSON.stringify(slice) });
      }
    },

    /**
     * Deletes published upload outbox documents: they only carried candidate.submitted events (with the
     * person in clear, for screening) to Kafka. Insert-only and finished with, so deleting races nothing.
     */
    dropPublishedEvents: async () => (await outbox.deleteMany({ outboxPending: false })).deletedCount,

    ensureIndexes: async () => {
      await uploads.createIndex({ state: 1 });
      await outbox.createIndex({ outboxPending: 1 });
    },

    /** Creates the upload; false when it exists already (same Idempotency-Key). */
    async create(upload: Upload): Promise<boolean> {
      const { id, ...rest } = upload;
      return insertOnce(uploads, { _id: id, ...rest });
    },

    async find(id: string): Promise<Upload | undefined> {
      const doc = await uploads.findOne({ _id: id });
      return doc ? toUpload(doc) : undefined;
    },

    async progress(
      id: string,
      fields: { state?: UploadState; rows?: RowCounts; chunks?: number; chunksStored?: number; problem?: string; completedAt?: string },
    ) {
      await uploads.updateOne({ _id: id }, { $set: fields });
      // A finished upload needs its staged rows no more: every final state shreds them, so no path
      // (completed, rejected, failed) leaves personal data behind in the staging chunks.
      if (fields.state && ['completed', 'rejected', 'failed'].includes(fields.state)) await cipher.shred(rowsOwner(id));
    },

    /** Uploads a crash left half done: `storing` ones resume, `receiving` ones lost their request. */
    unfinished: async () => (await uploads.find({ state: { $in: ['receiving', 'storing'] } }).toArray()).map(toUpload),

    async saveChunk(uploadId: string, chunk: number, rows: ChunkDoc['rows'], problems: RowProblem[]) {
      // Valid rows are personal data waiting to be stored: sealed under the upload's own key, which is
      // destroyed once the upload is finished (see progress); problems name only rows and fields.
      const sealed = await cipher.sealText(rowsOwner(uploadId), 'rows', JSON.stringify(rows));
      await insertOnce(chunks, { _id: `${uploadId}:${pad(chunk)}`, uploadId, chunk, rows: sealed, problems: JSON.stringify(problems) });
    },

    async chunk(uploadId: string, chunk: number): Promise<ChunkDoc | undefined> {
      const doc = await chunks.findOne({ _id: `${uploadId}:${pad(chunk)}` });
      return doc
        ? {
            ...doc,
            rows: JSON.parse(await cipher.openText('rows', doc.rows)) as ChunkDoc['rows'],
            problems: JSON.parse(doc.problems) as RowProblem[],
          }
        : undefined;
    },

    /** The row problems of a chunk (kept after the rows are forgotten: the error report needs them). */
    async problems(uploadId: string, chunk: number): Promise<RowProblem[] | undefined> {
      const doc = await chunks.findOne({ _id: `${uploadId}:${pad(chunk)}` }, { projection: { problems: 1 } });
      return doc ? (JSON.parse(doc.problems) as RowProblem[]) : undefined;
    },

    async saveResult(uploadId: string, chunk: number, stored: number, duplicates: DuplicateLink[]) {
      await insertOnce(results, { _id: `${uploadId}:${pad(chunk)}`, uploadId, chunk, stored, duplicates });
    },

    result: async (uploadId: string, chunk: number) => (await results.findOne({ _id: `${uploadId}:${pad(chunk)}` })) ?? undefined,
  };
}

export type UploadRepository = ReturnType<typeof createUploadRepository>;
