import { AppError, countryScope, missionScope, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import type { ActionRequest, Change } from '../domain/action-request';
import type { CaseFileRepository } from '../data/case-file.repository';
import type { ErasedCandidatesRepository } from '../data/erased-candidates.repository';
import type { TextSealer } from '../data/sealed-text';

export interface ActionRequestDeps {
  requests: CaseFileRepository<ActionRequest>;
  /** People intake erased: nothing new is recorded about them. */
  erased: Pick<ErasedCandidatesRepository, 'isErased'>;
  sealer: TextSealer;
  access: AccessRecorder;
  defaultDays: number;
  reminders: { remindBeforeDays: number; remindEveryDays: number };
  now: () => Date;
  onEvents: () => void;
}

/**
 * A request the actor may see: an office sees its own country's only, a UN officer scoped to
 * missions only theirs (another's is a 404, so ids do not tell what exists).
 */
export async function visibleRequest(actor: Actor, id: string, deps: Pick<ActionRequestDeps, 'requests'>): Promise<ActionRequest> {
  const request = await deps.requests.load(id);
  const country = countryScope(actor);
  const missions = missionScope(actor);
  if (!request || (country && request.country !== country) || (missions && !missions.includes(request.mission)))
    throw notFound('ACTION_REQUEST.NOT_FOUND', 'No such request for action');
  return request;
}

/** The decision's problem as the HTTP answer; undefined (nothing to change) stays undefined. */
export function changed(c: Change): Exclude<Change, { problem: unknown }> {
  if (c && 'problem' in c)
    throw new AppError(c.problem.code, c.problem.message, {
      status: c.problem.status,
      errors: c.problem.field ? [{ field: c.problem.field, reason: c.problem.message }] : [],
    });
  return c;
}
