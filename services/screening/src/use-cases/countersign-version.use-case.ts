import { AppError, conflict, forbidden, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import { countersignRefusal, type PendingVersion } from '../domain/pending-version';
import { publishEntries, type PublishDeps } from './publish-list-version.use-case';

export interface CountersignDeps extends PublishDeps {
  access: AccessRecorder;
}

const refusals = {
  'BANLIST.SAME_OFFICER': () => forbidden('BANLIST.SAME_OFFICER', 'The officer who proposed a version cannot countersign it'),
  'BANLIST.PROPOSAL_DECIDED': () => conflict('BANLIST.PROPOSAL_DECIDED', 'This proposed version was already decided'),
};

const record = (deps: CountersignDeps, actor: Actor, p: PendingVersion, purpose: string) =>
  deps.access.record({ actor, subjectId: p.listId.slice(0, 100), resource: 'screening/list-version', purpose, fields: ['takesOff'] });

/**
 * A second officer approves a pending version (it is published exactly as staged, under the
 * proposer's name with the countersignature beside it, and only over the active version it was
 * proposed against) or rejects it (nothing changes). The proposer cannot countersign (403); a
 * decided proposal is a 409. An approval interrupted before publication goes back to pending; one
 * overtaken by another version is `superseded` (409) and must be proposed again.
 */
export async function countersignVersion(
  actor: Actor,
  listId: string,
  proposalId: string,
  input: { approve: boolean; reason: string },
  deps: CountersignDeps,
) {
  const p = await deps.proposals.get(proposalId);
  if (!p || p.listId !== listId) throw notFound('BANLIST.PROPOSAL_NOT_FOUND', 'No such proposed version');
  const refusal = countersignRefusal(p, actor.id, input.approve);
  if (refusal) throw refusals[refusal]();
  const decided = { decidedBy: actor.id, decidedAt: deps.now().toISOString(), decisionReason: input.reason };
  if (!input.approve) {
    if (!(await deps.proposals.transition(proposalId, ['pending'], { status: 'rejected', ...decided })))
      throw refusals['BANLIST.PROPOSAL_DECIDED']();
    await record(deps, actor, p, 'reject a list version that takes people off the list');
    return { proposal: { ...p, status: 'rejected' as const, ...decided } };
  }
  if (!(await deps.proposals.transition(proposalId, ['pending', 'confirming'], { status: 'confirming', ...decided })))
    throw refusals['BANLIST.PROPOSAL_DECIDED']();
  try {
    const { staged } = p;
    const entries = await deps.repository.entriesOf({ listId, version: staged.version, contentHash: staged.contentHash });
    const proposer: Actor = { id: p.proposedBy, roles: [] };
    const published = await publishEntries(proposer, listId, staged.name, entries, staged.provenance, deps, {
      change: p.change,
      reason: p.reason,
      countersignedBy: actor.id,
      basedOn: p.basedOnVersion,
    });
    if ('pending' in published) throw new Error('a countersigned version was proposed again');
    await deps.proposals.transition(proposalId, ['confirming'], { status: 'confirmed', publishedVersion: published.version });
    await record(deps, actor, p, 'countersign a list version that takes people off the list');
    return { proposal: { ...p, status: 'confirmed' as const, ...decided, publishedVersion: published.version }, published };
  } catch (error) {
    const superseded = error instanceof AppError && error.code === 'BANLIST.PROPOSAL_SUPERSEDED';
    await deps.proposals.transition(
      proposalId,
      ['confirming'],
      superseded ? { status: 'superseded' } : { status: 'pending' },
      superseded ? [] : ['decidedBy', 'decidedAt', 'decisionReason'],
    );
    throw error;
  }
}
