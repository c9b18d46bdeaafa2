import { createHash } from 'node:crypto';
import { AppError } from '@vetting/platform';
import { nearHits, reviewableHits, type ListHit } from '@vetting/banlists';
import { toPersonQuery } from '../domain/screened-person';
import { afterScreening, attachResolutions, confirmedByList, hitsChanged, summariseHit, type SubjectState } from '../domain/subject';
import type { Screening } from '../data/screening.repository';
import { commitScreening, knownResolutions, screeningEvents, type ScreeningDeps } from './record-screening.use-case';

export interface RescreenJob {
  listId: string;
  version: number;
  /** Searches only the entries the version added or changed (delta mode); absent in full mode. */
  delta?: (query: ReturnType<typeof toPersonQuery>) => ListHit[];
}

export type RescreenResult = 'skipped' | 'unchanged' | 'changed';

const key = (n: { listId: string; entryId: string }) => `${n.listId}\u0000${n.entryId}`;
const sameSet = (a: { listId: string; entryId: string }[], b: { listId: string; entryId: string }[]) =>
  a.map(key).sort().join('\u0001') === b.map(key).sort().join('\u0001');

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
    if (s.withdrawn || s.erased) return 'skipped';
    const ref = deps.lists.versionOf(job.listId);
    if (!ref || ref.version !== job.version)
      throw new AppError('RESCREEN.LIST_MOVED', `List ${job.listId} is no longer at version ${job.version}`, { retriable: true });
    if ((s.listVersions.find((v) => v.listId === job.listId)?.version ?? 0) >= job.version)
      return s.changedByRescreen === `${job.listId}@${job.version}` ? 'changed' : 'skipped';
    const confirmed = confirmedByList(s);
    const onList = s.hits.some((h) => h.listId === job.listId) || s.near.some((n) => n.listId === job.listId) || confirmed.has(job.listId);
    const query = toPersonQuery(s.person);
    const fresh = job.delta && !onList ? job.delta(query) : deps.lists.screen(query, { onlyList: job.listId, confirmed }).hits;
    const reviewable = reviewableHits(fresh);
    const near = [
      ...s.near.filter((n) => n.listId !== job.listId),
      ...nearHits(fresh).map((h) => ({ listId: h.listId, entryId: h.entryId })),
    ];
    if (!onList && reviewable.length === 0 && near.length === s.near.length) return 'unchanged';
    const screeningId = `${s.candidateId}:${s.candidateRevision}:rs-${createHash('sha256').update(`${job.listId}@${job.version}#${subject.rev}`).digest('hex').slice(0, 12)}`;
    const known = await knownResolutions(s, s.fingerprint, reviewable, deps.resolutions);
    const listHits = attachResolutions(reviewable, s.fingerprint, known, screeningId);
    const kept = s.hits.filter((h) => h.listId !== job.listId);
    const listVersions = [...s.listVersions.filter((v) => v.listId !== job.listId), ref];
    const changed = hitsChanged(s.hits, [...kept, ...listHits.map(summariseHit)]);
    if (!changed && sameSet(s.near, near)) return 'unchanged';
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
