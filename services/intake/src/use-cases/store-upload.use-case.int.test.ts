import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiPath } from '@vetting/contracts';
import { connectMongo, createEventValidator, createLogger, createPersonalSealer, type Actor, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv } from '@vetting/platform/testing';
import { createSubmissionValidator } from '../api/submission.validator';
import { createCandidateRepository } from '../data/candidate.repository';
import { createKeyRepository } from '../data/key.repository';
import { createPersonalCipher } from '../data/personal-data.cipher';
import { createUploadRepository } from '../data/upload.repository';
import { dedupeKeys, dedupeScope } from '../domain/dedupe-keys';
import { receiveUpload } from './receive-upload.use-case';
import { rowCandidateId, storeUpload, type StoreDeps } from './store-upload.use-case';
import { IN_SERVICE_CELLS, IN_SERVICE_COLUMNS } from '../testing/nominations';
import { BUILT_IN_POLICY } from '@vetting/policy';

const officer: Actor = { id: 'gh-office', roles: ['tcc-officer'], country: 'GH' };
const csv = (n: number) =>
  [
    `name,date_of_birth,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,${IN_SERVICE_COLUMNS}`,
    ...Array.from({ length: n }, (_, i) => `Person ${i},1990-01-01,S-${i},yes,v1,2026-01-01,electronic-signature,${IN_SERVICE_CELLS}`),
  ].join('\n');

describe('storing an upload after a crash (real database)', () => {
  let db: Connection;
  let deps: StoreDeps;
  const published: EventEnvelope[] = [];
  const logger = createLogger('test', 'silent');

  beforeAll(async () => {
    const env = await createTestServiceEnv('intake');
    db = await connectMongo({ url: env.env.MONGO_URL!, dbName: env.env.MONGO_DB!, logger });
    const cipher = createPersonalCipher(db, mkdtempSync(`${tmpdir()}/intake-keys-`));
    const repository = createCandidateRepository(db, cipher);
    const keys = createKeyRepository(db);
    await Promise.all([repository.ensureIndexes(), keys.ensureIndexes()]);
    deps = {
      uploads: createUploadRepository(db, cipher),
      repository,
      keys,
      blind: cipher.blind,
      sealer: createPersonalSealer({ keys: cipher.personKeys, validator: createEventValidator() }),
      now: () => new Date(),
      publish: async (events) => void published.push(...events),
      logger,
    };
  });
  afterAll(async () => db?.close());

  it(
    'when storing dies mid-chunk and runs again, then every row becomes exactly one candidate with its deterministic id and one event id',
    { timeout: 120_000 },
    async () => {
      const validate = createSubmissionValidator(openapiPath('intake'), {
        consent: ['v1'],
        selfDeclaration: ['v1'],
        employmentDeclaration: ['v1'],
      });
      const { upload } = await receiveUpload(
        officer,
        { mode: 'all-or-nothing', mission: 'MINUSMA', rotation: 'CRASH', category: 'military-contingent' },
        { body: Readable.from([Buffer.from(csv(25))]), contentType: 'text/csv' },
        {
          uploads: deps.uploads,
          validate,
          policies: { current: async () => BUILT_IN_POLICY },
          now: deps.now,
          maxBytes: 10_000_000,
          startStoring: () => undefined,
          chunkRows: 10,
        },
      );
      expect(upload).toMatchObject({ state: 'storing', chunks: 3, rows: { valid: 25 } });
      // The process "crashes" after storing the candidates of chunk 1 but before recording its result.
      const crashing = {
        ...deps.uploads,
        saveResult: async (
          id: string,
          chunk: number,
          ...rest: Parameters<StoreDeps['uploads']['saveResult']> extends [string, number, ...infer R] ? R : never
        ) => {
          if (chunk === 1) throw new Error('crash');
          return deps.uploads.saveResult(id, chunk, ...rest);
        },
      };
      await expect(storeUpload(upload.id, { ...deps, uploads: crashing })).rejects.toThrow('crash');
      expect((await deps.uploads.find(upload.id))?.chunksStored).toBe(1);
      const done = await storeUpload(upload.id, deps);
      expect(done).toMatchObject({ state: 'completed', rows: { stored: 25, duplicates: 0 } });
      const revisions = await db.collection('candidates_revisions').find({}).project({ aggregateId: 1, outbox: 1 }).toArray();
      expect(revisions).toHaveLength(25);
      expect(new Set(revisions.map((r) => r.aggregateId)).size).toBe(25);
      // Chunk 1 (and chunk 2, when it was still in flight) was published before the crash and again on
      // resume: under the same ids, so consumers drop the repeat.
      expect(published.filter((e) => e.type === 'candidate.submitted').length).toBeGreaterThanOrEqual(35);
      const ids = new Map(published.map((e) => [e.id, e.subject]));
      expect(ids.size).toBe(25);
      expect(new Set(ids.values())).toEqual(new Set(revisions.map((r) => r.aggregateId)));
      expect(await deps.repository.findById(rowCandidateId(upload.id, 17))).toMatchObject({ upload: { uploadId: upload.id, row: 17 } });
      expect(await db.collection('candidates').countDocuments({ rotation: 'CRASH' })).toBe(25);
    },
  );

  it(
    "when a concurrent nomination wins a row's key while the upload claims it, then that row and every later row linked to it point to the winner",
    { timeout: 120_000 },
    async () => {
      const validate = createSubmissionValidator(openapiPath('intake'), {
        consent: ['v1'],
        selfDeclaration: ['v1'],
        employmentDeclaration: ['v1'],
      });
      const rows = Array.from(
        { length: 25 },
        (_, i) => `Person ${i},1990-01-01,S-${i},yes,v1,2026-01-01,electronic-signature,${IN_SERVICE_CELLS}`,
      );
      rows[14] = `Another Spelling,1991-02-02,S-1,yes,v1,2026-01-01,electronic-signature,${IN_SERVICE_CELLS}`; // row 15: the same service number as row 2
      const file = [
        `name,date_of_birth,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,${IN_SERVICE_COLUMNS}`,
        ...rows,
      ].join('\n');
      const { upload } = await receiveUpload(
        officer,
        { mode: 'all-or-nothing', mission: 'MINUSMA', rotation: 'RACE', category: 'military-contingent' },
        { body: Readable.from([Buffer.from(file)]), contentType: 'text/csv' },
        {
          uploads: deps.uploads,
          validate,
          policies: { current: async () => BUILT_IN_POLICY },
          now: deps.now,
          maxBytes: 10_000_000,
          startStoring: () => undefined,
          chunkRows: 10,
        },
      );
      const scope = dedupeScope('GH', { mission: 'MINUSMA', rotation: 'RACE' });
      const [, nameKey] = dedupeKeys(scope, { names: [{ full: 'Person 1' }], dateOfBirth: '1990-01-01', serviceNumber: 'S-1' }, deps.blind);
      // A single nomination of "Person 1" claims the name key after the upload planned, before its claim.
      let rivalClaimed = false;
      const racing = {
        ...deps.keys,
        claim: async (...args: Parameters<StoreDeps['keys']['claim']>) => {
          if (!rivalClaimed) {
            rivalClaimed = true;
            await deps.keys.claim([{ scope, candidateId: 'c-rival', keys: [nameKey!] }]);
          }
          return deps.keys.claim(...args);
        },
      };
      const done = await storeUpload(upload.id, { ...deps, keys: racing });
      expect(done).toMatchObject({ state: 'completed', rows: { stored: 23, duplicates: 2 } });
      const links = (await Promise.all([0, 1, 2].map(async (c) => (await deps.uploads.result(upload.id, c))?.duplicates ?? []))).flat();
      expect(links).toEqual([
        { row: 2, candidateId: 'c-rival', matchedOn: 'name-and-date-of-birth' },
        { row: 15, candidateId: 'c-rival', matchedOn: 'service-number' },
      ]);
      expect(await deps.repository.findById(rowCandidateId(upload.id, 2))).toBeUndefined();
      // The lost row gave back the keys it had claimed.
      expect(
        (await deps.keys.owners(scope)).get(dedupeKeys(scope, { names: [{ full: 'x' }], serviceNumber: 'S-1' }, deps.blind)[0]!.key),
      ).toBeUndefined();
    },
  );
});
