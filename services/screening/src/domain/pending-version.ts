import type { Provenance } from './list-provenance';
import type { PeopleTakenOff } from './people-taken-off';

/** What an officer asked for: a whole list file, or the correction or removal of one entry. */
export type VersionChange = { kind: 'import'; format: string } | { kind: 'add' | 'replace' | 'remove'; entryId: string };

/**
 * Taking a person off a ban list lets them be cleared again: one officer alone must not be able to
 * do it, whether by deleting the entry, by correcting it into someone else, or by importing a file
 * that no longer lists them. Any new version that removes or re-identifies an active entry is kept
 * pending (staged, unpublished; the active version unchanged) until a second, different officer
 * countersigns it. `confirming`: countersigned, being published; `superseded`: another version was
 * published first, so this one can no longer be published as the second officer saw it.
 */
export interface PendingVersion {
  proposalId: string;
  listId: string;
  change: VersionChange;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  /** The active version the proposal was made against: it is published only over this one. */
  basedOnVersion: number;
  /** Exactly whom the version takes off the list: what the second officer countersigns. */
  takesOff: PeopleTakenOff;
  /** The staged version: where its entries are stored and what its provenance will say. */
  staged: {
    version: number;
    contentHash: string;
    entryCount: number;
    name?: string;
    diff: { added: number; removed: number; changed: number };
    provenance: Omit<Provenance, 'importedBy' | 'importedAt' | 'countersignedBy'>;
  };
  status: 'pending' | 'confirming' | 'confirmed' | 'rejected' | 'superseded';
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
  /** The version number it was published as. */
  publishedVersion?: number;
}

export type CountersignRefusal = 'BANLIST.SAME_OFFICER' | 'BANLIST.PROPOSAL_DECIDED';

/** Whether `officer` may countersign (approve or reject) the proposal now; a countersigning officer may retry an interrupted approval. */
export function countersignRefusal(p: PendingVersion, officer: string, approve: boolean): CountersignRefusal | undefined {
  if (p.proposedBy === officer) return 'BANLIST.SAME_OFFICER';
  if (p.status === 'pending') return undefined;
  if (p.status === 'confirming' && approve && p.decidedBy === officer) return undefined;
  return 'BANLIST.PROPOSAL_DECIDED';
}

/** The entries a proposal takes off, by id: two open proposals over the same version must not overlap. */
export const affectedIds = (p: Pick<PendingVersion, 'takesOff'>) => [...p.takesOff.removed, ...p.takesOff.reidentified].map((e) => e.id);

/**
 * The open proposal a new one collides with: over the same active version, taking off one of the
 * same people (`overlap`, in the open proposal's order). The second officer decides one at a time;
 * the same proposal asked for again (a retried request) collides with nothing.
 */
export function overlappingProposal(
  open: readonly PendingVersion[],
  next: Pick<PendingVersion, 'proposalId' | 'basedOnVersion' | 'takesOff'>,
): { proposal: PendingVersion; overlap: string[] } | undefined {
  const ids = new Set(affectedIds(next));
  for (const p of open) {
    if (p.proposalId === next.proposalId || p.basedOnVersion !== next.basedOnVersion) continue;
    const overlap = affectedIds(p).filter((id) => ids.has(id));
    if (overlap.length) return { proposal: p, overlap };
  }
  return undefined;
}

/** What a proposal says when its officer gave no reason: the change asked for. */
export const defaultProposalReason = (change: VersionChange) =>
  change.kind === 'import' ? `import of a ${change.format} file` : `${change.kind} ${change.entryId}`;
