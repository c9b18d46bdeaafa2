import { expect } from 'vitest';
import { sampleBanList } from '../support/prepare';
import { nav, open, reloadUntil, seen, type World } from '../support/world';

/** The next version of the list: the sample plus one new entry resembling a person already cleared. */
export const nextListVersion = () => {
  const list = JSON.parse(sampleBanList()) as { entries: unknown[] };
  list.entries.push({
    id: 'BAR-9001',
    names: [{ full: 'Pemba Sherpa Lama', script: 'Latn', kind: 'primary' }],
    datesOfBirth: ['1992-04-11'],
    nationalities: ['NP'],
    documents: [],
    serviceNumbers: [],
    category: 'sea',
    status: 'barred',
    listingDate: '2026-02-01',
    sourceReference: 'SAMPLE-BROWSER-TEST',
    remarks: 'Invented sample record.',
  });
  return Buffer.from(JSON.stringify(list, null, 2));
};

/** The review queue: the case, the candidate and the entry side by side, the explanation, a resolution. */
export async function resolvePossibleMatch(world: World): Promise<void> {
  const page = await open(world, 'screener');
  await nav(page, 'Review queue').click();
  const tariq = page.getByRole('link', { name: world.ids.tariq! });
  await reloadUntil(page, async () => (await tariq.count()) > 0, 'the case in the review queue');
  await seen(page, 'screener-1-review-queue');
  await tariq.click();
  await page.getByRole('region', { name: 'Candidate' }).first().waitFor();
  await expect(page.getByRole('region', { name: 'List entry' }).first().textContent()).resolves.toMatch(/Tariq Mehmood Qadir/);
  const why = page.getByRole('region', { name: 'Why they were matched' }).first();
  await expect(why.textContent()).resolves.toMatch(/Qadir/);
  // What agreed and what differed are marked, not only coloured.
  await expect(
    why
      .locator('mark')
      .filter({ hasText: /agrees|differs/ })
      .count(),
  ).resolves.toBeGreaterThan(0);
  await seen(page, 'screener-2-review-side-by-side');
  await page.getByLabel('Not the same person (false positive)').first().check();
  await page.getByLabel('Reason (recorded)').first().fill('Different father name and unit records; confirmed by the mission.');
  await page.getByRole('button', { name: 'Record the resolution' }).first().click();
  await page
    .getByText(/Resolved as false-positive by screener/)
    .first()
    .waitFor();
  await page.close();
}

/** Check before deployment: a name and year of birth, the hit with its explanation. */
export async function checkBeforeDeployment(world: World): Promise<void> {
  const page = await open(world, 'screener');
  await nav(page, 'Check before deployment').click();
  await page.getByLabel(/^Name/).fill('Tariq Mahmood Qadir');
  await page.getByLabel(/^Date of birth/).fill('1979');
  await page.getByLabel(/^Purpose/).fill('deployment of an individual police officer');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('region', { name: 'Why they were matched' }).first().waitFor();
  await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toMatch(/un-bar \/ BAR-0001/);
  await seen(page, 'screener-3-check');
  // The same explanation in French: features, reasons and how words matched, worded from the engine's keys.
  await page.getByLabel('Language').selectOption('fr');
  const why = page.getByRole('region', { name: 'Pourquoi ils ont été rapprochés' }).first();
  await expect(why.textContent()).resolves.toMatch(/Nom — concorde .*mots sur \d+ concordent/);
  await expect(why.textContent()).resolves.toMatch(/Date de naissance — concorde .*la date de naissance 1979 concorde/);
  await seen(page, 'screener-3b-check-fr');
  await page.getByLabel('Langue').selectOption('en');
  await page.close();
}

/** Imports the next version of the list from a file, then reads its versions and what changed. */
export async function importListVersion(world: World): Promise<void> {
  const page = await open(world, 'screener');
  await nav(page, 'Ban lists').click();
  await page.getByRole('cell', { name: 'un-bar' }).waitFor();
  await page.getByLabel(/^List id/).fill('un-bar');
  await page
    .getByLabel(/^File \(CSV or JSON/)
    .setInputFiles({ name: 'un-bar-v2.json', mimeType: 'application/json', buffer: nextListVersion() });
  await page.getByRole('button', { name: 'Import a new version' }).click();
  await page.getByRole('status').getByText('Version 2 of un-bar published (1 added, 0 removed, 0 changed).').waitFor();
  await seen(page, 'screener-4-list-imported');
  await page.getByRole('link', { name: 'un-bar' }).click();
  await page.getByRole('cell', { name: /v2/ }).waitFor();
  await page.getByRole('button', { name: '+1 −0 ~0' }).click();
  const changes = page.getByRole('region', { name: 'Changes v2' });
  await changes.getByText('BAR-9001 — Pemba Sherpa Lama').waitFor();
  await seen(page, 'screener-5-list-diff');
  await page.close();
}
