import { createHash, randomUUID } from 'node:crypto';
import { AppError, badRequest, conflict, type Actor, type PersonalSealer } from '@vetting/platform';
import type { PolicyFollower, PolicyRules } from '@vetting/policy';
import type { Candidate } from '../domain/candidate';
import { nominationProblems, type NominationInput, type RuleProblem } from '../domain/candidate-rules';
import { employmentProblems, type EmploymentInput } from '../domain/employment-coverage';
import { formProblems, type ConfiguredForms } from '../domain/forms';
import { dedupeKeys, dedupeScope, findExisting, type DedupeKey } from '../domain/dedupe-keys';
import { newCandidate } from '../domain/new-candidate';
import type { CandidateRepository } from '../data/candidate.repository';
import type { KeyRepository } from '../data/key.repository';
import { submissionEvent } from './candidate-events';

export { caseReference } from '../domain/new-candidate';
export { submissionEvent } from './candidate-events';

export interface SubmitCandidateInput extends NominationInput {
  country?: string;
}

export interface SubmitDeps {
  repository: CandidateRepository;
  keys: KeyRepository;
  /** Keyed hash for dedupe keys (the blind index), so no key reveals a number or a name. */
  blind: (value: string) => string;
  /** Seals the personal blocks of the candidate's events under the person's key. */
  sealer: PersonalSealer;
  now: () => Date;
  newId?: () => string;
  onEvents: () => void;
  /** The vetting policy versions clearance published: a nomination must account for its employment look-back window. */
  policies: Pick<PolicyFollower, 'current'>;
  /** The form versions a consent or a declaration may be recorded on. */
  forms: ConfiguredForms;
}

/** The country a command acts for: a TCC officer's own, whatever the body says. */
export function commandCountry(actor: Actor, requested?: string): string {
  const isOfficer = actor.roles.includes('tcc-officer');
  if (isOfficer && requested && requested !== actor.country)
    throw new AppError('AUTH.OTHER_COUNTRY', 'A TCC officer can only nominate for their own country', { status: 403 });
  const country = isOfficer ? actor.country : requested;
  if (!country)
    throw badRequest('CANDIDATE.COUNTRY_REQUIRED', 'The owning country is required', [{ field: 'body/country', reason: 'is required' }]);
  return country;
}

/**
 * Rule problems as a 400 naming each field; consent first, since it is the one that stops screening,
 * then incomplete employment (`CANDIDATE.EMPLOYMENT_INCOMPLETE`). A consent or declaration must name a
 * configured form. `employment` is the nomination as it will be stored (for a correction: the stored
 * sections with the patch), checked against the policy.
 */
export function assertValid(
  input: Partial<NominationInput>,
  now: Date,
  forms: ConfiguredForms,
  employment?: { input: EmploymentInput; country: string; policy: Pick<PolicyRules, 'employmentLookbackYears'> },
) {
  const found: RuleProblem[] = [
    ...nominationProblems(input, now),
    ...formProblems(input, forms),
    ...(employment ? employmentProblems(employment.input, employment.country, employment.policy, now) : []),
  ];
  const problems = found.map((p) => ({ field: `body/${p.field}`, reason: p.reason }));
  if (!problems.length) return;
  const consent = problems.some((p) => p.field === 'body/consent/given');
  const coverage = problems.some((p) => p.field.startsWith('body/person/previousEmployers'));
  if (consent) throw badRequest('CANDIDATE.CONSENT_REQUIRED', 'Screening needs the candidate’s recorded consent', problems);
  if (coverage)
    throw badRequest(
      'CANDIDATE.EMPLOYMENT_INCOMPLETE',
      'The nomination must account for the employment of the policy’s look-back window, or carry the candidate’s declaration',
      problems,
    );
  throw badRequest('CANDIDATE.INVALID', 'The nomination is invalid', problems);
}

/**
 * Claims the person's dedupe keys for `id`, or throws 409 naming the candidate who has them. Keys left
 * by a nomination that died before storing (its candidate does not exist) are freed and claimed again.
 */
export async function claimKeys(
  id: string,
  scope: string,
  keys: DedupeKey[],
  deps: Pick<SubmitDeps, 'keys' | 'repository'>,
  options: { freshId?: boolean } = {},
) {
  // Only what this call claims goes back on a conflict: a correction keeps the keys its candidate held.
  // A random id just made holds nothing: no read.
  const held = options.freshId ? new Set<string>() : await deps.keys.heldBy(id);
  for (let attempt = 0; ; attempt++) {
    const taken = await deps.keys.claim([{ scope, candidateId: id, keys }]);
    const existing = findExisting(keys, (k) => taken.get(k), id);
    if (!existing) return;
    await deps.keys.release(
      id,
      keys.map((k) => k.key).filter((k) => !taken.has(k) && !held.has(k)),
    );
    if (
      attempt === 0 &&
      !(await deps.repository.findById(existing.candidateId)) &&
      (await deps.keys.releaseAbandoned(existing.candidateId)) > 0
    )
      continue;
    throw conflict(
      'CANDIDATE.ALREADY_NOMINATED',
      `This person is already nominated for the rotation (same ${existing.matchedOn.replace(/-/g, ' ')})`,
      existing,
    );
  }
}

/**
 * A TCC office nominates one person. Without recorded consent, or without the employment of the
 * policy's look-back window (or the candidate's declaration), nothing is stored and screening never
 * starts. The same person already nominated for the rotation is a 409 naming the existing candidate;
 * `commandKey` (the client's Idempotency-Key) makes a retried request return the first result.
 */
export async function submitCandidate(
  actor: Actor,
  input: SubmitCandidateInput,
  deps: SubmitDeps,
  commandKey?: string,
): Promise<Candidate> {
  const country = commandCountry(actor, input.country);
  const now = deps.now();
  assertValid(input, now, deps.forms, { input, country, policy: await deps.policies.current() });
  const id = commandKey
    ? `c-${createHash('sha256').update(`${actor.id}:${commandKey}`).digest('hex').slice(0, 32)}`
    : (deps.newId?.() ?? randomUUID());
  const scope = dedupeScope(country, input.nomination);
  const keys = dedupeKeys(scope, input.person, deps.blind);
  await claimKeys(id, scope, keys, deps, { freshId: !commandKey });
  const { nomination, person, consent, selfDeclaration, employmentDeclaration } = input;
  const candidate = newCandidate(
    id,
    country,
    actor.id,
    {
      nomination,
      person,
      consent,
      ...(selfDeclaration ? { selfDeclaration } : {}),
      ...(employmentDeclaration ? { employmentDeclaration } : {}),
    },
    keys,
    now,
  );
  const stored = await deps.repository.insert(
    candidate,
    [await submissionEvent(candidate, 'candidate.submitted', deps.sealer)],
    `submit:${candidate.id}`,
  );
  deps.onEvents();
  return stored;
}
