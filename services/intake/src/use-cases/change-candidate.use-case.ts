import { randomUUID } from 'node:crypto';
import { conflict, countryScope, notFound, type Actor } from '@vetting/platform';
import { declarationFlagged, type Candidate } from '../domain/candidate';
import type { NominationInput } from '../domain/candidate-rules';
import { dedupeKeys, dedupeScope } from '../domain/dedupe-keys';
import { submissionEvent, withdrawalEvent } from './candidate-events';
import { assertValid, claimKeys, type SubmitDeps } from './submit-candidate.use-case';

async function ownCandidate(actor: Actor, id: string, deps: Pick<SubmitDeps, 'repository'>): Promise<Candidate> {
  const candidate = await deps.repository.findById(id);
  const scope = countryScope(actor);
  if (!candidate || (scope && scope !== candidate.country)) throw notFound('CANDIDATE.NOT_FOUND', 'No such candidate');
  return candidate;
}

const withdrawn = () => conflict('CANDIDATE.WITHDRAWN', 'The nomination was withdrawn; nominate the person again instead');

/**
 * Corrects or completes a nomination: the given sections replace the stored ones, the revision goes up
 * by one, the old decision no longer applies and screening runs again (candidate.updated). Results
 * still arriving for the old revision are ignored by the lifecycle.
 */
export async function updateCandidate(
  actor: Actor,
  id: string,
  patch: Partial<NominationInput>,
  deps: SubmitDeps,
  commandKey?: string,
): Promise<Candidate> {
  const current = await ownCandidate(actor, id, deps);
  if (current.status === 'withdrawn') throw withdrawn();
  if (current.erased) throw conflict('CANDIDATE.ERASED', 'The person’s data was erased; nominate them again instead');
  const now = deps.now();
  const nomination = patch.nomination ?? current.nomination;
  const person = patch.person ?? current.person;
  const employmentDeclaration = patch.employmentDeclaration ?? current.employmentDeclaration;
  // The corrected nomination as a whole must still account for the employment window.
  assertValid(patch, now, deps.forms, {
    input: { person, ...(employmentDeclaration ? { employmentDeclaration } : {}) },
    country: current.country,
    policy: await deps.policies.current(),
  });
  const keys = dedupeKeys(dedupeScope(current.country, nomination), person, deps.blind);
  await claimKeys(id, dedupeScope(current.country, nomination), keys, deps);
  const at = now.toISOString();
  const { outcome, candidate } = await deps.repository.change(id, `update:${actor.id}:${commandKey ?? randomUUID()}`, async (c) => {
    if (c.status === 'withdrawn' || c.erased) return undefined;
    const person = patch.person ?? c.person;
    const selfDeclaration = patch.selfDeclaration ?? c.selfDeclaration;
    const employmentDeclaration = patch.employmentDeclaration ?? c.employmentDeclaration;
    const { decision: _d, screenedAgainst: _s, ...rest } = c;
    const next: Candidate = {
      ...rest,
      nomination,
      person,
      consent: patch.consent ?? c.consent,
      ...(selfDeclaration ? { selfDeclaration } : {}),
      ...(employmentDeclaration ? { employmentDeclaration } : {}),
      declarationFlagged: declarationFlagged(selfDeclaration),
      revision: c.revision + 1,
      status: 'screening',
      screeningDone: false,
      referencesDone: false,
      dedupeKeys: [...new Set([...c.dedupeKeys, ...keys.map((k) => k.key)])],
      timeline: [
        ...c.timeline,
        { at, status: 'screening', event: `updated to revision ${c.revision + 1} (${Object.keys(patch).join(', ')}); screening again` },
      ],
      updatedAt: at,
    };
    return { candidate: next, events: [await submissionEvent(next, 'candidate.updated', deps.sealer)] };
  });
  if (outcome === 'unchanged' || !candidate) throw withdrawn();
  deps.onEvents();
  return candidate;
}

/** Withdraws a nomination (final). Withdrawing again changes nothing and returns the withdrawn candidate. */
export async function withdrawCandidate(actor: Actor, id: string, reason: string, deps: SubmitDeps): Promise<Candidate> {
  await ownCandidate(actor, id, deps);
  const at = deps.now().toISOString();
  const { candidate } = await deps.repository.change(id, `withdraw:${id}`, async (c) => {
    if (c.status === 'withdrawn') return undefined;
    const next: Candidate = {
      ...c,
      status: 'withdrawn',
      withdrawal: { reason, at },
      timeline: [...c.timeline, { at, status: 'withdrawn', event: 'withdrawn by the office' }],
      updatedAt: at,
    };
    return { candidate: next, events: [await withdrawalEvent(next, reason, at, deps.sealer)] };
  });
  deps.onEvents();
  return candidate ?? (await ownCandidate(actor, id, deps));
}
