import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { events, newCandidateId, startClearanceForTest } from '../testing/environment';
import type { getCase } from '../use-cases/read-cases.use-case';

type CaseBody = Awaited<ReturnType<typeof getCase>>;

const MAX = 64 * 1024;
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nLetter from my commanding officer\n%%EOF\n');
const employment = {
  periods: [
    { from: '2015', to: '2022-12' },
    { from: '2023-01', nationalService: true },
  ],
  declaredNoOtherEmployer: false,
};
const leftDuringInvestigation = {
  checkId: 'd1',
  checkType: 'misconduct-disclosure',
  result: 'adverse',
  findings: ['left-during-investigation'],
};

// Generous timeouts: the machine is shared, and these wait for conditions, never for time.
describe('the candidate’s right to respond before a refusal (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startClearanceForTest>>;
  let un: string;
  const caseOf = async (id: string): Promise<CaseBody> => (await request(t.app).get(`/cases/${id}`).set('authorization', un)).body;
  const until = (id: string, ok: (c: CaseBody) => boolean, message: string) =>
    waitFor(async () => ((c) => (ok(c) ? c : undefined))(await caseOf(id)), { message, timeoutMs: 90_000 });
  const upload = (id: string, type: string, body: Buffer, filename = 'letter.pdf') =>
    request(t.app).post(`/cases/${id}/attachments`).query({ filename }).set('authorization', un).set('content-type', type).send(body);
  const adverseCase = async () => {
    const id = newCandidateId();
    await t.publish(
      events.submitted(id, 'military-contingent', 1, { employment }),
      events.screened(id),
      events.references(id, [leftDuringInvestigation]),
    );
    await until(id, (c) => c.status === 'awaiting-adjudication', 'awaiting adjudication');
    return id;
  };

  beforeAll(async () => {
    t = await startClearanceForTest({ ATTACHMENT_MAX_BYTES: String(MAX) });
    un = await t.bearer('adjudicator-1', 'un-adjudicator');
  });
  afterAll(async () => t?.stop());

  it('when a referee reported leaving during an investigation, then the named finding is on the case with its reason, and a refusal needs a notice first', async () => {
    const id = await adverseCase();
    const c = await caseOf(id);
    expect(c.evaluation?.findings).toEqual([
      expect.objectContaining({
        key: 'referee:d1:left-during-investigation',
        adverse: true,
        reason: expect.stringMatching(/left while an investigation/),
      }),
    ]);
    const refused = await request(t.app)
      .post(`/cases/${id}/adjudication`)
      .set('authorization', un)
      .send({ outcome: 'not-cleared', reasons: ['left during an investigation'] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CLEARANCE.NOTICE_REQUIRED', uncoveredFindings: ['referee:d1:left-during-investigation'] });
  });

  it('when a notice is dated in the future or gives less time than the policy, then it is refused naming the field', async () => {
    const id = await adverseCase();
    const now = Date.now();
    const future = await request(t.app)
      .post(`/cases/${id}/notices`)
      .set('authorization', un)
      .send({ sentAt: new Date(now + 86_400_000).toISOString(), channel: 'letter', text: 'x' });
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'body/sentAt' })]);
    const rushed = await request(t.app)
      .post(`/cases/${id}/notices`)
      .set('authorization', un)
      .send({ sentAt: new Date(now).toISOString(), respondBy: new Date(now + 3 * 86_400_000).toISOString(), channel: 'letter', text: 'x' });
    expect(rushed.status).toBe(400);
    expect(rushed.body.errors).toEqual([{ field: 'body/respondBy', reason: expect.stringMatching(/at least 14 days/) }]);
  });

  it('when the candidate answers a notice with a letter, then text and file are sealed, published by digest only, readable by an adjudicator, and the refusal can be decided', async () => {
    const id = await adverseCase();
    const notice = await request(t.app).post(`/cases/${id}/notices`).set('authorization', un).send({
      sentAt: new Date().toISOString(),
      channel: 'via-tcc-office',
      text: 'A prior employer reported that you left during an investigation.',
    });
    expect(notice.status).toBe(201);
    expect(notice.body.notice).toMatchObject({ findings: ['referee:d1:left-during-investigation'], channel: 'via-tcc-office' });
    const early = await request(t.app)
      .post(`/cases/${id}/adjudication`)
      .set('authorization', un)
      .send({ outcome: 'not-cleared', reasons: ['x'] });
    expect(early.body).toMatchObject({ code: 'CLEARANCE.RESPONSE_PENDING', respondBy: notice.body.notice.respondBy });

    const file = await upload(id, 'application/pdf', pdf);
    expect(file.status).toBe(201);
    const stored = await t.service.runtime.db.collection('response_attachments').findOne({ _id: file.body.attachmentId } as never);
    expect(String(stored?.sealed)).not.toContain('commanding officer');
    expect(String(stored?.sealed)).not.toContain(pdf.toString('base64').slice(0, 40));

    const text = 'I left for a posting abroad; I was never told of any investigation.';
    const answered = await request(t.app)
      .post(`/cases/${id}/candidate-response`)
      .set('authorization', un)
      .send({ summary: text, attachmentIds: [file.body.attachmentId] });
    expect(answered.status).toBe(201);
    const c = await caseOf(id);
    expect(c.candidateResponses).toEqual([
      expect.objectContaining({
        summary: text,
        noticeId: notice.body.notice.noticeId,
        attachments: [expect.objectContaining({ sha256: file.body.sha256 })],
      }),
    ]);
    expect(JSON.stringify(c.decisions)).not.toContain('posting abroad');
    const read = await request(t.app)
      .get(`/cases/${id}/attachments/${file.body.attachmentId}`)
      .set('authorization', un)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(read.status).toBe(200);
    expect(read.headers['content-disposition']).toMatch(/^attachment/);
    expect(Buffer.compare(read.body as Buffer, pdf)).toBe(0);

    const published = await t.clearanceEvents(id, 3);
    const recorded = published.filter((e) => e.type === 'clearance.notice-recorded' || e.type === 'clearance.response-recorded');
    expect(recorded.map((e) => e.type)).toEqual(['clearance.notice-recorded', 'clearance.response-recorded']);
    expect(recorded[1]!.data).toMatchObject({
      attachments: [{ attachmentId: file.body.attachmentId, sha256: file.body.sha256, contentType: 'application/pdf' }],
    });
    expect(JSON.stringify(recorded)).not.toMatch(/posting abroad|left during an investigation|left-during-investigation/);
    // The notice's finding keys say what an employer reported: sealed, only their number in the clear.
    expect(recorded[0]!.data).toMatchObject({ findings: [], findingCount: 1 });
    expect(recorded[0]!.data.personal).toBeDefined();

    const refused = await request(t.app)
      .post(`/cases/${id}/adjudication`)
      .set('authorization', un)
      .send({ outcome: 'not-cleared', reasons: ['the employer’s account is credible'] });
    expect(refused.status).toBe(201);
    expect(refused.body.decision).toMatchObject({ outcome: 'not-cleared', kind: 'adjudicated' });
  });

  it('when an attachment lies about its type, is of a refused type, too large, or belongs to another candidate, then nothing is stored in the response', async () => {
    const id = await adverseCase();
    const other = await adverseCase();
    const disguised = await upload(id, 'application/pdf', Buffer.from('MZ\x90\x00\x03 this is an executable'));
    expect(disguised.status).toBe(400);
    expect(disguised.body.errors[0]).toMatchObject({ field: 'header/content-type', reason: expect.stringMatching(/not a PDF/) });
    expect((await upload(id, 'text/html', Buffer.from('<script>alert(1)</script>'), 'x.html')).status).toBe(415);
    expect((await upload(id, 'application/pdf', Buffer.concat([pdf, Buffer.alloc(MAX)]))).status).toBe(413);
    const theirs = await upload(other, 'application/pdf', pdf);
    const stolen = await request(t.app)
      .post(`/cases/${id}/candidate-response`)
      .set('authorization', un)
      .send({ summary: 'x', attachmentIds: [theirs.body.attachmentId] });
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors[0]).toMatchObject({ field: 'body/attachmentIds' });
    expect((await request(t.app).get(`/cases/${id}/attachments/${theirs.body.attachmentId}`).set('authorization', un)).status).toBe(404);
    expect((await caseOf(id)).candidateResponses).toEqual([]);
    const office = await t.bearer('gh-office', 'tcc-officer', 'GH');
    expect((await request(t.app).get(`/cases/${other}/attachments/${theirs.body.attachmentId}`).set('authorization', office)).status).toBe(
      403,
    );
  });

  it('when the person is erased, then their response and its files can no longer be read, while the case and its decisions stay', async () => {
    const id = await adverseCase();
    await request(t.app)
      .post(`/cases/${id}/notices`)
      .set('authorization', un)
      .send({ sentAt: new Date().toISOString(), channel: 'letter', text: 'Notice text' })
      .expect(201);
    const file = await upload(id, 'text/plain', Buffer.from('Ma réponse écrite.'), 'reponse.txt');
    await request(t.app)
      .post(`/cases/${id}/candidate-response`)
      .set('authorization', un)
      .send({ summary: 'Je conteste.', attachmentIds: [file.body.attachmentId] })
      .expect(201);
    await t.publish(events.erased(id));
    const c = await until(id, (x) => x.candidateResponses[0]?.summary === null, 'response unreadable');
    expect(c.notices[0]?.text).toBeNull();
    expect(c.decisions.length).toBeGreaterThan(0);
    expect((await request(t.app).get(`/cases/${id}/attachments/${file.body.attachmentId}`).set('authorization', un)).status).toBe(410);
  });
});
