/**
 * Development aid: screenshots of each role's main screen for docs/console/, taken from a system kept
 * running by keep-running.ts after a browser run:
 * `VETTING_UI_SYSTEM='<url>|<keys dir>' npx tsx browser/support/capture-docs.ts <candidateId> <rotation> <adjudicated candidateId>`.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, signIn } from './browser';
import { consoleUnderTest } from './console-under-test';

const [candidateId, rotation, caseId] = process.argv.slice(2);
const out = fileURLToPath(new URL('../../../docs/console/', import.meta.url));
const system = await consoleUnderTest();
const browser = await launchBrowser();
const shots: { user: string; path: string; name: string; act?: (page: Page) => Promise<void> }[] = [
  {
    user: 'officer.np',
    path: `/roll?rotation=${rotation}`,
    name: 'office-rotation-roll',
    act: async (page) => void (await page.getByRole('navigation', { name: 'Pages of the roll' }).waitFor()),
  },
  {
    user: 'officer.np',
    path: '/nominate',
    name: 'office-nominate',
    act: async (page) => void (await page.getByRole('group', { name: 'Consent to vetting' }).waitFor()),
  },
  {
    user: 'officer.np',
    path: `/roll/certificate?rotation=${rotation}`,
    name: 'office-certificate',
    act: async (page) => void (await page.getByText(/^Verified:/).waitFor()),
  },
  {
    user: 'screener',
    path: '/review?country=NP',
    name: 'screener-review-queue-filtered',
    act: async (page) => void (await page.getByRole('navigation', { name: 'Pages of the queue' }).waitFor()),
  },
  {
    user: 'screener',
    path: '/check',
    name: 'screener-check-before-deployment',
    act: async (page) => {
      await page.getByLabel(/^Name/).fill('Tariq Mahmood Qadir');
      await page.getByLabel(/^Date of birth/).fill('1979');
      await page.getByLabel(/^Purpose/).fill('deployment of an individual police officer');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('Why they were matched').first().waitFor();
    },
  },
  {
    user: 'adjudicator',
    path: '/adjudications',
    name: 'adjudicator-queue',
    act: async (page) => void (await page.locator('main table, main p.muted').first().waitFor()),
  },
  {
    user: 'adjudicator',
    path: `/adjudications/${caseId}`,
    name: 'adjudicator-case',
    act: async (page) => void (await page.getByRole('region', { name: 'Checks and references' }).getByRole('table').waitFor()),
  },
  {
    user: 'auditor',
    path: `/trail?subject=${candidateId}`,
    name: 'auditor-trail',
    act: async (page) => void (await page.getByTestId('chain-badge').waitFor()),
  },
  {
    user: 'admin',
    path: '/policies',
    name: 'admin-policies',
    act: async (page) => void (await page.getByRole('region', { name: 'Compare two versions' }).getByRole('table').waitFor()),
  },
];
for (const shot of shots) {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1000, height: 640 });
  await signIn(
    page,
    system.url,
    shot.user,
    system.password(shot.user),
    system.totpSecret(shot.user) ? () => system.code(shot.user) : undefined,
  );
  await page.goto(`${system.url}${shot.path}`, { waitUntil: 'networkidle' });
  await shot.act?.(page);
  await page.screenshot({ path: `${out}${shot.name}.png` });
  process.stdout.write(`${shot.name}.png\n`);
}
await browser.close();
await system.stop();
