import { waitFor } from '@vetting/platform/testing';
import { expect } from 'vitest';
import { call, nav, nomination, open, seen, type World } from '../support/world';

/**
 * Periodic re-vetting: an administrator sees each category's interval in the policy editor, a
 * nonsense one is refused and named where it is set; the office and the screening officer see who
 * is due (in English and French), each with until when their clearance holds.
 */
export async function periodicRevetting(world: World): Promise<void> {
  const rotation = `${world.rotation}-RV`;
  const res = await call(world, 'officer.np', '/intake/candidates', {
    method: 'POST',
    body: nomination(rotation, 'Bishnu Prasad Adhikari', '1985-06-12'),
  });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  await waitFor(async () => (await call(world, 'officer.np', `/intake/candidates/${id}`)).body.status === 'cleared', {
    timeoutMs: 300_000,
    intervalMs: 2000,
    message: 'cleared',
  });

  const admin = await open(world, 'admin');
  await nav(admin, 'Policy versions').click();
  const rules = admin.getByRole('group', { name: 'Periodic re-vetting' });
  await expect(rules.getByLabel('Military contingent: re-vet after (months)').inputValue()).resolves.toMatch(/^[1-9]\d*$/);
  await rules.getByLabel('Civilian: re-vet after (months)').fill('12');
  await admin.getByRole('button', { name: 'Publish this version' }).click();
  await rules
    .getByRole('alert')
    .getByText(/^revetting\/civilian\/everyMonths: /)
    .waitFor();
  await seen(admin, 'revetting-1-policy-refused');
  await rules.getByLabel('Civilian: re-vet after (months)').fill('9');
  await admin.getByRole('button', { name: 'Publish this version' }).click();
  await admin
    .getByRole('status')
    .getByText(/^Version \d+ published: it applies from now on\.$/)
    .waitFor();
  await admin.close();

  const office = await open(world, 'officer.np');
  await nav(office, 'Re-vetting').click();
  await office.getByLabel('Due within (days)').fill('366');
  await office.getByRole('button', { name: 'Show' }).click();
  const row = office.getByRole('row').filter({ hasText: id });
  await row.waitFor();
  await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('UNMISS');
  await seen(office, 'revetting-2-office-due');
  await office.getByRole('radio', { name: 'Being re-vetted' }).check();
  await office.getByRole('button', { name: 'Show' }).click();
  await office.getByText('Nobody in this list.').waitFor();
  await office.getByLabel('Language').selectOption('fr');
  await office.getByRole('heading', { name: 'Contrôle périodique' }).waitFor();
  await seen(office, 'revetting-3-office-fr');
  await office.getByLabel('Langue').selectOption('en');
  await office.close();

  const screener = await open(world, 'screener');
  await nav(screener, 'Re-vetting').click();
  await screener.getByLabel('Due within (days)').fill('366');
  await screener.getByRole('button', { name: 'Show' }).click();
  const seenByUn = screener.getByRole('row').filter({ hasText: id });
  await seenByUn.waitFor();
  await expect(seenByUn.textContent()).resolves.toContain('(NP)');
  await seen(screener, 'revetting-4-screener-due');
  await screener.close();
}
