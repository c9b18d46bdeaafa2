import { countryScope, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import type { CandidateRepository } from '../data/candidate.repository';

export interface ExportDeps {
  repository: CandidateRepository;
  access: AccessRecorder;
  now: () => Date;
}

/** What made a revision: a command (`submit`, `update`, `withdraw`, `erase`, `upload`) or another service's event. */
const causeOf = (causedBy: string) => (causedBy.includes(':') ? causedBy.slice(0, causedBy.indexOf(':')) : 'event');

/**
 * A data-subject access export: everything intake holds about one person, opened — the person as
 * nominated (document numbers in full: the export is for the person they belong to), the
 * self-declaration with its answers, consent, status, decision, timeline, and every stored revision
 * with when and why it was made. For the owning office or an administrator; recorded as an access
 * event before anything is returned. An erased person's export shows that only ids and statuses remain.
 */
export async function exportCandidate(actor: Actor, id: string, deps: ExportDeps) {
  const candidate = await deps.repository.findById(id);
  const scope = countryScope(actor);
  if (!candidate || (scope && scope !== candidate.country)) throw notFound('CANDIDATE.NOT_FOUND', 'No such candidate');
  await deps.access.record({
    actor,
    subjectId: id,
    resource: 'intake/candidate-export',
    purpose: 'data-subject access export',
    fields: [
      'person',
      'documents',
      'serviceNumber',
      'previousEmployers',
      'selfDeclaration',
      'consent',
      'status',
      'decision',
      'timeline',
      'revisions',
    ],
  });
  const history = await deps.repository.history(id);
  const { dedupeKeys: _k, ...held } = candidate;
  return {
    exportedAt: deps.now().toISOString(),
    candidateId: id,
    ...(candidate.erased ? { erased: candidate.erased } : {}),
    candidate: held,
    revisions: history.map((r) => ({
      revision: r.rev,
      at: r.at,
      cause: causeOf(r.causedBy),
      status: r.candidate.status,
      ...(r.candidate.person.names.length ? { person: r.candidate.person } : {}),
    })),
  };
}
