import { expect } from 'vitest';
import { nav, open, reloadUntil, seen, type World } from '../support/world';

/** The auditor reads people (not events) by quarter and state, and a table by country, mission and category. */
export async function peopleStatistics(world: World): Promise<void> {
  const page = await open(world, 'auditor');
  await nav(page, 'People screened').click();
  await reloadUntil(
    page,
    async () =>
      (await page.getByRole('img', { name: 'People by state' }).count()) > 0 &&
      (await page.getByRole('cell', { name: 'UNMISS' }).count()) > 0,
    'people counted',
  );
  await expect(page.getByRole('img', { name: 'People nominated by period' }).isVisible()).resolves.toBe(true);
  await seen(page, 'people-1-statistics');
  await page.getByLabel('Mission (optional)').fill('NO-SUCH-MISSION');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('cell', { name: 'UNMISS' }).waitFor({ state: 'detached' });
  await page.close();
}
