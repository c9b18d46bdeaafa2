import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { waitFor } from '@vetting/platform/testing';
import { launchBrowser, screenshot, signIn } from './support/browser';
import { sampleBanList, startConsoleSystem, type ConsoleSystem } from './support/console-system';
import { prepareBrowserTests } from './support/prepare';

/**
 * Each role's main journey in a real browser against the real services: an office nominates a person
 * who resembles a ban-list entry and follows the status; the screening officer finds the case in the
 * review queue with the explanation; the auditor reads the trail with the chain verified.
 */
describe('the console, role by role (Chromium, every service, the gateway)', () => {
  let system: ConsoleSystem;
  let browser: BrowserContext;
  let candidateId: string;
  // A rotation of its own, so a re-run against a kept-running system is not a duplicate nomination.
  const rotation = `NEPBATT-${Date.now().toString(36)}`;
  const pages: Page[] = [];
  const open = async (username: string) => {
    const page = await browser.newPage();
    pages.push(page);
    await signIn(page, system.url, username, system.password(username));
    return page;
  };

  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name });

  beforeAll(async () => {
    prepareBrowserTests();
    system = await startConsoleSystem();
    browser = await launchBrowser();
    const screener = await system.token('screener');
    const published = await fetch(`${system.url}/api/screening/lists/un-bar/versions?name=UN%20bar%20list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${screener}`, 'content-type': 'application/json' },
      body: sampleBanList(),
    });
    expect(published.status).toBe(201);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when an office nominates a person with consent, then it sees the case and its status move on to a decision', async () => {
    const page = await open('officer.np');
    await nav(page, 'Nominate').click();
    await page.getByLabel('Mission').fill('UNMISS');
    await page.getByLabel('Rotation').fill(rotation);
    await page.getByLabel('Full name').fill('Tariq Mahmood Qadir');
    await page.getByLabel(/^Date of birth/).fill('1979');
    await page.getByLabel('Service or police number').fill(`NA-${rotation}`);
    await page.getByLabel(/informed consent/).check();
    await page.getByRole('button', { name: 'Nominate' }).click();
    await page.getByRole('status').getByText(/Nominated: case/).waitFor();
    await page.getByRole('link', { name: 'See the status' }).click();
    candidateId = new URL(page.url()).pathname.split('/').pop()!;
    // The office follows the status as the case moves on (never the hit itself).
    await waitFor(async () => {
      await page.reload({ waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      return (await page.locator('.timeline li').count()) > 1;
    }, { timeoutMs: 120_000, intervalMs: 1000, message: 'the case moving on from nominated' });
    await expect(page.getByRole('heading', { name: 'Timeline' }).isVisible()).resolves.toBe(true);
    expect(await page.content()).not.toMatch(/BAR-0001|score/);
    await screenshot(page, 'officer-candidate');
    await page.getByRole('link', { name: rotation }).click();
    await page.getByRole('cell', { name: 'Tariq Mahmood Qadir' }).waitFor();
    await screenshot(page, 'officer-roll');
  });

  it('when the screening officer opens the review queue, then the case is there with the candidate and the list entry side by side and the explanation', async () => {
    const page = await open('screener');
    await nav(page, 'Review queue').click();
    await waitFor(async () => {
      await page.reload({ waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: 'Review queue' }).waitFor();
      return (await page.getByRole('link', { name: candidateId }).count()) > 0;
    }, { timeoutMs: 120_000, intervalMs: 1000, message: 'the case in the review queue' });
    await page.getByRole('link', { name: candidateId }).click();
    await page.getByRole('region', { name: 'Candidate' }).first().waitFor();
    await expect(page.getByRole('region', { name: 'List entry' }).first().textContent()).resolves.toMatch(/Tariq Mehmood Qadir/);
    await expect(page.getByRole('region', { name: 'Why they were matched' }).first().textContent()).resolves.toMatch(/Qadir/);
    await screenshot(page, 'screener-review');
    await page.getByLabel('Not the same person (false positive)').first().check();
    await page.getByLabel('Reason (recorded)').first().fill('Different father name and unit records; confirmed by the mission.');
    await page.getByRole('button', { name: 'Record the resolution' }).first().click();
    await page.getByText(/Resolved as false-positive by screener/).first().waitFor();
  });

  it('when the auditor opens the candidate\'s trail, then the story is a timeline with the chain verified', async () => {
    const page = await open('auditor');
    await nav(page, 'Audit trail').click();
    await page.getByLabel('Candidate id').fill(candidateId);
    await page.getByRole('button', { name: 'Show the trail' }).click();
    await waitFor(async () => {
      await page.reload({ waitUntil: 'networkidle' });
      return (await page.getByText('candidate.submitted').count()) > 0 && (await page.getByText('screening.match-resolved').count()) > 0;
    }, { timeoutMs: 60_000, intervalMs: 1000, message: 'the resolution in the trail' });
    await expect(page.getByTestId('chain-badge').textContent()).resolves.toMatch(/Chain verified/);
    await screenshot(page, 'auditor-trail');
    await page.getByLabel('Language').selectOption('fr');
    await nav(page, "Piste d'audit").waitFor();
    await screenshot(page, 'auditor-trail-fr');
  });
});
