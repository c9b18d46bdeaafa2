import { applyInputChange, type InputChange } from '../domain/case-inputs';
import type { ClearanceCase } from '../domain/clearance-case';
import { reconsiderCase, withdrawCase } from '../domain/reconsider-case';
import { concludeRevetting } from '../domain/revetting';
import type { CaseChange, ClearanceCaseRepository } from '../data/clearance-case.repository';
import type { PolicyRepository } from '../data/policy.repository';
import { decidedEvent, revokedEvent } from './clearance.events';

export interface RecordDeps {
  repository: ClearanceCaseRepository;
  policies: PolicyRepository;
  now: () => Date;
  onEvents: () => void;
}

/** Folds an input into the case and, when the findings changed or a re-vetting's results are in, decides (or revokes) in the same revision. */
export function changeWithInput(
  current: ClearanceCase,
  change: InputChange,
  policy: Parameters<typeof reconsiderCase>[1],
  now: Date,
): CaseChange | undefined {
  const inputs = applyInputChange(current.inputs, change);
  if (!inputs) return undefined;
  const updated = { ...current, inputs, inputsVersion: current.inputsVersion + 1 };
  // An open periodic re-vetting ends with the first decision the new inputs lead to (domain/revetting.ts).
  const { next, decision, revocation } = concludeRevetting(updated, reconsiderCase(updated, policy, now), policy, now);
  const events = [];
  if (revocation) events.push(revokedEvent(next.candidateId, next.country, revocation.revoked, revocation.flag));
  if (decision) events.push(decidedEvent(next.candidateId, next.country, decision));
  return { next, events };
}

/**
 * A check's result that cannot change the case, judged on the case this instance remembers, with no
 * read: the case has no reference set yet (its `references.completed` will carry the result) or holds
 * this result already. Most results are such (a set's checks complete before the set does); reading
 * the case for each cost about nine finds per candidate. Safe on remembered state because only
 * `vetting.references` events change a case's references, a candidate's events are one partition
 * (key = candidate id) handled in order by one member of the group at a time, this instance remembers
 * each change it stored, forgets the case when a write of it fails, and forgets every case when its
 * consumer (re)joins the group (start-clearance.ts): results another member applied while it held the
 * partition are then read. Anything else (no remembered case, a result it would change) is applied.
 */
export function checkChangesNothing(remembered: ClearanceCase | undefined, change: InputChange): boolean {
  return change.kind === 'check' && remembered !== undefined && applyInputChange(remembered.inputs, change) === undefined;
}

/**
 * Records a result from screening, references or intake on the candidate's case, once per event.
 * The active policy version (cached, see `PolicyRepository.active`) is recorded on any decision it leads to.
 */
export async function recordInput(candidateId: string, country: string, eventId: string, change: InputChange, deps: RecordDeps) {
  const remembered = deps.repository.remembered(candidateId);
  if (checkChangesNothing(remembered, change))
    return { outcome: 'unchanged' as const, status: remembered?.status, decision: remembered?.decisions.at(-1) };
  const policy = await deps.policies.active();
  const now = deps.now();
  let events = 0;
  const result = await deps.repository.apply(
    candidateId,
    country,
    eventId,
    (current) => {
      const c = changeWithInput(current, change, policy, now);
      events = c?.events.length ?? 0;
      return c;
    },
    { command: false },
  );
  if (result.outcome === 'applied' && events) deps.onEvents();
  return { outcome: result.outcome, status: result.case?.status, decision: result.case?.decisions.at(-1) };
}

/** candidate.withdrawn: the case stops; nothing more is decided for it. */
export async function recordWithdrawal(candidateId: string, country: string, eventId: string, reason: string, deps: RecordDeps) {
  const now = deps.now();
  const result = await deps.repository.apply(
    candidateId,
    country,
    eventId,
    (current) => {
      const next = withdrawCase(current, reason, now);
      return next ? { next, events: [] } : undefined;
    },
    { command: false },
  );
  return { outcome: result.outcome };
}
