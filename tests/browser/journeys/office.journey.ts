import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOTS } from '../support/browser';
import { nav, open, reloadUntil, seen, type World } from '../support/world';

const HEADER =
  'name,date_of_birth,nationalities,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,employer_1_name,employer_1_role,employer_1_from,employer_1_national_service';
const consent = 'yes,v1,2026-01-10,electronic-signature,Nepali Army,Sepoy,2010,yes';

/** A contingent file: two good rows, a row without a name and a row with an impossible date of birth. */
export const contingentFile = (rotation: string) =>
  Buffer.from(
    [
      HEADER,
      `Pemba Sherpa Lama,1992-04-11,NP,NA-${rotation}-1,${consent}`,
      `Dawa Gurung Thapa,1988-09-30,NP,NA-${rotation}-2,${consent}`,
      `,1990-01-01,NP,NA-${rotation}-3,${consent}`,
      `Nima Tamang,1990-13-45,NP,NA-${rotation}-4,${consent}`,
    ].join('\n') + '\n',
  );

/** Consent as the office has it on file: the form, the day and the method, chosen by the person filling the form. */
export async function recordConsent(page: Page, form: string, day: string, method: string): Promise<void> {
  const consent = page.getByRole('group', { name: 'Consent to vetting' });
  await consent.getByLabel(/informed consent/).check();
  await consent.getByLabel('Form signed', { exact: true }).selectOption(form);
  await consent.getByLabel('Date signed', { exact: true }).fill(day);
  await consent.getByLabel('How it was signed', { exact: true }).selectOption({ label: method });
}

/** Nominates one person through the form and follows them to their status page. */
export async function nominateOne(world: World): Promise<void> {
  const page = await open(world, 'officer.np');
  await nav(page, 'Nominate').click();
  await page.getByLabel('Consent to vetting').waitFor();
  await seen(page, 'office-1-nominate-form');
  await page.getByLabel('Mission').fill('UNMISS');
  await page.getByLabel('Rotation').fill(world.rotation);
  await page.getByLabel('Category').selectOption({ label: 'Military contingent' });
  await page.getByLabel('Full name').fill('Tariq Mahmood Qadir');
  await page.getByLabel(/^Date of birth/).fill('1979');
  await page.getByLabel('Nationality', { exact: true }).selectOption('NP');
  await page.getByLabel('Service or police number').fill(`NA-${world.rotation}`);
  // The employment of the last five years: the Nepali Army, his national service.
  await page.getByRole('button', { name: 'Add an employer' }).click();
  const service = page.getByRole('group', { name: 'employer 1', exact: true });
  await service.getByLabel('Employer').fill('Nepali Army');
  await service.getByLabel('Role').fill('Sepoy');
  await service.getByLabel(/^From/).fill('2010');
  await service.getByRole('checkbox', { name: /National service/ }).check();
  await recordConsent(page, 'v1', '2026-01-10', 'Electronic signature');
  await page.getByRole('button', { name: 'Nominate' }).click();
  await page
    .getByRole('status')
    .getByText(/Nominated: case/)
    .waitFor();
  await page.getByRole('link', { name: 'See the status' }).click();
  world.ids.tariq = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await seen(page, 'office-2-nominated');
  // The office sees a status and a case reference, never the hit itself.
  expect(await page.content()).not.toMatch(/BAR-0001|score/);
  await page.close();
}

/** Uploads a contingent file: the sending and checking progress, then the row-by-row error report. */
export async function uploadContingent(world: World): Promise<void> {
  const page = await open(world, 'officer.np');
  await nav(page, 'Upload a contingent').click();
  await page
    .getByLabel(/^File \(CSV or JSON/)
    .setInputFiles({ name: `${world.rotation}.csv`, mimeType: 'text/csv', buffer: contingentFile(world.rotation) });
  await page.getByLabel('Mission').fill('UNMISS');
  await page.getByLabel('Rotation').fill(world.rotation);
  await page.getByLabel('Category').selectOption('military-contingent');
  await page.getByRole('button', { name: 'Upload' }).click();
  const progress = page.getByRole('region', { name: 'Upload a contingent' });
  await progress.getByRole('progressbar').first().waitFor();
  await progress.getByText('Completed').waitFor({ timeout: 120_000 });
  await progress.getByText(/4 read · 2 valid · 2 with errors · 2 stored/).waitFor({ timeout: 60_000 });
  // One line per bad row, each naming the field and why.
  const errors = page.getByRole('table').getByRole('row');
  await expect(errors.count()).resolves.toBe(3);
  await expect(errors.nth(1).textContent()).resolves.toMatch(/name/i);
  await expect(errors.nth(2).textContent()).resolves.toMatch(/birth/i);
  await seen(page, 'office-3-upload-report');
  await page.close();
}

/** The roll of the rotation with each status, one person's timeline, then the certification. */
export async function rollAndCertify(world: World): Promise<void> {
  const page = await open(world, 'officer.np');
  await page.goto(`${world.system.url}/roll?rotation=${encodeURIComponent(world.rotation)}`);
  const rows = page.getByRole('table').getByRole('row');
  await reloadUntil(
    page,
    async () => (await rows.count()) === 4 && (await rows.filter({ hasText: 'Cleared' }).count()) === 3,
    'the three members cleared',
  );
  await expect(page.getByRole('cell', { name: 'Pemba Sherpa Lama' }).isVisible()).resolves.toBe(true);
  await seen(page, 'office-4-roll');
  await page.getByRole('link', { name: 'Tariq Mahmood Qadir' }).click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Cleared' }).count()).resolves.toBeGreaterThan(0);
  await seen(page, 'office-5-candidate-timeline');
  await page.getByRole('link', { name: world.rotation }).click();
  await page.getByLabel('Certification statement').fill('The roll is complete and every member consented.');
  await page.getByRole('button', { name: 'Certify this rotation' }).click();
  await page.getByText(/Certified version 1 on/).waitFor();
  await seen(page, 'office-6-certified');
  // The printable certificate carries its hash, which the page recomputes from what it shows.
  await page.getByRole('link', { name: 'Open the printable certificate' }).click();
  await page
    .getByRole('status')
    .getByText(/^Verified: the hash recomputed from this page matches/)
    .waitFor();
  await expect(page.locator('code.hash').textContent()).resolves.toMatch(/^sha256:[0-9a-f]{64}$/);
  await expect(page.getByRole('row').filter({ hasText: 'Pemba Sherpa Lama' }).count()).resolves.toBe(1);
  await seen(page, 'office-6b-certificate');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
  await page.pdf({ path: `${SCREENSHOTS}office-6c-certificate.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.close();
}

/** After a clearance is revoked, the office sees it among its revocations (without the reason). */
export async function seeRevocation(world: World): Promise<void> {
  const page = await open(world, 'officer.np');
  await nav(page, 'Revocations').click();
  await reloadUntil(
    page,
    async () => (await page.getByRole('link', { name: world.ids.pemba! }).count()) > 0,
    'the revocation of Pemba Sherpa Lama',
  );
  await seen(page, 'office-7-revocations');
  // The office acknowledges the flag once; who and when are shown, and the form is gone.
  const row = page.getByRole('row').filter({ hasText: world.ids.pemba! });
  await row.getByLabel(/^What was done about it/).fill('Withdrawn from the rotation');
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await row.getByText(/^Office: officer.np/).waitFor();
  await expect(row.getByRole('button', { name: 'Acknowledge' }).count()).resolves.toBe(0);
  await page.getByRole('link', { name: world.ids.pemba! }).click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await seen(page, 'office-8-revoked-candidate');
  await page.close();
}
