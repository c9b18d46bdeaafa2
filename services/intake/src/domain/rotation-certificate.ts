import { createHash } from 'node:crypto';
import { displayNameOf, type Candidate, type CandidateStatus, type ListVersionRef } from './candidate';

export interface CertifiedMember {
  candidateId: string;
  caseReference: string;
  /**
   * Shown, never stored: the certificate keeps case references and pseudonymous ids only, and the
   * name is joined from the candidate's current data on each read ("(erased)" once they are erased).
   */
  displayName: string;
  revision: number;
  status: CandidateStatus;
  decidedAt?: string;
  validUntil?: string;
  listVersions: ListVersionRef[];
}

export interface RotationCertificate {
  id: string;
  country: string;
  rotation: string;
  missions: string[];
  version: number;
  supersedes?: string;
  certifiedAt: string;
  certifiedBy: string;
  statement?: string;
  contentHash: string;
  members: CertifiedMember[];
}

/** A decision an office can certify: cleared or not cleared. Anything else is still open. */
export const DECIDED: CandidateStatus[] = ['cleared', 'not-cleared'];

/** The roll to certify: every nomination of the rotation that was not withdrawn. */
export const rollOf = (candidates: Candidate[]) => candidates.filter((c) => c.status !== 'withdrawn');

export const undecided = (roll: Candidate[]) => roll.filter((c) => !DECIDED.includes(c.status));

export function toMember(c: Candidate): CertifiedMember {
  return {
    candidateId: c.id,
    caseReference: c.caseReference,
    displayName: displayNameOf(c),
    revision: c.revision,
    status: c.status,
    ...(c.decision ? { decidedAt: c.decision.decidedAt } : {}),
    ...(c.decision?.validUntil ? { validUntil: c.decision.validUntil } : {}),
    // From screening.completed of this revision; the decision's own inputs when that event has not
    // been applied yet (the two arrive on different topics, in no fixed order).
    listVersions: c.screenedAgainst ?? c.decision?.listVersions ?? [],
  };
}

/** Canonical JSON (sorted keys) so the hash does not depend on property order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** A member as the certificate is stored and hashed: without the name. */
export const storedMember = ({ displayName: _name, ...member }: CertifiedMember): Omit<CertifiedMember, 'displayName'> => member;

/** The certificate's members named from the current roll (names are not stored); an erased person shows as "(erased)". */
export function withNames(cert: RotationCertificate, current: Candidate[]): RotationCertificate {
  const names = new Map(current.map((c) => [c.id, displayNameOf(c)]));
  return { ...cert, members: cert.members.map((m) => ({ ...m, displayName: names.get(m.candidateId) ?? '(no longer on this rotation)' })) };
}

/**
 * SHA-256 over what was certified: country, rotation, version, members and their states (by case
 * reference and id; names are not part of the certified content, so erasing a person cannot break it).
 */
export function contentHash(c: Omit<RotationCertificate, 'contentHash' | 'id'>): string {
  const content = { country: c.country, rotation: c.rotation, version: c.version, certifiedAt: c.certifiedAt, certifiedBy: c.certifiedBy, members: c.members.map(storedMember) };
  return `sha256:${createHash('sha256').update(canonical(content)).digest('hex')}`;
}

/** Every distinct list version the members were screened against. */
export function distinctListVersions(members: CertifiedMember[]): ListVersionRef[] {
  const seen = new Map<string, ListVersionRef>();
  for (const m of members) for (const v of m.listVersions) seen.set(`${v.listId}@${v.version}`, { listId: v.listId, version: v.version, contentHash: v.contentHash });
  return [...seen.values()].sort((a, b) => a.listId.localeCompare(b.listId) || a.version - b.version);
}

export interface RollDiff {
  certificateId: string;
  version: number;
  certifiedAt: string;
  unchanged: number;
  added: CertifiedMember[];
  removed: CertifiedMember[];
  changed: { candidateId: string; before: CertifiedMember; after: CertifiedMember }[];
}

/** How the current roll differs from the certified one: new members, members gone (withdrawn), and members whose revision or state changed. */
export function diffRoll(cert: RotationCertificate, current: CertifiedMember[]): RollDiff {
  const before = new Map(cert.members.map((m) => [m.candidateId, m]));
  const now = new Map(current.map((m) => [m.candidateId, m]));
  const diff: RollDiff = { certificateId: cert.id, version: cert.version, certifiedAt: cert.certifiedAt, unchanged: 0, added: [], removed: [], changed: [] };
  for (const m of current) {
    const old = before.get(m.candidateId);
    if (!old) diff.added.push(m);
    else if (old.revision !== m.revision || old.status !== m.status || old.validUntil !== m.validUntil) diff.changed.push({ candidateId: m.candidateId, before: old, after: m });
    else diff.unchanged++;
  }
  for (const m of cert.members) if (!now.has(m.candidateId)) diff.removed.push(m);
  return diff;
}
