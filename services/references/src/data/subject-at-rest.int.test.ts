import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { keysDirOf } from '../config';
import { createAnswerCipher } from './answer.cipher';
import { startHarness, type Harness } from '../testing/harness';

/** Distinctive values: any of them found in a stored document is the subject in clear. */
const NAME = 'Efua Subjectclear-Asantewaa';
const DOB = '1987-11-23';
const SERVICE_NUMBER = 'GH-SN-775533';
const EMPLOYER = {
  name: 'Harbour Relief Cooperative',
  role: 'Galley Chef Subjectrole',
  contactEmail: 'manual-hr@harbour-relief.example',
  from: '2024-01',
};
/** The directory's verified contact: where the request goes, whatever the office typed. */
const VERIFIED = 'manual-verified@harbour-relief.example';

describe('check subjects at rest (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { REFEREE_DEADLINE_MS: '600000' } });
  });
  afterAll(async () => h?.stop());

  /** Every document of every collection of the service's database, as text, except the development mailbox (mail sent out). */
  async function everythingStored(): Promise<string> {
    const db = h.service.runtime.db.db!;
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => n !== 'dev_mailbox');
    const all = await Promise.all(names.map(async (n) => [n, await db.collection(n).find({}).toArray()] as const));
    return JSON.stringify(all);
  }

  it('when a candidate is checked, then no stored document holds their name, date of birth, service number or employer contact in clear; after erasure the subject cannot be opened', async () => {
    await h.employer(EMPLOYER.name, VERIFIED, ['harbour-relief.example']);
    const id = await h.submit({ names: [{ full: NAME }], dateOfBirth: DOB, serviceNumber: SERVICE_NUMBER, previousEmployers: [EMPLOYER] });
    const checkIds = [
      `${id}.1.national-criminal-record`,
      `${id}.1.disciplinary-record`,
      `${id}.1.un-records`,
      `${id}.1.misconduct-disclosure.1`,
    ];
    // Every check ran (the record checks completed, the referee was mailed): the subject was opened where needed.
    await waitFor(
      async () => (await Promise.all(checkIds.map((c) => h.service.ctx.checks.load(c)))).every((c) => c && c.state !== 'requested'),
      { timeoutMs: 90_000, message: 'every check sent' },
    );
    const mail = await waitFor(async () => (await h.service.ctx.mailbox.list(VERIFIED))[0], { timeoutMs: 60_000 });
    expect(mail.text).toContain(NAME);
    expect(h.sims.stats[`check ${id}.1.un-records`]).toBeGreaterThanOrEqual(1);

    const raw = await everythingStored();
    expect(raw).toContain(id);
    expect(raw).toContain('sealedSubject');
    // The employer's name is in the directory (organisations, not people); what the office typed about the person is not in clear.
    for (const secret of [NAME, 'Subjectclear', DOB, SERVICE_NUMBER, EMPLOYER.role, EMPLOYER.contactEmail])
      expect(raw).not.toContain(secret);

    const stored = (await h.service.ctx.checks.load(checkIds[0]!))!;
    expect(await h.service.ctx.answers.openSubject(stored)).toMatchObject({ name: NAME, dateOfBirth: DOB, serviceNumber: SERVICE_NUMBER });
    await h.publish('intake', 'candidate.erased', id, {
      candidateId: id,
      country: 'GH',
      erasedAt: new Date().toISOString(),
      basis: 'request',
    });
    await waitFor(() => h.service.ctx.sets.isErased(`${id}.1`), { timeoutMs: 60_000, message: 'the set erased' });
    // A fresh cipher (no cached key) finds the set's key destroyed.
    await expect(createAnswerCipher(h.service.runtime.db, keysDirOf(h.config)).openSubject(stored)).rejects.toMatchObject({
      code: 'CRYPTO.ERASED',
    });
  }, 180_000);
});
