import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { startHarness, type Harness } from '../testing/harness';

const employer = (email: string) => ({
  names: [{ full: 'Esi Darko' }],
  previousEmployers: [{ name: 'Relief Works', role: 'Nurse', contactEmail: email, from: '2022-01' }],
});

describe('referee portal (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  const linkFor = (email: string) => h.mailedLink(email);

  beforeAll(async () => {
    h = await startHarness({ env: { REFEREE_DEADLINE_MS: '600000' } });
  });
  afterAll(async () => h?.stop());

  it('when a referee answers through the mailed link, then the answer is recorded once and the link is spent', async () => {
    await h.employer('Relief Works', 'manual-1@relief.example', ['relief.example']);
    const id = await h.submit(employer('manual-1@relief.example'), 'civilian');
    const path = await linkFor('manual-1@relief.example');
    const form = await request(h.service.app).get(path).set('accept', 'text/html');
    expect(form.status).toBe(200);
    expect(form.type).toBe('text/html');
    expect(form.text).toContain('<label for="responderName">');
    expect(form.text).toContain('<legend>');
    const json = await request(h.service.app).get(path).set('accept', 'application/json');
    expect(json.body).toMatchObject({ employer: 'Relief Works', candidateName: 'Esi Darko' });

    const answer = {
      employed: 'yes',
      sexualMisconductFinding: 'yes',
      leftDuringInvestigation: 'no',
      responderName: 'A. Mensah',
      responderRole: 'HR lead',
      responderEmail: 'a.mensah@relief.example',
      details: 'Finding in 2023.',
    };
    const malformed = await request(h.service.app)
      .post(path)
      .set('accept', 'application/json')
      .send({ ...answer, sexualMisconductFinding: 'perhaps' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('body/sexualMisconductFinding');
    const oversized = await request(h.service.app)
      .post(path)
      .type('form')
      .send({ ...answer, details: 'x'.repeat(20_000) });
    expect(oversized.status).toBe(413);
    expect(oversized.type).toBe('text/html');
    const checkId = `${id}.1.misconduct-disclosure.1`;
    expect((await h.service.ctx.checks.load(checkId))?.state).not.toBe('completed');

    const sent = await request(h.service.app).post(path).type('form').send(answer);
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('Thank you');
    const check = await h.service.ctx.checks.load(checkId);
    expect(check).toMatchObject({ state: 'completed', result: 'adverse', resultSource: 'referee' });
    const reused = await request(h.service.app).post(path).set('accept', 'application/json').send(answer);
    expect(reused.status).toBe(410);
    expect(reused.body.code).toBe('REFEREE.LINK_USED');
    expect((await request(h.service.app).get(path)).status).toBe(410);
    await waitFor(
      () =>
        h.events.filter((e) => e.type === 'reference.check-completed' && (e.data as { checkId: string }).checkId === checkId).length === 1,
    );
    const completed = h.events.find((e) => e.type === 'reference.check-completed' && (e.data as { checkId: string }).checkId === checkId);
    expect(JSON.stringify(completed)).not.toContain('Finding in 2023');
  }, 240_000);

  it('when the referee reads French, then the mail carries both languages and the form, its errors and the thanks are in French', async () => {
    await h.employer('Secours Solidaire', 'manual-fr@secours.example', ['secours.example']);
    await h.submit(
      {
        names: [{ full: 'Esi Darko' }],
        previousEmployers: [{ name: 'Secours Solidaire', role: 'Infirmière', contactEmail: 'manual-fr@secours.example', from: '2022-01' }],
      },
      'civilian',
    );
    const path = await linkFor('manual-fr@secours.example');
    const [mail] = await h.service.ctx.mailbox.list('manual-fr@secours.example');
    expect(mail!.subject).toBe('Misconduct disclosure request: Esi Darko / Demande de divulgation de fautes : Esi Darko');
    expect(mail!.text).toContain(`${path}?lang=en`);
    expect(mail!.text).toContain(`${path}?lang=fr`);
    expect(mail!.text).toContain('Dans le cadre du dispositif de divulgation des fautes');
    const byLink = await request(h.service.app).get(`${path}?lang=fr`).set('accept', 'text/html');
    expect(byLink.text).toContain('<html lang="fr">');
    expect(byLink.text).toContain('<h1>Demande de divulgation de fautes</h1>');
    expect(byLink.text).toContain('<form method="post" action="?lang=fr">');
    const byBrowser = await request(h.service.app).get(path).set('accept', 'text/html').set('accept-language', 'fr-FR,fr;q=0.9,en;q=0.5');
    expect(byBrowser.text).toContain('Cette personne a-t-elle travaillé pour votre organisation');
    const english = await request(h.service.app).get(path).set('accept', 'text/html').set('accept-language', 'de-DE,en;q=0.8');
    expect(english.text).toContain('<html lang="en">');
    const answer = {
      employed: 'yes',
      sexualMisconductFinding: 'no',
      leftDuringInvestigation: 'no',
      responderName: 'C. Dubois',
      responderRole: 'DRH',
      responderEmail: 'c.dubois@secours.example',
    };
    expect(byLink.text).toContain('<label for="responderEmail">Votre adresse électronique professionnelle</label>');
    const incomplete = await request(h.service.app)
      .post(`${path}?lang=fr`)
      .type('form')
      .send({ ...answer, responderName: '' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('Merci de vérifier votre réponse');
    const sent = await request(h.service.app).post(`${path}?lang=fr`).type('form').send(answer);
    expect(sent.text).toContain('<h1>Merci</h1>');
    const spent = await request(h.service.app).get(`${path}?lang=fr`).set('accept', 'text/html');
    expect(spent.status).toBe(410);
    expect(spent.text).toContain('Ce lien a déjà servi ou a expiré.');
  }, 240_000);

  it('when a link is unknown or malformed, then it is a 404 or 400 and nothing changes', async () => {
    expect(
      (await request(h.service.app).get('/referee/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').set('accept', 'application/json')).status,
    ).toBe(404);
    expect((await request(h.service.app).get('/referee/short').set('accept', 'application/json')).status).toBe(400);
  });

  it('when someone other than an administrator reads the development mailbox, then it is refused', async () => {
    const res = await request(h.service.app)
      .get('/dev/mailbox')
      .set('authorization', await h.token(['auditor']));
    expect(res.status).toBe(403);
  });
});

describe('referee deadlines (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  let admin: string;
  const linkFor = (email: string) => h.mailedLink(email);

  beforeAll(async () => {
    h = await startHarness({ env: { REFEREE_DEADLINE_MS: '40000', REMINDER_AFTER_MS: '5000,10000' } });
    admin = await h.token(['admin']);
  });
  afterAll(async () => h?.stop());

  it('when nobody answers, then reminders go to the verified contact (never the address the office typed) and after the deadline the check is no-response and the link has expired', async () => {
    await h.employer('Relief Works Kumasi', 'manual-2@relief.example', ['relief.example']);
    // The office typed another address for this known employer: neither the request nor a reminder goes there.
    const id = await h.submit(
      {
        names: [{ full: 'Esi Darko' }],
        previousEmployers: [
          { name: 'Relief Works Kumasi', role: 'Nurse', contactEmail: 'manual-typed@elsewhere.example', from: '2022-01' },
        ],
      },
      'civilian',
    );
    const path = await linkFor('manual-2@relief.example');
    const checkId = `${id}.1.misconduct-disclosure.1`;
    const done = await waitFor(
      async () => ((await h.service.ctx.checks.load(checkId))?.state === 'completed' ? h.service.ctx.checks.load(checkId) : undefined),
      { timeoutMs: 150_000 },
    );
    expect(done).toMatchObject({ result: 'no-response', resultSource: 'deadline' });
    expect(done!.remindersSent).toBeGreaterThanOrEqual(1);
    const mails = await request(h.service.app).get('/dev/mailbox?to=manual-2%40relief.example').set('authorization', admin);
    const subjects = mails.body.items.map((m: { subject: string }) => m.subject.startsWith('Reminder'));
    expect(subjects[0]).toBe(false);
    expect(subjects.filter(Boolean).length).toBe(done!.remindersSent);
    expect(
      (await request(h.service.app).get('/dev/mailbox?to=manual-typed%40elsewhere.example').set('authorization', admin)).body.items,
    ).toEqual([]);
    const late = await request(h.service.app).post(path).set('accept', 'application/json').send({
      employed: 'yes',
      sexualMisconductFinding: 'no',
      leftDuringInvestigation: 'no',
      responderName: 'B',
      responderRole: 'HR',
      responderEmail: 'b@relief.example',
    });
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('REFEREE.LINK_EXPIRED');
    const all = await waitFor(() => h.events.find((e) => e.type === 'references.completed' && e.subject === id), { timeoutMs: 60_000 });
    expect((all.data as { checks: { checkType: string; result: string }[] }).checks).toContainEqual({
      checkId,
      checkType: 'misconduct-disclosure',
      result: 'no-response',
    });
  }, 240_000);
});
