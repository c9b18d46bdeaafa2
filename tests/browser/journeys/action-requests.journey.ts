import { expect } from 'vitest';
import { nav, open, seen, type World } from '../support/world';

/**
 * A UN adjudicator records a request for action to Ghana after misconduct is substantiated; Nepal's
 * office does not see it; Ghana's office acknowledges it and gives its final response with the
 * outcome; the UN closes it; a screening officer opening the ban-list entry sees the request beside it;
 * the office reads it in French.
 */
export async function requestForAction(world: World): Promise<void> {
  // An entry of the published list, so the screening officer can open it.
  const entry = 'BAR-0003';
  const un = await open(world, 'adjudicator');
  await nav(un, 'Requests for action').click();
  await un.getByRole('heading', { name: 'Record a request for action' }).waitFor();
  await un.getByLabel('Country', { exact: true }).selectOption('GH');
  await un.getByLabel('Mission', { exact: true }).fill('MINUSCA');
  await un.getByLabel('Misconduct', { exact: true }).selectOption('sea');
  await un.getByLabel('Substantiated on', { exact: true }).fill('2026-01-20');
  await un.getByLabel('Nomination (candidate id)').fill(`cand-${world.rotation.toLowerCase()}`);
  await un.getByLabel('Ban list', { exact: true }).fill('un-bar');
  await un.getByLabel('List entry', { exact: true }).fill(entry);
  await un
    .getByLabel(/^What the UN asks/)
    .fill('Sexual exploitation substantiated by the investigation; investigate, hold the person accountable and report the outcome.');
  await seen(un, 'action-requests-1-record');
  await un.getByRole('button', { name: 'Send to the country' }).click();
  const sent = await un
    .getByRole('status')
    .getByText(/Request RFA-\d{4}-[0-9A-F-]{8} sent\./)
    .textContent();
  const reference = /RFA-\d{4}-[0-9A-F-]{8}/.exec(sent ?? '')![0];
  await un.getByRole('link', { name: reference }).waitFor();
  await seen(un, 'action-requests-2-list');

  const nepal = await open(world, 'officer.np');
  await nav(nepal, 'Requests for action').click();
  // Loaded when the list shows its rows or says there are none.
  await nepal
    .getByText('Nothing to show.')
    .or(nepal.getByRole('columnheader', { name: 'Reference' }))
    .first()
    .waitFor();
  expect(await nepal.getByRole('link', { name: reference }).count()).toBe(0);
  await nepal.close();

  const ghana = await open(world, 'officer.gh');
  await nav(ghana, 'Requests for action').click();
  await ghana.getByRole('link', { name: reference }).click();
  await ghana.getByRole('heading', { name: `Request for action ${reference}` }).waitFor();
  await ghana.getByText(/Sexual exploitation substantiated by the investigation/).waitFor();
  await ghana.getByRole('button', { name: 'Acknowledge receipt' }).click();
  await ghana.getByText(/Acknowledged on/).waitFor();
  await ghana.getByLabel('Kind of response').selectOption('final');
  for (const action of ['Investigation', 'Accountability measures', 'Report of the outcome'])
    await ghana.getByLabel(action, { exact: true }).check();
  await ghana.getByLabel('Outcome', { exact: true }).selectOption('dismissed-from-service');
  await ghana
    .getByLabel('Response', { exact: true })
    .fill('The board of inquiry confirmed the finding; the soldier was dismissed from service.');
  await seen(ghana, 'action-requests-3-respond');
  await ghana.getByRole('button', { name: 'Send the response' }).click();
  await ghana.getByRole('status').getByText('Response recorded.').waitFor();
  await ghana.getByText('Answered', { exact: true }).first().waitFor();
  expect(await ghana.getByRole('button', { name: 'Close the request' }).count()).toBe(0);

  await un.getByRole('link', { name: reference }).click();
  await un.getByText(/the soldier was dismissed from service/).waitFor();
  await un.getByLabel('Reason for closing').fill('The outcome was reported; the measures are proportionate.');
  await un.getByRole('button', { name: 'Close the request' }).click();
  await un.getByText(/Closed on .* The outcome was reported/).waitFor();
  await seen(un, 'action-requests-4-closed');
  await un.close();

  const screener = await open(world, 'screener');
  await screener.goto(`${world.system.url}/lists/un-bar`);
  await screener.getByLabel('Correct an entry').check();
  await screener.getByLabel('Entry id').fill(entry);
  await screener.getByRole('button', { name: 'Load the entry' }).click();
  const about = screener.getByRole('region', { name: 'Requests for action about this list entry' });
  await about.getByRole('link', { name: reference }).waitFor();
  await about.getByText('Closed', { exact: true }).waitFor();
  await about.getByRole('cell', { name: 'GH', exact: true }).waitFor();
  await seen(screener, 'action-requests-5-list-entry');
  await screener.close();

  await ghana.reload();
  await ghana.getByLabel('Language').selectOption('fr');
  await ghana.getByRole('heading', { name: `Demande de mesures ${reference}` }).waitFor();
  await ghana.getByText(/Close le .* The outcome was reported/).waitFor();
  await seen(ghana, 'action-requests-6-fr');
  await ghana.getByLabel('Langue').selectOption('en');
  await ghana.close();
}
