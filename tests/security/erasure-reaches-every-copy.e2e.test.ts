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
import { testInfra, waitFor } from '@vetting/platform/testing';
import { CORE_SERVICES, startSystem, type RunningSystem } from '../support/system';
import { dumpDatabases, dumpRedis, dumpTopics, findIn, type RawDump } from './support/raw-stores';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

const PERSON = {
  name: 'Adwoa Quarrendale-Obuya',
  alias: 'Adwoa Mensimah Obuya',
  dateOfBirth: '1983-07-19',
  passport: 'QX7781290',
  serviceNumber: 'GA-SN-4471902',
  employer: 'Harbourline Relief Cooperative',
  employerEmail: 'manual-hr.erasure@harbourline-relief.example',
};
/** Every piece of free text about the person names this place: none may survive either. */
const ALLEGATION = 'Bracken Hollow';
const SECRETS = [
  PERSON.name,
  'Quarrendale',
  PERSON.alias,
  'Mensimah',
  PERSON.dateOfBirth,
  PERSON.passport,
  PERSON.serviceNumber,
  PERSON.employer,
  PERSON.employerEmail,
  'harbourline-relief',
  ALLEGATION,
];
const DAY = 24 * 3600 * 1000;
const monthsAgo = (n: number) => new Date(Date.now() - n * 30 * DAY).toISOString().slice(0, 7);

/** The listed person the candidate resembles (another spelling: nothing of the candidate is in the list). */
const banList = {
  format: 'vetting-banlist',
  version: 1,
  entries: [
    {
      id: 'ERASE-1',
      names: [{ full: 'Adwoa Quarendale Obuya', kind: 'primary' }],
      datesOfBirth: ['1983'],
      placesOfBirth: [],
      nationalities: ['GH'],
      documents: [],
      serviceNumbers: [],
      category: 'sea',
      status: 'barred',
      listingDate: '2020-01-01',
      sourceReference: 'CASE-ERASE-1',
    },
  ],
};

describe('erasure reaches every copy (real processes, Kafka, FerretDB, Redis read raw)', () => {
  let system: RunningSystem;
  const token: Record<string, string> = {};
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

  async function api(
    service: (typeof CORE_SERVICES)[number],
    path: string,
    who: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${system.url(service)}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token[who]}`,
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': `erasure-${Math.random().toString(36).slice(2)}`,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  }

  const dump = async (): Promise<RawDump> => ({
    collections: await dumpDatabases(
      system.mongoUrl,
      CORE_SERVICES.map((s) => system.database(s)),
    ),
    topics: await dumpTopics(system.kafka, system.prefix),
    redis: await dumpRedis((await testInfra()).redisUrl),
  });

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
    expect((await api('screening', '/lists/erasure-bar/versions', 'screener', { method: 'POST', body: banList })).status).toBe(201);

    // The person, nominated with everything an office enters about them.
    const created = await api('intake', '/candidates', 'office', {
      method: 'POST',
      body: {
        nomination: { mission: 'MINUSCA', rotation: 'GHANBATT-ERASE', category: 'military-contingent' },
        person: {
          names: [{ full: PERSON.name }, { full: PERSON.alias }],
          dateOfBirth: PERSON.dateOfBirth,
          nationalities: ['GH'],
          documents: [{ type: 'passport', number: PERSON.passport, country: 'GH' }],
          serviceNumber: PERSON.serviceNumber,
          previousEmployers: [
            {
              name: PERSON.employer,
              role: 'Field officer',
              contactEmail: PERSON.employerEmail,
              country: 'GH',
              from: monthsAgo(30),
              to: monthsAgo(6),
            },
          ],
        },
        // The history leaves gaps in the look-back window: the candidate declared no other employer.
        employmentDeclaration: {
          noOtherEmployer: true,
          formVersion: 'v1',
          signedAt: '2026-01-10T09:00:00Z',
          method: 'wet-signature-scanned',
        },
        consent: { given: true, formVersion: 'UN-HRSP-2024.1', signedAt: '2026-01-10T09:00:00Z', method: 'electronic-signature' },
        selfDeclaration: {
          formVersion: 'v1',
          signedAt: '2026-01-10T09:00:00Z',
          method: 'electronic-signature',
          criminalOffence: false,
          humanRightsViolation: false,
          repatriatedOnDisciplinaryGrounds: true,
          explanation: `Sent home after the ${ALLEGATION} inquiry`,
        },
      },
    });
    expect(created.status).toBe(201);
    candidateId = created.body.id;

    // A screening officer confirms the possible match, in writing.
    const screening = await waitFor(
      async () =>
        (await api('screening', `/screenings/${candidateId}`, 'screener')).body?.hits?.length
          ? (await api('screening', `/screenings/${candidateId}`, 'screener')).body
          : undefined,
      { timeoutMs: 120_000, message: 'the possible match' },
    );
    const resolved = await api('screening', `/reviews/${screening.id}/hits/erasure-bar/ERASE-1/resolution`, 'screener', {
      method: 'POST',
      body: { resolution: 'confirmed', reason: `Same person as the ${ALLEGATION} file` },
    });
    expect(resolved.status).toBe(200);

    // The employer is not in the directory: a screening officer confirms the typed address before anything goes.
    const held = await waitFor(
      async () =>
        (
          (await api('references', `/candidates/${candidateId}/checks`, 'screener')).body?.checks as
            { checkId: string; checkType: string; state: string }[] | undefined
        )?.find((c) => c.checkType === 'misconduct-disclosure' && c.state === 'awaiting-contact'),
      { timeoutMs: 120_000, message: 'the disclosure request held for a contact' },
    );
    const confirmed = await api('references', `/contact-confirmations/${held.checkId}`, 'screener', {
      method: 'POST',
      body: {
        decision: 'verified-contact',
        contactEmail: PERSON.employerEmail,
        verification: 'Called the cooperative’s published number; HR confirmed the address.',
      },
    });
    expect(confirmed.status).toBe(200);

    // The prior employer answers the disclosure request with the allegation.
    const mail = await waitFor(
      async () => (await api('references', `/dev/mailbox?to=${encodeURIComponent(PERSON.employerEmail)}`, 'admin')).body?.items?.[0],
      { timeoutMs: 180_000, message: 'the disclosure request mail' },
    );
    const link = new URL(/https?:\/\/\S+\/referee\/\S+/.exec(mail.text as string)![0]);
    const answered = await fetch(`${system.url('references')}${link.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        employed: 'yes',
        sexualMisconductFinding: 'yes',
        leftDuringInvestigation: 'yes',
        responderName: 'Harbourline HR',
        responderRole: 'HR lead',
        responderEmail: PERSON.employerEmail,
        details: `Dismissed after the ${ALLEGATION} inquiry into the abuse of a beneficiary`,
      }),
    });
    expect(answered.status).toBe(200);

    // The adjudicator records the candidate's response and refuses, in writing.
    await waitFor(
      async () =>
        (await api('clearance', `/cases/${candidateId}`, 'adjudicator')).body?.status === 'awaiting-adjudication' ? true : undefined,
      { timeoutMs: 240_000, message: 'the case waiting for an adjudicator' },
    );
    // No refusal without a dated notice of the findings and the candidate's response to it.
    const notice = await api('clearance', `/cases/${candidateId}/notices`, 'adjudicator', {
      method: 'POST',
      body: {
        sentAt: new Date(Date.now() - 60_000).toISOString(),
        channel: 'via-tcc-office',
        text: `You are informed of the ${ALLEGATION} disclosure and the ban-list match.`,
      },
    });
    expect(notice.status).toBe(201);
    expect(
      (
        await api('clearance', `/cases/${candidateId}/candidate-response`, 'adjudicator', {
          method: 'POST',
          body: { summary: `Denies being at ${ALLEGATION}` },
        })
      ).status,
    ).toBe(201);
    const decided = await api('clearance', `/cases/${candidateId}/adjudication`, 'adjudicator', {
      method: 'POST',
      body: { outcome: 'not-cleared', reasons: [`Confirmed ban-list match and the ${ALLEGATION} disclosure`] },
    });
    expect([201, 202]).toContain(decided.status);
    await waitFor(
      async () =>
        (await api('audit', `/trails/${candidateId}`, 'auditor')).body?.steps?.some((s: Json) => s.type === 'clearance.decided')
          ? true
          : undefined,
      { timeoutMs: 120_000, message: 'the decision in the audit trail' },
    );

    // The UN asks the country to act on the misconduct; the office answers; the UN closes it: all in writing.
    const sent = await api('accountability', '/action-requests', 'adjudicator', {
      method: 'POST',
      body: {
        country: 'GH',
        mission: 'MINUSCA',
        category: 'sea',
        substantiatedOn: '2026-01-20',
        candidateId,
        listEntry: { listId: 'erasure-bar', entryId: 'ERASE-1' },
        actions: [{ kind: 'investigation' }],
        summary: `Abuse of a beneficiary at ${ALLEGATION} substantiated; investigate and report`,
      },
    });
    expect(sent.status).toBe(201);
    requestId = sent.body.id;
    expect(
      (
        await api('accountability', `/action-requests/${requestId}/responses`, 'office', {
          method: 'POST',
          body: { kind: 'final', covers: ['investigation'], outcome: 'sanctioned', text: `Sanctioned for the ${ALLEGATION} abuse` },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api('accountability', `/action-requests/${requestId}/closure`, 'adjudicator', {
          method: 'POST',
          body: { reason: `The ${ALLEGATION} case is concluded` },
        })
      ).status,
    ).toBe(200);
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
