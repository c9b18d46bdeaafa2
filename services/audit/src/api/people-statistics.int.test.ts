import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@vetting/platform';
import { candidateStory, publish, startAuditForTest, untilHead } from '../testing/audit-fixture';

/** A second mission: the same story, nominated to UNMISS as a staff officer, then cleared. */
function unmissStory(candidateId: string, country: string, base: Date) {
  const story = candidateStory(candidateId, country, base).map((e) =>
    e.type === 'candidate.submitted'
      ? { ...e, data: { ...(e.data as object), nomination: { mission: 'UNMISS', rotation: 'R8', category: 'staff-officer' } } }
      : e,
  );
  const decided = story.find((e) => e.type === 'clearance.decided')!;
  return story.map((e) =>
    e === decided ? { ...e, data: { ...(e.data as object), outcome: 'cleared', reasons: ['all checks clean'] } } : e,
  );
}

describe('statistics by person and mission (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startAuditForTest>>;
  const as = async (roles: ('auditor' | 'tcc-officer' | 'un-screener')[], extra: { country?: string; missions?: string[] } = {}) =>
    `Bearer ${await t.env.issuer.token({ sub: 'u', roles, ...extra })}`;

  beforeAll(async () => {
    t = await startAuditForTest();
    const withdrawn = createEvent('intake', {
      type: 'candidate.withdrawn',
      subject: 'c-w',
      tenant: 'GH',
      time: new Date('2026-02-03T00:00:00Z'),
      data: { candidateId: 'c-w', country: 'GH', reason: 'injured' },
    });
    await publish(t, [
      ...candidateStory('c-a', 'GH', new Date('2026-02-01T10:00:00Z')),
      ...unmissStory('c-b', 'GH', new Date('2026-02-02T10:00:00Z')),
      ...unmissStory('c-c', 'NP', new Date('2026-05-02T10:00:00Z')),
      candidateStory('c-w', 'GH', new Date('2026-02-01T11:00:00Z'))[0]!,
      withdrawn,
    ]);
    await untilHead(t.audit, 20);
  });
  afterAll(async () => t?.audit.stop());

  it('when an auditor asks, then people are counted once each by quarter, country, mission and category, not their events', async () => {
    const res = await request(t.audit.app).get('/statistics/people').set('authorization', t.auditor).expect(200);
    expect(res.body.totals).toEqual({ people: 4, screened: 3, cleared: 2, refused: 1, pending: 0, withdrawn: 1, revoked: 0, expired: 0 });
    expect(
      res.body.groups.map((g: { period: string; country: string; mission: string; category: string; figures: { people: number } }) => [
        g.period,
        g.country,
        g.mission,
        g.category,
        g.figures.people,
      ]),
    ).toEqual([
      ['2026-Q1', 'GH', 'MINUSCA', 'military-contingent', 2],
      ['2026-Q1', 'GH', 'UNMISS', 'staff-officer', 1],
      ['2026-Q2', 'NP', 'UNMISS', 'staff-officer', 1],
    ]);
    const unmiss = await request(t.audit.app).get('/statistics/people?mission=unmiss&by=year').set('authorization', t.auditor).expect(200);
    expect(unmiss.body.totals).toMatchObject({ people: 2, cleared: 2 });
  });

  it('when an office asks, then it sees its own country only, and another country is refused', async () => {
    const office = await as(['tcc-officer'], { country: 'NP' });
    const res = await request(t.audit.app).get('/statistics/people').set('authorization', office).expect(200);
    expect(res.body.totals).toMatchObject({ people: 1, cleared: 1 });
    expect((await request(t.audit.app).get('/statistics/people?country=GH').set('authorization', office)).status).toBe(403);
    expect((await request(t.audit.app).get('/statistics').set('authorization', office)).status).toBe(403);
  });

  it('when a screening officer is limited to a mission, then people and activity figures cover that mission only, and another mission is refused', async () => {
    const scoped = await as(['un-screener'], { missions: ['MINUSCA'] });
    const people = await request(t.audit.app).get('/statistics/people').set('authorization', scoped).expect(200);
    expect(people.body.totals).toMatchObject({ people: 2, refused: 1, withdrawn: 1 });
    expect(people.body.groups.every((g: { mission: string }) => g.mission === 'MINUSCA')).toBe(true);
    expect((await request(t.audit.app).get('/statistics/people?mission=UNMISS').set('authorization', scoped)).status).toBe(403);
    const activity = await request(t.audit.app).get('/statistics').set('authorization', scoped).expect(200);
    const all = await request(t.audit.app).get('/statistics').set('authorization', t.auditor).expect(200);
    expect(activity.body.totals.nominations).toBe(2);
    expect(all.body.totals.nominations).toBe(4);
  });
});
