import type { ListHit, Resolution } from '@vetting/banlists';

export interface SecondOfficerRule {
  /** The decision takes effect only with a second, different officer's countersignature. */
  required: boolean;
  /** Given who decided and who countersigned: whether the decision may take effect now. */
  satisfied: boolean;
  reason: string;
}

/**
 * Whether a reviewer's decision on a hit needs a second officer. An identifier match (band `match`:
 * the same document or service number) ruled out by one officer alone would let a barred person
 * through, so a false positive on one needs a countersignature by somebody else; confirming a match,
 * or ruling out a name-only possible match, is one officer's decision. An unknown hit needs nobody:
 * there is nothing to decide on.
 */
export function secondOfficerRule(
  hit: Pick<ListHit, 'band'> | undefined,
  d: { resolution: Resolution; resolvedBy: string; countersignedBy?: string },
): SecondOfficerRule {
  if (!hit || d.resolution !== 'false-positive' || hit.band !== 'match')
    return {
      required: false,
      satisfied: true,
      reason:
        d.resolution === 'confirmed'
          ? 'confirming a match holds the candidate back: one officer decides'
          : 'ruling out a name-only hit is one officer’s decision',
    };
  if (!d.countersignedBy)
    return { required: true, satisfied: false, reason: 'ruling out an identifier match needs a second officer’s countersignature' };
  if (d.countersignedBy === d.resolvedBy)
    return { required: true, satisfied: false, reason: 'an officer cannot countersign their own false positive on an identifier match' };
  return { required: true, satisfied: true, reason: `ruled out by ${d.resolvedBy} and countersigned by ${d.countersignedBy}` };
}

/** Ruling out this hit is only a proposal until a second officer countersigns it. */
export const needsSecondOfficer = (hit: Pick<ListHit, 'band'> | undefined, resolution: Resolution) =>
  secondOfficerRule(hit, { resolution, resolvedBy: '' }).required;
