/**
 * Re-screening benchmark: N candidates (default 100,000) already screened against the UN list and
 * OFAC SDN, then a new OFAC version (entries removed, added, changed) is published and every
 * candidate is re-screened by the service's own worker against the real database (FerretDB from
 * `npm run infra`), in a throwaway database: every subject is stored there and read back, none is
 * simulated in memory. Writes bench/results/rescreen.json and .md.
 *
 *   npx tsx bench/rescreen.bench.ts          (RESCREEN_BENCH_CANDIDATES=10000 for a quick run)
 */
import { readFileSync } from 'node:fs';
import { importOfacSdn, importUnConsolidatedList, type BanListEntry } from '@vetting/banlists';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  connectMongo,
  createEventValidator,
  createFieldCipher,
  createLogger,
  createPersonalSealer,
  loadKeyring,
  localPersonKeys,
  type Actor,
} from '@vetting/platform';
import { testInfra } from '@vetting/platform/testing';
import { ActiveLists } from '../src/domain/active-lists';
import { toPersonQuery } from '../src/domain/screened-person';
import { createListRepository } from '../src/data/list.repository';
import { createPendingVersionRepository } from '../src/data/pending-version.repository';
import { createRescreenRepository } from '../src/data/rescreen.repository';
import { createResolutionRepository } from '../src/data/resolution.repository';
import { createScreeningCipher } from '../src/data/screening.cipher';
import { createScreeningRepository } from '../src/data/screening.repository';
import { createSubjectRepository, type SubjectView } from '../src/data/subject.repository';
import { publishEntries } from '../src/use-cases/publish-list-version.use-case';
import { createRescreenWorker } from '../src/worker/rescreen.processor';
import { nextOfacVersion, seedSubjects } from './rescreen-setup';
import { writeResults } from './rescreen-report';

const N = Number(process.env.RESCREEN_BENCH_CANDIDATES ?? 100_000);
const BATCH = Number(process.env.RESCREEN_BATCH_SIZE ?? 1000);
/** Candidates planted on removed and on added entries (each side); each is screened for real while seeding. */
const PLANTED = Number(process.env.RESCREEN_BENCH_PLANTED ?? 100);
const data = '/work/shared/data/banlists';
const logger = createLogger('bench', 'warn');
const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);
const actor: Actor = { id: 'bench', roles: ['un-screener'] };

const infra = await testInfra();
const dbName = `bench_rescreen_${Date.now().toString(36)}`;
const db = await connectMongo({ url: infra.mongoUrl, dbName, logger });
try {
  // Screening's own keys (subjects sealed at rest), and the person keys intake would serve (events), both in the bench database.
  const keysDir = mkdtempSync(`${tmpdir()}/bench-rescreen-keys-`);
  const cipher = createScreeningCipher(db, keysDir);
  const personKeys = localPersonKeys(createFieldCipher(db.useDb(`${dbName}_intake`), loadKeyring(`${keysDir}/intake-keyring.json`)), {
    create: true,
  });
  const sealer = createPersonalSealer({ keys: personKeys, validator: createEventValidator() });
  const repository = createListRepository(db);
  const subjects = createSubjectRepository(db, cipher);
  const screenings = createScreeningRepository(db, cipher);
  const resolutions = createResolutionRepository(db, cipher);
  const rescreens = createRescreenRepository(db);
  await Promise.all([
    repository.ensureIndexes(),
    subjects.ensureIndexes(),
    screenings.ensureIndexes(),
    rescreens.ensureIndexes(),
    cipher.ensureIndexes(),
  ]);
  const lists = new ActiveLists();
  let events = 0;
  const now = () => new Date();
  const deps = {
    lists,
    subjects,
    screenings,
    resolutions,
    sealer,
    fingerprint: cipher.fingerprint,
    now,
    onEvents: () => void (events += 1),
  };

  log('importing UN and OFAC SDN');
  const un = importUnConsolidatedList(readFileSync(`${data}/un/un_consolidated_2025-04-19.xml`)).entries;
  const ofacFiles = Object.fromEntries(['sdn', 'alt', 'add'].map((f) => [f, readFileSync(`${data}/ofac_sdn_2021/${f}.csv`)]));
  const ofac = importOfacSdn(ofacFiles as { sdn: Buffer; alt: Buffer; add: Buffer }).entries;
  const publishDeps = { repository, lists, now, onEvents: () => undefined, proposals: createPendingVersionRepository(db) };
  await publishEntries(actor, 'un-sc', 'UN SC', un, { fileHash: 'bench', format: 'un-consolidated-xml' }, publishDeps, {
    change: { kind: 'import', format: 'un-consolidated-xml' },
  });
  await publishEntries(actor, 'ofac-sdn', 'OFAC SDN', ofac, { fileHash: 'bench', format: 'ofac-sdn-csv' }, publishDeps, {
    change: { kind: 'import', format: 'ofac-sdn-csv' },
  });

  const { v2, planted } = nextOfacVersion(ofac, PLANTED);
  log(`seeding ${N} candidates in the database (${planted.length} planted on entries v2 removes or adds)`);
  const seedStart = Date.now();
  const plantedIds = await seedSubjects(N, planted, deps);
  const seedMs = Date.now() - seedStart;

  log('publishing OFAC v2');
  // v2 delists people: published as a second officer's countersignature of it would publish it.
  const published = await publishEntries(actor, 'ofac-sdn', 'OFAC SDN', v2, { fileHash: 'bench', format: 'ofac-sdn-csv' }, publishDeps, {
    change: { kind: 'import', format: 'ofac-sdn-csv' },
    countersignedBy: 'bench-second-officer',
  });
  const diff = ('diff' in published && published.diff) || { added: 0, removed: 0, changed: 0 };

  // The service's own worker over every subject in the real database: read in batches, delta-screened, changed outcomes written, cursor persisted per batch.
  await rescreens.create(
    {
      listId: 'ofac-sdn',
      version: 2,
      status: 'running',
      mode: 'delta',
      deltaIds: [],
      cursor: '',
      batches: 0,
      processed: 0,
      changed: 0,
      total: await subjects.count(),
      startedAt: now().toISOString(),
    },
    'bench',
  );
  let readMs = 0;
  const timedSubjects = {
    ...subjects,
    async *batchesAfter(c: string, n: number) {
      const it = subjects.batchesAfter(c, n);
      for (;;) {
        const t = Date.now();
        const next = await it.next();
        readMs += Date.now() - t;
        if (next.done) return;
        yield next.value;
      }
    },
  };
  const worker = createRescreenWorker({
    ...deps,
    subjects: timedSubjects,
    rescreens,
    repository,
    reload: async () => undefined,
    logger,
    batchSize: BATCH,
  });
  log(`worker over ${N} subjects in the database`);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  events = 0;
  const workerStart = Date.now();
  await worker.kick();
  const workerMs = Date.now() - workerStart;
  clearInterval(sampler);
  const job = (await rescreens.get('ofac-sdn', 2))!;
  const changedPlanted = (await Promise.all(plantedIds.map((id) => subjects.load(id)))).filter(
    (r) => r?.state.changedByRescreen === 'ofac-sdn@2',
  ).length;
  log(
    `worker: ${workerMs} ms (reading ${readMs} ms): ${JSON.stringify({ processed: job.processed, changed: job.changed, status: job.status })}`,
  );

  // Full mode (RESCREEN_MODE=full, or a large change): every candidate against the whole list; engine time on a sample.
  const sample = (await subjects.batchesAfter('', 2000).next()).value!.map((s: SubjectView) => toPersonQuery(s.person));
  const fullStart = Date.now();
  for (const q of sample) lists.screen(q, { onlyList: 'ofac-sdn' });
  const fullPerCandidateMs = (Date.now() - fullStart) / sample.length;

  await writeResults({
    candidates: N,
    batchSize: BATCH,
    lists: { un: un.length, ofacV1: ofac.length, ofacV2: v2.length },
    diff,
    seedMs,
    worker: {
      ms: workerMs,
      readMs,
      processed: job.processed,
      batches: job.batches,
      changed: job.changed,
      revisionsWithEvents: events,
      perSecond: Math.round(job.processed / (workerMs / 1000)),
      peakRssMb: Math.round(peakRss / 1e6),
    },
    planted: { candidates: plantedIds.length, changed: changedPlanted },
    fullMode: {
      sample: sample.length,
      perCandidateMs: Math.round(fullPerCandidateMs * 1000) / 1000,
      estimatedMsForAll: Math.round(fullPerCandidateMs * N),
    },
    database: `FerretDB (${infra.mongoUrl})`,
  });
} finally {
  await db.dropDatabase().catch(() => undefined);
  await db
    .useDb(`${dbName}_intake`)
    .dropDatabase()
    .catch(() => undefined);
  await db.close();
}
export type { BanListEntry };
