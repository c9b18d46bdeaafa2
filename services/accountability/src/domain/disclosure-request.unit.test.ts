import { describe, expect, it } from 'vitest';
import { annualFigures, type VettingFact } from './disclosure-figures';
import {
  becomesOverdue,
  decideAnswer,
  decideCountersignature,
  requesterProblem,
  statusOf,
  type DisclosureRequest,
  type KnownFinding,
} from './disclosure-request';

const request = (over: Partial<DisclosureRequest> = {}): DisclosureRequest => ({
  id: 'mds-1',
  reference: 'MDS-2026-1',
  addressedTo: 'UN',
  candidateId: 'cand-1',
  country: 'GH',
  requester: { organisationId: 'emp-1', contactDomain: 'relief.example' },
  sealedPerson: 'x',
  sealedContact: 'x',
  verified: { at: '2026-02-01T00:00:00.000Z', by: 'un-1', organisationName: 'Relief Now' },
  consent: {
    filename: 'c.pdf',
    contentType: 'application/pdf',
    size: 10,
    sha256: 'a',
    signedOn: '2026-01-30',
    declarationSigned: true,
    attachedBy: 'un-1',
    attachedAt: '2026-02-01T00:00:00.000Z',
  },
  receivedAt: '2026-02-01T00:00:00.000Z',
  receivedBy: 'un-1',
  dueBy: '2026-02-21T00:00:00.000Z',
  state: 'open',
  ...over,
});
const finding: KnownFinding = {
  source: 'request-for-action',
  reference: 'RFA-2026-AB',
  category: 'sea',
  substantiatedOn: '2026-01-01',
  listEntry: { listId: 'un-sea', entryId: 'SEA-1' },
  country: 'GH',
};

describe('answering a disclosure request', () => {
  it('when the requester is unverified or the consent is missing, then no answer is possible, whatever it says', () => {
    expect(decideAnswer(request({ verified: undefined }), { kind: 'none' }, [])).toMatchObject({
      problem: { code: 'DISCLOSURE.REQUESTER_UNVERIFIED' },
    });
    expect(decideAnswer(request({ consent: undefined }), { kind: 'finding', justification: 'x' }, [finding])).toMatchObject({
      problem: { code: 'DISCLOSURE.CONSENT_REQUIRED' },
    });
  });

  it('when the platform records a finding, then "finding" goes out, and "none" needs a justification and a second person', () => {
    expect(decideAnswer(request(), { kind: 'finding' }, [finding])).toEqual({ state: 'answered', departs: false });
    expect(decideAnswer(request(), { kind: 'none' }, [finding])).toMatchObject({
      problem: { code: 'DISCLOSURE.JUSTIFICATION_REQUIRED', field: 'body/justification' },
    });
    expect(decideAnswer(request(), { kind: 'none', justification: 'Finding quashed on appeal' }, [finding])).toEqual({
      state: 'awaiting-countersignature',
      departs: true,
    });
    const waiting = request({
      state: 'awaiting-countersignature',
      answer: { kind: 'none', answeredBy: 'un-1', answeredAt: '2026-02-02T00:00:00.000Z', knownFindings: ['RFA-2026-AB'] },
    });
    expect(decideCountersignature(waiting, 'un-1')).toMatchObject({ code: 'DISCLOSURE.SAME_PERSON' });
    expect(decideCountersignature(waiting, 'un-2')).toBeUndefined();
  });

  it('when the platform records nothing, then "none" goes out, and a finding it does not know needs a justification', () => {
    expect(decideAnswer(request(), { kind: 'none' }, [])).toEqual({ state: 'answered', departs: false });
    expect(decideAnswer(request(), { kind: 'left-under-investigation' }, [])).toMatchObject({ problem: { field: 'body/justification' } });
  });

  it('when the deadline passes unanswered, then the request is overdue; a requester is verified only at a verified domain of an active organisation', () => {
    expect(statusOf(request(), new Date('2026-03-01'))).toBe('overdue');
    expect(becomesOverdue(request(), new Date('2026-03-01'))).toBe(true);
    expect(becomesOverdue(request({ overdueSince: '2026-02-22T00:00:00.000Z' }), new Date('2026-03-01'))).toBe(false);
    expect(becomesOverdue(request(), new Date('2026-02-20'))).toBe(false);
    expect(becomesOverdue(request({ state: 'answered' }), new Date('2026-03-01'))).toBe(false);
    expect(statusOf(request({ verified: undefined }), new Date('2026-02-02'))).toBe('unverified');
    const org = { organisationId: 'emp-1', name: 'Relief Now', domains: ['relief.example'], status: 'active' as const, revision: 1 };
    expect(requesterProblem(org, 'hr.relief.example')).toBeUndefined();
    expect(requesterProblem(org, 'relief.example.evil.test')).toMatch(/not a verified mail domain/);
    expect(requesterProblem({ ...org, status: 'retired' }, 'relief.example')).toMatch(/retired/);
    expect(requesterProblem(undefined, 'relief.example')).toMatch(/not in the employer directory/);
  });

  it('when the year’s facts are counted, then a person refused on an adverse or absent disclosure counts once, and each answer given counts as provided', () => {
    const facts: VettingFact[] = [
      { kind: 'recruited', year: 2026, country: 'GH', candidateId: 'a' },
      { kind: 'disclosure-requested', year: 2026, country: 'GH', candidateId: 'b' },
      { kind: 'disclosure-completed', year: 2025, country: 'GH', candidateId: 'b', result: 'no-response' },
      { kind: 'not-cleared', year: 2026, country: 'GH', candidateId: 'b', onNegativeOrAbsentDisclosure: true },
      { kind: 'not-cleared', year: 2026, country: 'GH', candidateId: 'b', onNegativeOrAbsentDisclosure: true },
      { kind: 'not-cleared', year: 2026, country: 'GH', candidateId: 'c' },
      { kind: 'disclosure-completed', year: 2026, country: 'GH', candidateId: 'a', result: 'no-adverse' },
    ];
    const answered = request({
      state: 'answered',
      answer: { kind: 'finding', answeredBy: 'un-1', answeredAt: '2026-02-03T00:00:00.000Z', knownFindings: [] },
    });
    expect(annualFigures(2026, facts, [answered, request({ id: 'mds-2' })])).toEqual({
      year: 2026,
      recruitments: 1,
      requestsMade: 1,
      responsesReceived: 1,
      requestsReceived: 2,
      responsesProvided: 1,
      negativeAnswersProvided: 1,
      rejectedOnNegativeOrAbsentInformation: 1,
    });
  });
});
