import { createHash } from 'node:crypto';
import { AppError } from '@vetting/platform';
import { nearHits, reviewableHits, type ListHit } from '@vetting/banlists';
import { toPersonQuery } from '../domain/screened-person';
import { rescreenEffect, rescreenStart } from '../domain/rescreen-plan';
import { afterScreening, attachResolutions, summariseHit, type SubjectState } from '../domain/subject';
import type { Screening } from '../data/screening.repository';
import { commitScreening, knownResolutions, screeningEvents, type ScreeningDeps } from './record-screening.use-case';

export interface RescreenJob {
  listId: string;
  version: number;
  /** Searches only the entries the version added or changed (delta mode); absent in full mode. */
  delta?: (query: ReturnType<typeof toPersonQuery>) => ListHit[];
}

export type RescreenResult = 'skipped' | 'unchanged' | 'changed';

/**
 * Re-screens one subject against a new version of one list. Other lists' results are kept as they
 * are. A new screening (and `screening.completed`, trigger `rescreen`) is recorded only when the
 * outcome or the set of reviewable hits changed. The subject revision is caused by
 * `rescreen:<list>@<version>:<candidate>`, so a batch redone after a crash applies nothing twice.
 */
export async function rescreenSubject(
  start: { state: SubjectState; rev: number },
  job: RescreenJob,
  deps: ScreeningDeps,
): Promise<RescreenResult> {
  let subject = start;
  const causedBy = `rescreen:${job.listId}@${job.version}:${start.state.candidateId}`;
  for (let attempt = 0; attempt < 10; attempt++) {
    const s = subject.state;
    const plan = rescreenStart(s, job, deps.lists.versionOf(job.listId), Boolean(job.delta));
    if (plan.kind === 'skip') return 'skipped';
    if (plan.kind === 'done') return plan.result;
    if (plan.kind === 'list-moved')
      throw new AppError('RESCREEN.LIST_MOVED', `List ${job.listId} is no longer at version ${job.version}`, { retriable: true });
    const query = toPersonQuery(s.person);
    const fresh =
      job.delta && !plan.full ? job.delta(query) : deps.lists.screen(query, { onlyList: job.listId, confirmed: plan.confirmed }).hits;
    const reviewable = reviewableHits(fresh);
    const near = [
      ...s.near.filter((n) => n.listId !== job.listId),
      ...nearHits(fresh).map((h) => ({ listId: h.listId, entryId: h.entryId })),
    ];
    const screeningId = `${s.candidateId}:${s.candidateRevision}:rs-${createHash('sha256').update(`${job.listId}@${job.version}#${subject.rev}`).digest('hex').slice(0, 12)}`;
    // Decisions already taken are looked up only when there is a hit to attach them to.
    const listHits = reviewable.length
      ? attachResolutions(reviewable, s.fingerprint, await knownResolutions(s, s.fingerprint, reviewable, deps.resolutions), screeningId)
      : [];
    const kept = s.hits.filter((h) => h.listId !== job.listId);
    const listVersions = [...s.listVersions.filter((v) => v.listId !== job.listId), plan.active];
    const effect = rescreenEffect(s, { hits: [...kept, ...listHits.map(summariseHit)], near });
    if (effect.kind === 'unchanged') return 'unchanged';
    const changed = effect.kind === 'changed';
    let committed: 'applied' | 'duplicate' | 'stale';
    if (!changed) {
      // Only the weak hits moved: remember them (so the next change re-scores this person in full), announce nothing.
      const result = await deps.subjects.apply(
        s.candidateId,
        causedBy,
        (c) => (c?.rev === subject.rev ? { state: { ...s, near, listVersions } } : undefined),
        subject,
      );
      committed = result.outcome === 'unchanged' ? 'stale' : result.outcome;
    } else {
      const previous = kept.length ? await deps.screenings.byId(s.screeningId) : undefined;
      const keptHits = (previous?.hits ?? [])
        .filter((h) => h.listId !== job.listId)
        .flatMap((h) => {
          const summary = kept.find((k) => k.listId === h.listId && k.entryId === h.entryId);
          if (!summary) return [];
          const { resolution: _r, ...plain } = h;
          return [summary.resolution ? { ...plain, resolution: summary.resolution } : plain];
        });
      const hits = reviewableHits([...keptHits, ...listHits], 40);
      const screenedAt = deps.now().toISOString();
      const { candidateId, country, candidateRevision, person, fingerprint } = s;
      const state = {
        ...afterScreening(s, {
          candidateId,
          country,
          candidateRevision,
          person,
          fingerprint,
          screeningId,
          screenedAt,
          listVersions,
          hits,
          near,
        }),
        changedByRescreen: `${job.listId}@${job.version}`,
      };
      const screening: Screening = {
        id: screeningId,
        candidateId,
        country,
        candidateRevision,
        trigger: 'rescreen',
        outcome: state.outcome,
        listVersions,
        hits,
        person,
        fingerprint,
        screenedAt,
      };
      committed = await commitScreening(
        deps,
        screening,
        state,
        causedBy,
        subject.rev,
        await screeningEvents(screening, state, deps.sealer),
        subject,
      );
    }
    if (committed !== 'stale') return changed ? 'changed' : 'unchanged';
    const latest = await deps.subjects.load(s.candidateId);
    if (!latest) return 'skipped';
    subject = { state: latest.state, rev: latest.rev };
  }
  throw new AppError('RESCREEN.CONTENDED', `Candidate ${start.state.candidateId} kept changing while being re-screened`, {
    retriable: true,
  });
}
