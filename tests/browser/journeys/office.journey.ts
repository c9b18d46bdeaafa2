import { expect } from 'vitest';
import { nav, open, reloadUntil, seen, type World } from '../support/world';

const HEADER = 'name,date_of_birth,nationalities,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,employer_1_name,employer_1_role,employer_1_from,employer_1_national_service';
const consent = 'yes,v1,2026-01-10,electronic-signature,Nepali Army,Sepoy,2010,yes';

/** A contingent file: two good rows, a row without a name and a row with an impossible date of birth. */
export const contingentFile = (rotation: string) => Buffer.from([
  HEADER,
  `Pemba Sherpa Lama,1992-04-11,NP,NA-${rotation}-1,${consent}`,
  `Dawa Gurung Thapa,1988-09-30,NP,NA-${rotation}-2,${consent}`,
  `,1990-01-01,NP,NA-${rotation}-3,${consent}`,
  `Nima Tamang,1990-13-45,NP,NA-${rotation}-4,${consent}`,
].join('\n') + '\n');

/** Nominates one person through the form and follows them to their status page. */
export async function nominateOne(world: World): Promise<void> {
  const page = await open(world, 'officer.np');
  await nav(page, 'Nominate').click();
  await seen(page, 'office-1-nominate-form');
  await page.getByLabel('Mission').fill('UNMISS');
  await page.getByLabel('Rotation').fill(world.rotation);
  await page.getByLabel('Full name').fill('Tariq Mahmood Qadir');
  await page.getByLabel(/^Date of birth/).fill('1979');
  await page.getByLabel('Service or police number').fill(`NA-${world.rotation}`);
  await page.getByLabel(/informed consent/).check();
  await page.getByRole('button', { name: 'Nominate' }).click();
  await page.getByRole('status').getByText(/Nominated: case/).waitFor();
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
  await page.getByLabel(/^File \(CSV or JSON/).setInputFiles({ name: `${world.rotation}.csv`, mimeType: 'text/csv', buffer: contingentFile(world.rotation) });
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
  await reloadUntil(page, async () => (await rows.count()) === 4 && (await rows.filter({ hasText: 'Cleared' }).count()) === 3, 'the three members cleared');
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
  await page.close();
}

/** After a clearance is revoked, the office sees it among its revocations (without the reason). */
export async function seeRevocation(world: World): Promise<void> {
  const page = await open(world, 'officer.np');
  await nav(page, 'Revocations').click();
  await reloadUntil(page, async () => (await page.getByRole('link', { name: world.ids.pemba! }).count()) > 0, 'the revocation of Pemba Sherpa Lama');
  await seen(page, 'office-7-revocations');
  await page.getByRole('link', { name: world.ids.pemba! }).click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await seen(page, 'office-8-revoked-candidate');
  await page.close();
}
