import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { isDuplicateKey, type Logger } from '@vetting/platform';
import type { AuditEntry } from '../domain/hash-chain';
import type { AuditEntryRepository } from './audit-entry.repository';
import { inSeqOrder } from './in-seq-order';

type LegacyDoc = Omit<AuditEntry, 'seq'> & { _id: number };

const toEntry = ({ _id, ...rest }: LegacyDoc): AuditEntry => ({ seq: _id, ...rest });
const unlessDuplicate = (error: unknown) => {
  if (!isDuplicateKey(error)) throw error;
};

/**
 * Moves a chain written by the previous version (one document per entry in `audit_entries`) into
 * blocks, once, at start-up before anything is appended. The hashes do not change: an entry's
 * line holds the canonical JSON of the very fields the old version hashed, with its stored
 * `prevHash` and `hash`, so the signed checkpoints stay valid, and an entry that was tampered with
 * before the move still fails verification at the same seq (nothing is re-hashed). Idempotent
 * (deterministic block numbers, duplicate inserts ignored), so a start killed midway, or two
 * instances starting together, simply run it again; `audit_head` then records it as done. The old
 * collection is left as it was, for the record. Returns the number of entries moved.
 */
export async function migrateLegacyEntries(
  db: Connection,
  repository: AuditEntryRepository,
  logger: Logger,
  blockSize = 1000,
): Promise<number> {
  const legacy = db.collection('audit_entries') as unknown as Collection<LegacyDoc>;
  const heads = db.collection('audit_head') as unknown as Collection<{ _id: string; entries?: number; blocks?: number }>;
  if (await heads.findOne({ _id: 'migrated' })) return 0;
  if (!(await legacy.findOne({}, { projection: { _id: 1 } }))) return 0;
  const stored = (async function* () {
    for await (const doc of legacy.find({}).batchSize(5000)) yield toEntry(doc);
  })();
  const fetch = async (seq: number) => {
    const doc = await legacy.findOne({ _id: seq });
    return doc ? toEntry(doc) : undefined;
  };
  let block = 0;
  let moved = 0;
  let batch: AuditEntry[] = [];
  const flush = async () => {
    block++;
    await repository.insertBlock(block, batch).catch(unlessDuplicate);
    await repository.indexEntries(block, batch);
    await repository.indexRefs(block, batch);
    moved += batch.length;
    batch = [];
  };
  for await (const entry of inSeqOrder(stored, { from: 1, to: Number.MAX_SAFE_INTEGER }, fetch)) {
    batch.push(entry);
    if (batch.length >= blockSize) await flush();
  }
  if (batch.length > 0) await flush();
  await repository.saveHeadHint(block);
  await heads.insertOne({ _id: 'migrated', entries: moved, blocks: block }).catch(unlessDuplicate);
  logger.info({ entries: moved, blocks: block }, 'audit chain moved from one document per entry into blocks (hashes unchanged)');
  return moved;
}
