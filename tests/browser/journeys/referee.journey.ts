import { expect } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { call, open, reloadUntil, seen, type World } from '../support/world';

/** The mail the references service sent the employer (development mailbox; production sends it). */
async function mailedLink(world: World, email: string): Promise<string> {
  const mail = await waitFor(
    async () =>
      (await call(world, 'admin', `/references/dev/mailbox?to=${encodeURIComponent(email)}`)).body.items?.[0] as
        { text: string } | undefined,
    {
      timeoutMs: 120_000,
      intervalMs: 1000,
      message: `the reference request mailed to ${email}`,
    },
  );
  expect(mail.text).toContain('— Français —');
  return /https?:\/\/\S+\/referee\/\S+/.exec(mail.text)![0];
}

/** The referee pastes the single-use link, answers the form once; the link is refused afterwards. */
export async function answerReference(world: World): Promise<void> {
  const link = await mailedLink(world, world.ids.refereeEmail!);
  const page = await world.browser.newPage();
  // The mail carries a link per language; the French one opens the form in French.
  await page.goto(`${link.replace(/\?.*$/, '')}?lang=fr`);
  await page.getByRole('heading', { name: 'Demande de divulgation de fautes' }).waitFor();
  await page.getByRole('group', { name: /a-t-elle travaillé pour votre organisation/ }).waitFor();
  await seen(page, 'referee-1b-form-fr');
  await page.goto(`${world.system.url}/referee`);
  await page.getByLabel('Link or code').fill(link);
  await seen(page, 'referee-1-paste-link');
  await page.getByRole('button', { name: 'Open the form' }).click();
  await page.getByRole('heading', { name: 'Misconduct disclosure request' }).waitFor();
  await page
    .getByRole('group', { name: /work for your organisation/ })
    .getByLabel('Yes')
    .check();
  await page
    .getByRole('group', { name: /found, following an investigation/ })
    .getByLabel('No')
    .check();
  await page
    .getByRole('group', { name: /leave your organisation/ })
    .getByLabel('No')
    .check();
  await page.getByLabel('Your name').fill('Anita Rai');
  await page.getByLabel('Your role').fill('Head of human resources');
  await page.getByLabel('Your work e-mail address').fill(world.ids.refereeEmail!);
  await seen(page, 'referee-2-form');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send answer' }).click()]);
  // The page the service answered with, named in the failure if it is not the thanks.
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Thank you');
  await page.goto(link);
  await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
  await seen(page, 'referee-3-link-spent');
  await page.close();
}

/** The adjudicator reads the referee's own answer from the case (the read is recorded). */
export async function readRefereeAnswer(world: World): Promise<void> {
  const page = await open(world, 'adjudicator');
  await page.goto(`${world.system.url}/adjudications/${encodeURIComponent(world.ids.referee!)}`);
  const disclosure = page
    .getByRole('region', { name: 'Checks and references' })
    .getByRole('row')
    .filter({ hasText: 'Misconduct disclosure' });
  await reloadUntil(
    page,
    async () => (await disclosure.getByRole('button', { name: /^Read the answer/ }).count()) > 0,
    'the answered disclosure request',
  );
  await disclosure.getByRole('button', { name: /^Read the answer/ }).click();
  await disclosure.getByText('Anita Rai, Head of human resources', { exact: false }).waitFor();
  await seen(page, 'adjudicator-5-referee-answer');
  await page.close();
}
