import { readFileSync } from 'node:fs';
import type { Locator, Page, Request } from 'playwright-core';
import { expect } from 'vitest';
import { nav, open, seen, type World } from '../support/world';
import { recordConsent } from './office.journey';

const isCandidateWrite = (method: string) => (r: Request) =>
  r.method() === method && /\/api\/intake\/candidates(\/[^/]+)?$/.test(new URL(r.url()).pathname);

/** Fills one row of a repeated group (the n-th "name", "document", "employer" group). */
const row = (scope: Page | Locator, item: string, n: number) => scope.getByRole('group', { name: `${item} ${n}`, exact: true });

/**
 * Everything a nomination can hold, typed and chosen in the form; the request the console sends is
 * intercepted and must hold exactly that: nothing added, nothing dropped, nothing filled in.
 */
export async function nominateInFull(world: World): Promise<void> {
  const rotation = `${world.rotation}-F`;
  const page = await open(world, 'officer.np');
  await nav(page, 'Nominate').click();
  await page.getByLabel('Mission').fill('UNMISS');
  await page.getByLabel('Rotation').fill(rotation);
  await page.getByLabel('Category').selectOption({ label: 'Formed police unit' });

  await row(page, 'name', 1).getByLabel('Full name').fill('Dawa Tenzing Sherpa');
  await page.getByRole('button', { name: 'Add a name' }).click();
  await row(page, 'name', 2).getByLabel('Full name').fill('दावा तेन्जिङ शेर्पा');
  await row(page, 'name', 2).getByLabel('Script').selectOption('Deva');
  await page.getByLabel(/^Date of birth/).fill('1988-09-30');
  await page.getByLabel('Place of birth').fill('Namche Bazaar');
  await page.getByLabel('Gender').selectOption('male');
  await row(page, 'nationality', 1).getByLabel('Nationality').selectOption('NP');
  await page.getByRole('button', { name: 'Add a nationality' }).click();
  await row(page, 'nationality', 2).getByLabel('Nationality').selectOption('IN');
  await page.getByRole('button', { name: 'Add a document' }).click();
  await row(page, 'document', 1).getByLabel('Type').selectOption('passport');
  await row(page, 'document', 1).getByLabel('Number').fill('PA1234567');
  await row(page, 'document', 1).getByLabel('Issued by').selectOption('NP');
  await page.getByRole('button', { name: 'Add a document' }).click();
  await row(page, 'document', 2).getByLabel('Type').selectOption('police-id');
  await row(page, 'document', 2).getByLabel('Number').fill('NP-APF-5521');
  await page.getByLabel('Service or police number').fill(`APF-${rotation}`);
  await page.getByLabel('Rank').fill('Inspector');
  await page.getByLabel('Unit').fill('Armed Police Force, No. 2 Battalion');
  // Employment in the look-back window: an aid organisation the UN directory does not know yet, then the national police service.
  const aid = `Kathmandu Aid ${world.rotation}`;
  world.ids.aidEmployer = aid;
  await page.getByRole('button', { name: 'Add an employer' }).click();
  await row(page, 'employer', 1).getByLabel('Employer').fill(aid);
  await row(page, 'employer', 1).getByLabel('Role').fill('Logistics officer');
  await row(page, 'employer', 1).getByLabel(/^From/).fill('2019-01');
  await row(page, 'employer', 1).getByLabel(/^To/).fill('2022-12');
  await row(page, 'employer', 1)
    .getByLabel(/^Human-resources contact/)
    .fill('hr@kathmandu-aid.example');
  await row(page, 'employer', 1).getByLabel('Country', { exact: true }).selectOption('NP');
  await page.getByRole('button', { name: 'Add an employer' }).click();
  await row(page, 'employer', 2).getByLabel('Employer').fill('Armed Police Force Nepal');
  await row(page, 'employer', 2).getByLabel('Role').fill('Inspector');
  await row(page, 'employer', 2).getByLabel(/^From/).fill('2023-01');
  await row(page, 'employer', 2)
    .getByRole('checkbox', { name: /National service/ })
    .check();

  const declaration = page.getByRole('group', { name: /^Self-declaration/ });
  await declaration.getByLabel(/record their answers/).check();
  for (const question of [/criminal offence/, /human-rights/, /Repatriated/, /allegation or investigation/])
    await declaration.getByRole('group', { name: question }).getByLabel('No').check();
  await declaration.getByLabel('Form signed', { exact: true }).selectOption('v1');
  await declaration.getByLabel('Date signed', { exact: true }).fill('2026-01-05');
  await declaration.getByLabel('How it was signed', { exact: true }).selectOption({ label: 'Signed on paper (scanned)' });
  await recordConsent(page, 'v1', '2026-01-06', 'Recorded verbal consent');
  await seen(page, 'office-9-nominate-in-full');

  const [sent] = await Promise.all([page.waitForRequest(isCandidateWrite('POST')), page.getByRole('button', { name: 'Nominate' }).click()]);
  expect(sent.postDataJSON()).toEqual({
    nomination: { mission: 'UNMISS', rotation, category: 'formed-police-unit' },
    person: {
      names: [{ full: 'Dawa Tenzing Sherpa' }, { full: 'दावा तेन्जिङ शेर्पा', script: 'Deva' }],
      dateOfBirth: '1988-09-30',
      placeOfBirth: 'Namche Bazaar',
      gender: 'male',
      nationalities: ['NP', 'IN'],
      documents: [
        { type: 'passport', number: 'PA1234567', country: 'NP' },
        { type: 'police-id', number: 'NP-APF-5521' },
      ],
      serviceNumber: `APF-${rotation}`,
      rank: 'Inspector',
      unit: 'Armed Police Force, No. 2 Battalion',
      previousEmployers: [
        {
          name: `Kathmandu Aid ${world.rotation}`,
          role: 'Logistics officer',
          from: '2019-01',
          to: '2022-12',
          contactEmail: 'hr@kathmandu-aid.example',
          country: 'NP',
        },
        { name: 'Armed Police Force Nepal', role: 'Inspector', from: '2023-01', nationalService: true },
      ],
    },
    consent: { given: true, formVersion: 'v1', signedAt: '2026-01-06T00:00:00Z', method: 'recorded-verbal' },
    selfDeclaration: {
      formVersion: 'v1',
      signedAt: '2026-01-05T00:00:00Z',
      method: 'wet-signature-scanned',
      criminalOffence: false,
      humanRightsViolation: false,
      repatriatedOnDisciplinaryGrounds: false,
      misconductAllegation: false,
    },
  });
  await page
    .getByRole('status')
    .getByText(/Nominated: case/)
    .waitFor();
  await page.getByRole('link', { name: 'See the status' }).click();
  world.ids.dawa = new URL(page.url()).pathname.split('/').pop()!;
  const person = page.getByRole('region', { name: 'The person' });
  await expect(person.textContent()).resolves.toMatch(/दावा तेन्जिङ शेर्पा \(Deva\)/);
  // Document numbers come back masked; consent shows as recorded.
  await expect(person.textContent()).resolves.toMatch(/••••••567/);
  await expect(person.textContent()).resolves.toMatch(/v1 · .*Recorded verbal consent/);
  await seen(page, 'office-10-nominated-in-full');
  await page.close();
}

/** Corrects the person (documents typed again), then exports the person's data. */
export async function correctAndExport(world: World): Promise<void> {
  const id = world.ids.dawa!;
  const page = await open(world, 'officer.np');
  await page.goto(`${world.system.url}/candidates/${id}`);
  await page.getByRole('link', { name: 'Correct the nomination' }).click();
  const section = page.getByRole('region', { name: 'The person' });
  await row(section, 'name', 1).getByLabel('Full name').waitFor();
  await expect(row(section, 'name', 1).getByLabel('Full name').inputValue()).resolves.toBe('Dawa Tenzing Sherpa');
  await section.getByRole('button', { name: 'Add a name' }).click();
  await row(section, 'name', 3).getByLabel('Full name').fill('Dawa T. Sherpa');
  // Masked numbers are never sent back: each document is typed again or removed.
  await row(section, 'document', 1).getByLabel('Number').fill('PA1234567');
  await row(section, 'document', 2).getByRole('button', { name: 'Remove document 2' }).click();
  await seen(page, 'office-11-correct');
  const [sent] = await Promise.all([
    page.waitForRequest(isCandidateWrite('PATCH')),
    section.getByRole('button', { name: /^Save: The person/ }).click(),
  ]);
  const body = sent.postDataJSON() as { person: { names: { full: string }[]; documents: unknown[] } };
  expect(Object.keys(body)).toEqual(['person']);
  expect(body.person.names.map((n) => n.full)).toEqual(['Dawa Tenzing Sherpa', 'दावा तेन्जिङ शेर्पा', 'Dawa T. Sherpa']);
  expect(body.person.documents).toEqual([{ type: 'passport', number: 'PA1234567', country: 'NP' }]);
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await page.getByText(/updated to revision 2 \(person\)/).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export the person/ }).click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    candidateId: string;
    candidate: { person: { documents: { number: string }[] } };
    revisions: unknown[];
  };
  expect(exported.candidateId).toBe(id);
  // The export is the person's own access request: their numbers in full, every revision.
  expect(exported.candidate.person.documents[0]!.number).toBe('PA1234567');
  expect(exported.revisions.length).toBeGreaterThanOrEqual(2);
  await page.close();
}

/**
 * Withdraws the nomination: final (no correction any more). Runs after the screening officer confirmed
 * the person's held disclosure request, which was sent and stays as it is; any check not yet sent
 * would end withdrawn, never sent.
 */
export async function withdrawNomination(world: World): Promise<void> {
  const page = await open(world, 'officer.np');
  await page.goto(`${world.system.url}/candidates/${world.ids.dawa!}`);
  await page.getByLabel(/^Why the nomination is withdrawn/).fill('Medically unfit for deployment');
  await page.getByRole('button', { name: 'Withdraw the nomination' }).click();
  await page.locator('.badge', { hasText: 'Withdrawn' }).first().waitFor();
  await page
    .getByText(/Medically unfit for deployment/)
    .first()
    .waitFor();
  await expect(page.getByRole('link', { name: 'Correct the nomination' }).count()).resolves.toBe(0);
  await seen(page, 'office-12-withdrawn');
  await page.close();
}
