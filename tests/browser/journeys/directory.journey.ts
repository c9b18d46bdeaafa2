import { expect } from 'vitest';
import { nav, open, reloadUntil, seen, type World } from '../support/world';

/**
 * A disclosure request to an employer the directory does not know waits for a UN screening officer,
 * who verifies a contact and adds the employer to the directory; the directory keeps each version.
 */
export async function confirmContactAndKeepDirectory(world: World): Promise<void> {
  const employer = world.ids.aidEmployer!;
  const page = await open(world, 'screener');
  await nav(page, 'Confirm contacts').click();
  const all = page.getByRole('article', { name: employer });
  await reloadUntil(page, async () => (await all.count()) > 0, 'the held disclosure request');
  // A corrected nomination holds a request per revision: the first in the queue is confirmed here.
  const held = all.first();
  // The address the office typed is shown as a lead only.
  await held.getByText('hr@kathmandu-aid.example').first().waitFor();
  await seen(page, 'screener-11-confirm-contacts');
  await held.getByLabel('To an address I verified').check();
  await held.getByLabel('Verified address').fill('people@kathmandu-aid.example');
  await held.getByLabel(/^How you verified it/).fill('Called the organisation’s published switchboard; the HR manager gave this address.');
  await held.getByLabel(/^Also add this employer/).check();
  await held.getByLabel(/^Verified mail domains/).fill('kathmandu-aid.example');
  const before = await all.count();
  await held.getByRole('button', { name: 'Record and send' }).click();
  await expect.poll(() => all.count(), { timeout: 30_000 }).toBeLessThan(before);

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
  await expect(page.getByRole('list').filter({ hasText: 'hr-director@kathmandu-aid.example' }).count()).resolves.toBeGreaterThan(0);
  await seen(page, 'screener-13-directory-versions');
  await page.close();
}
