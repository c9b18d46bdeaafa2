import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { launchBrowser } from './support/browser';
import { consoleUnderTest } from './support/console-under-test';
import { prepareBrowserTests, sampleBanList } from './support/prepare';
import { call, type World } from './support/world';
import { requestForAction } from './journeys/action-requests.journey';
import { certificateVersions } from './journeys/certificates.journey';
import { answerDisclosureRequest } from './journeys/disclosure-requests.journey';
import { screenOfflineAndBringBack } from './journeys/offline.journey';
import { peopleStatistics } from './journeys/people-statistics.journey';
import { periodicRevetting } from './journeys/revetting.journey';
import { safeguardingSelfAssessment } from './journeys/safeguarding.journey';

/**
 * The work around vetting in a real browser (Debian's Chromium) against every service and the gateway:
 * offline screening with a signed bundle, certificate versions, people statistics, the office's
 * safeguarding self-assessment, requests for action periodic re-vetting and answering disclosure requests. Each screen is screenshotted and checked with axe-core.
 */
const JOURNEY_MS = 480_000;

describe('the console around vetting (Chromium, every service, the gateway)', () => {
  const world = { ids: {}, tokens: new Map(), rotation: `GHANBATT-${Date.now().toString(36).toUpperCase()}` } as unknown as World;

  beforeAll(async () => {
    prepareBrowserTests();
    world.system = await consoleUnderTest();
    world.browser = await launchBrowser();
    const published = await call(world, 'screener', '/screening/lists/un-bar/versions?name=UN%20bar%20list', {
      body: sampleBanList(),
      method: 'POST',
    });
    expect(published.status).toBe(201);
    // Screening loads a published version from its event: wait until a bundle holds it.
    await waitFor(async () => (await call(world, 'screener', '/screening/lists/bundle')).status === 200, {
      timeoutMs: 120_000,
      message: 'the list loaded for bundles',
    });
  }, 600_000);
  afterAll(async () => {
    await world.browser?.close();
    await world.system?.stop();
  });

  it(
    'when an office takes the lists offline and brings results back, then the bundle verifies and the rows to review are named',
    () => screenOfflineAndBringBack(world),
    JOURNEY_MS,
  );

  it(
    'when a rotation is certified twice, then the office downloads a signed version that verifies offline and compares the two',
    () => certificateVersions(world),
    JOURNEY_MS,
  );

  it(
    'when the auditor opens people statistics, then people are shown by period, state, country, mission and category',
    () => peopleStatistics(world),
    JOURNEY_MS,
  );

  it(
    'when an office submits its safeguarding self-assessment and a UN officer accepts it, then the dashboard shows it current',
    () => safeguardingSelfAssessment(world),
    JOURNEY_MS,
  );

  it(
    'when the policy re-vets each category after an interval, then the administrator sets it (a nonsense one refused and named), and the office and the screening officer see who is due, in English and French',
    () => periodicRevetting(world),
    JOURNEY_MS,
  );

  it(
    "when the UN sends a request for action, then only that country's office sees it, acknowledges and answers it, the UN closes it, and the list entry shows it",
    () => requestForAction(world),
    JOURNEY_MS,
  );

  it(
    'when a verified employer asks about a former peacekeeper with a recorded finding, then "none" waits for a second officer, another country never sees it, and the annual figures count it',
    () => answerDisclosureRequest(world),
    JOURNEY_MS,
  );
});
