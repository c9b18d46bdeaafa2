import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { candidateEvent, eventsOfType, publishCandidates, publishList, startTestScreening } from '../testing/fixtures';

type Completed = { candidateId: string; hits: { entryId: string; entryStatus?: string }[] };

describe('a list entry’s status travels with the hit (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startTestScreening>>;

  beforeAll(async () => {
    t = await startTestScreening();
    await publishList(t.service.app, t.screener, 'bar', [
      { id: 'BAR-7', name: 'Olena Viktorivna Hrytsenko', dateOfBirth: '1988', nationality: 'UA', status: 'left-pending-allegation' },
      { id: 'BAR-8', name: 'Tariq Mehmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK' },
    ]);
  });
  afterAll(async () => t?.service.stop());

  it('when a candidate resembles an entry that left UN service while an allegation was pending, then screening.completed says so, for clearance to name the finding', async () => {
    const olena = candidateEvent({ name: 'Olena Hrytsenko', dateOfBirth: '1988', nationality: 'UA' });
    const tariq = candidateEvent({ name: 'Tariq Mahmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK' });
    await publishCandidates(t, [olena, tariq]);
    const idOf = (e: typeof olena) => (e.data as { candidateId: string }).candidateId;
    const completed = await waitFor(
      async () => {
        const all = await eventsOfType<Completed>(t.env, 'vetting.screenings', 'screening.completed');
        const mine = [idOf(olena), idOf(tariq)].map((id) => all.find((e) => e.data.candidateId === id));
        return mine.every(Boolean) ? mine : undefined;
      },
      { timeoutMs: 60_000, message: 'both screened' },
    );
    expect(completed[0]!.data.hits).toEqual([expect.objectContaining({ entryId: 'BAR-7', entryStatus: 'left-pending-allegation' })]);
    expect(completed[1]!.data.hits).toEqual([expect.objectContaining({ entryId: 'BAR-8', entryStatus: 'barred' })]);
  });
});
