import { randomUUID } from 'node:crypto';
import { conflict, type AccessRecorder, type Actor } from '@vetting/platform';
import type { PendingVersionRepository } from '../data/pending-version.repository';
import { defaultProposalReason, overlappingProposal, type PendingVersion } from '../domain/pending-version';
import type { PublishOptions } from './publish-list-version.use-case';

export type ProposalDeps = { proposals: PendingVersionRepository; now: () => Date; access?: AccessRecorder };

/**
 * Records a staged version as waiting for a second officer. An open proposal over the same active
 * version that takes off one of the same people is a 409: the second officer decides one at a time.
 */
export async function proposeVersion(
  actor: Actor,
  version: Pick<PendingVersion, 'listId' | 'basedOnVersion' | 'takesOff' | 'staged'>,
  options: PublishOptions,
  deps: ProposalDeps,
): Promise<PendingVersion> {
  const proposalId = `${version.listId}:${actor.id}:${options.requestKey ?? randomUUID()}`;
  const open = overlappingProposal(await deps.proposals.pending(version.listId), { ...version, proposalId });
  if (open)
    throw conflict(
      'BANLIST.PROPOSAL_PENDING',
      `A version taking off ${open.overlap.join(', ')} already waits for a countersignature (${open.proposal.proposalId})`,
    );
  const proposal = await deps.proposals.insertOnce({
    proposalId,
    ...version,
    change: options.change,
    reason: options.reason ?? defaultProposalReason(options.change),
    proposedBy: actor.id,
    proposedAt: deps.now().toISOString(),
    status: 'pending',
  });
  await deps.access?.record({
    actor,
    subjectId: version.listId.slice(0, 100),
    resource: 'screening/list-version',
    purpose: 'propose a list version that takes people off the list',
    fields: ['takesOff'],
  });
  return proposal;
}
