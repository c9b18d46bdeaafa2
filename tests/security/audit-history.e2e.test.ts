/**
 * Threat: whoever can write the audit database and the checkpoint volume rewrites the audit trail —
 * with the signing key read from beside the checkpoints, by deleting or shortening the checkpoint
 * file so a shorter chain verifies, or by restarting the service so it signs whatever chain it
 * finds; a bare hash of an event's data confirms a guess of it; written reasons sit in the chain in
 * clear. The attacks below are made on the running system (services as processes, the real
 * database, Kafka and files). The controls: the signing key apart from the checkpoints (its own
 * directory, refused inside theirs), every checkpoint also published on its own append-only topic
 * and printed in every export, the history held against it (docs/SECURITY.md, audit trail).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopic, testInfra, testServiceBaseEnv, waitFor } from '@vetting/platform/testing';
import { verifyBundleText } from '@vetting/signing';
import { canonicalJson } from '../../services/audit/src/domain/canonical-json';
import { entryOfLine, linesOf } from '../../services/audit/src/domain/entry-line';
import { serviceCommand } from '../support/service-build';
import { startSystem, type RunningSystem } from '../support/system';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const REASON = 'Withdrawn after the Kettleby Ridge complaint';

describe('the audit trail cannot be rewritten by the database and volume owner (real processes)', () => {
  let system: RunningSystem;
  const checkpointDir = mkdtempSync(join(tmpdir(), 'audit-checkpoints-'));
  const keyDir = mkdtempSync(join(tmpdir(), 'audit-keys-'));
  const token: Record<string, string> = {};
  const ids: string[] = [];

  async function api(
    service: 'intake' | 'audit',
    path: string,
    who: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: Json; text: string }> {
    const res = await fetch(`${system.url(service)}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    let body: Json;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text };
  }
  const nominate = async (name: string) => {
    const res = await api('intake', '/candidates', 'office', {
      method: 'POST',
      body: {
        nomination: { mission: 'UNMISS', rotation: 'NEPBATT-AUDIT', category: 'military-contingent' },
        person: {
          names: [{ full: name }],
          dateOfBirth: '1991-03-02',
          nationalities: ['NP'],
          previousEmployers: [{ name: 'Nepal Army', role: 'Private', from: '2010', nationalService: true }],
        },
        consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
      },
    });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
    return res.body.id as string;
  };
  const trailHas = (id: string, type: string) =>
    waitFor(
      async () => ((await api('audit', `/trails/${id}`, 'auditor')).body?.entries?.some((e: Json) => e.type === type) ? true : undefined),
      { timeoutMs: 120_000, message: `${type} of ${id} in the chain` },
    );
  const verify = async () => (await api('audit', '/chain/verify', 'auditor')).body;
  const checkpointFile = () =>
    join(
      checkpointDir,
      readdirSync(checkpointDir).find((f) => f.endsWith('.checkpoints.jsonl'))!,
    );
  const published = async () =>
    (await readTopic(system.kafka, `${system.prefix}vetting.audit-checkpoints`, () => false, 5_000)).map(
      (m) => JSON.parse(m.value) as { seq: number; hash: string },
    );

  beforeAll(async () => {
    system = await startSystem({
      env: {
        audit: { AUDIT_CHECKPOINT_DIR: checkpointDir, AUDIT_KEY_DIR: keyDir, AUDIT_CHECKPOINT_EVERY: '2', AUDIT_CHECKPOINT_SECONDS: '1' },
      },
    });
    token.office = await system.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' });
    token.auditor = await system.issuer.token({ sub: 'auditor-1', roles: ['auditor'] });
    const withdrawn = await nominate('Pasang Dorje Lama');
    await trailHas(withdrawn, 'candidate.submitted');
    expect(
      (await api('intake', `/candidates/${withdrawn}/withdrawal`, 'office', { method: 'POST', body: { reason: REASON } })).status,
    ).toBe(200);
    await trailHas(withdrawn, 'candidate.withdrawn');
    await trailHas(await nominate('Mingma Tenzing Gurung'), 'clearance.decided');
    // The chain's head is signed and published.
    await waitFor(
      async () => {
        const v = await verify();
        return v?.ok && v.checkpoints.latest?.seq === v.headSeq && v.checkpoints.published?.count > 0 ? true : undefined;
      },
      { timeoutMs: 60_000, message: 'the head signed and published' },
    );
  }, 900_000);
  afterAll(async () => system?.stop());

  it('when someone reads the checkpoint volume, then no signing key is there; and an audit service told to keep its key there refuses to start', async () => {
    expect(readdirSync(checkpointDir).filter((f) => /key|\.pem$/i.test(f))).toEqual([]);
    expect(readdirSync(keyDir)).toContain('audit-signing-key.pem');
    const infra = await testInfra();
    const child = spawn(process.execPath, await serviceCommand('services/audit/src/main.ts'), {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...testServiceBaseEnv(infra, 'audit'),
        SERVICE_NAME: 'audit',
        PORT: '0',
        MONGO_DB: `audit_keybeside_${Date.now()}`,
        TOPIC_PREFIX: system.prefix,
        AUTH_JWKS: `${system.logDir}/jwks.json`,
        AUDIT_CHECKPOINT_DIR: checkpointDir,
        AUDIT_KEY_DIR: join(checkpointDir, 'keys'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += String(d)));
    child.stderr!.on('data', (d) => (output += String(d)));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(null)), 60_000);
      child.once('exit', (c) => (clearTimeout(timer), resolve(c)));
    });
    expect(code, `the audit service started with its key inside the checkpoint directory:\n${output.slice(-2000)}`).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain('AUDIT_KEY_DIR');
  });

  it('when someone holds an event and guesses its data, then the entry’s digest does not confirm it (keyed), and a written reason is not in the chain in clear', async () => {
    const [withdrawn, cleared] = ids as [string, string];
    const events = (await readTopic(system.kafka, `${system.prefix}vetting.screenings`, () => false, 5_000))
      .map((m) => JSON.parse(m.value) as Json)
      .filter((e) => e.subject === cleared);
    expect(events.length).toBeGreaterThan(0);
    const entries = (await api('audit', `/trails/${cleared}`, 'auditor')).body.entries as Json[];
    for (const event of events) {
      const entry = entries.find((e) => e.eventId === event.id);
      expect(entry.dataDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.dataDigest).not.toBe(createHash('sha256').update(canonicalJson(event.data)).digest('hex'));
    }
    const mongo = await MongoClient.connect(system.mongoUrl);
    try {
      const raw = JSON.stringify(await mongo.db(system.database('audit')).collection('audit_blocks').find({}).toArray());
      expect(raw).toContain(withdrawn);
      expect(raw).not.toContain('Kettleby Ridge');
    } finally {
      await mongo.close();
    }
    // The auditor still reads it, opened with the person's key (and the read is recorded).
    const trail = (await api('audit', `/trails/${withdrawn}`, 'auditor')).body;
    expect(trail.steps.find((s: Json) => s.type === 'candidate.withdrawn').reasons).toEqual([REASON]);
  });

  it('when a bundle is exported, then it prints the latest published checkpoint, which verifies offline', async () => {
    const res = await api('audit', `/exports/bundle?candidateId=${ids[1]}`, 'auditor');
    expect(res.status).toBe(200);
    expect(res.body.publishedCheckpoint).toMatchObject({
      seq: expect.any(Number),
      hash: expect.any(String),
      signature: expect.any(String),
    });
    const verified = verifyBundleText(res.text);
    expect(verified).toMatchObject({ ok: true, published: { seq: res.body.publishedCheckpoint.seq } });
  });

  it('when the checkpoint file is shortened, then the chain no longer verifies: the published history names what is missing', async () => {
    const file = checkpointFile();
    const [first, ...rest] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${first}\n`);
    const v = await verify();
    // The service may append a checkpoint meanwhile (entries still arriving): it stays after the lines
    // put back, as an append-only file would hold it.
    const appended = readFileSync(file, 'utf8').slice(first!.length + 1);
    writeFileSync(file, `${first}\n${rest.join('\n')}${appended}`);
    expect(v.ok).toBe(false);
    expect(v.checkpoints.invalid.some((p: Json) => /missing from the checkpoint file/.test(p.problem))).toBe(true);
    await waitFor(async () => ((await verify())?.ok ? true : undefined), { timeoutMs: 30_000, message: 'the restored file to verify' });
  });

  it('when the tail is cut off, the checkpoint file deleted and the service restarted, then it signs nothing over the shorter chain and verification fails', async () => {
    await system.kill('audit', 'SIGTERM');
    const before = await published();
    const last = Math.max(...before.map((c) => c.seq));
    const keep = last - 1;
    const mongo = await MongoClient.connect(system.mongoUrl);
    try {
      const db = mongo.db(system.database('audit'));
      for (const block of await db.collection<{ _id: number; lines: string }>('audit_blocks').find({}).toArray()) {
        const kept = linesOf(block.lines).filter((l) => entryOfLine(l).seq <= keep);
        if (kept.length === 0) await db.collection('audit_blocks').deleteOne({ _id: block._id as never });
        else await db.collection('audit_blocks').updateOne({ _id: block._id as never }, { $set: { lines: kept.join('\n') } });
      }
      // A careful attacker leaves no trace of the cut-off entries in the query index either.
      await db.collection('audit_index').deleteMany({ _id: { $gt: keep } as never });
      await db.collection('audit_refs').deleteMany({ seq: { $gt: keep } });
      await db.collection('audit_head').deleteMany({});
    } finally {
      await mongo.close();
    }
    rmSync(checkpointFile());
    await system.start('audit');
    const later = await nominate('Ang Nima Sherpa');
    await trailHas(later, 'candidate.submitted');

    const v = await verify();
    expect(v.ok).toBe(false);
    // No checkpoint vouches for the rewritten chain: an export of the newcomer finds none, and nothing new was published.
    expect((await api('audit', `/exports/bundle?candidateId=${later}`, 'auditor')).status).not.toBe(200);
    expect(Math.max(...(await published()).map((c) => c.seq))).toBe(last);
  }, 600_000);
});
