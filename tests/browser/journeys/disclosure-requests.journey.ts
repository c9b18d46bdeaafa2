import { expect } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { call, nav, open, seen, type World } from '../support/world';

/** A signed consent as a scanned PDF would begin (the service checks the content against its type). */
const CONSENT = {
  name: 'consent-signed.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n% consent and declaration, signed by the person\n'),
};

/**
 * An organisation hiring a former peacekeeper asks the UN: a screening officer records the request
 * from a verified employer, puts the person's signed consent on file, sees the finding the platform
 * records, and answers "none" with a justification; the answer waits for another officer, an
 * adjudicator countersigns it. Nepal's office never sees it; the annual figures count it; in French too.
 */
export async function answerDisclosureRequest(world: World): Promise<void> {
  const tag = world.rotation.toLowerCase();
  const candidateId = `cand-mds-${tag}`;
  const domain = `reliefnow-${tag}.example`;
  const employer = await call(world, 'screener', '/references/employers', {
    method: 'POST',
    body: {
      name: `Relief Now ${world.rotation}`,
      domains: [domain],
      contacts: [{ email: `hr@${domain}`, name: 'HR desk' }],
      verification: 'Called the switchboard listed on the organisation’s website.',
    },
  });
  expect(employer.status).toBe(201);
  await waitFor(
    async () =>
      (
        (await call(world, 'screener', '/accountability/disclosure-requests/organisations')).body.items as { organisationId: string }[]
      ).some((o) => o.organisationId === employer.body.employerId),
    { timeoutMs: 120_000, message: 'the directory entry reached accountability' },
  );
  const finding = await call(world, 'adjudicator', '/accountability/action-requests', {
    method: 'POST',
    body: {
      country: 'GH',
      mission: 'MINUSCA',
      category: 'sea',
      substantiatedOn: '2025-10-01',
      candidateId,
      listEntry: { listId: 'un-bar', entryId: `SEA-MDS-${world.rotation}` },
      actions: [{ kind: 'investigation' }],
      summary: 'Sexual exploitation substantiated; investigate and report the outcome.',
    },
  });
  expect(finding.status).toBe(201);

  const un = await open(world, 'screener');
  await nav(un, 'Disclosure requests').click();
  await un.getByRole('heading', { name: 'Record a disclosure request' }).waitFor();
  await un.getByLabel("The person's country").selectOption('GH');
  await un.getByLabel('Nomination (candidate id)').fill(candidateId);
  await un.getByLabel('Requesting organisation').selectOption(employer.body.employerId as string);
  await un.getByLabel('Contact name').fill('Ama Mensah');
  await un.getByLabel(/^Contact e-mail/).fill(`ama.mensah@${domain}`);
  await un.getByLabel('Full name').fill('Kwame Boateng Asante');
  await un.getByLabel('Date of birth').fill('1988-04-12');
  await seen(un, 'disclosure-1-record');
  await un.getByRole('button', { name: 'Record the request' }).click();
  const heading = await un.getByRole('heading', { name: /^Disclosure request MDS-/ }).textContent();
  const reference = /MDS-\d{4}-[0-9A-F]{8}/.exec(heading ?? '')![0];
  await un.getByText(/Verified in the employer directory/).waitFor();
  await un.getByText(finding.body.reference as string, { exact: false }).waitFor();

  await un.getByLabel('Document (PDF, PNG or JPEG)').setInputFiles(CONSENT);
  await un.getByLabel('Signed on').fill('2026-01-15');
  await un.getByLabel("The document holds the person's signed declaration").check();
  await un.getByRole('button', { name: 'Put the consent on file' }).click();
  await un.getByText(/Consent signed .* put on file by/).waitFor();
  await un.getByLabel('None', { exact: true }).check();
  await un.getByText(/records 1 finding\(s\): this answer needs a justification/).waitFor();
  await un.getByLabel('Justification').fill('The finding was set aside on appeal; the appeal decision is on file.');
  await seen(un, 'disclosure-2-answer');
  await un.getByRole('button', { name: 'Give the answer' }).click();
  await un.getByText('Waiting for a countersignature', { exact: true }).first().waitFor();
  expect(await un.getByRole('button', { name: 'Countersign the answer' }).count()).toBe(0);
  await un.close();

  const nepal = await open(world, 'officer.np');
  await nav(nepal, 'Disclosure requests').click();
  await nepal
    .getByText('Nothing to show.')
    .or(nepal.getByRole('columnheader', { name: 'Reference' }))
    .first()
    .waitFor();
  expect(await nepal.getByRole('link', { name: reference }).count()).toBe(0);
  await nepal.close();

  const second = await open(world, 'adjudicator');
  await nav(second, 'Disclosure requests').click();
  await second.getByRole('link', { name: reference }).click();
  await second.getByRole('button', { name: 'Countersign the answer' }).click();
  await second.getByText(/countersigned by/).waitFor();
  await second.getByText('Answered', { exact: true }).first().waitFor();
  await seen(second, 'disclosure-3-countersigned');
  await nav(second, 'Disclosure requests').click();
  const provided = second.getByRole('row', { name: /Responses provided/ });
  await provided.waitFor();
  expect(Number((await provided.getByRole('cell').textContent()) ?? '0')).toBeGreaterThanOrEqual(1);
  await second.getByLabel('Language').selectOption('fr');
  await second.getByRole('heading', { name: 'Les chiffres annuels du dispositif' }).waitFor();
  await second.getByRole('row', { name: /Candidats écartés sur information négative ou absente/ }).waitFor();
  await seen(second, 'disclosure-4-figures-fr');
  await second.getByLabel('Langue').selectOption('en');
  await second.close();
}
