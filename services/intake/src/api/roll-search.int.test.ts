import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@vetting/platform';
import { createTestServiceEnv, type TestServiceEnv } from '@vetting/platform/testing';
import { intakeConfigSchema, keysDirOf, type IntakeConfig } from '../config';
import { createCandidateRepository } from '../data/candidate.repository';
import { createPersonalCipher } from '../data/personal-data.cipher';
import { startIntake } from '../start-intake';
import { inService } from '../testing/nominations';

const consent = { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' };
const person = (name: string, serviceNumber: string) => ({
  names: [{ full: name }],
  dateOfBirth: '1990-05',
  nationalities: ['GH'],
  serviceNumber,
  previousEmployers: [inService],
});
const nominate = (rotation: string, name: string, serviceNumber: string, mission = 'MINUSCA') => ({
  nomination: { mission, rotation, category: 'military-contingent' },
  person: person(name, serviceNumber),
  consent,
});

describe('the roll: paging, search, filters and CSV (real database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let officerGH: string;
  let officerNP: string;
  let screener: string;
  let admin: string;
  let config: IntakeConfig;
  const rotation = `R-${Date.now().toString(36)}`;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    config = loadConfig(intakeConfigSchema, env.env);
    intake = await startIntake(config, { jwks: env.issuer.jwks });
    officerGH = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
    officerNP = `Bearer ${await env.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' })}`;
    screener = `Bearer ${await env.issuer.token({ sub: 'screener-1', roles: ['un-screener'] })}`;
    admin = `Bearer ${await env.issuer.token({ sub: 'admin-1', roles: ['admin'] })}`;
    const people: [string, string, string, string?][] = [
      ['ama', 'Ama Serwaa MENSAH', 'GA-1001'],
      ['kofi', 'Kofi Mensah', 'GA-1002'],
      ['yaw', 'Yaw Boateng', 'GA-1003', 'UNMISS'],
      ['efua', 'Éfua Ásantewaa', 'GA-1004'],
      ['kwesi', 'Kwesi Appiah', 'GA-1005'],
    ];
    for (const [key, name, svc, mission] of people) {
      const res = await request(intake.app)
        .post('/candidates')
        .set('authorization', officerGH)
        .send(nominate(rotation, name, svc, mission));
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
      ids[`${key}.ref`] = res.body.caseReference;
    }
  });
  afterAll(async () => {
    await intake?.stop();
    await env?.cleanup();
  });

  const list = (auth: string, query: Record<string, string | number>) =>
    request(intake.app).get('/candidates').query(query).set('authorization', auth);

  it('when the roll is read page by page, then every member comes once, the first page says how many there are, and the last has no cursor', async () => {
    const seen: string[] = [];
    let page = await list(officerGH, { rotation, limit: 2 });
    expect(page.body.total).toBe(5);
    for (;;) {
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      if (!page.body.next) break;
      page = await list(officerGH, { rotation, limit: 2, after: page.body.next });
      expect(page.body.total).toBeUndefined();
    }
    expect(seen.sort()).toEqual([ids.ama, ids.kofi, ids.yaw, ids.efua, ids.kwesi].sort());
  });

  it('when a name is searched, then whole words match in any order, case and accents ignored, and a part of a word matches nothing', async () => {
    const names = async (q: string) => (await list(officerGH, { rotation, q })).body.items.map((c: { id: string }) => c.id).sort();
    expect(await names('mensah')).toEqual([ids.ama, ids.kofi].sort());
    expect(await names('MENSAH ama')).toEqual([ids.ama]);
    expect(await names('efua asantewaa')).toEqual([ids.efua]);
    expect(await names('Mens')).toEqual([]);
    expect((await list(officerGH, { rotation, q: 'mensah' })).body.total).toBe(2);
  });

  it('when a case reference or a service number is searched, then that one person is found', async () => {
    const byRef = await list(officerGH, { rotation, q: ids['yaw.ref']!.toLowerCase() });
    expect(byRef.body.items.map((c: { id: string }) => c.id)).toEqual([ids.yaw]);
    const bySvc = await list(officerGH, { q: 'GA-1004' });
    expect(bySvc.body.items.map((c: { id: string }) => c.id)).toEqual([ids.efua]);
  });

  it('when another country’s office searches the same name, then it finds nobody; a UN screener finds them across countries', async () => {
    expect((await list(officerNP, { q: 'mensah' })).body.items).toEqual([]);
    expect((await list(officerNP, { q: ids['ama.ref']! })).body.items).toEqual([]);
    const un = await list(screener, { q: 'Kofi Mensah' });
    expect(un.body.items.map((c: { id: string }) => c.id)).toEqual([ids.kofi]);
  });

  it('when the roll is filtered by mission or status, then only those members are listed', async () => {
    const byMission = await list(officerGH, { rotation, mission: 'UNMISS' });
    expect(byMission.body.items.map((c: { id: string }) => c.id)).toEqual([ids.yaw]);
    const withdrawn = await request(intake.app)
      .post(`/candidates/${ids.kofi}/withdrawal`)
      .set('authorization', officerGH)
      .send({ reason: 'left the unit' });
    expect(withdrawn.status).toBe(200);
    const byStatus = await list(officerGH, { rotation, status: 'withdrawn' });
    expect(byStatus.body).toMatchObject({ total: 1, items: [{ id: ids.kofi }] });
  });

  it('when a person is erased, then their name no longer finds them (nothing searchable is left)', async () => {
    const before = await list(admin, { q: 'Efua' });
    expect(before.body.items.map((c: { id: string }) => c.id)).toEqual([ids.efua]);
    const erased = await request(intake.app)
      .post(`/candidates/${ids.efua}/erasure`)
      .set('authorization', admin)
      .send({ reason: 'data-subject request' });
    expect(erased.status).toBe(200);
    expect((await list(admin, { q: 'Efua' })).body.items).toEqual([]);
    expect((await list(admin, { q: 'GA-1004' })).body.items).toEqual([]);
    expect(await intake.runtime.db.collection('candidate_search').countDocuments({ _id: ids.efua as never })).toBe(0);
  });

  it('when the roll is exported as CSV, then every member is a row with status and decision, within the office’s country', async () => {
    const res = await request(intake.app).get(`/rotations/${rotation}/roll.csv`).set('authorization', officerGH);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"case_reference","name","status","decision","decided_at","valid_until","mission","rotation","category","nominated_at"',
    );
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes(ids['kofi.ref']!))).toContain('"withdrawn"');
    expect(lines.find((l) => l.includes(ids['kwesi.ref']!))).toContain('"Kwesi Appiah","screening"');
    const filtered = await request(intake.app)
      .get(`/rotations/${rotation}/roll.csv`)
      .query({ status: 'withdrawn' })
      .set('authorization', officerGH);
    expect(filtered.text.trim().split('\r\n')).toHaveLength(2);
    const other = await request(intake.app).get(`/rotations/${rotation}/roll.csv`).set('authorization', officerNP);
    expect(other.text.trim().split('\r\n')).toHaveLength(1);
  });

  it('when a nomination moves to another rotation, then it leaves the first roll’s pages and total and joins the other’s', async () => {
    const [from, to] = [`${rotation}-FROM`, `${rotation}-TO`];
    const created = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerGH)
      .send(nominate(from, 'Adwoa Darko', 'GA-1006'));
    expect((await list(officerGH, { rotation: from })).body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    const moved = await request(intake.app)
      .patch(`/candidates/${created.body.id}`)
      .set('authorization', officerGH)
      .send({ nomination: { mission: 'MINUSCA', rotation: to, category: 'military-contingent' } });
    expect(moved.status).toBe(200);
    expect((await list(officerGH, { rotation: from })).body).toEqual({ items: [], total: 0 });
    expect((await list(officerGH, { rotation: to })).body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    expect((await list(officerNP, { rotation: to })).body).toEqual({ items: [], total: 0 });
  });

  it('when the roll order is empty (candidates stored before it existed), then the next start fills it in', async () => {
    const order = intake.runtime.db.collection('roll_order');
    await order.deleteMany({});
    expect((await list(officerGH, { rotation })).body).toEqual({ items: [], total: 0 });
    await createCandidateRepository(intake.runtime.db, createPersonalCipher(intake.runtime.db, keysDirOf(config))).ensureIndexes();
    const page = await list(officerGH, { rotation, limit: 10 });
    expect(page.body.total).toBe(5);
    expect(page.body.items.map((c: { id: string }) => c.id).sort()).toEqual([ids.ama, ids.kofi, ids.yaw, ids.efua, ids.kwesi].sort());
  });
});
