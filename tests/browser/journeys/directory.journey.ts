import { expect } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { call, nav, open, reloadUntil, seen, type World } from '../support/world';

/**
 * A disclosure request to an employer the directory does not know waits for a UN screening officer,
 * who verifies a contact and adds the employer to the directory; the directory keeps each version.
 */
export async function confirmContactAndKeepDirectory(world: World): Promise<void> {
  const employer = world.ids.aidEmployer!;
  // The office corrected this person (revision 2): the first revision's held request is superseded, so
  // the queue holds one request for the employer, the newest revision's.
  const newest = `${world.ids.dawa!}.2.misconduct-disclosure.1`;
  await waitFor(
    async () => {
      const items = ((await call(world, 'screener', '/references/contact-confirmations')).body.items ?? []) as {
        checkId: string;
        candidateId: string;
      }[];
      const mine = items.filter((i) => i.candidateId === world.ids.dawa);
      return mine.length === 1 && mine[0]!.checkId === newest;
    },
    { timeoutMs: 120_000, intervalMs: 1000, message: 'one held request for the employer: the corrected revision’s' },
  );
  const page = await open(world, 'screener');
  await nav(page, 'Confirm contacts').click();
  const held = page.getByRole('article', { name: employer });
  await reloadUntil(page, async () => (await held.count()) > 0, 'the held disclosure request');
  expect(await held.count()).toBe(1);
  // The address the office typed is shown as a lead only.
  await held.getByText('hr@kathmandu-aid.example').first().waitFor();
  await seen(page, 'screener-11-confirm-contacts');
  await held.getByLabel('To an address I verified').check();
  await held.getByLabel('Verified address').fill('people@kathmandu-aid.example');
  await held.getByLabel(/^How you verified it/).fill('Called the organisation’s published switchboard; the HR manager gave this address.');
  // By its accessible name (the label's text follows the box, so it starts with a space a label-text regex anchored at ^ never matches).
  await held.getByRole('checkbox', { name: 'Also add this employer to the directory' }).check();
  await held.getByLabel(/^Verified mail domains/).fill('kathmandu-aid.example');
  await held.getByRole('button', { name: 'Record and send' }).click();
  await held.waitFor({ state: 'detached', timeout: 30_000 });

  await nav(page, 'Employer directory').click();
  await page.getByLabel('Name or alias (any part)').fill(employer);
  await page.getByRole('button', { name: 'Search' }).click();
  const entry = page.getByRole('link', { name: employer });
  await entry.waitFor();
  await expect(page.getByRole('row').filter({ has: entry }).textContent()).resolves.toMatch(/people@kathmandu-aid\.example/);
  await seen(page, 'screener-12-directory');
  await entry.click();
  await page.getByRole('heading', { name: 'Versions' }).waitFor();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByRole('group', { name: 'contact 2', exact: true }).getByLabel('E-mail').fill('hr-director@kathmandu-aid.example');
  await page.getByLabel(/^How the contacts were verified/).fill('The HR manager confirmed the director’s address by phone.');
  await page.getByRole('button', { name: 'Save the new version' }).click();
  await page.getByRole('status').getByText(`${employer} saved.`).waitFor();
  // The status shows as soon as the version is saved; the versions list follows when the entry is read again.
  await page
    .getByRole('list')
    .getByText(/hr-director@kathmandu-aid\.example/)
    .first()
    .waitFor();
  await seen(page, 'screener-13-directory-versions');
  await page.close();
}
