import { countryScope, forbidden, notFound, recordListRead, type AccessRecorder, type Actor } from '@vetting/platform';
import { toView, type CandidateView } from '../domain/candidate';
import { searchQueryOf } from '../domain/search-keys';
import type { CandidateRepository } from '../data/candidate.repository';

export interface ReadDeps {
  repository: CandidateRepository;
  access: AccessRecorder;
  /** The blind index (keyed hash) that search keys are made with. */
  blind: (value: string) => string;
}

/** One candidate, if the caller's country scope allows; the read is audited before data is returned. */
export async function getCandidate(actor: Actor, id: string, deps: ReadDeps): Promise<CandidateView> {
  const candidate = await deps.repository.findById(id);
  // Another country's candidate is reported as absent, so ids cannot be probed across countries.
  if (!candidate) throw notFound('CANDIDATE.NOT_FOUND', 'No such candidate');
  const scope = countryScope(actor);
  if (scope && scope !== candidate.country) throw notFound('CANDIDATE.NOT_FOUND', 'No such candidate');
  await deps.access.record({
    actor,
    subjectId: id,
    resource: 'intake/candidate',
    purpose: 'follow nomination status',
    fields: ['names', 'dateOfBirth', 'nationalities', 'documents', 'status'],
  });
  return toView(candidate, true);
}

export interface ListQuery {
  country?: string;
  rotation?: string;
  mission?: string;
  status?: string;
  declarationFlagged?: boolean;
  /** Case reference, service number or name words (whole words, any order). */
  q?: string;
  limit?: number;
  after?: string;
}

/** The repository filter of a list query, within the caller's country scope (a TCC officer without one is refused). */
export function listFilterOf(actor: Actor, query: Omit<ListQuery, 'limit' | 'after'>, deps: Pick<ReadDeps, 'blind'>) {
  const country = countryScope(actor, query.country);
  if (!country && !actor.roles.some((r) => r !== 'tcc-officer')) throw forbidden('AUTH.NO_COUNTRY', 'No country scope');
  const q = query.q?.trim();
  return {
    country,
    rotation: query.rotation,
    mission: query.mission,
    status: query.status,
    declarationFlagged: query.declarationFlagged,
    ...(q ? { search: searchQueryOf(q, deps.blind) } : {}),
  };
}

/**
 * A page of candidates, newest first, with `next` when there may be more. The first page (no
 * `after`) also carries `total`, how many the filter matches, so a 10,000-member roll shows its size
 * without the client walking it.
 */
export async function listCandidates(
  actor: Actor,
  query: ListQuery,
  deps: ReadDeps,
): Promise<{ items: CandidateView[]; next?: string; total?: number }> {
  const limit = query.limit ?? 50;
  const filter = listFilterOf(actor, query, deps);
  const [{ items, next }, total] = await Promise.all([
    deps.repository.list({ ...filter, limit, after: query.after }),
    query.after ? undefined : deps.repository.count(filter),
  ]);
  const people = items.map((c) => c.id);
  await recordListRead(deps.access, actor, people, {
    resource: 'intake/candidates',
    purpose: 'follow nomination status',
    fields: ['names', 'status'],
  });
  return {
    items: items.map((c) => toView(c)),
    ...(next ? { next } : {}),
    ...(total === undefined ? {} : { total }),
  };
}
