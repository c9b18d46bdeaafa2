import { expect } from 'vitest';
import { nav, open, reloadUntil, seen, type World } from '../support/world';

/** The review queue narrowed by country, mission and waiting time, with its pager. */
export async function filterReviewQueue(world: World): Promise<void> {
  const page = await open(world, 'screener');
  await page.goto(`${world.system.url}/review?country=NP&mission=UNMISS`);
  const tariq = page.getByRole('link', { name: world.ids.tariq! });
  await reloadUntil(page, async () => (await tariq.count()) > 0, 'the Nepalese case in the filtered queue');
  await expect(page.getByRole('navigation', { name: 'Pages of the queue' }).getByRole('status').textContent()).resolves.toMatch(
    /^1–\d+ of \d+$/,
  );
  await seen(page, 'screener-6-queue-filtered');
  await page.getByLabel('Country (two letters)').fill('GH');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/country=GH/);
  await tariq.waitFor({ state: 'detached' });
  await page.getByRole('navigation', { name: 'Pages of the queue' }).waitFor();
  await page.getByLabel('Country (two letters)').fill('NP');
  await page.getByLabel('Waiting more than (days)').fill('3');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/olderThanDays=3/);
  await page.getByRole('navigation', { name: 'Pages of the queue' }).waitFor();
  // The case arrived minutes ago: it is not among those waiting more than three days.
  await expect(tariq.count()).resolves.toBe(0);
  await page.getByLabel('Waiting more than (days)').fill('');
  await page.getByRole('button', { name: 'Apply' }).click();
  await tariq.waitFor();
  await page.close();
}

/** A UN officer finds a candidate of any country by name words or by case reference. */
export async function findCandidate(world: World): Promise<void> {
  const page = await open(world, 'screener');
  await nav(page, 'Find a candidate').click();
  await page.getByLabel('Search', { exact: true }).fill('qadir tariq');
  await page.getByRole('button', { name: 'Search' }).click();
  const result = page.getByRole('link', { name: 'Tariq Mahmood Qadir' });
  await result.waitFor();
  const reference = (await page.getByRole('row').filter({ has: result }).getByRole('cell').nth(1).textContent())!;
  await seen(page, 'screener-7-find-candidate');
  await page.getByLabel('Search', { exact: true }).fill(reference);
  const answered = page.waitForResponse((r) => r.url().includes('/api/intake/candidates?') && r.url().includes(`q=${reference}`));
  await page.getByRole('button', { name: 'Search' }).click();
  await answered;
  await result.waitFor();
  await expect(page.getByRole('table').getByRole('row').count()).resolves.toBe(2);
  await result.click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await page.getByRole('link', { name: 'Open the case file' }).waitFor();
  await page.close();
}

/** A check an authority refuses for good shows among failed checks; the operator sends it again (a new round). */
export async function retryFailedCheck(world: World): Promise<void> {
  const id = world.ids.invalid!;
  const page = await open(world, 'screener');
  await nav(page, 'Reference checks').click();
  const row = page.getByRole('row').filter({ hasText: id });
  await reloadUntil(page, async () => (await row.count()) > 0, 'the failed check in the operator list');
  await seen(page, 'screener-8-failed-checks');
  await row
    .first()
    .getByRole('button', { name: /^Send the .* check to .* again$/ })
    .click();
  await row
    .first()
    .getByRole('status')
    .getByText(/Sent again \(round 2\)/)
    .waitFor();
  // The authority refuses again: the check is back among the failed ones, in its second round.
  await reloadUntil(page, async () => (await row.filter({ hasText: '(round 2)' }).count()) > 0, 'the check failed again in round 2');
  await page.close();
}

/** Adds an entry to a list by hand, follows the re-screening, corrects it, then proposes its removal, a pending version that a second officer reads (in English and French) and countersigns: three versions. */
export async function editListByHand(world: World): Promise<void> {
  const page = await open(world, 'screener');
  await page.goto(`${world.system.url}/lists/un-bar`);
  await page.getByRole('heading', { name: 'Change an entry by hand' }).waitFor();
  const id = `BAR-${world.rotation.slice(-5)}`;
  await page.getByLabel('Entry id').fill(id);
  await page.getByLabel('Full name').fill('Chandra Bahadur Ghale');
  await page.getByLabel(/^Dates of birth/).fill('1975; 1976');
  await page.getByLabel('Nationality', { exact: true }).selectOption('NP');
  await page.getByLabel('Category').selectOption({ label: 'Sexual exploitation and abuse' });
  await page.getByLabel('Status').selectOption({ label: 'Left while an allegation was pending' });
  await page.getByLabel('Listed on').fill('2026-03-01');
  await page.getByLabel('Source reference').fill('OIOS-2026-0042');
  await page.getByLabel(/^Reason for the change/).fill('OIOS case closed with a substantiated finding');
  await seen(page, 'screener-9-list-add');
  await page.getByRole('button', { name: 'Publish with this entry' }).click();
  await page
    .getByRole('status')
    .getByText(/Version \d+ of un-bar published \(1 added, 0 removed, 0 changed\)/)
    .waitFor();
  const progress = page.getByRole('region', { name: /^Re-screening against un-bar version/ });
  await progress.getByText(/^Completed — /).waitFor({ timeout: 120_000 });
  await seen(page, 'screener-10-rescreen-progress');

  await page.getByLabel('Correct an entry').check();
  await page.getByLabel('Entry id').fill(id);
  await page.getByRole('button', { name: 'Load the entry' }).click();
  await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('Chandra Bahadur Ghale');
  await page.getByLabel('Remarks').fill('Second incident added to the record.');
  await page.getByLabel(/^Reason for the change/).fill('Record completed from the OIOS report');
  await page.getByRole('button', { name: 'Publish the correction' }).click();
  await page
    .getByRole('status')
    .getByText(/\(0 added, 0 removed, 1 changed\)/)
    .waitFor();

  await page.getByLabel('Remove an entry').check();
  await page.getByLabel('Entry id').fill(id);
  await page.getByLabel(/^Reason for the change/).fill('Entered on the wrong list');
  await page.getByRole('button', { name: 'Propose removing this entry' }).click();
  await page
    .getByRole('status')
    .getByText(/waits for another officer’s countersignature/)
    .waitFor();
  // Four eyes: the pending version names whom it takes off; the proposer cannot countersign it.
  const pending = page.getByRole('region', { name: 'Versions waiting for a second officer' });
  await pending.getByText(`Removal of ${id} proposed by screener`).waitFor();
  await pending.getByText(`${id} — Chandra Bahadur Ghale`).waitFor();
  await pending.getByText(/you cannot countersign your own proposal/).waitFor();
  await seen(page, 'screener-11-removal-proposed');
  await page.close();

  const second = await open(world, 'admin');
  await second.goto(`${world.system.url}/lists/un-bar`);
  // The second officer reads whom the version takes off, in French too.
  await second.getByLabel('Language').selectOption('fr');
  const attente = second.getByRole('region', { name: 'Versions en attente d’un second agent' });
  await attente.getByText(`Retrait de ${id} proposé par screener`).waitFor();
  await attente.getByRole('heading', { name: 'Personnes qu’elle retire de la liste' }).waitFor();
  await attente.getByText(`${id} — Chandra Bahadur Ghale`).waitFor();
  await seen(second, 'screener-11b-pending-version-fr');
  await second.getByLabel('Langue').selectOption('en');
  const waiting = second.getByRole('region', { name: 'Versions waiting for a second officer' });
  await waiting.getByText(`Removal of ${id} proposed by screener`).waitFor();
  await waiting.getByLabel('Why you countersign (recorded)').fill('Checked: entered on the wrong list');
  await waiting.getByRole('button', { name: 'Countersign: it takes effect' }).click();
  await waiting.getByText('No version waits for a countersignature.').waitFor();
  await second.close();
}
