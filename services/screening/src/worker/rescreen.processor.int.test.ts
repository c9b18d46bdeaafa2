import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import type { RescreenState } from '../data/rescreen.repository';
import {
  candidateEvent,
  eventsOfType,
  publishCandidates,
  publishList,
  startTestScreening,
  type EntryInput,
  type Screening,
} from '../testing/fixtures';

const fillers: EntryInput[] = [
  'Hiroshi Tanaka',
  'Sven Lindqvist',
  'Giovanni Rossi',
  'Dmitri Volkov',
  'Aisha Bello',
  'Carlos Mendoza',
  'Ingrid Solberg',
  'Tomasz Nowak',
  'Priya Raghunathan',
  'Samuel Otieno',
  'Leila Nasser',
  'Mateo Herrera',
  'Yuki Nakamura',
  'Bongani Dlamini',
  'Hannah Becker',
  'Omar Farouk',
  'Lucia Bianchi',
  'Andrei Popescu',
  'Nadia Haddad',
  'Kofi Boateng',
].map((name, i) => ({ id: `F-${i}`, name, dateOfBirth: '1960' }));
const ivan: EntryInput = { id: 'BAR-IVAN', name: 'Ivan Sergeyevich Petrov', dateOfBirth: '1970-02-03', nationality: 'RU' };
const pierre: EntryInput = { id: 'BAR-PIERRE', name: 'Pierre Lambert Dubois', dateOfBirth: '1975-06-01', nationality: 'FR' };
const fatima: EntryInput = { id: 'BAR-FATIMA', name: 'Fatima Zahra Benali', dateOfBirth: '1990-09-09', nationality: 'MA' };

// Ids in cursor order: the crash hits the second batch (c05..c08) after c05 and c06 changed.
const people: Record<string, { name: string; dateOfBirth?: string; nationality?: string }> = {
  c01: { name: 'Kwame Mensah', dateOfBirth: '1990' },
  c02: { name: 'Ama Owusu', dateOfBirth: '1992' },
  c03: { name: 'John Smith', dateOfBirth: '1985' },
  c04: { name: 'Rajesh Kumar', dateOfBirth: '1980' },
  c05: { name: 'Ivan Petrov', dateOfBirth: '1970-02-03', nationality: 'RU' },
  c06: { name: 'Pierre Dubois', dateOfBirth: '1975-06-01', nationality: 'FR' },
  c07: { name: 'Chen Wei', dateOfBirth: '1988' },
  c08: { name: 'Maria Garcia', dateOfBirth: '1979' },
  c09: { name: 'Olga Ivanova', dateOfBirth: '1983' },
  c10: { name: 'Fatima Benali', dateOfBirth: '1990-09-09', nationality: 'MA' },
  c11: { name: 'Ahmed Hassan', dateOfBirth: '1977' },
  c12: { name: 'Pedro Silva', dateOfBirth: '1991' },
};

describe('re-screening on banlist.published (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startTestScreening>>;
  let second: Screening | undefined;
  let crashed = false;
  const crashMidBatch = (job: RescreenState, index: number) => {
    if (job.version === 2 && job.batches === 1 && index === 2 && !crashed) {
      crashed = true;
      throw new Error('simulated crash');
    }
  };
  const progress = async (app: Screening['app']) => (await request(app).get('/rescreens/bar/2').set('authorization', t.screener)).body;

  beforeAll(async () => {
    t = await startTestScreening({ RESCREEN_BATCH_SIZE: '4' }, { afterRescreenSubject: crashMidBatch });
    await publishList(t.service.app, t.screener, 'bar', [...fillers, ivan]);
    await publishCandidates(
      t,
      Object.entries(people).map(([candidateId, p]) => candidateEvent({ candidateId, ...p })),
    );
    await waitFor(async () => (await t.service.runtime.db.collection('subjects').countDocuments({})) === 12, {
      message: 'every candidate screened',
      timeoutMs: 60_000,
    });
    await waitFor(
      async () => (await request(t.service.app).get('/rescreens/bar/1').set('authorization', t.screener)).body.status === 'completed',
      { message: 'first job done' },
    );
  });
  afterAll(async () => {
    await second?.stop();
    await t?.service.stop();
  });

  it('when a list changes and the worker crashes mid-batch, then a restart resumes and only changed outcomes are announced, once each', async () => {
    const before = await eventsOfType(t.env, 'vetting.screenings', 'screening.completed');
    expect(before.filter((e) => (e.data as { trigger: string }).trigger === 'rescreen')).toHaveLength(0);
    expect(before.find((e) => e.subject === 'c05')?.data).toMatchObject({ outcome: 'possible-match' });

    await publishList(t.service.app, t.screener, 'bar', [...fillers, pierre, fatima], await t.bearer('officer-un-2', ['un-screener']));
    await waitFor(() => crashed, { message: 'simulated crash', timeoutMs: 60_000 });
    const stuck = await waitFor(async () => {
      const p = await progress(t.service.app);
      return p.status === 'running' && p;
    });
    expect(stuck).toMatchObject({ mode: 'delta', batches: 1, processed: 4, total: 12 });
    await t.service.stop();

    second = await t.restart();
    const done = await waitFor(
      async () => {
        const p = await progress(second!.app);
        return p.status === 'completed' && p;
      },
      { message: 're-screen resumed and completed', timeoutMs: 60_000 },
    );
    expect(done).toMatchObject({ processed: 12, changed: 3, batches: 3 });

    const rescreened = await waitFor(
      async () => {
        const events = (
          await eventsOfType<{ trigger: string; outcome: string; candidateId: string }>(t.env, 'vetting.screenings', 'screening.completed')
        ).filter((e) => e.data.trigger === 'rescreen');
        return events.length >= 3 ? events : undefined;
      },
      { message: 'rescreen events' },
    );
    const byCandidate = Object.fromEntries(
      ['c05', 'c06', 'c10'].map((c) => [c, rescreened.filter((e) => e.data.candidateId === c).map((e) => e.data.outcome)]),
    );
    expect(byCandidate).toEqual({ c05: ['clear'], c06: ['possible-match'], c10: ['possible-match'] });
    expect(rescreened).toHaveLength(3);
  });
});
