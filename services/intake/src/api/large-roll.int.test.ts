import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandStartedEvent } from 'mongodb';
import { loadConfig } from '@vetting/platform';
import { createTestServiceEnv, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { intakeConfigSchema, keysDirOf } from '../config';
import { createCandidateRepository } from '../data/candidate.repository';
import { createPersonalCipher } from '../data/personal-data.cipher';
import { startIntake } from '../start-intake';
import { IN_SERVICE_CELLS, IN_SERVICE_COLUMNS } from '../testing/nominations';

/** Members: more than a roll opened one key at a time (candidate.stored.ts opens larger rolls with one read of the roll's keys). */
const MEMBERS = 230;

describe('a large roll read with its data keys in one read (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let gh: string;
  let admin: string;
  const ids: string[] = [];
  /** Finds on the data keys while a request runs: point reads per member would show here. */
  let keyReads: number | undefined;
  const countKeyReads = (e: CommandStartedEvent) => {
    if (keyReads !== undefined && e.commandName === 'find' && e.command.find === 'data_keys') keyReads++;
  };

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    const config = loadConfig(intakeConfigSchema, env.env);
    intake = await startIntake(config, { jwks: env.issuer.jwks });
    gh = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
    admin = `Bearer ${await env.issuer.token({ sub: 'dpo', roles: ['admin'] })}`;
    const csv = [
      `name,date_of_birth,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,${IN_SERVICE_COLUMNS}`,
      ...Array.from({ length: MEMBERS }, (_, i) => `Member ${i},1990,GH-L-${i},yes,v1,2026-01-01,electronic-signature,${IN_SERVICE_CELLS}`),
    ].join('\n');
    const res = await request(intake.app)
      .post('/uploads?mode=all-or-nothing&mission=UNIFIL&rotation=ROT-L&category=military-contingent')
      .set('authorization', gh)
      .set('content-type', 'text/csv')
      .send(csv);
    await waitFor(
      async () => (await request(intake.app).get(`/uploads/${res.body.id}`).set('authorization', gh)).body.state === 'completed',
      {
        timeoutMs: 120_000,
      },
    );
    const roll = await request(intake.app).get('/candidates?rotation=ROT-L&limit=500').set('authorization', gh);
    const items: { id: string }[] = roll.body.items;
    ids.push(...items.map((c) => c.id));
    // A member whose data key was stored before keys were filed by roll: still opened (one point read).
    await intake.runtime.db.collection<{ _id: string }>('data_keys').updateOne({ _id: ids[5]! }, { $unset: { group: '' } });
    // Every member cleared, as intake's status tracking does on clearance.decided.
    const decider = createCandidateRepository(intake.runtime.db, createPersonalCipher(intake.runtime.db, keysDirOf(config)));
    const at = new Date().toISOString();
    for (const id of ids)
      await decider.applyOnce(
        id,
        `test-cleared:${id}`,
        () => ({
          status: 'cleared',
          screeningDone: true,
          referencesDone: true,
          decision: { outcome: 'cleared', decidedAt: at, listVersions: [] },
        }),
        'clearance.decided',
        at,
      );
    await waitFor(
      async () =>
        (await request(intake.app).get('/candidates?rotation=ROT-L&status=cleared&limit=1').set('authorization', gh)).body.total ===
        MEMBERS,
      {
        timeoutMs: 60_000,
      },
    );
    // A fresh process: no data key cached from the upload or the reads above, so every key read shows.
    await intake.stop();
    intake = await startIntake(config, { jwks: env.issuer.jwks });
    intake.runtime.db.getClient().on('commandStarted', countKeyReads);
  }, 300_000);
  afterAll(async () => {
    await intake?.stop();
  });

  const counted = async <T>(run: () => Promise<T>) => {
    keyReads = 0;
    try {
      return { result: await run(), keyReads };
    } finally {
      keyReads = undefined;
    }
  };

  it('when a large roll is certified, then every member is certified and named, and the data keys are read once for the roll, not per member', async () => {
    const { result: res, keyReads: reads } = await counted(() =>
      request(intake.app).post('/rotations/ROT-L/certification').set('authorization', gh).send({ expectedMemberCount: MEMBERS }),
    );
    expect(res.status).toBe(201);
    const members: { candidateId: string; displayName: string; status: string }[] = res.body.members;
    expect(members).toHaveLength(MEMBERS);
    expect(new Set(members.map((m) => m.displayName))).toEqual(new Set(Array.from({ length: MEMBERS }, (_, i) => `Member ${i}`)));
    expect(members.every((m) => m.status === 'cleared')).toBe(true);
    // The roll's keys in one read, and the one key stored before keys were filed by roll.
    expect(reads).toBeLessThanOrEqual(2);
  });

  it('when a member of a large roll is erased, then the certificate and the CSV show them as erased and everyone else by name, in one read of the keys', async () => {
    const erasedId = ids[7]!;
    expect(
      (await request(intake.app).post(`/candidates/${erasedId}/erasure`).set('authorization', admin).send({ reason: 'request 77' })).status,
    ).toBe(200);
    const { result: cert, keyReads: certReads } = await counted(() =>
      request(intake.app).get('/rotations/ROT-L/certification').set('authorization', gh),
    );
    const certified: { candidateId: string; displayName: string }[] = cert.body.members;
    const named = new Map(certified.map((m) => [m.candidateId, m.displayName]));
    expect(named.get(erasedId)).toBe('(erased)');
    expect(named.get(ids[5]!)).toMatch(/^Member \d+$/);
    expect([...named.values()].filter((n) => n.startsWith('Member '))).toHaveLength(MEMBERS - 1);
    expect(certReads).toBeLessThanOrEqual(3);

    const { result: csv, keyReads: csvReads } = await counted(() =>
      request(intake.app).get('/rotations/ROT-L/roll.csv').set('authorization', gh),
    );
    expect(csv.status).toBe(200);
    const rows = csv.text.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(MEMBERS);
    expect(rows.filter((r) => r.includes(',"(erased)",'))).toHaveLength(1);
    expect(rows.filter((r) => /,"Member \d+",/.test(r))).toHaveLength(MEMBERS - 1);
    expect(csvReads).toBeLessThanOrEqual(3);
  });

  it('when another country’s office asks for the roll as CSV, then it gets nothing of this roll', async () => {
    const np = `Bearer ${await env.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' })}`;
    const csv = await request(intake.app).get('/rotations/ROT-L/roll.csv').set('authorization', np);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(1);
  });
});
