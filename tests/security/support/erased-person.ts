/**
 * The person whose erasure tests/security/erasure-reaches-every-copy.e2e.test.ts checks, and their whole case
 * told through the running system's APIs, so that every service holds something of them before they are erased:
 * a nomination with everything an office enters, a confirmed ban-list match, a prior employer's disclosure, a
 * refusal with a notice and the candidate's response, and a request for action answered and closed.
 */
import { expect } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import type { CORE_SERVICES, RunningSystem } from '../../support/system';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
export type Json = any;

export const PERSON = {
  name: 'Adwoa Quarrendale-Obuya',
  alias: 'Adwoa Mensimah Obuya',
  dateOfBirth: '1983-07-19',
  passport: 'QX7781290',
  serviceNumber: 'GA-SN-4471902',
  employer: 'Harbourline Relief Cooperative',
  employerEmail: 'manual-hr.erasure@harbourline-relief.example',
};
/** Every piece of free text about the person names this place: none may survive either. */
export const ALLEGATION = 'Bracken Hollow';
export const SECRETS = [
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
export const banList = {
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

export type SystemApi = (
  service: (typeof CORE_SERVICES)[number],
  path: string,
  who: string,
  init?: { method?: string; body?: unknown },
) => Promise<{ status: number; body: Json }>;

/** Calls a service of the system as the holder of `token[who]`, each write with its own idempotency key. */
export function systemApi(system: RunningSystem, token: Record<string, string>): SystemApi {
  return async (service, path, who, init = {}) => {
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
  };
}

/** Tells the person's whole case through the system; returns the candidate and the request for action about them. */
export async function tellTheCase(system: RunningSystem, api: SystemApi): Promise<{ candidateId: string; requestId: string }> {
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
  const candidateId: string = created.body.id;

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
  const requestId: string = sent.body.id;
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
  return { candidateId, requestId };
}
