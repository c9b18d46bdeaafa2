import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@vetting/platform';
import { verifyBundleText } from '@vetting/signing';
import { candidateStory, publish, startAuditForTest, untilHead } from '../testing/audit-fixture';

/** What the candidate story's events said about the person (fixture): none of it may be in the chain. */
const PERSONAL = /Kwame|Mensa|G1234567|1990-05/;

describe('an erased candidate’s trail (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startAuditForTest>>;
  const get = (path: string) => request(t.audit.app).get(path).set('authorization', t.auditor);

  beforeAll(async () => {
    t = await startAuditForTest();
    const story = candidateStory('c-erased', 'GH', new Date('2026-03-01T10:00:00Z'));
    const erased = createEvent('intake', {
      type: 'candidate.erased',
      subject: 'c-erased',
      tenant: 'GH',
      time: new Date('2027-03-01T10:00:00Z'),
      causationId: story.at(-1)!.id,
      data: { candidateId: 'c-erased', country: 'GH', erasedAt: '2027-03-01T10:00:00.000Z', basis: 'retention' },
    });
    await publish(t, [...story, erased]);
    await untilHead(t.audit, 7);
  });
  afterAll(async () => t?.audit.stop());

  it('when intake erased a person, then the audit chain holds no personal data of theirs and still verifies whole (nothing in the chain needs erasing)', async () => {
    const stored = await t.audit.repository.aboutSubject('c-erased');
    expect(stored.map((e) => e.type)).toContain('candidate.erased');
    // Only the pseudonymous id and digests: intake destroying the person's data leaves nothing here to erase.
    expect(JSON.stringify(stored)).not.toMatch(PERSONAL);
    expect(stored.every((e) => /^[0-9a-f]{64}$/.test(e.dataDigest))).toBe(true);
    const verified = (await get('/chain/verify').expect(200)).body;
    expect(verified).toMatchObject({ ok: true });
    expect(verified.checked).toBeGreaterThanOrEqual(7);
  });

  it('when an auditor reads or exports the erased person’s trail, then it is complete up to the erasure and the bundle verifies offline', async () => {
    const trail = (await get('/trails/c-erased').expect(200)).body;
    const types = trail.steps.filter((s: { kind: string }) => s.kind === 'event').map((s: { type: string }) => s.type);
    expect(types).toEqual([
      'candidate.submitted',
      'screening.completed',
      'reference.check-requested',
      'screening.match-resolved',
      'reference.check-completed',
      'clearance.decided',
      'candidate.erased',
    ]);
    expect(trail.steps.find((s: { type: string }) => s.type === 'candidate.erased')).toMatchObject({
      outcome: 'erased',
      what: expect.stringMatching(/retention period over/),
    });
    expect(JSON.stringify(trail)).not.toMatch(PERSONAL);
    const text = (await get('/exports/bundle?candidateId=c-erased').expect(200)).text;
    expect(verifyBundleText(text)).toMatchObject({ ok: true, problems: [] });
    expect(text).not.toMatch(PERSONAL);
  });
});
