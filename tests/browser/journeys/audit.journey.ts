import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { verifyBundleText } from '@vetting/signing';
import { SCREENSHOTS } from '../support/browser';
import { nav, open, reloadUntil, seen, type World } from '../support/world';

/** The trail as a timeline with the chain verified; a signed bundle verified offline; the charts. */
export async function auditTrailExportStatistics(world: World): Promise<void> {
  const id = world.ids.tariq!;
  const page = await open(world, 'auditor');
  await nav(page, 'Audit trail').click();
  await page.getByLabel('Candidate id').fill(id);
  await page.getByRole('button', { name: 'Show the trail' }).click();
  const trail = page.getByRole('list', { name: 'Audit trail' });
  await reloadUntil(
    page,
    async () =>
      (await trail.getByText('candidate.submitted').count()) > 0 && (await trail.getByText('screening.match-resolved').count()) > 0,
    'the resolution in the trail',
    60_000,
  );
  await expect(page.getByTestId('chain-badge').textContent()).resolves.toMatch(/Chain verified/);
  await seen(page, 'auditor-1-trail');

  await nav(page, 'Exports').click();
  await page.getByLabel('Candidate id').fill(id);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Signed bundle/ }).click()]);
  const file = `${SCREENSHOTS}auditor-bundle.json`;
  await download.saveAs(file);
  const verified = verifyBundleText(readFileSync(file, 'utf8'));
  expect(verified.problems).toEqual([]);
  expect(verified.ok).toBe(true);
  await seen(page, 'auditor-2-exports');

  await nav(page, 'Statistics').click();
  await page.getByRole('img', { name: /by period/ }).waitFor();
  await expect(page.getByRole('img', { name: /by country/ }).isVisible()).resolves.toBe(true);
  await seen(page, 'auditor-3-statistics');

  await page.getByLabel('Language').selectOption('fr');
  await nav(page, "Piste d'audit").waitFor();
  await seen(page, 'auditor-4-statistics-fr');
  // The choice is kept for the next visit (localStorage): back to English for the journeys after this one.
  await page.getByLabel('Langue').selectOption('en');
  await nav(page, 'Audit trail').waitFor();
  await page.close();
}
