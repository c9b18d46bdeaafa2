import { expect } from 'vitest';
import { nav, open, seen, type World } from '../support/world';

/**
 * An office fills in its Keeping Children Safe self-assessment with evidence and submits it; a UN
 * screening officer gives a result per standard and accepts it; the office's dashboard shows it current.
 */
export async function safeguardingSelfAssessment(world: World): Promise<void> {
  const office = await open(world, 'officer.gh');
  await nav(office, 'Safeguarding').click();
  await office.getByRole('cell', { name: 'Never assessed' }).or(office.getByText('Current')).first().waitFor();
  await seen(office, 'safeguarding-1-dashboard');
  await office.getByLabel('Office (optional, default: national)').fill(`police-${world.rotation.toLowerCase().slice(-6)}`);
  await office.getByRole('button', { name: 'Start a self-assessment' }).click();
  await office.getByRole('heading', { name: /Self-assessment asm-GH-/ }).waitFor();
  // The heading shows while the assessment and its questionnaire load: wait for the questions.
  const answers = office.getByLabel('Answer');
  await answers.first().waitFor();
  const count = await answers.count();
  expect(count).toBeGreaterThanOrEqual(12);
  for (let i = 0; i < count; i++) {
    await answers.nth(i).selectOption(i === 5 ? 'partly' : 'yes');
    await office
      .getByLabel('Evidence', { exact: true })
      .nth(i)
      .fill(`Document ${i + 1}: register kept by the focal point`);
  }
  await office.getByRole('button', { name: 'Save answers' }).click();
  await office.getByRole('status').getByText('Answers saved.').waitFor();
  await seen(office, 'safeguarding-2-answers');
  await office.getByRole('button', { name: 'Submit for review' }).click();
  await office.getByText(/round 1: submitted for review/).waitFor();
  const id = new URL(office.url()).pathname.split('/').pop()!;

  const reviewer = await open(world, 'screener');
  await nav(reviewer, 'Safeguarding').click();
  await reviewer.getByRole('link', { name: id, exact: true }).click();
  await reviewer.getByLabel('Comment on this answer (optional)').nth(5).fill('Send the attendance list of the next training course.');
  for (const standard of ['Standard 1: Policy', 'Standard 2: People', 'Standard 3: Procedures', 'Standard 4: Accountability'])
    await reviewer.getByLabel(`Result: ${standard}`).selectOption(standard.endsWith('People') ? 'partially-meets' : 'meets');
  await reviewer.getByLabel('Summary for the office').fill('Policy and procedures in place; complete the training.');
  await reviewer.getByLabel('Overall result').selectOption('partially-meets');
  await seen(reviewer, 'safeguarding-3-review');
  await reviewer.getByRole('button', { name: 'Accept with these results' }).click();
  await reviewer.getByText(/round 1: reviewed/).waitFor();
  await reviewer.close();

  await nav(office, 'Safeguarding').click();
  await office
    .getByRole('row')
    .filter({ hasText: /police-/ })
    .getByText('Current')
    .waitFor({ timeout: 60_000 });
  await seen(office, 'safeguarding-4-current');
  await office.goto(`${world.system.url}/safeguarding/${id}`);
  await office.getByText('Reviewer: Send the attendance list of the next training course.').waitFor();
  await office.getByLabel('Language').selectOption('fr');
  await office.getByRole('heading', { name: /Auto-évaluation asm-GH-/ }).waitFor();
  await seen(office, 'safeguarding-5-fr');
  await office.getByLabel('Langue').selectOption('en');
  await office.close();
}
