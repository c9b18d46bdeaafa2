import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { nav, open, reloadUntil, seen, type World } from '../support/world';

/**
 * Four eyes: an adjudicator clears a person despite an adverse national record (a departure from the
 * policy's recommendation, with a written reason), and a second officer countersigns it.
 */
export async function adjudicateAndCountersign(world: World): Promise<void> {
  const id = world.ids.adverse!;
  const first = await open(world, 'adjudicator');
  await nav(first, 'Adjudications').click();
  await reloadUntil(
    first,
    async () => (await first.getByRole('link', { name: id }).count()) > 0,
    'the adverse case in the adjudication queue',
  );
  await seen(first, 'adjudicator-1-queue');
  await first.getByRole('link', { name: id }).click();
  await first.getByRole('group', { name: 'Outcome' }).waitFor();
  // The evidence comes before the decision: hits, checks with their results, the trail, the response.
  await first.getByRole('heading', { name: 'Ban-list hits' }).waitFor();
  const checks = first.getByRole('region', { name: 'Checks and references' });
  await checks.getByRole('row').filter({ hasText: 'National criminal record' }).filter({ hasText: 'Adverse' }).waitFor();
  await first.getByRole('button', { name: /^Show the trail/ }).click();
  await first.getByRole('region', { name: 'Audit trail' }).getByRole('list', { name: 'Audit trail' }).waitFor();
  // The dated notice of the findings, then the candidate's answer with the file they sent.
  const notice = first.getByRole('region', { name: 'Notice to the candidate' });
  await notice.getByLabel('Given on').fill('2026-02-01');
  await notice.getByLabel('How').selectOption({ label: 'through the TCC office' });
  await notice
    .getByLabel('What the notice said')
    .fill('The national criminal record returned adverse information; you may respond in writing.');
  await notice.getByRole('button', { name: 'Record the notice' }).click();
  await notice.getByText(/^Given on .*\(through the TCC office\); response due by/).waitFor();
  const response = first.getByRole('region', { name: 'The candidate’s response' });
  await response.getByLabel('What the candidate said (summary)').fill('The candidate confirms a 2009 traffic fine, paid; no other record.');
  await response.getByLabel('Received on').fill('2026-02-02');
  await response
    .getByLabel(/^Files the candidate sent/)
    .setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('Traffic fine 2009, paid in full.\n') });
  await response.getByRole('button', { name: 'Record the response' }).click();
  await response.getByText(/The candidate confirms a 2009 traffic fine/).waitFor();
  await response.getByRole('button', { name: 'Download receipt.txt' }).waitFor();
  await seen(first, 'adjudicator-1b-case');
  await first.getByRole('radio', { name: 'Cleared', exact: true }).check();
  await first.getByLabel('Reasons').fill('The national record is a 2009 traffic offence, unrelated to misconduct.');
  await first.getByLabel(/^Why you depart from the policy/).fill('Checked with the national authority: no sexual misconduct on record.');
  await seen(first, 'adjudicator-2-propose');
  await first.getByRole('button', { name: 'Record the decision' }).click();
  await first.getByRole('status').getByText('Recorded: awaiting-countersignature').waitFor();
  // The proposer is not offered the countersignature of their own proposal.
  await first.getByText('Your proposal waits for a second, different officer to countersign it.').waitFor();
  await expect(first.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
  await first.close();

  const second = await open(world, 'adjudicator2');
  await second.goto(`${world.system.url}/adjudications/${encodeURIComponent(id)}`);
  await second.getByRole('heading', { name: 'Countersign' }).waitFor();
  await expect(
    second
      .getByText(/Proposed cleared by adjudicator/)
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await seen(second, 'adjudicator-3-countersign');
  await second.getByLabel('Approve — Reason (recorded)').fill('Reviewed the record and the national authority answer; I agree.');
  await second.getByRole('button', { name: 'Approve' }).click();
  await second
    .getByRole('status')
    .getByText(/Recorded: (cleared|ok)/)
    .waitFor();
  await reloadUntil(
    second,
    async () => (await second.getByRole('main').getByText('Cleared', { exact: true }).count()) > 0,
    'the case cleared after the countersignature',
    30_000,
  );
  await expect(second.getByText(/adjudicator \+ adjudicator2/).count()).resolves.toBeGreaterThan(0);
  await seen(second, 'adjudicator-4-countersigned');
  await second.close();
}

/** Admin: create an account, sign in with its one-time password, disable it; the policy versions. */
export async function manageUsersAndPolicies(world: World): Promise<void> {
  const page = await open(world, 'admin');
  await nav(page, 'Users and roles').click();
  await page.getByRole('cell', { name: 'Nepal recruitment office' }).waitFor();
  const username = `officer.sn${world.rotation.slice(-4).toLowerCase()}`;
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Full name').fill('Senegal recruitment office');
  await page.getByLabel('Country (TCC office only)').fill('SN');
  await page.getByLabel('TCC recruitment office').check();
  await page.getByRole('button', { name: 'Create an account' }).click();
  const created = page.getByRole('status').filter({ hasText: `Account ${username} created` });
  const password = (await created.locator('code').textContent())!;
  await seen(page, 'admin-1-users');

  const newcomer = await world.browser.newPage();
  const { signIn } = await import('../support/browser');
  await signIn(newcomer, world.system.url, username, password);
  await expect(newcomer.getByRole('navigation').getByRole('link', { name: 'Nominate' }).isVisible()).resolves.toBe(true);
  await newcomer.close();

  await page.getByRole('button', { name: `Disable ${username}` }).click();
  await page.getByRole('button', { name: `Enable ${username}` }).waitFor();
  const refused = await world.browser.newPage();
  await refused.goto(`${world.system.url}/`);
  await refused.getByLabel('User name').fill(username);
  await refused.getByLabel('Password').fill(password);
  await refused.getByRole('button', { name: 'Sign in' }).click();
  await refused.getByRole('alert').getByText('The user name or password is wrong.').waitFor();
  await refused.close();

  await nav(page, 'Policy versions').click();
  await page.getByRole('heading', { name: 'Publish a new version' }).waitFor();
  await seen(page, 'admin-2-policies');
  await publishPolicy(page);
  await page.close();
}

/**
 * Publishes a policy version: a rule that would refuse without a person is refused and named beside
 * it; once corrected, the new version publishes and compares side by side with the one before.
 */
async function publishPolicy(page: Page): Promise<void> {
  const before = Number(
    (await page.getByRole('row').filter({ hasText: '(active)' }).getByRole('cell').first().textContent())!.match(/^\d+/)![0],
  );
  await page.getByLabel(/^Years of employment a nomination must account for/).fill('7');
  await page.getByLabel('A required check nobody answered').selectOption({ label: 'Refuse (not cleared)' });
  await page.getByLabel('Note').fill('Seven years of employment for the coming rotations');
  await page.getByRole('button', { name: 'Publish this version' }).click();
  // No policy may refuse on absent information without a person: the service names the rule.
  const findings = page.getByRole('group', { name: 'What happens to a finding' });
  await findings
    .getByRole('alert')
    .getByText(/^onNoResponse: /)
    .waitFor();
  await seen(page, 'admin-3-policy-refused');
  await page.getByLabel('A required check nobody answered').selectOption({ label: 'Send to an adjudicator' });
  await page.getByRole('button', { name: 'Publish this version' }).click();
  await page
    .getByRole('status')
    .getByText(`Version ${before + 1} published: it applies from now on.`)
    .waitFor();
  const compare = page.getByRole('region', { name: 'Compare two versions' });
  await compare.getByLabel('Second version').selectOption(String(before + 1));
  await compare.getByLabel('First version').selectOption(String(before));
  const lookback = compare.getByRole('row', { name: /^employmentLookbackYears/ });
  await expect(lookback.getByRole('cell').nth(1).textContent()).resolves.toBe('7');
  await expect(compare.getByRole('status').textContent()).resolves.toMatch(/^[1-9]\d* rules differ\.$/);
  await seen(page, 'admin-4-policies-compared');
}
