import { randomUUID } from 'node:crypto';
import { conflict, forbidden, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import { countersignRefusal, type ListRemoval } from '../domain/list-removal';
import type { ListRemovalRepository } from '../data/list-removal.repository';
import { changeListManually } from './change-list-manually.use-case';
import type { PublishDeps } from './publish-list-version.use-case';

export interface RemovalDeps extends PublishDeps {
  removals: ListRemovalRepository;
  access: AccessRecorder;
}

const refusals = {
  'BANLIST.SAME_OFFICER': () => forbidden('BANLIST.SAME_OFFICER', 'The officer who proposed a removal cannot countersign it'),
  'BANLIST.REMOVAL_DECIDED': () => conflict('BANLIST.REMOVAL_DECIDED', 'This removal was already decided'),
};

const record = (deps: RemovalDeps, actor: Actor, r: Pick<ListRemoval, 'listId' | 'entryId'>, purpose: string) =>
  deps.access.record({ actor, subjectId: `${r.listId}:${r.entryId}`.slice(0, 100), resource: 'screening/list-entry', purpose, fields: ['status'] });

/** DELETE /lists/{id}/entries/{entryId}: proposes the removal; the entry stays on the list until a second officer countersigns. */
export async function proposeRemoval(actor: Actor, listId: string, entryId: string, reason: string, deps: RemovalDeps, key: string = randomUUID()): Promise<ListRemoval> {
  const current = await deps.repository.current(listId);
  if (!current) throw notFound('BANLIST.NOT_FOUND', `List ${listId} does not exist; import a file first`);
  const [found] = await deps.repository.entriesByIds({ listId, version: current.activeVersion, contentHash: current.contentHash }, [entryId]);
  if (!found) throw notFound('BANLIST.ENTRY_NOT_FOUND', `Entry ${entryId} is not on list ${listId}`);
  const proposalId = `${listId}:${actor.id}:${key}`;
  const open = (await deps.removals.pending(listId, entryId)).find((r) => r.proposalId !== proposalId);
  if (open) throw conflict('BANLIST.REMOVAL_PENDING', `A removal of ${entryId} already waits for a countersignature (${open.proposalId})`);
  const proposal = await deps.removals.insertOnce({
    proposalId,
    listId,
    entryId,
    reason,
    proposedBy: actor.id,
    proposedAt: deps.now().toISOString(),
    basedOnVersion: current.activeVersion,
    status: 'pending',
  });
  await record(deps, actor, proposal, 'propose the removal of a ban-list entry');
  return proposal;
}

/**
 * A second officer approves (the entry is removed: a new version whose provenance names both
 * officers) or rejects (nothing changes). The proposer cannot countersign (403); a decided proposal
 * is a 409. An approval interrupted before its version was published goes back to pending.
 */
export async function countersignRemoval(actor: Actor, listId: string, proposalId: string, input: { approve: boolean; reason: string }, deps: RemovalDeps) {
  const r = await deps.removals.get(proposalId);
  if (!r || r.listId !== listId) throw notFound('BANLIST.REMOVAL_NOT_FOUND', 'No such proposed removal');
  const refusal = countersignRefusal(r, actor.id, input.approve);
  if (refusal) throw refusals[refusal]();
  const decided = { decidedBy: actor.id, decidedAt: deps.now().toISOString(), decisionReason: input.reason };
  if (!input.approve) {
    if (!(await deps.removals.transition(proposalId, ['pending'], { status: 'rejected', ...decided }))) throw refusals['BANLIST.REMOVAL_DECIDED']();
    await record(deps, actor, r, 'reject the removal of a ban-list entry');
    return { removal: { ...r, status: 'rejected' as const, ...decided } };
  }
  if (!(await deps.removals.transition(proposalId, ['pending', 'confirming'], { status: 'confirming', ...decided }))) throw refusals['BANLIST.REMOVAL_DECIDED']();
  try {
    // The proposer's change, published under their name with the countersignature beside it.
    const proposer: Actor = { id: r.proposedBy, roles: [] };
    const published = await changeListManually(proposer, r.listId, { kind: 'remove', entryId: r.entryId }, r.reason, deps, actor.id);
    await deps.removals.transition(proposalId, ['confirming'], { status: 'confirmed', publishedVersion: published.version });
    await record(deps, actor, r, 'countersign the removal of a ban-list entry');
    return { removal: { ...r, status: 'confirmed' as const, ...decided, publishedVersion: published.version }, published };
  } catch (error) {
    await deps.removals.transition(proposalId, ['confirming'], { status: 'pending' }, ['decidedBy', 'decidedAt', 'decisionReason']);
    throw error;
  }
}
