import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { call, open, seen, type World } from '../support/world';

export const LARGE_ROLL = 120;
const HEADER =
  'name,date_of_birth,nationalities,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,employer_1_name,employer_1_role,employer_1_from,employer_1_national_service';

/** A contingent of LARGE_ROLL people uploaded for a rotation of its own (set-up: the office would upload it). */
export async function uploadLargeRoll(world: World): Promise<string> {
  const rotation = `${world.rotation}-L`;
  const rows = Array.from(
    { length: LARGE_ROLL },
    (_, i) =>
      `Member${i + 1} Gurung,1990-01-${String((i % 28) + 1).padStart(2, '0')},NP,L-${rotation}-${i + 1},yes,v1,2026-01-10,electronic-signature,Nepali Army,Sepoy,2010,yes`,
  );
  const query = new URLSearchParams({ mode: 'accept-valid-rows', mission: 'UNMISS', rotation, category: 'military-contingent' });
  const sent = await call(world, 'officer.np', `/intake/uploads?${query}`, {
    method: 'POST',
    body: [HEADER, ...rows].join('\n') + '\n',
    type: 'text/csv',
  });
  expect(sent.status).toBe(202);
  await waitFor(async () => (await call(world, 'officer.np', `/intake/uploads/${sent.body.id}`)).body.state === 'completed', {
    timeoutMs: 120_000,
    intervalMs: 1000,
    message: 'the large roll stored',
  });
  return rotation;
}

/** A roll too long for one screen: pages, a name search, a status filter, and the CSV of the whole roll. */
export async function browseLargeRoll(world: World): Promise<void> {
  const rotation = world.ids.largeRotation!;
  const members = (await call(world, 'officer.np', `/intake/candidates?rotation=${rotation}&q=Member7%20Gurung`)).body.items as {
    id: string;
  }[];
  const withdrawn = await call(world, 'officer.np', `/intake/candidates/${members[0]!.id}/withdrawal`, {
    method: 'POST',
    body: { reason: 'left the unit' },
  });
  expect(withdrawn.status).toBe(200);

  const page = await open(world, 'officer.np');
  await page.goto(`${world.system.url}/roll?rotation=${encodeURIComponent(rotation)}`);
  await page.getByText(`Members: ${LARGE_ROLL}`).waitFor();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.count()).resolves.toBe(51);
  const pager = page.getByRole('navigation', { name: 'Pages of the roll' });
  await expect(pager.getByRole('status').textContent()).resolves.toBe(`1–50 of ${LARGE_ROLL}`);
  await seen(page, 'office-13-large-roll');
  await pager.getByRole('button', { name: 'Next page' }).click();
  await pager.getByRole('status').getByText(`51–100 of ${LARGE_ROLL}`).waitFor();
  await pager.getByRole('button', { name: 'Next page' }).click();
  await pager.getByRole('status').getByText(`101–${LARGE_ROLL} of ${LARGE_ROLL}`).waitFor();
  await expect(pager.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);
  await pager.getByRole('button', { name: 'Previous page' }).click();
  await pager.getByRole('status').getByText(`51–100 of ${LARGE_ROLL}`).waitFor();

  // Whole words of a name, in any order and any case.
  await page.getByLabel('Search', { exact: true }).fill('gurung MEMBER77');
  await page.getByRole('button', { name: 'Show the roll' }).click();
  await page.getByText('Members: 1').waitFor();
  await expect(rows.nth(1).textContent()).resolves.toMatch(/^Member77 Gurung/);
  await seen(page, 'office-14-roll-search');

  await page.getByLabel('Search', { exact: true }).fill('');
  await page.getByLabel('Status').selectOption({ label: 'Withdrawn' });
  await page.getByRole('button', { name: 'Show the roll' }).click();
  await page.getByText('Members: 1').waitFor();
  await expect(rows.nth(1).textContent()).resolves.toMatch(/Member7 Gurung.*Withdrawn/);

  await page.getByLabel('Status').selectOption({ label: 'Every status' });
  await page.getByRole('button', { name: 'Show the roll' }).click();
  await page.getByText(`Members: ${LARGE_ROLL}`).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
  const lines = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    '"case_reference","name","status","decision","decided_at","valid_until","mission","rotation","category","nominated_at"',
  );
  expect(lines).toHaveLength(LARGE_ROLL + 1);
  expect(lines.filter((l) => l.includes('"withdrawn"'))).toHaveLength(1);
  await page.close();
}
