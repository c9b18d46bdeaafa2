import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots of every journey (git-ignored): test-output/browser/<role>-<step>.png. */
export const SCREENSHOTS = fileURLToPath(new URL('../../../test-output/browser/', import.meta.url));

/**
 * Debian's Chromium, headless, with a fresh profile (user-data-dir) and nothing that calls home.
 * Each page has its own sessionStorage, so each role signs in on its own page.
 */
export async function launchBrowser(): Promise<BrowserContext> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(`${tmpdir()}/vetting-chromium-`);
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1200, height: 800 },
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/**
 * Signs in through the console's form, as a person would: user name and password, then, for the
 * roles that need one, the code of the authenticator app (`code` gives it).
 */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, code?: () => Promise<string>): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const welcome = page.getByRole('heading', { level: 1, name: /Welcome/ });
  const codeField = page.getByLabel('Code from your authenticator app');
  await welcome.or(codeField).first().waitFor();
  if (code && (await codeField.isVisible())) {
    await codeField.fill(await code());
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await welcome.waitFor();
}

/** What axe-core (WCAG 2.1 A and AA rules) finds serious or critical on the page as it is now. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
