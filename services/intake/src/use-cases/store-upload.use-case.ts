import { createHash } from 'node:crypto';
import type { EventEnvelope, Logger, PersonalSealer } from '@vetting/platform';
import type { Candidate } from '../domain/candidate';
import { dedupeKeys, dedupeScope, findExisting, type DedupeKey } from '../domain/dedupe-keys';
import { newCandidate } from '../domain/new-candidate';
import type { DuplicateLink, Upload } from '../domain/upload';
import type { CandidateRepository } from '../data/candidate.repository';
import type { KeyRepository } from '../data/key.repository';
import type { ChunkDoc, ResultDoc, UploadRepository } from '../data/upload.repository';
import { submissionEvent, submittedEventId } from './candidate-events';

export interface StoreDeps {
  uploads: UploadRepository;
  repository: CandidateRepository;
  keys: KeyRepository;
  blind: (value: string) => string;
  sealer: PersonalSealer;
  now: () => Date;
  /**
   * Publishes a chunk's candidate.submitted events (the service's Kafka publisher). A chunk is
   * recorded as stored only after its events were published, so a crash in between publishes them
   * again on resume, under the same event ids (consumers drop a repeated id).
   */
  publish: (events: EventEnvelope[]) => Promise<void>;
  logger: Logger;
  /** Checked between chunks: a stopping service leaves the rest for the resume at the next start. */
  stopping?: () => boolean;
}

/** The candidate id of an upload row: the same on every run, so a resumed upload never creates a person twice. */
export const rowCandidateId = (uploadId: string, row: number) =>
  `c-${createHash('sha256').update(`upload:${uploadId}:${row}`).digest('hex').slice(0, 32)}`;

interface Planned {
  row: number;
  id: string;
  scope: string;
  keys: DedupeKey[];
  unclaimed: DedupeKey[];
  input: ChunkDoc['rows'][number]['input'];
}

interface Plan {
  fresh: Planned[];
  duplicates: DuplicateLink[];
}

/**
 * Decides, row by row, which rows are new people and which are already nominated (by an earlier upload,
 * a single nomination, or an earlier row of this file). In memory, against the owners known so far;
 * claiming the new ones' keys (claimPlanned) may still turn some into links.
 */
async function planChunk(
  upload: Upload,
  chunk: ChunkDoc,
  owners: (scope: string) => Promise<Map<string, string>>,
  deps: StoreDeps,
): Promise<Plan> {
  const fresh: Planned[] = [];
  const duplicates: DuplicateLink[] = [];
  for (const { row, input } of chunk.rows) {
    const scope = dedupeScope(upload.country, input.nomination);
    const keys = dedupeKeys(scope, input.person, deps.blind);
    const id = rowCandidateId(upload.id, row);
    const known = await owners(scope);
    const existing = findExisting(keys, (k) => known.get(k), id);
    if (existing) duplicates.push({ row, ...existing });
    else {
      // Keys this row already holds (a resumed run) need no new claim: inserting them again would
      // only cost a duplicate-key error and a read each.
      const unclaimed = keys.filter((k) => known.get(k.key) !== id);
      for (const k of keys) known.set(k.key, id);
      fresh.push({ row, id, scope, keys, unclaimed, input });
    }
  }
  return { fresh, duplicates };
}

/**
 * Claims the keys of a plan's new rows. A key another candidate won meanwhile (a concurrent nomination)
 * turns the row into a link to that candidate; `winners` records it, so rows planned as links to the
 * lost row (in this chunk or a later one, planned before the claim came back) point to the winner.
 */
async function claimPlanned(
  plan: Plan,
  owners: (scope: string) => Promise<Map<string, string>>,
  winners: Map<string, string>,
  deps: StoreDeps,
): Promise<void> {
  const taken = await deps.keys.claim(
    plan.fresh.filter((p) => p.unclaimed.length).map((p) => ({ scope: p.scope, candidateId: p.id, keys: p.unclaimed })),
  );
  if (!taken.size) return;
  const kept: Planned[] = [];
  for (const p of plan.fresh) {
    const existing = findExisting(p.keys, (k) => taken.get(k), p.id);
    if (!existing) kept.push(p);
    else {
      plan.duplicates.push({ row: p.row, ...existing });
      winners.set(p.id, existing.candidateId);
      const known = await owners(p.scope);
      for (const k of p.keys) if (known.get(k.key) === p.id) known.set(k.key, existing.candidateId);
      await deps.keys.release(
        p.id,
        p.keys.map((k) => k.key).filter((k) => !taken.has(k)),
      );
    }
  }
  plan.fresh = kept;
}

/** A plan's links with every lost row replaced by the candidate that won it, in row order. */
const linksOf = (plan: Plan, winners: Map<string, string>) =>
  plan.duplicates.map((d) => ({ ...d, candidateId: winners.get(d.candidateId) ?? d.candidateId })).sort((a, b) => a.row - b.row);

const CONCURRENT_CHUNKS = 3;
/** Creates a chunk's new candidates, publishes their candidate.submitted events and records the chunk's result. */
async function storeChunk(
  upload: Upload,
  c: number,
  planned: Plan,
  sealing: Promise<Map<string, string>>,
  deps: StoreDeps,
): Promise<ResultDoc> {
  const now = deps.now();
  const items = planned.fresh.map((p) => {
    const candidate: Candidate = newCandidate(p.id, upload.country, upload.officeId, p.input, p.keys, now, {
      uploadId: upload.id,
      row: p.row,
    });
    return { candidate, events: [] as EventEnvelope[], causedBy: `upload:${upload.id}:${p.row}` };
  });
  // Candidates first, then their events, then the chunk's result: a crash in between repeats the
  // chunk, which skips the stored candidates and publishes the events again under the same ids.
  // Published here rather than through an outbox: the chunk's result is this step's outbox mark,
  // and an outbox document of 250 events cost FerretDB a 250 KB insert, read and rewrite, and a
  // detoasting of every such document on each relay poll.
  await deps.repository.createMany(items, await sealing);
  await deps.publish(
    await Promise.all(items.map((i) => submissionEvent(i.candidate, 'candidate.submitted', deps.sealer, submittedEventId(i.candidate.id)))),
  );
  await deps.uploads.saveResult(upload.id, c, planned.fresh.length, planned.duplicates);
  return { _id: '', uploadId: upload.id, chunk: c, stored: planned.fresh.length, duplicates: planned.duplicates };
}

/**
 * Stores the valid rows of a received upload, chunk by chunk, resuming after the last chunk recorded
 * as stored. Each chunk: plan (dedupe), claim the new rows' keys, create the new candidates (one
 * insert), publish their candidate.submitted events, record the chunk's result, then the progress.
 * Every step is idempotent, so a crash anywhere is repaired by running it again.
 */
export async function storeUpload(uploadId: string, deps: StoreDeps): Promise<Upload | undefined> {
  const upload = await deps.uploads.find(uploadId);
  if (!upload || upload.state !== 'storing') return upload;
  const cache = new Map<string, Map<string, string>>();
  const owners = async (scope: string) => {
    let map = cache.get(scope);
    if (!map) cache.set(scope, (map = await deps.keys.owners(scope)));
    return map;
  };
  const winners = new Map<string, string>();
  const rows = { ...upload.rows, stored: 0, duplicates: 0 };
  // A pipeline: the next chunk is read while this one is planned; planning (dedupe in memory) runs in
  // row order; the key claims, sealing and inserts of up to CONCURRENT_CHUNKS chunks overlap, because
  // each insert waits on FerretDB. The planned rows of different chunks share no key, so their claims
  // may run at once; a chunk is stored only after every earlier chunk's claims came back (a lost row
  // is redirected to its winner first). Progress only advances over chunks whose results are all
  // recorded, so a resume never skips one.
  const inFlight: Promise<ResultDoc | undefined>[] = [];
  let recorded = 0;
  const settleOldest = async () => {
    const result = await inFlight.shift();
    if (result) {
      rows.stored += result.stored;
      rows.duplicates += result.duplicates.length;
    }
    await deps.uploads.progress(uploadId, { rows, chunksStored: ++recorded });
  };
  const read = async (c: number) => {
    const done = await deps.uploads.result(uploadId, c);
    return done ? { done } : { chunk: await deps.uploads.chunk(uploadId, c) };
  };
  let next = upload.chunks > 0 ? read(0) : undefined;
  let claimedBefore: Promise<unknown> = Promise.resolve();
  for (let c = 0; c < upload.chunks; c++) {
    if (deps.stopping?.()) break;
    const { done, chunk } = await next!;
    next = c + 1 < upload.chunks ? read(c + 1) : undefined;
    next?.catch(() => undefined); // awaited in the next round
    if (done) inFlight.push(Promise.resolve(done));
    else if (!chunk) inFlight.push(Promise.resolve(undefined));
    else {
      // Sealing (one insert of data keys) overlaps the planning and the claims (one insert of claims).
      const sealing = deps.repository.sealMany(
        chunk.rows.map(({ row, input }) => ({ candidate: { id: rowCandidateId(upload.id, row), country: upload.country, ...input } })),
      );
      sealing.catch(() => undefined); // awaited in storeChunk
      const plan = await planChunk(upload, chunk, owners, deps);
      const claimed = Promise.all([claimedBefore, claimPlanned(plan, owners, winners, deps)]);
      claimedBefore = claimed;
      const stored = claimed.then(() => storeChunk(upload, c, { fresh: plan.fresh, duplicates: linksOf(plan, winners) }, sealing, deps));
      stored.catch(() => undefined); // awaited in order below; this only keeps a failure from going unhandled meanwhile
      inFlight.push(stored);
    }
    if (inFlight.length >= CONCURRENT_CHUNKS) await settleOldest();
  }
  while (inFlight.length) await settleOldest();
  if (recorded < upload.chunks) return undefined; // stopping: the rest resumes at the next start
  const completedAt = deps.now().toISOString();
  await deps.uploads.progress(uploadId, { state: 'completed', rows, completedAt });
  deps.logger.info({ uploadId, rows }, 'upload stored');
  return { ...upload, state: 'completed', rows, completedAt };
}
