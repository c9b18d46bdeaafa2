/**
 * Threat: an erased person stays readable somewhere — a service's database (and so its backups), a
 * topic or its DLQ for the broker's retention, a job in Redis. The attack: after an administrator
 * erased a person, read every collection of every service, every topic from the beginning and every
 * Redis key raw, and look for anything of theirs: names, date of birth, document and service
 * numbers, their employer's e-mail address, the allegation and every written reason about them
 * (requests for action about them included), and clearance's copy of what they declared.
 * The control: personal data exists only sealed under the person's keys, and erasure destroys them
 * (docs/SECURITY.md, Erasure reaches every copy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceTokenSource } from '@vetting/platform';
import { waitFor } from '@vetting/platform/testing';
import { CORE_SERVICES, startSystem, type RunningSystem } from '../support/system';
import { ALLEGATION, PERSON, SECRETS, banList, systemApi, tellTheCase, type SystemApi } from './support/erased-person';
import { dumpSystem, findIn, type RawDump } from './support/raw-stores';

describe('erasure reaches every copy (real processes, Kafka, FerretDB, Redis read raw)', () => {
  let system: RunningSystem;
  const token: Record<string, string> = {};
  let api: SystemApi;
  let candidateId = '';
  let requestId = '';
  let before: RawDump;
  /** What clearance would hold in clear if the nomination's declared items and employment periods were not sealed. */
  const CLEAR_NOMINATION = ['"declared":[', '"periods":[', 'declaredNoOtherEmployer'];
  const inClearance = (d: RawDump) =>
    [...d.collections]
      .filter(([place]) => place.startsWith(`${system.database('clearance')}/`))
      .map(([, text]) => text)
      .join('\n');
  const dump = () => dumpSystem(system);

  beforeAll(async () => {
    system = await startSystem();
    const issue = (sub: string, roles: string[], country?: string) =>
      system.issuer.token({ sub, roles: roles as never, ...(country ? { country } : {}) });
    Object.assign(token, {
      office: await issue('gh-office', ['tcc-officer'], 'GH'),
      screener: await issue('screener-1', ['un-screener']),
      adjudicator: await issue('adjudicator-1', ['un-adjudicator']),
      auditor: await issue('auditor-1', ['auditor']),
      admin: await issue('admin-1', ['admin']),
    });
    api = systemApi(system, token);
    ({ candidateId, requestId } = await tellTheCase(system, api));
    before = await dump();
  }, 900_000);
  afterAll(async () => system?.stop());

  it('when the person is known, then every service holds them (sealed) and shows them to those allowed: the stores read below are the right ones', async () => {
    for (const service of CORE_SERVICES)
      expect(
        [...before.collections].some(([place, text]) => place.startsWith(`${system.database(service)}/`) && text.includes(candidateId)),
        service,
      ).toBe(true);
    // Clearance decides on the declared items and employment periods but keeps them sealed, never in clear.
    expect(inClearance(before)).toContain(candidateId);
    for (const clear of CLEAR_NOMINATION) expect(inClearance(before), clear).not.toContain(clear);
    expect((await api('accountability', `/action-requests/${requestId}`, 'adjudicator')).body).toMatchObject({
      summary: expect.stringContaining(ALLEGATION),
      closed: { reason: expect.stringContaining(ALLEGATION) },
    });
    expect([...before.topics].some(([topic, text]) => topic.endsWith('vetting.candidates') && text.includes(`person:${candidateId}`))).toBe(
      true,
    );
    expect([...before.redis.keys()].some((key) => key.includes(candidateId))).toBe(true);
    expect(JSON.stringify((await api('intake', `/candidates/${candidateId}/export`, 'admin')).body)).toContain(PERSON.passport);
    const review = (await api('screening', `/reviews/${candidateId}:1`, 'screener')).body;
    expect(JSON.stringify(review.person)).toContain(PERSON.name);
    expect(JSON.stringify((await api('clearance', `/cases/${candidateId}`, 'adjudicator')).body)).toContain(`the ${ALLEGATION} disclosure`);
    const trail = (await api('audit', `/trails/${candidateId}`, 'auditor')).body;
    expect(JSON.stringify(trail.steps)).toContain(`Same person as the ${ALLEGATION} file`);
  });

  it('when an administrator erases the person, then no collection, topic, DLQ or Redis key holds anything of them, and no sealed copy opens any more', async () => {
    expect(
      (
        await api('intake', `/candidates/${candidateId}/erasure`, 'admin', {
          method: 'POST',
          body: { reason: 'data-subject request 2026-311' },
        })
      ).status,
    ).toBe(200);
    // Every service forgets on candidate.erased; wait until each consumer did (each key store lost the person).
    let after: RawDump | undefined;
    // Keys per person, and accountability's per request about the person.
    const keysLeft = (d: RawDump) =>
      [...d.collections]
        .filter(
          ([place, text]) =>
            place.endsWith('/data_keys') && [candidateId, requestId].some((id) => text.includes(`"_id":"${id}","wrapped"`)),
        )
        .map(([place]) => place);
    await waitFor(
      async () => {
        after = await dump();
        return keysLeft(after).length === 0 && findIn(after, SECRETS).length === 0 ? true : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 5000, message: 'every copy of the person gone' },
    ).catch(() => undefined);
    expect(keysLeft(after!)).toEqual([]);
    expect(findIn(after!, SECRETS)).toEqual([]);
    for (const clear of CLEAR_NOMINATION) expect(inClearance(after!), clear).not.toContain(clear);
    // Accountability keeps the request's skeleton for the figures, its texts unreadable.
    expect((await api('accountability', `/action-requests/${requestId}`, 'adjudicator')).body).toMatchObject({
      status: 'closed',
      category: 'sea',
      summary: '(erased)',
      closed: { reason: '(erased)' },
      responses: [{ outcome: 'sanctioned', text: '(erased)' }],
    });

    // The sealed copies still in the topics (and their DLQs, and any backup) name a key that is gone.
    expect([...after!.topics.values()].join('')).toContain(`person:${candidateId}`);
    const tokens = await createServiceTokenSource({
      service: 'screening',
      dir: `${system.logDir}/service-keys`,
      audience: system.issuer.audience,
    });
    const lookup = await fetch(`${system.url('intake')}/person-keys/lookup`, {
      method: 'POST',
      headers: { ...(await tokens.headers()), 'content-type': 'application/json' },
      body: JSON.stringify({ persons: [candidateId] }),
    });
    expect(await lookup.json()).toEqual({ keys: [], erased: [candidateId] });

    // What the services show: nothing of the person, within the keys' cache bound (30 s).
    await waitFor(
      async () =>
        JSON.stringify((await api('clearance', `/cases/${candidateId}`, 'adjudicator')).body).includes(ALLEGATION) ? undefined : true,
      { timeoutMs: 90_000, message: 'the written reasons unreadable in clearance' },
    );
    await waitFor(
      async () =>
        JSON.stringify((await api('audit', `/trails/${candidateId}`, 'auditor')).body.steps).includes(ALLEGATION) ? undefined : true,
      { timeoutMs: 90_000, message: 'the sealed reasons unreadable in the trail' },
    );
    expect(JSON.stringify((await api('screening', `/reviews/${candidateId}:1`, 'screener')).body)).not.toContain(PERSON.name);
    expect((await api('audit', '/chain/verify', 'auditor')).body.ok).toBe(true);
  }, 600_000);

  it('when the erased person is screened again (a list changes, an old submission is redelivered), then they are not', async () => {
    const republished = await api('screening', '/lists/erasure-bar/versions', 'screener', {
      method: 'POST',
      body: { ...banList, entries: [...banList.entries, { ...banList.entries[0], id: 'ERASE-2' }] },
    });
    expect(republished.status).toBe(201);
    const job = await waitFor(
      async () => {
        const res = await api('screening', `/rescreens/erasure-bar/${republished.body.version}`, 'screener');
        return res.body?.status === 'completed' ? res.body : undefined;
      },
      { timeoutMs: 120_000, message: 'the re-screening finished' },
    );
    expect(job.changed).toBe(0);
    const screening = (await api('screening', `/screenings/${candidateId}`, 'screener')).body;
    expect(screening.hits ?? []).toEqual([]);
    expect(findIn(await dump(), SECRETS)).toEqual([]);
  }, 300_000);
});
