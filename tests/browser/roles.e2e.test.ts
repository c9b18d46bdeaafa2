import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { launchBrowser } from './support/browser';
import { consoleUnderTest } from './support/console-under-test';
import { prepareBrowserTests, sampleBanList } from './support/prepare';
import { call, inService, nomination, type World } from './support/world';
import { checkBeforeDeployment, importListVersion, resolvePossibleMatch } from './journeys/screener.journey';
import { editListByHand, filterReviewQueue, findCandidate, retryFailedCheck } from './journeys/screener-tools.journey';
import { nominateOne, rollAndCertify, seeRevocation, uploadContingent } from './journeys/office.journey';
import { correctAndExport, nominateInFull, withdrawNomination } from './journeys/office-nomination.journey';
import { browseLargeRoll, uploadLargeRoll } from './journeys/office-roll.journey';
import { adjudicateAndCountersign, manageUsersAndPolicies } from './journeys/decisions.journey';
import { answerReference, readRefereeAnswer } from './journeys/referee.journey';
import { confirmContactAndKeepDirectory } from './journeys/directory.journey';
import { auditTrailExportStatistics } from './journeys/audit.journey';

/**
 * Every role's main journey in a real browser (Debian's Chromium) against every service and the
 * gateway, started once. The journeys build one story, in order: an office nominates and uploads;
 * the screening officer resolves the possible match; the office certifies the rotation, corrects a
 * person whose held disclosure request a screening officer then confirms, and withdraws that person; a new list
 * version revokes a clearance the office then sees; adjudicators decide with four eyes; a referee
 * answers once; the auditor verifies the trail and an export; the admin manages accounts. Each screen
 * shown is screenshotted (test-output/browser/) and checked with axe-core.
 */
// A journey waits for services working asynchronously; on the shared 2-core machine under load a
// journey took up to 4x its quiet time, beyond vitest's default 120 s.
const JOURNEY_MS = 360_000;

describe('the console, role by role (Chromium, every service, the gateway)', () => {
  const world = { ids: {}, tokens: new Map(), rotation: `NEPBATT-${Date.now().toString(36).toUpperCase()}` } as unknown as World;
  let largeRoll: Promise<string>;

  beforeAll(async () => {
    prepareBrowserTests();
    world.system = await consoleUnderTest();
    world.browser = await launchBrowser();
    const published = await call(world, 'screener', '/screening/lists/un-bar/versions?name=UN%20bar%20list', {
      body: sampleBanList(),
      method: 'POST',
    });
    expect(published.status).toBe(201);
    // Cases other journeys take up later, started now so the services work on them meanwhile.
    world.ids.refereeEmail = `manual-hr-${world.rotation.toLowerCase()}@relief.example`;
    // Disclosure requests go only to contacts the UN verified: the employer is in the directory first.
    const employer = {
      name: `Himalayan Relief ${world.rotation}`,
      contacts: [{ email: world.ids.refereeEmail }],
      domains: [],
      verification: 'Verified for the browser journeys.',
    };
    expect((await call(world, 'screener', '/references/employers', { method: 'POST', body: employer })).status).toBe(201);
    const [adverse, referee, invalid] = await Promise.all([
      call(world, 'officer.np', '/intake/candidates', {
        method: 'POST',
        body: nomination(`${world.rotation}-B`, 'Mingma ADVERSE Sherpa', '1985-02-03'),
      }),
      call(world, 'officer.np', '/intake/candidates', {
        method: 'POST',
        body: nomination(`${world.rotation}-B`, 'Sonam Dolma Sherpa', '1990-07-21', {
          previousEmployers: [
            { name: employer.name, role: 'Driver', contactEmail: world.ids.refereeEmail, from: '2019', to: '2023-12' },
            { ...inService, from: '2024-01' },
          ],
        }),
      }),
      // The national records office refuses this person's record for good: a check that fails.
      call(world, 'officer.np', '/intake/candidates', {
        method: 'POST',
        body: nomination(`${world.rotation}-X`, 'Ram INVALID Thapa', '1987-05-06'),
      }),
    ]);
    expect([adverse.status, referee.status, invalid.status]).toEqual([201, 201, 201]);
    world.ids.adverse = adverse.body.id;
    world.ids.referee = referee.body.id;
    world.ids.invalid = invalid.body.id;
    largeRoll = uploadLargeRoll(world);
    largeRoll.catch(() => undefined); // awaited by its journey, which reports the failure
  }, 600_000);
  afterAll(async () => {
    await world.browser?.close();
    await world.system?.stop();
  });

  it(
    'when a TCC office nominates one person with consent, then it sees the case reference and the status, never the hit',
    () => nominateOne(world),
    JOURNEY_MS,
  );

  it(
    'when a TCC office nominates a person with every name, document, employer, the self-declaration and consent, then the request holds exactly what was entered',
    () => nominateInFull(world),
    JOURNEY_MS,
  );

  it(
    'when a TCC office uploads a contingent file with bad rows, then it follows the progress and gets every bad row with its field and reason',
    () => uploadContingent(world),
    JOURNEY_MS,
  );

  it(
    'when the screening officer filters the review queue by country, mission and waiting time, then only matching cases are listed, with a pager',
    () => filterReviewQueue(world),
    JOURNEY_MS,
  );

  it(
    'when the screening officer opens the review queue, then the candidate and the list entry are side by side with the explanation marked, and the resolution is recorded',
    () => resolvePossibleMatch(world),
    JOURNEY_MS,
  );

  it(
    'when the screening officer checks a name before deployment, then the hit is shown with why it matched',
    () => checkBeforeDeployment(world),
    JOURNEY_MS,
  );

  it(
    'when a UN officer searches by name words or case reference, then the candidate is found and opens',
    () => findCandidate(world),
    JOURNEY_MS,
  );

  it(
    'when every member is decided, then the office sees the roll with statuses and a timeline, and certifies the rotation',
    () => rollAndCertify(world),
    JOURNEY_MS,
  );

  it(
    'when a roll is longer than a page, then it pages, finds a member by name, filters by status and downloads as CSV',
    async () => {
      world.ids.largeRotation = await largeRoll;
      await browseLargeRoll(world);
    },
    JOURNEY_MS,
  );

  it(
    'when an office corrects a person, then only that section is sent with the documents typed again; the export holds everything',
    () => correctAndExport(world),
    JOURNEY_MS,
  );

  // The corrected person's request to an employer the directory does not know waits for the screening officer, before the office withdraws the nomination.
  it(
    'when a disclosure request names an employer the directory does not know, then it waits until a screening officer verifies a contact, who adds the employer to the directory and keeps its versions',
    () => confirmContactAndKeepDirectory(world),
    JOURNEY_MS,
  );

  it('when the office withdraws the nomination, then the withdrawal is final', () => withdrawNomination(world), JOURNEY_MS);

  it(
    'when the screening officer imports a new list version from a file, then its versions and the entry it added are shown',
    async () => {
      await importListVersion(world);
      // A busy machine may answer the roll 503 for a moment; the error names the last answer.
      world.ids.pemba = await waitFor(
        async () => {
          const roll = await call(world, 'officer.np', `/intake/candidates?rotation=${world.rotation}`);
          if (roll.status !== 200) throw new Error(`the roll answered ${roll.status}: ${JSON.stringify(roll.body).slice(0, 300)}`);
          return roll.body.items.find((c: { displayName: string }) => c.displayName === 'Pemba Sherpa Lama')?.id as string | undefined;
        },
        { timeoutMs: 60_000, intervalMs: 1000, message: 'Pemba Sherpa Lama on the roll' },
      );
    },
    JOURNEY_MS,
  );

  it(
    'when a new list entry resembles a cleared person, then the office sees the clearance among its revocations',
    () => seeRevocation(world),
    JOURNEY_MS,
  );

  it(
    'when the screening officer adds, corrects and removes a list entry by hand, then each is a version and the re-screening is followed to its end',
    () => editListByHand(world),
    JOURNEY_MS,
  );

  it('when a check fails for good, then the screening officer sees it and sends it again', () => retryFailedCheck(world), JOURNEY_MS);

  it(
    'when an adjudicator clears despite an adverse record, then the decision waits for a second officer, whose countersignature clears the case',
    () => adjudicateAndCountersign(world),
    JOURNEY_MS,
  );

  it(
    'when a referee opens the single-use link and answers, then the answer is taken once and the link is refused afterwards',
    () => answerReference(world),
    JOURNEY_MS,
  );

  it('when a referee has answered, then the adjudicator reads the answer in the case', () => readRefereeAnswer(world), JOURNEY_MS);

  it(
    'when the auditor opens a trail, then it is a timeline with the chain verified, its bundle verifies offline, and the statistics are charts',
    () => auditTrailExportStatistics(world),
    JOURNEY_MS,
  );

  it(
    'when the admin creates an account, then it signs in with its one-time password until disabled; a policy that would refuse without a person is refused beside its rule, and versions compare side by side',
    () => manageUsersAndPolicies(world),
    JOURNEY_MS,
  );
});
