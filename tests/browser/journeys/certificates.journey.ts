import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { DOCUMENT_FORMATS, trustedKeys, verifySignedDocument } from '@vetting/signing';
import { waitFor } from '@vetting/platform/testing';
import { SCREENSHOTS } from '../support/browser';
import { call, nav, nomination, open, seen, type World } from '../support/world';

const decided = (status: string) => status === 'cleared' || status === 'not-cleared';

/**
 * A rotation certified twice (a member withdrawn in between): the office lists both versions,
 * downloads one signed and it verifies offline, and compares the two in the console.
 */
export async function certificateVersions(world: World): Promise<void> {
  const rotation = `${world.rotation}-C`;
  const ids: string[] = [];
  for (const [name, dob] of [
    ['Kwame Asante Boakye', '1990-03-02'],
    ['Abena Serwaa Ofori', '1992-08-19'],
  ] as const) {
    const res = await call(world, 'officer.np', '/intake/candidates', { method: 'POST', body: nomination(rotation, name, dob) });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  const roll = async () =>
    (await call(world, 'officer.np', `/intake/candidates?rotation=${rotation}`)).body.items as { id: string; status: string }[];
  await waitFor(async () => (await roll()).every((c) => decided(c.status)), {
    timeoutMs: 300_000,
    intervalMs: 2000,
    message: 'both members decided',
  });
  expect(
    (await call(world, 'officer.np', `/intake/rotations/${rotation}/certification`, { method: 'POST', body: { statement: 'first' } }))
      .status,
  ).toBe(201);
  expect(
    (await call(world, 'officer.np', `/intake/candidates/${ids[1]}/withdrawal`, { method: 'POST', body: { reason: 'Medical grounds' } }))
      .status,
  ).toBeLessThan(300);
  await waitFor(
    async () =>
      (await call(world, 'officer.np', `/intake/rotations/${rotation}/certification`, { method: 'POST', body: { statement: 'second' } }))
        .status === 201,
    { timeoutMs: 60_000, message: 'version 2' },
  );

  const page = await open(world, 'officer.np');
  await nav(page, 'Certificates').click();
  await page.getByLabel('Rotation').fill(rotation);
  await page.getByRole('button', { name: 'Show the versions' }).click();
  await page.getByRole('button', { name: 'Download version 1 signed' }).waitFor();
  await seen(page, 'certificates-1-versions');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download version 1 signed' }).click(),
  ]);
  const file = `${SCREENSHOTS}certificate-v1.json`;
  await download.saveAs(file);
  const keys = await call(world, 'officer.np', '/intake/signing-keys');
  expect(
    verifySignedDocument(JSON.parse(readFileSync(file, 'utf8')), {
      format: DOCUMENT_FORMATS.rotationCertificate,
      trusted: trustedKeys(keys.body.keys),
    }),
  ).toMatchObject({ ok: true });
  await page.getByLabel('Compare from version').selectOption('1');
  await page.getByLabel('to version').selectOption('2');
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByText(/Version 1 → 2: 0 added, 1 removed, 0 changed, 1 unchanged/).waitFor();
  await expect(page.getByRole('cell', { name: 'Abena Serwaa Ofori' }).isVisible()).resolves.toBe(true);
  await seen(page, 'certificates-2-diff');
  await page.close();
}
