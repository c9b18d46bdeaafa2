import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createBundleScreener, openListBundle, type ListBundle } from '@vetting/banlists';
import { trustedKeys } from '@vetting/signing';
import { SCREENSHOTS } from '../support/browser';
import { call, nav, open, seen, type World } from '../support/world';

/**
 * An office takes the lists offline: downloads the signed bundle in the console, screens people with
 * it (as `vetting check --offline --batch` does, here with the same library), brings the results
 * back, and sees which rows need the UN's review.
 */
export async function screenOfflineAndBringBack(world: World): Promise<void> {
  const page = await open(world, 'officer.gh');
  await nav(page, 'Offline screening').click();
  await seen(page, 'offline-1-screen');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a signed bundle' }).click(),
  ]);
  const file = `${SCREENSHOTS}offline-bundle.json`;
  await download.saveAs(file);
  await page
    .getByRole('status')
    .getByText(/signed by platform key [0-9a-f]{16}/)
    .waitFor();
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as ListBundle;
  const keys = await call(world, 'officer.gh', '/screening/signing-keys');
  const opened = openListBundle(bundle, { trusted: trustedKeys(keys.body.keys), maxAgeMs: 86_400_000 });
  expect(opened.ok).toBe(true);
  if (!opened.ok) return;
  expect(opened.bundle.issuedTo).toEqual({ actor: 'officer.gh', country: 'GH' });

  const screener = createBundleScreener(opened.bundle);
  const people = [
    { ref: `${world.rotation}-1`, person: { names: ['Akosua Mensah Owusu'], dateOfBirth: '1993-06-14' } },
    { ref: `${world.rotation}-2`, person: { names: ['Tariq Mahmood Qadir'], dateOfBirth: '1979-04-12' } },
  ];
  const header = {
    format: 'vetting-offline-results/1',
    bundleId: bundle.content.bundleId,
    bundleContentHash: bundle.contentHash,
    keyId: bundle.signature.keyId,
    screenedWith: [],
  };
  const lines = people.map((p) => ({ ...p, screenedAt: new Date().toISOString(), ...screener.screen(p.person) }));
  expect(lines.map((l) => l.outcome)).toEqual(['clear', 'possible-match']);
  await page.getByLabel('Results file (.jsonl)').setInputFiles({
    name: 'results.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from([header, ...lines].map((l) => JSON.stringify(l)).join('\n')),
  });
  await page
    .getByRole('status')
    .getByText(/2 row\(s\) screened again: 0 differ from the offline result, 1 need the UN's review/)
    .waitFor({ timeout: 60_000 });
  await expect(page.getByRole('cell', { name: `${world.rotation}-2` }).isVisible()).resolves.toBe(true);
  await seen(page, 'offline-2-results-back');

  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('heading', { name: 'Vérifier hors ligne' }).waitFor();
  await seen(page, 'offline-3-fr');
  await page.getByLabel('Langue').selectOption('en');
  await page.close();
}
