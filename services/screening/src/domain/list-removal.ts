/**
 * Removing a person from a ban list lets them be cleared again: one officer alone must not be able
 * to do it. A removal is proposed with a reason, and takes effect (a new list version) only when a
 * second, different officer countersigns it. `confirming`: countersigned, the version being published.
 */
export interface ListRemoval {
  proposalId: string;
  listId: string;
  entryId: string;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  /** The active version the entry was on when proposed. */
  basedOnVersion: number;
  status: 'pending' | 'confirming' | 'confirmed' | 'rejected';
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
  /** The version that removed the entry. */
  publishedVersion?: number;
}

export type CountersignRefusal = 'BANLIST.SAME_OFFICER' | 'BANLIST.REMOVAL_DECIDED';

/** Whether `officer` may countersign (approve or reject) the proposal now; a countersigning officer may retry an interrupted approval. */
export function countersignRefusal(r: ListRemoval, officer: string, approve: boolean): CountersignRefusal | undefined {
  if (r.proposedBy === officer) return 'BANLIST.SAME_OFFICER';
  if (r.status === 'pending') return undefined;
  if (r.status === 'confirming' && approve && r.decidedBy === officer) return undefined;
  return 'BANLIST.REMOVAL_DECIDED';
}
