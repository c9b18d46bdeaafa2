import { createEvent } from '@vetting/platform';
import type { ClearanceCase } from '../domain/clearance-case';
import type { Revetting } from '../domain/revetting';

/**
 * `clearance.revetting-opened`: intake opens a new revision of the person from it (candidate.updated
 * with the same revettingId), so screening and the checks run again; ids and dates only.
 */
export function revettingOpenedEvent(c: ClearanceCase, r: Revetting) {
  const n = c.inputs.nomination!;
  return createEvent('clearance', {
    type: 'clearance.revetting-opened',
    subject: c.candidateId,
    tenant: c.country,
    data: {
      candidateId: c.candidateId,
      country: c.country,
      revettingId: r.revettingId,
      previousDecisionId: r.previousDecisionId,
      ...(r.previousValidUntil ? { previousValidUntil: r.previousValidUntil } : {}),
      category: n.category,
      mission: n.mission,
      rotation: n.rotation,
      dueAt: r.dueAt,
      openedAt: r.openedAt,
      policyVersion: r.policyVersion,
    },
  });
}
